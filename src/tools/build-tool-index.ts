// The full-text index over a tool catalog: BM25 over a tool's name, summary, path, tags, description
// and parameters, each field boosted by how much it says about when to use the tool.
import MiniSearch from 'minisearch';
import type { JsonSchema, ToolDefinition } from '../openapi/index.js';
import { splitWords, toSearchTerm } from './search-terms.js';

/** One tool as indexed; `id` is its position in the catalog array. */
export interface ToolDocument {
  id: number;
  name: string;
  summary: string;
  path: string;
  tags: string;
  description: string;
  parameters: string;
  /** Whether the tool takes free search words, so it can serve words no tool's text contains. */
  freeText: boolean;
}

/** How much a match in each field counts, relative to the description. */
export const FIELD_BOOSTS = { name: 3, summary: 2, path: 1.5, tags: 1.5, description: 1, parameters: 0.7 };

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Names, descriptions and enum values of the input's properties, one level into object properties. */
function describeProperties(schema: unknown, depth = 0): string[] {
  if (!isSchema(schema) || !isSchema(schema.properties)) return [];
  const parts: string[] = [];
  for (const [name, property] of Object.entries(schema.properties)) {
    parts.push(name);
    if (!isSchema(property)) continue;
    if (typeof property.description === 'string') parts.push(property.description);
    if (Array.isArray(property.enum))
      parts.push(property.enum.filter((value) => typeof value === 'string').join(' '));
    if (depth === 0) parts.push(...describeProperties(property, depth + 1));
  }
  return parts;
}

const FREE_TEXT_NAME = /^(q|query|search|keywords?|terms?|text|phrase)$/i;
const FREE_TEXT_DESCRIPTION = /\b(search|keywords?|words)\b/i;

/** True when the tool has a plain string input for search words (`q`, `query`, "Search keyword..."). */
export function takesFreeText(tool: ToolDefinition): boolean {
  const properties = tool.inputSchema.properties;
  if (!isSchema(properties)) return false;
  return Object.entries(properties).some(([name, property]) => {
    if (!isSchema(property) || property.type !== 'string') return false;
    if (property.enum || property.format || property.pattern) return false;
    const description = typeof property.description === 'string' ? property.description : '';
    return FREE_TEXT_NAME.test(name) || FREE_TEXT_DESCRIPTION.test(description);
  });
}

/** The indexed text of the tool at position `id` of its catalog. */
export function toToolDocument(tool: ToolDefinition, id: number): ToolDocument {
  return {
    id,
    name: [...new Set(splitWords(`${tool.name} ${tool.operationId ?? ''}`))].join(' '),
    summary: tool.summary ?? '',
    path: tool.path,
    tags: tool.tags.join(' '),
    description: tool.description,
    parameters: describeProperties(tool.inputSchema).join(' '),
    freeText: takesFreeText(tool),
  };
}

/** Builds the index of a catalog's documents; search it with already processed terms (see `toSearchTerm`). */
export function buildToolIndex(documents: readonly ToolDocument[]): MiniSearch<ToolDocument> {
  const index = new MiniSearch<ToolDocument>({
    fields: Object.keys(FIELD_BOOSTS),
    storeFields: ['freeText'],
    tokenize: splitWords,
    processTerm: toSearchTerm,
    searchOptions: {
      boost: FIELD_BOOSTS,
      combineWith: 'OR',
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      prefix: (term) => term.length >= 5,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      maxFuzzy: 2,
      weights: { prefix: 0.5, fuzzy: 0.3 },
    },
  });
  index.addAll(documents);
  return index;
}
