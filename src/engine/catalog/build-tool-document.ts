// Indexes one tool's words once: weighted concepts from its name, description, parameters and enums.

import { classifyParameter } from '../fill/classify-parameter.js';
import { analyzeQuestionWords } from '../language/analyze-message.js';
import { analyzeText, type Term } from '../language/analyze-text.js';
import type { EngineTool } from './engine-tool.js';
import { listParameters, type ParameterInfo } from './list-parameters.js';

/** How much a word counts by where it appears in the tool. */
export const FIELD_WEIGHTS = {
  name: 3,
  summary: 2,
  description: 1,
  parameterName: 1,
  parameterDescription: 0.5,
  enumValue: 0.7,
} as const;

/** A tool's precomputed words and parameters. */
export interface ToolDocument {
  tool: EngineTool;
  /** Field-weighted frequency of each concept. */
  weights: Map<string, number>;
  /** Sum of all field-weighted frequencies (the document length for BM25). */
  length: number;
  /** Concepts of the tool's name that name a topic (not request verbs): the operation's subject. */
  nameConcepts: Set<string>;
  /** Topic concepts of the name and the description's first sentence: what the operation is about. */
  headConcepts: Set<string>;
  parameters: ParameterInfo[];
  /** Whether the tool takes a free-text search (a query or keyword parameter): a catalog search. */
  isSearch: boolean;
}

/** Splits a description into its summary (the first line when a blank line follows it, else the first sentence) and the rest. */
function splitFirstSentence(text: string): [string, string] {
  const paragraph = /^([^\n]+)\n\s*\n/.exec(text);
  if (paragraph && !/[.!?]\s/.test(paragraph[1])) return [paragraph[1], text.slice(paragraph[1].length)];
  const match = /^(.*?[.!?])(\s|$)/s.exec(text);
  return match ? [match[1], text.slice(match[1].length)] : [text, ''];
}

/** Drops words that describe the API's output rather than its topic ("Returns the list of ..."). */
function withoutOutputPhrasing(text: string): string {
  return text.replace(/\b(returns|returned|responds with|response contains)\b/gi, ' ');
}

/** Builds the document of one tool. */
export function buildToolDocument(tool: EngineTool): ToolDocument {
  const weights = new Map<string, number>();
  let length = 0;
  const add = (terms: Term[], weight: number) => {
    for (const term of terms) {
      const value = weight * term.weight;
      weights.set(term.concept, (weights.get(term.concept) ?? 0) + value);
      length += value;
    }
  };
  const nameTerms = analyzeText(tool.name);
  add(nameTerms, FIELD_WEIGHTS.name);
  const [summary, rest] = splitFirstSentence(withoutOutputPhrasing(tool.description));
  const summaryTerms = analyzeText(summary);
  add(summaryTerms, FIELD_WEIGHTS.summary);
  add(analyzeText(rest), FIELD_WEIGHTS.description);
  // "Use when the customer asks where their order is": the question words a message would use.
  add(
    analyzeQuestionWords(tool.description.replace(/\buse (?:this |it )?when\b/gi, '')),
    FIELD_WEIGHTS.description,
  );
  const parameters = listParameters(tool.inputSchema);
  for (const parameter of parameters) {
    add(analyzeText(parameter.name), FIELD_WEIGHTS.parameterName);
    add(analyzeText(withoutOutputPhrasing(parameter.description)), FIELD_WEIGHTS.parameterDescription);
    const enumText = (parameter.enumValues ?? []).filter((value) => typeof value === 'string').join(' ');
    add(analyzeText(enumText), FIELD_WEIGHTS.enumValue);
  }
  const nameConcepts = new Set(nameTerms.filter((term) => term.weight === 1).map((term) => term.concept));
  const headConcepts = new Set([
    ...nameConcepts,
    ...summaryTerms.filter((term) => term.weight === 1).map((term) => term.concept),
  ]);
  const isSearch = parameters.some((parameter) => classifyParameter(parameter).kind === 'keyword');
  return { tool, weights, length, nameConcepts, headConcepts, parameters, isSearch };
}
