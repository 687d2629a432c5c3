// Compiles the test catalogs through the real OpenAPI importer: the Trailhead store API and the
// generated 1,000-operation back office with the store's operations mixed in.
import { readFileSync } from 'node:fs';
import { importSchema } from '../../openapi/index.js';
import type { ToolDefinition } from '../index.js';
import { generateCatalogDocument } from './generate-catalog.js';

/** Compiles an OpenAPI document's text; throws when it does not compile. */
export async function compileCatalog(text: string): Promise<ToolDefinition[]> {
  const result = await importSchema(text);
  if (!result.ok) throw new Error(`test catalog did not compile: ${result.error.message}`);
  return result.value.tools;
}

/** The Trailhead store API's tools (10 operations, reads and writes). */
export async function loadStoreTools(): Promise<ToolDefinition[]> {
  return compileCatalog(
    readFileSync(new URL('../__fixtures__/trailhead-store.yaml', import.meta.url), 'utf8'),
  );
}

/** 1,000 generated back-office operations with `store` (default: the Trailhead store's) spread among them. */
export async function loadLargeCatalog(
  store?: ToolDefinition[],
): Promise<{ tools: ToolDefinition[]; store: ToolDefinition[] }> {
  const [generated, hidden] = await Promise.all([
    compileCatalog(JSON.stringify(generateCatalogDocument())),
    store ?? loadStoreTools(),
  ]);
  const tools = [...generated];
  const gap = Math.floor(generated.length / hidden.length);
  hidden.forEach((tool, position) => {
    tools.splice(position * (gap + 1) + Math.floor(gap / 2), 0, tool);
  });
  return { tools, store: hidden };
}
