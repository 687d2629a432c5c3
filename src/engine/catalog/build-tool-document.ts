// What the filler needs of one tool: its parameters, and the concepts of its subject (its name and
// summary), which are left out of free-text values ("track order 123" does not search for "order").
import { analyzeText } from '../language/analyze-text.js';
import type { EngineTool } from './engine-tool.js';
import { listParameters, type ParameterInfo } from './list-parameters.js';

/** A tool as the filler reads it. */
export interface ToolDocument {
  tool: EngineTool;
  /** Topic concepts of the name and the description's first sentence: what the operation is about. */
  headConcepts: Set<string>;
  parameters: readonly ParameterInfo[];
}

/** The summary: the first line when a blank line follows it, else the first sentence. */
function summaryOf(text: string): string {
  const paragraph = /^([^\n]+)\n\s*\n/.exec(text);
  if (paragraph && !/[.!?]\s/.test(paragraph[1])) return paragraph[1];
  return /^(.*?[.!?])(\s|$)/s.exec(text)?.[1] ?? text;
}

/** Drops words that describe the API's output rather than its topic ("Returns the list of ..."). */
function withoutOutputPhrasing(text: string): string {
  return text.replace(/\b(returns|returned|responds with|response contains)\b/gi, ' ');
}

/**
 * Each tool's document, built once: the engine reads the same tool objects at every call (the model
 * keeps them per offered tool), and fills several of them in a turn. Documents are read, never changed.
 */
const documents = new WeakMap<EngineTool, ToolDocument>();

/** The document of one tool. */
export function buildToolDocument(tool: EngineTool): ToolDocument {
  let document = documents.get(tool);
  if (!document) {
    const topics = [
      ...analyzeText(tool.name),
      ...analyzeText(summaryOf(withoutOutputPhrasing(tool.description))),
    ];
    const headConcepts = new Set(topics.filter((term) => term.weight === 1).map((term) => term.concept));
    document = { tool, headConcepts, parameters: listParameters(tool.inputSchema) };
    documents.set(tool, document);
  }
  return document;
}
