// Checks a signed-in customer's identity token (a short-lived JWT the business's backend signs) with
// the agent's settings: HS256 with its secret, or RS256/ES256 with a public key or a JWKS URL. Every
// refusal says plainly what was wrong; nothing about the secret is ever in it.
import { createPublicKey, type KeyObject } from 'node:crypto';
import {
  createRemoteJWKSet,
  customFetch,
  decodeProtectedHeader,
  errors,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import { createGuardedFetch } from '../../executor/index.js';
import type { Agent, AgentIdentitySettings } from '../../store/index.js';
import type { CustomerIdentity } from '../../tools/index.js';
import { IdentityRefusedError } from '../http-errors.js';

/** A token that passed every check. */
export interface VerifiedToken {
  /** The customer it names. */
  identity: CustomerIdentity;
  /** Its `exp`, ISO 8601: the identity stops counting then. */
  expiresAt: string;
}

/** Checks identity tokens; holds the cached JWKS of the agents that use one. */
export interface IdentityVerifier {
  /** The verified customer of `token` for `agent`; throws IdentityRefusedError with the reason. */
  verify(agent: Agent, token: string): Promise<VerifiedToken>;
  close(): Promise<void>;
}

/** The longest accepted token, in characters. */
export const MAX_TOKEN_LENGTH = 8192;
/** A token may be used until at most this long before its `exp`: identity tokens are short-lived. */
const MAX_LIFETIME_S = 24 * 60 * 60;
/** Clocks of the business's servers and this one may differ by this much, in seconds. */
const CLOCK_TOLERANCE_S = 60;
/** Claims about the token itself, not the customer: left out of the identity, and never bound. */
export const REGISTERED_CLAIMS = new Set(['iss', 'aud', 'exp', 'iat', 'nbf', 'jti']);
/** The customer's claims, as JSON, at most. */
const MAX_CLAIMS_CHARS = 4096;
/** A JWKS document read at most, in bytes. */
const MAX_JWKS_BYTES = 512 * 1024;
const MAX_CACHED_KEY_SETS = 100;

/** `RS256` for an RSA key of 2,048 bits or more, `ES256` for a P-256 EC key; else a sentence why not. */
export function algorithmOfPublicKey(pem: string): { alg: 'RS256' | 'ES256'; key: KeyObject } | string {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    return 'the public key is not a PEM public key ("-----BEGIN PUBLIC KEY-----")';
  }
  const details = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType === 'rsa' && (details?.modulusLength ?? 0) >= 2048) return { alg: 'RS256', key };
  if (key.asymmetricKeyType === 'ec' && details?.namedCurve === 'prime256v1') return { alg: 'ES256', key };
  return 'the public key must be an RSA key of at least 2,048 bits (RS256) or a P-256 EC key (ES256)';
}

/** The `aud` tokens for `agent` must carry: the configured one, else the agent's public key. */
export function audienceOf(agent: Agent): string {
  return agent.identity.audience || agent.publicKey;
}

function refuse(reason: string): never {
  throw new IdentityRefusedError(`the identity token was refused: ${reason}`);
}

/** The algorithms `settings` accept. */
function algorithmsOf(settings: AgentIdentitySettings): string[] {
  if (settings.method === 'secret') return ['HS256'];
  if (settings.method === 'jwks') return ['RS256', 'ES256'];
  const parsed = settings.publicKey ? algorithmOfPublicKey(settings.publicKey) : 'no public key is set';
  return typeof parsed === 'string' ? [] : [parsed.alg];
}

/** A sentence for why jose refused the token. */
function describeJoseError(error: unknown, agent: Agent): string {
  if (error instanceof errors.JWTExpired)
    return `it expired${typeof error.payload.exp === 'number' ? ` at ${new Date(error.payload.exp * 1000).toISOString()}` : ''}: sign a fresh one`;
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return `it is for another audience: its aud must be "${audienceOf(agent)}"`;
    if (error.claim === 'iss')
      return `it comes from another issuer: its iss must be "${agent.identity.issuer}"`;
    if (error.claim === 'nbf') return 'it is not valid yet (nbf is in the future)';
    if (error.reason === 'missing') return `it has no "${error.claim}" claim, which is required`;
    return `its "${error.claim}" claim is not valid (${error.message})`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return agent.identity.method === 'secret'
      ? "its signature does not match this agent's identity secret"
      : "its signature does not match this agent's public key";
  if (error instanceof errors.JWKSNoMatchingKey)
    return `no key published at ${agent.identity.jwksUrl} matches its kid and alg`;
  if (error instanceof errors.JWKSTimeout)
    return `the keys at ${agent.identity.jwksUrl} could not be read in time`;
  if (error instanceof errors.JWKSInvalid || error instanceof errors.JOSENotSupported)
    return `the keys at ${agent.identity.jwksUrl} are not a usable JWKS (${error.message})`;
  if (error instanceof errors.JOSEError) return `it is not a valid signed JWT (${error.message})`;
  // fetch() says only "fetch failed"; the network guard's reason is its cause.
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  const detail =
    cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  return `the keys at ${agent.identity.jwksUrl} could not be read (${detail})`;
}

