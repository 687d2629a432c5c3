import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { base64url, exportJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendJson, startTestServer, type TestServer } from '../../executor/test-support/start-test-server.js';
import type { Agent, AgentIdentitySettings } from '../../store/index.js';
import { createIdentityVerifier, type IdentityVerifier } from './verify-identity-token.js';

const secret = 'idsec_test-secret-0123456789abcdefghijklmnop';

function agentWith(identity: AgentIdentitySettings, extra: Partial<Agent> = {}): Agent {
  return {
    id: 'agent-1',
    propertyId: 'property-1',
    name: 'Bot',
    basePrompt: '',
    model: {},
    publicKey: 'pk_agent_one',
    maxToolSteps: 4,
    handoffWebhookUrl: null,
    identity,
    createdAt: '',
    updatedAt: '',
    ...extra,
  };
}

const secretAgent = agentWith({ method: 'secret' }, { identitySecret: secret });

async function sign(
  claims: Record<string, unknown>,
  options: {
    key?: Parameters<SignJWT['sign']>[0];
    alg?: string;
    expiresIn?: string | number;
    kid?: string;
  } = {},
) {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? 'HS256', ...(options.kid ? { kid: options.kid } : {}) })
    .setIssuedAt();
  if (options.expiresIn !== null) jwt.setExpirationTime(options.expiresIn ?? '10m');
  return jwt.sign(options.key ?? new TextEncoder().encode(secret));
}

let verifier: IdentityVerifier;
let jwksServer: TestServer;
const es = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });

beforeAll(async () => {
  const jwk = { ...(await exportJWK(es.publicKey)), kid: 'key-1', alg: 'ES256', use: 'sig' };
  jwksServer = await startTestServer((_request, response) => sendJson(response, 200, { keys: [jwk] }));
  verifier = createIdentityVerifier({ allowHosts: ['127.0.0.1'] });
});
afterAll(async () => {
  await verifier.close();
  await jwksServer.close();
});

