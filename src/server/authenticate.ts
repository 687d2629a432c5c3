// Who is calling: the admin (every property) or a property-scoped API key (its own property only).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hashToken, type Store } from '../store/index.js';
import { ForbiddenError, NotFoundError, UnauthorizedError } from './http-errors.js';

/** The authenticated caller of an admin route. */
export type Principal = { kind: 'admin' } | { kind: 'property'; propertyId: string; keyId: string };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook on every non-public route. */
    principal: Principal;
  }
  interface FastifyContextConfig {
    /** Route needs no credentials (health, docs, widget). */
    public?: boolean;
  }
}

/** The setting under which the generated admin token's hash is kept. */
export const ADMIN_TOKEN_SETTING = 'admin-token-sha256';

function hexBytes(hex: string | undefined): Buffer | undefined {
  return hex === undefined ? undefined : Buffer.from(hex, 'hex');
}

function sameHash(left: Buffer, right: Buffer): boolean {
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Adds the hook that authenticates every route not marked `config: { public: true }`. */
export function registerAuthentication(
  app: FastifyInstance,
  options: { store: Store; adminToken?: string },
): void {
  // The configured token's hash as bytes once, not at every request.
  const configuredHash = options.adminToken ? Buffer.from(hashToken(options.adminToken), 'hex') : undefined;
  app.decorateRequest('principal', null as never);
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config?.public || !request.routeOptions.url) return;
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new UnauthorizedError();
    const token = match[1];
    const hash = Buffer.from(hashToken(token), 'hex');
    const adminHash = configuredHash ?? hexBytes(await options.store.access.getSetting(ADMIN_TOKEN_SETTING));
    if (adminHash && sameHash(hash, adminHash)) {
      request.principal = { kind: 'admin' };
      return;
    }
    const key = await options.store.access.findApiKey(token);
    if (!key) throw new UnauthorizedError('the token is not valid');
    request.principal = { kind: 'property', propertyId: key.propertyId, keyId: key.id };
  });
}

/** Throws 404 unless the caller may see `propertyId` (a key of another property sees nothing). */
export function assertPropertyAccess(
  request: FastifyRequest,
  propertyId: string,
  what = 'property',
  id = propertyId,
): void {
  const principal = request.principal;
  if (principal.kind === 'property' && principal.propertyId !== propertyId) throw new NotFoundError(what, id);
}

/** Throws 403 unless the caller is the admin. */
export function assertAdmin(request: FastifyRequest, action: string): void {
  if (request.principal.kind !== 'admin') throw new ForbiddenError(`only the admin token may ${action}`);
}
