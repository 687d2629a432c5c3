// Loads a record by id and checks the caller may see its property (404 otherwise, as if absent).
import type { FastifyRequest } from 'fastify';
import type { Agent, Conversation, Integration, KnowledgeSource, Property, Store } from '../store/index.js';
import { assertPropertyAccess } from './authenticate.js';
import { NotFoundError } from './http-errors.js';

/** Loaders that return the record or throw NotFoundError. */
export interface ScopedLoaders {
  property: (request: FastifyRequest, id: string) => Promise<Property>;
  agent: (request: FastifyRequest, id: string) => Promise<Agent>;
  integration: (request: FastifyRequest, id: string) => Promise<Integration>;
  conversation: (request: FastifyRequest, id: string) => Promise<Conversation>;
  knowledgeSource: (request: FastifyRequest, id: string) => Promise<KnowledgeSource>;
}

/** Builds the loaders over a store. */
export function createScopedLoaders(store: Store): ScopedLoaders {
  function scoped<T>(
    what: string,
    get: (id: string) => Promise<T | undefined>,
    propertyOf: (record: T) => string = (record) => (record as { propertyId: string }).propertyId,
  ) {
    return async (request: FastifyRequest, id: string): Promise<T> => {
      const record = await get(id);
      if (!record) throw new NotFoundError(what, id);
      assertPropertyAccess(request, propertyOf(record), what, id);
      return record;
    };
  }
  return {
    property: scoped(
      'property',
      (id) => store.properties.get(id),
      (property) => property.id,
    ),
    agent: scoped('agent', (id) => store.agents.get(id)),
    integration: scoped('integration', (id) => store.integrations.get(id)),
    conversation: scoped('conversation', (id) => store.conversations.get(id)),
    knowledgeSource: scoped('knowledge source', (id) => store.knowledge.getSource(id)),
  };
}
