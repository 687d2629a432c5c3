// Test helper: a stored schema version whose operations are plain GETs named `names`.

/** A schema version for `store.integrations.create` / `addVersion` with one GET per name. */
export function schemaVersion(names: string[]) {
  return {
    sourceText: 'openapi: 3.0.3',
    sourceUrl: null,
    sha256: 'x',
    openapiVersion: '3.0.3',
    tools: names.map((name) => ({
      name,
      method: 'GET',
      path: `/${name}`,
      description: name,
      tags: [],
      inputSchema: { type: 'object', properties: {}, required: [] },
      parameters: [],
      idempotent: true,
      readOnly: true,
      deprecated: false,
      callable: true,
      pointer: `#/paths/~1${name}/get`,
    })),
    lint: [],
  };
}
