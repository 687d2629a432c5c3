// Properties and their API keys.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/index.js';
import { assertAdmin } from '../authenticate.js';
import { NotFoundError } from '../http-errors.js';
import type { ScopedLoaders } from '../load-scoped.js';
import { listOf, noContent, ref } from '../response-schemas.js';
import { idParams } from '../schemas.js';

const propertyBody = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', minLength: 1, maxLength: 200 } },
  additionalProperties: false,
} as const;

/** Routes under /api/v1/properties. */
export async function registerPropertyRoutes(
  app: FastifyInstance,
  { store, load }: { store: Store; load: ScopedLoaders },
): Promise<void> {
  const loadProperty = load.property;

  app.post<{ Body: { name: string } }>(
    '/properties',
    {
      schema: {
        tags: ['properties'],
        summary: 'Create a property',
        response: { 201: ref('Property') },
        body: propertyBody,
      },
    },
    async (request, reply) => {
      assertAdmin(request, 'create properties');
      const property = await store.properties.create({ name: request.body.name.trim() });
      return reply.status(201).send(property);
    },
  );

  app.get(
    '/properties',
    { schema: { tags: ['properties'], summary: 'List properties', response: { 200: listOf('Property') } } },
    async (request) => {
      const principal = request.principal;
      const items = await store.properties.list(
        principal.kind === 'admin' ? {} : { ids: [principal.propertyId] },
      );
      return { items };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/properties/:id',
    {
      schema: {
        tags: ['properties'],
        summary: 'Read a property',
        response: { 200: ref('Property') },
        params: idParams,
      },
    },
    async (request) => loadProperty(request, request.params.id),
  );

  app.patch<{ Params: { id: string }; Body: { name: string } }>(
    '/properties/:id',
    {
      schema: {
        tags: ['properties'],
        summary: 'Rename a property',
        response: { 200: ref('Property') },
        params: idParams,
        body: propertyBody,
      },
    },
    async (request) => {
      await loadProperty(request, request.params.id);
      return store.properties.update(request.params.id, { name: request.body.name.trim() });
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/properties/:id',
    {
      schema: {
        tags: ['properties'],
        summary: 'Delete a property and everything in it',
        response: { 204: noContent },
        params: idParams,
      },
    },
    async (request, reply) => {
      await loadProperty(request, request.params.id);
      assertAdmin(request, 'delete properties');
      await store.properties.delete(request.params.id);
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: string }; Body: { name: string } }>(
    '/properties/:id/api-keys',
    {
      schema: {
        tags: ['properties'],
        summary: 'Create an API key that can only reach this property (shown once)',
        response: { 201: ref('ApiKey') },
        params: idParams,
        body: propertyBody,
      },
    },
    async (request, reply) => {
      await loadProperty(request, request.params.id);
      assertAdmin(request, 'create API keys');
      const key = await store.access.createApiKey({
        propertyId: request.params.id,
        name: request.body.name.trim(),
      });
      return reply.status(201).send(key);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/properties/:id/api-keys',
    {
      schema: {
        tags: ['properties'],
        summary: "List a property's API keys (without the keys)",
        response: { 200: listOf('ApiKey') },
        params: idParams,
      },
    },
    async (request) => {
      await loadProperty(request, request.params.id);
      return { items: await store.access.listApiKeys(request.params.id) };
    },
  );

  app.delete<{ Params: { id: string; keyId: string } }>(
    '/properties/:id/api-keys/:keyId',
    {
      schema: {
        tags: ['properties'],
        summary: 'Revoke an API key',
        response: { 204: noContent },
        params: {
          ...idParams,
          required: ['id', 'keyId'],
          properties: { ...idParams.properties, keyId: { type: 'string' } },
        },
      },
    },
    async (request, reply) => {
      await loadProperty(request, request.params.id);
      assertAdmin(request, 'revoke API keys');
      const keys = await store.access.listApiKeys(request.params.id);
      if (!keys.some((key) => key.id === request.params.keyId))
        throw new NotFoundError('API key', request.params.keyId);
      await store.access.deleteApiKey(request.params.keyId);
      return reply.status(204).send();
    },
  );
}
