// Loads and compiles a schema given over the API (URL or text), or throws a 422 that says where it broke.
import { type ImportedSchema, importSchema, loadSchemaSource } from '../openapi/index.js';
import { openGuardedDownload } from './guarded-download.js';
import { BadRequestError, UnprocessableError } from './http-errors.js';

/** A schema as given in a request body: a URL to fetch, or the text (pasted or read from an upload). */
export interface SchemaInput {
  schemaUrl?: string;
  schemaText?: string;
}

/** The compiled schema with the source it came from. */
export interface LoadedSchema {
  imported: ImportedSchema;
  sourceText: string;
  sourceUrl: string | null;
}

/** Options of `importSchemaSource`. */
export interface ImportSchemaSourceOptions {
  input: SchemaInput;
  /** Hosts that may be fetched although private (global allow list plus the integration's). */
  allowHosts: string[];
  /** More hosts allowed for one URL: this server's own demo. */
  allowHostsFor?: (url: string) => string[];
}

/** Fetches (through the network guard) or takes the text, then compiles it. */
export async function importSchemaSource(options: ImportSchemaSourceOptions): Promise<LoadedSchema> {
  const { schemaUrl, schemaText } = options.input;
  if (schemaUrl && schemaText) throw new BadRequestError('give either schemaUrl or schemaText, not both');
  if (!schemaUrl && schemaText === undefined)
    throw new BadRequestError('give the schema as schemaUrl or schemaText');
  const download = openGuardedDownload({
    allowHosts: options.allowHosts,
    allowHostsFor: options.allowHostsFor,
    urls: schemaUrl ? [schemaUrl] : [],
  });
  try {
    const loaded = schemaUrl
      ? await download.load(schemaUrl)
      : await loadSchemaSource({ text: schemaText ?? '' });
    if (!loaded.ok) throw new UnprocessableError(loaded.error.message, loaded.error.where);
    const sourceUrl = loaded.value.sourceUrl ?? schemaUrl ?? null;
    const compiled = await importSchema(loaded.value.text, sourceUrl ? { sourceUrl } : {});
    if (!compiled.ok) {
      throw new UnprocessableError(compiled.error.message, compiled.error.where);
    }
    return { imported: compiled.value, sourceText: loaded.value.text, sourceUrl };
  } finally {
    await download.close();
  }
}