/** The customer a verified payload names; refuses a payload that does not name one plainly. */
function toIdentity(payload: JWTPayload): CustomerIdentity {
  const { sub } = payload;
  if (typeof sub !== 'string' || !sub.trim() || sub.length > 255)
    refuse('its sub must be the customer id, a string of 1 to 255 characters');
  const claims: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(payload)) if (!REGISTERED_CLAIMS.has(name)) claims[name] = value;
  for (const name of ['email', 'name'] as const)
    if (claims[name] !== undefined && typeof claims[name] !== 'string')
      refuse(`its ${name} must be a string`);
  if (JSON.stringify(claims).length > MAX_CLAIMS_CHARS)
    refuse(`its claims are longer than ${MAX_CLAIMS_CHARS} characters as JSON`);
  return {
    sub,
    ...(typeof claims.email === 'string' ? { email: claims.email } : {}),
    ...(typeof claims.name === 'string' ? { name: claims.name } : {}),
    claims,
  };
}

/** Creates the verifier; JWKS are fetched through the network guard (`allowHosts` may reach private hosts). */
export function createIdentityVerifier(options: { allowHosts: readonly string[] }): IdentityVerifier {
  const guarded = createGuardedFetch({ allowHosts: options.allowHosts });
  const keySets = new Map<string, JWTVerifyGetKey>();
  const publicKeys = new Map<string, KeyObject>();

  /** Reads a JWKS document, at most MAX_JWKS_BYTES of it. */
  const fetchKeySet = async (url: string, init: RequestInit) => {
    const response = await guarded.fetch(url, init);
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_JWKS_BYTES) throw new Error(`the JWKS is larger than ${MAX_JWKS_BYTES} bytes`);
    const body = await response.arrayBuffer();
    if (body.byteLength > MAX_JWKS_BYTES) throw new Error(`the JWKS is larger than ${MAX_JWKS_BYTES} bytes`);
    return new Response(body, { status: response.status, headers: response.headers });
  };

  function keySetOf(url: string): JWTVerifyGetKey {
    let keySet = keySets.get(url);
    if (!keySet) {
      keySet = createRemoteJWKSet(new URL(url), {
        timeoutDuration: 5000,
        [customFetch]: fetchKeySet as never,
      });
      if (keySets.size >= MAX_CACHED_KEY_SETS) keySets.delete(keySets.keys().next().value as string);
      keySets.set(url, keySet);
    }
    return keySet;
  }

  function publicKeyOf(pem: string): KeyObject {
    let key = publicKeys.get(pem);
    if (!key) {
      const parsed = algorithmOfPublicKey(pem);
      if (typeof parsed === 'string') refuse(`this agent's identity settings are incomplete: ${parsed}`);
      key = parsed.key;
      if (publicKeys.size >= MAX_CACHED_KEY_SETS) publicKeys.clear();
      publicKeys.set(pem, key);
    }
    return key;
  }

  /** The keys to try, in order: the secret, then (during a rotation's grace period) the one before. */
  function keysOf(agent: Agent): (Uint8Array | KeyObject | JWTVerifyGetKey)[] {
    const settings = agent.identity;
    if (settings.method === 'secret') {
      if (!agent.identitySecret)
        refuse('this agent has no identity secret yet: generate one in its settings');
      const secrets = [agent.identitySecret, agent.previousIdentitySecret].filter(Boolean) as string[];
      return secrets.map((secret) => new TextEncoder().encode(secret));
    }
    if (settings.method === 'jwks') {
      if (!settings.jwksUrl) refuse("this agent's identity settings name no JWKS URL");
      return [keySetOf(settings.jwksUrl)];
    }
    if (!settings.publicKey) refuse("this agent's identity settings have no public key");
    return [publicKeyOf(settings.publicKey)];
  }

  return {
    async verify(agent, token) {
      if (agent.identity.method === 'none')
        refuse('this agent does not check identity tokens: switch identity verification on in its settings');
      if (token.length > MAX_TOKEN_LENGTH) refuse(`it is longer than ${MAX_TOKEN_LENGTH} characters`);
      if (!/^[\w-]+\.[\w-]+\.[\w-]*$/.test(token))
        refuse('it is not a JWT (three base64url parts joined by dots)');
      let alg: unknown;
      try {
        alg = decodeProtectedHeader(token).alg;
      } catch {
        refuse('its header is not valid base64url JSON');
      }
      if (typeof alg !== 'string' || alg.toLowerCase() === 'none')
        refuse('it is not signed (alg "none"): identity tokens must be signed');
      const algorithms = algorithmsOf(agent.identity);
      if (!algorithms.includes(alg))
        refuse(
          `it is signed with ${alg}; this agent accepts ${algorithms.join(' or ') || 'no algorithm yet'}`,
        );
      const verifyOptions = {
        algorithms,
        audience: audienceOf(agent),
        ...(agent.identity.issuer ? { issuer: agent.identity.issuer } : {}),
        requiredClaims: ['exp', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_S,
      };
      const keys = keysOf(agent);
      let payload: JWTPayload | undefined;
      let failure: unknown;
      for (const key of keys) {
        try {
          ({ payload } = await jwtVerify(token, key as Uint8Array, verifyOptions));
          break;
        } catch (error) {
          failure = error;
          // Only a signature that does not match may match the previous secret.
          if (!(error instanceof errors.JWSSignatureVerificationFailed)) break;
        }
      }
      if (!payload) refuse(describeJoseError(failure, agent));
      const exp = payload.exp as number;
      if (exp - Date.now() / 1000 > MAX_LIFETIME_S)
        refuse('its exp is more than 24 hours away: identity tokens must be short-lived (minutes to hours)');
      return { identity: toIdentity(payload), expiresAt: new Date(exp * 1000).toISOString() };
    },
    close: () => guarded.close(),
  };
}