describe('identity tokens', () => {
  it('accepts a token signed with the agent secret, for its audience, and keeps the customer claims', async () => {
    const token = await sign({
      sub: '1',
      email: 'alex@example.com',
      name: 'Alex',
      tier: 'gold',
      aud: 'pk_agent_one',
    });
    const verified = await verifier.verify(secretAgent, token);
    expect(verified.identity).toEqual({
      sub: '1',
      email: 'alex@example.com',
      name: 'Alex',
      claims: { sub: '1', email: 'alex@example.com', name: 'Alex', tier: 'gold' },
    });
    expect(Date.parse(verified.expiresAt)).toBeGreaterThan(Date.now() + 9 * 60_000);
  });

  it.each([
    [
      'a forged signature',
      () => sign({ sub: '1', aud: 'pk_agent_one' }, { key: new TextEncoder().encode('x'.repeat(40)) }),
      /signature does not match this agent's identity secret/,
    ],
    [
      'an expired token',
      () => sign({ sub: '1', aud: 'pk_agent_one' }, { expiresIn: Math.floor(Date.now() / 1000) - 600 }),
      /it expired at/,
    ],
    ['another audience', () => sign({ sub: '1', aud: 'pk_other_agent' }), /its aud must be "pk_agent_one"/],
    ['no audience', () => sign({ sub: '1' }), /its aud must be "pk_agent_one"/],
    [
      'no expiry',
      () => sign({ sub: '1', aud: 'pk_agent_one' }, { expiresIn: null as never }),
      /no "exp" claim/,
    ],
    [
      'a far expiry',
      () => sign({ sub: '1', aud: 'pk_agent_one' }, { expiresIn: '30d' }),
      /more than 24 hours away/,
    ],
    ['no subject', () => sign({ aud: 'pk_agent_one' }), /no "sub" claim/],
    ['a number for email', () => sign({ sub: '1', aud: 'pk_agent_one', email: 5 }), /email must be a string/],
    [
      'alg none',
      async () =>
        `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url.encode(JSON.stringify({ sub: '1', aud: 'pk_agent_one', exp: Math.floor(Date.now() / 1000) + 600 }))}.`,
      /not signed \(alg "none"\)/,
    ],
    [
      'another algorithm',
      () => sign({ sub: '1', aud: 'pk_agent_one' }, { alg: 'HS512' }),
      /signed with HS512; this agent accepts HS256/,
    ],
    ['not a JWT', async () => 'hello', /not a JWT/],
  ])('refuses %s with a reason', async (_name, make, reason) => {
    const error = await verifier.verify(secretAgent, await make()).catch((caught: Error) => caught);
    expect(error).toMatchObject({ statusCode: 401, code: 'identity-refused' });
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).not.toContain(secret);
  });

  it('accepts the previous secret during a rotation grace period only', async () => {
    const old = 'idsec_previous-secret-abcdefghijklmnopqrstu';
    const token = await sign({ sub: '1', aud: 'pk_agent_one' }, { key: new TextEncoder().encode(old) });
    const rotated = agentWith({ method: 'secret' }, { identitySecret: secret, previousIdentitySecret: old });
    await expect(verifier.verify(rotated, token)).resolves.toMatchObject({ identity: { sub: '1' } });
    await expect(verifier.verify(secretAgent, token)).rejects.toThrow(/signature does not match/);
  });

  it('checks RS256 tokens with a public key, and refuses an HS256 token made with that key', async () => {
    const pem = rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const agent = agentWith({
      method: 'publicKey',
      publicKey: pem,
      audience: 'shop',
      issuer: 'https://shop.test',
    });
    const token = await sign(
      { sub: '7', aud: 'shop', iss: 'https://shop.test' },
      { alg: 'RS256', key: createPrivateKey(rsa.privateKey.export({ type: 'pkcs8', format: 'pem' })) },
    );
    await expect(verifier.verify(agent, token)).resolves.toMatchObject({ identity: { sub: '7' } });
    const wrongIssuer = await sign(
      { sub: '7', aud: 'shop', iss: 'https://evil.test' },
      { alg: 'RS256', key: rsa.privateKey },
    );
    await expect(verifier.verify(agent, wrongIssuer)).rejects.toThrow(
      /its iss must be "https:\/\/shop.test"/,
    );
    const confused = await sign(
      { sub: '7', aud: 'shop', iss: 'https://shop.test' },
      { key: new TextEncoder().encode(pem) },
    );
    await expect(verifier.verify(agent, confused)).rejects.toThrow(
      /signed with HS256; this agent accepts RS256/,
    );
  });

  it('checks ES256 tokens with the keys of a JWKS URL, through the network guard', async () => {
    const agent = agentWith({ method: 'jwks', jwksUrl: `${jwksServer.url}/.well-known/jwks.json` });
    const token = await sign(
      { sub: '9', aud: 'pk_agent_one' },
      { alg: 'ES256', kid: 'key-1', key: es.privateKey },
    );
    await expect(verifier.verify(agent, token)).resolves.toMatchObject({ identity: { sub: '9' } });
    const unknownKey = await sign(
      { sub: '9', aud: 'pk_agent_one' },
      { alg: 'ES256', kid: 'key-2', key: es.privateKey },
    );
    await expect(verifier.verify(agent, unknownKey)).rejects.toThrow(/no key published at .* matches/);
    const guarded = createIdentityVerifier({ allowHosts: [] });
    await expect(guarded.verify(agent, token)).rejects.toThrow(
      /could not be read \(Refused to connect to 127.0.0.1/,
    );
    await guarded.close();
  });

  it('refuses every token for an agent that does not check them', async () => {
    const token = await sign({ sub: '1', aud: 'pk_agent_one' });
    await expect(verifier.verify(agentWith({ method: 'none' }), token)).rejects.toThrow(
      /does not check identity tokens/,
    );
    await expect(verifier.verify(agentWith({ method: 'secret' }), token)).rejects.toThrow(
      /no identity secret yet/,
    );
  });
});
