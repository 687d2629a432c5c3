// Refuses identity settings that could not work, with a message saying what and where: an agent's
// token checking, an integration's identity headers, an operation's bound inputs.
import type { Agent, IdentitySettingsInput, StoredAuth, StoredIdentityBinding } from '../../store/index.js';
import { describeBinding, listBindableInputs, type ToolDefinition } from '../../tools/index.js';
import { BadRequestError } from '../http-errors.js';
import { algorithmOfPublicKey, REGISTERED_CLAIMS } from './verify-identity-token.js';

/** Headers Concierge sets itself, which a claim must not replace. */
const RESERVED_HEADERS = new Set([
  'authorization',
  'cookie',
  'host',
  'content-type',
  'content-length',
  'accept',
  'user-agent',
  'idempotency-key',
  'transfer-encoding',
  'connection',
]);

/** Refuses an agent's identity settings that cannot check a token (`agent`: as stored now; none when new). */
export function checkAgentIdentity(input: IdentitySettingsInput, agent?: Agent): void {
  if (input.method === 'secret' && !agent?.identitySecret)
    throw new BadRequestError(
      `body.identity.method 'secret' needs a secret: generate one with POST /api/v1/agents/${agent?.id ?? ':id'}/identity/secret`,
    );
  if (input.method === 'publicKey') {
    if (!input.publicKey)
      throw new BadRequestError("body.identity.publicKey is required for method 'publicKey'");
    const parsed = algorithmOfPublicKey(input.publicKey);
    if (typeof parsed === 'string') throw new BadRequestError(`body.identity.publicKey: ${parsed}`);
  }
  if (input.method === 'jwks' && !input.jwksUrl)
    throw new BadRequestError("body.identity.jwksUrl is required for method 'jwks'");
}

// Binding a claim about the token, not the customer, would send the same value for everyone.
function checkClaim(claim: string, where: string): void {
  if (REGISTERED_CLAIMS.has(claim))
    throw new BadRequestError(
      `${where}: "${claim}" describes the token, not the customer; bind sub, email, name or a custom claim`,
    );
}

/** Refuses identity headers that would replace a header Concierge sets, the API key's, or repeat. */
export function checkIdentityHeaders(
  headers: readonly { name: string; claim: string }[] | undefined,
  auth: StoredAuth | undefined,
): void {
  if (!headers) return;
  const seen = new Set<string>();
  headers.forEach((header, index) => {
    const where = `body.identityHeaders[${index}]`;
    const name = header.name.toLowerCase();
    if (RESERVED_HEADERS.has(name))
      throw new BadRequestError(`${where}: ${header.name} is set by Concierge itself`);
    if (auth?.type === 'apiKey' && auth.in === 'header' && auth.name.toLowerCase() === name)
      throw new BadRequestError(`${where}: ${header.name} carries the integration's API key`);
    if (seen.has(name)) throw new BadRequestError(`${where}: ${header.name} is listed twice`);
    seen.add(name);
    checkClaim(header.claim, where);
  });
}

/** One input as HTTP tells inputs apart: header names in any case. */
function inputKey(input: { in: string; name: string }): string {
  return `${input.in} ${input.in === 'header' ? input.name.toLowerCase() : input.name}`;
}

/** Refuses bindings to inputs `tool` does not have, or the same input twice, naming what it has. */
export function checkBindings(tool: ToolDefinition, bindings: readonly StoredIdentityBinding[]): void {
  const bindable = listBindableInputs(tool);
  const bindableKeys = new Set(bindable.map(inputKey));
  const seen = new Set<string>();
  bindings.forEach((binding, index) => {
    const where = `body.identityBindings[${index}]`;
    const key = inputKey(binding);
    if (!bindableKeys.has(key)) {
      const listed = bindable.map(describeBinding).join(', ') || 'none';
      throw new BadRequestError(
        `${where}: ${tool.name} has no ${describeBinding(binding)}; its inputs are: ${listed}`,
      );
    }
    if (seen.has(key)) throw new BadRequestError(`${where}: ${describeBinding(binding)} is bound twice`);
    seen.add(key);
    checkClaim(binding.claim, where);
  });
}
