// Shared by the security regression suite: an "internal" service on loopback that must never be
// reached, a small business API document, and setting up a property with its API key.
import {
  type RecordedRequest,
  sendJson,
  startTestServer,
} from '../../executor/test-support/start-test-server.js';
import type { TestApp } from '../test-support/test-app.js';

/** What the internal service answers; finding it in a response means the guard was passed. */
export const INTERNAL_ANSWER = 'internal-only-answer-5d1e';

/** A service on 127.0.0.1 standing for anything internal (admin panels, metadata endpoints). */
export async function startInternalService(): Promise<{
  origin: string;
  port: number;
  requests: RecordedRequest[];
  close: () => Promise<void>;
}> {
  const server = await startTestServer((_request, response) =>
    sendJson(response, 200, { secret: INTERNAL_ANSWER, items: [{ name: INTERNAL_ANSWER }] }),
  );
  return { origin: server.url, port: server.port, requests: server.requests, close: server.close };
}

/** An OpenAPI document with one read operation (`listItems`) served at `origin`. */
export function itemsSchema(origin: string, parameterSchema = '{ type: string }'): string {
  return `openapi: 3.0.3
info: { title: Items, version: '1' }
servers: [{ url: '${origin}' }]
paths:
  /items:
    get:
      operationId: listItems
      summary: List the items
      description: Use when the customer asks which items there are.
      parameters:
        - { name: q, in: query, description: Words to search for, schema: ${parameterSchema} }
      responses: { '200': { description: The items } }
`;
}

/** Creates a property (as the admin) and an API key of it; returns the ids and the key. */
export async function createPropertyWithKey(test: TestApp): Promise<{ propertyId: string; key: string }> {
  const property = (
    await test.call({ method: 'POST', url: '/api/v1/properties', payload: { name: 'Shop' } })
  ).json();
  const created = (
    await test.call({
      method: 'POST',
      url: `/api/v1/properties/${property.id}/api-keys`,
      payload: { name: 'attacker' },
    })
  ).json();
  return { propertyId: property.id, key: created.key };
}
