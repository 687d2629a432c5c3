// Checks each JSON answer against its route's response schema (what the OpenAPI document and the
// admin UI's types promise), so a route that answers something else fails its tests.
import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

/** Adds a hook that answers 500, naming the route and the mismatch, when a body does not fit its schema. */
export function checkResponses(app: FastifyInstance): void {
  const ajv = new Ajv({ strict: false, allErrors: true });
  formats.default(ajv);
  const compiled = new WeakMap<object, ValidateFunction>();
  let sharedAdded = false;
  app.addHook('preSerialization', async (request, reply, payload) => {
    const responses = request.routeOptions.schema?.response as Record<string, object> | undefined;
    const schema = responses?.[String(reply.statusCode)] ?? responses?.[`${String(reply.statusCode)[0]}xx`];
    if (!schema || reply.statusCode >= 400) return payload;
    if (!sharedAdded) {
      for (const shared of Object.values(app.getSchemas())) ajv.addSchema(shared as object);
      sharedAdded = true;
    }
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile(schema);
      compiled.set(schema, validate);
    }
    if (!validate(JSON.parse(JSON.stringify(payload ?? null)))) {
      throw new Error(
        `the answer of ${request.method} ${request.routeOptions.url} does not match its response schema: ${ajv.errorsText(validate.errors)}`,
      );
    }
    return payload;
  });
}
