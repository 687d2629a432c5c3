// Precomputes, once per tool set, every tool's document and the set's IDF, so a decision does not
// re-read a large catalog. Cached by the tools' schema objects, falling back to their content.
import { buildToolDocument, type ToolDocument } from './build-tool-document.js';
import type { EngineTool } from './engine-tool.js';

/** The ranking index of one tool set. */
export interface ToolIndex {
  documents: ToolDocument[];
  /** Inverse document frequency of each concept over the set. */
  idf: Map<string, number>;
  /** Mean document length. */
  averageLength: number;
}

const documentsBySchema = new WeakMap<object, ToolDocument>();
const documentsByContent = new Map<string, ToolDocument>();
const indexes = new Map<string, ToolIndex>();
const MAX_CACHED = 64;
const MAX_CACHED_DOCUMENTS = 20_000;

function remember<T>(cache: Map<string, T>, key: string, value: T, limit: number): T {
  if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}

function documentFor(tool: EngineTool): ToolDocument {
  const bySchema = documentsBySchema.get(tool.inputSchema);
  if (bySchema && bySchema.tool.name === tool.name && bySchema.tool.description === tool.description) {
    return bySchema;
  }
  const key = `${tool.name}\u0000${tool.description}\u0000${JSON.stringify(tool.inputSchema)}`;
  const document =
    documentsByContent.get(key) ??
    remember(documentsByContent, key, buildToolDocument(tool), MAX_CACHED_DOCUMENTS);
  documentsBySchema.set(tool.inputSchema, document);
  return document;
}

function buildIndex(documents: ToolDocument[]): ToolIndex {
  const frequency = new Map<string, number>();
  let totalLength = 0;
  for (const document of documents) {
    totalLength += document.length;
    for (const concept of document.weights.keys()) frequency.set(concept, (frequency.get(concept) ?? 0) + 1);
  }
  const count = documents.length;
  const idf = new Map<string, number>();
  for (const [concept, df] of frequency) idf.set(concept, Math.log(1 + (count - df + 0.5) / (df + 0.5)));
  return { documents, idf, averageLength: totalLength / Math.max(count, 1) };
}

/** The index of a tool set, built on first use and reused while the tools are the same. */
export function indexTools(tools: EngineTool[]): ToolIndex {
  const documents = tools.map(documentFor);
  const key = tools.map((tool) => tool.name).join('\n');
  const cached = indexes.get(key);
  if (cached?.documents.every((document, index) => document === documents[index])) return cached;
  return remember(indexes, key, buildIndex(documents), MAX_CACHED);
}
