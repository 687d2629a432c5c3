// Connects an API to a property: fetch and compile its schema (when given) and store both at once.
import type { CreateIntegrationInput, Integration, Store } from '../store/index.js';
import { BadRequestError } from './http-errors.js';
import { importSchemaSource, type LoadedSchema, type SchemaInput } from './import-schema-source.js';

/** A compiled schema as the store keeps a version of it. */
export function toVersionInput({ imported, sourceText, sourceUrl }: LoadedSchema) {
  return {
    sourceText,
    sourceUrl,
    sha256: imported.sha256,
    openapiVersion: imported.openapiVersion,
    tools: imported.tools,
    lint: imported.lint,
  };
}

/** Options of `createIntegration`: the settings, the schema, and the server-wide allowed hosts. */
export interface CreateIntegrationOptions {
  settings: Omit<CreateIntegrationInput, 'baseUrl'> & { baseUrl?: string };
  schema?: SchemaInput;
  /** `CONCIERGE_ALLOW_HOSTS`; the integration's own allowHosts are added for its schema URL. */
  allowHosts: string[];
  /** More hosts allowed for one URL: this server's own demo. */
  allowHostsFor?: (url: string) => string[];
}

/**
 * Imports the schema (when given) as version 1 and stores the integration in one transaction. The base
 * URL defaults to the schema's first server. Throws 400/422 errors that say what is wrong.
 */
export async function createIntegration(
  store: Store,
  options: CreateIntegrationOptions,
): Promise<Integration> {
  const { settings, schema } = options;
  const loaded =
    schema && (schema.schemaUrl || schema.schemaText !== undefined)
      ? await importSchemaSource({
          input: schema,
          allowHosts: [...options.allowHosts, ...(settings.allowHosts ?? [])],
          allowHostsFor: options.allowHostsFor,
        })
      : undefined;
  const baseUrl = settings.baseUrl ?? loaded?.imported.servers[0];
  if (!baseUrl) {
    throw new BadRequestError(
      loaded
        ? 'body.baseUrl is required: the schema names no server to call'
        : "body: 'baseUrl' is required when no schema is given",
    );
  }
  return store.integrations.create({ ...settings, baseUrl }, loaded && toVersionInput(loaded));
}
