// Loads a schema named on the command line (file path or URL) and compiles it, for `import` and `check`.
import { isHostAllowed, splitAllowHosts } from '../executor/index.js';
import {
  type ImportedSchema,
  importSchema,
  loadSchemaSource,
  type SchemaImportError,
  type SchemaImportErrorLocation,
} from '../openapi/index.js';

/** A failure as `--json` prints it: what failed and where (the source, and the node or line in it). */
export interface ImportFailureJson {
  code: string;
  message: string;
  where: SchemaImportErrorLocation & { source: string };
}

/** Reads `source` (an http(s) URL or a file path) and compiles it. */
export async function importFromCommandLine(
  source: string,
  options: { env: NodeJS.ProcessEnv; maxOperations?: number },
): Promise<{ ok: true; value: ImportedSchema } | { ok: false; error: SchemaImportError }> {
  // CONCIERGE_ALLOW_HOSTS, read as the server reads it.
  const allowHosts = splitAllowHosts(options.env.CONCIERGE_ALLOW_HOSTS);
  const loaded = await loadSchemaSource(/^https?:\/\//i.test(source) ? { url: source } : { path: source }, {
    isHostAllowed: (url) => isHostAllowed(url, allowHosts),
  });
  if (!loaded.ok) return loaded;
  return importSchema(loaded.value.text, {
    sourceUrl: loaded.value.sourceUrl,
    maxOperations: options.maxOperations,
  });
}

/** The JSON form of a failure. */
export function failureJson(error: SchemaImportError, source: string): ImportFailureJson {
  return { code: error.code, message: error.message, where: { source, ...error.where } };
}
