// An agent's identity secret (generated here, shown once, rotated with an optional grace period) and a
// check of an identity token against the agent's settings, for the business's developers.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/index.js';
import { type IdentityVerifier, MAX_TOKEN_LENGTH } from '../identity/verify-identity-token.js';
import type { ScopedLoaders } from '../load-scoped.js';
import { ref } from '../response-schemas.js';
import { idParams } from '../schemas.js';

/** Routes under /agents/:id/identity. */
export async function registerIdentityRoutes(
  app: FastifyInstance,
  { store, load, verifier }: { store: Store; load: ScopedLoaders; verifier: IdentityVerifier },
): Promise<void> {
  app.post<{ Params: { id: string }; Body: { previousValidForMinutes?: number } }>(
    '/agents/:id/identity/secret',
    {
      schema: {
        tags: ['agents'],
        summary: 'Generate (or rotate) the HS256 identity secret; it is shown in this answer only',
        description:
          "Switches the agent's identity verification to the secret. Sign customers' identity tokens with it (HS256) on your backend. The previous secret stops working at once, or after `previousValidForMinutes` so that your backend can be updated first.",
        response: { 201: ref('IdentitySecret') },
        params: idParams,
        body: {
          type: 'object',
          properties: {
            previousValidForMinutes: {
              type: 'integer',
              minimum: 0,
              maximum: 10_080,
              description: 'Keep accepting the previous secret this long (at most a week); default 0',
            },
          },
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      await load.agent(request, request.params.id);
      const minutes = request.body?.previousValidForMinutes ?? 0;
      const secret = `idsec_${randomBytes(32).toString('base64url')}`;
      const previousValidUntil =
        minutes > 0 ? new Date(Date.now() + minutes * 60_000).toISOString() : undefined;
      const agent = await store.agents.rotateIdentitySecret(request.params.id, {
        secret,
        previousValidUntil,
      });
      void reply.header('cache-control', 'no-store');
      return reply.status(201).send({
        secret,
        createdAt: agent?.identity.secretCreatedAt ?? new Date().toISOString(),
        previousValidUntil: agent?.previousIdentitySecret ? (previousValidUntil ?? null) : null,
      });
    },
  );

  app.post<{ Params: { id: string }; Body: { token: string } }>(
    '/agents/:id/identity/check',
    {
      schema: {
        tags: ['agents'],
        summary:
          "Check an identity token as the widget's would be: the customer it names, or why it is refused",
        response: { 200: ref('IdentityCheck') },
        params: idParams,
        body: {
          type: 'object',
          required: ['token'],
          properties: { token: { type: 'string', minLength: 1, maxLength: MAX_TOKEN_LENGTH } },
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const agent = await load.agent(request, request.params.id);
      try {
        const verified = await verifier.verify(agent, request.body.token.trim());
        return { ok: true, identity: verified.identity, expiresAt: verified.expiresAt };
      } catch (error) {
        return { ok: false, error: (error as Error).message };
      }
    },
  );
}
