// Chooses the operation for a message: rank, keep the relevant few, fill each, prefer the one whose
// inputs the message gives; ask when required inputs are missing or two operations tie.
import type { ToolDocument } from '../catalog/build-tool-document.js';
import type { ToolIndex } from '../catalog/build-tool-index.js';
import type { EngineTool } from '../catalog/engine-tool.js';
import type { ParameterInfo } from '../catalog/list-parameters.js';
import { type FilledArguments, fillArguments } from '../fill/fill-arguments.js';
import { analyzeMessage } from '../language/analyze-message.js';
import { splitWords } from '../language/split-words.js';
import { isBrowseRequest } from './detect-browse-request.js';
import { measureActionFit } from './measure-action-fit.js';
import { type HintConcepts, rankTools, type ToolMatch } from './rank-tools.js';

/** The outcome of choosing. */
export type Choice =
  | { type: 'call'; tool: EngineTool; input: Record<string, unknown> }
  | { type: 'ask'; tool: EngineTool; missing: ParameterInfo[] }
  | { type: 'clarify'; options: string[] }
  | { type: 'none' };

/** What the chooser reads. */
export interface ChooseToolOptions {
  index: ToolIndex;
  hints: HintConcepts;
  /** The customer's message. */
  text: string;
  /** The customer's earlier request when this message answers the assistant's question. */
  earlierText?: string;
}

const MAX_CANDIDATES = 3;
const MISSING_PENALTY = 0.5;
/** Two operations whose scores are within 2% are equally likely: ask which one is meant. */
const TIE_RATIO = 0.98;
/** Share of the message's topic a tool must cover when the message names the tool's subject, and otherwise. */
const NAMED_COVERAGE = 0.15;
const UNNAMED_COVERAGE = 0.4;

/** Whether a match is strong enough to act on: the tool's subject named, or most of the message covered. */
export function isRelevant(match: ToolMatch): boolean {
  if (match.score <= 0 || match.topicMatches === 0) return false;
  return match.coverage >= (match.nameHit ? NAMED_COVERAGE : UNNAMED_COVERAGE);
}

function fill(document: ToolDocument, text: string, earlierText: string | undefined): FilledArguments {
  const options = { parameters: document.parameters, subjectConcepts: document.headConcepts };
  const filled = fillArguments({ ...options, text });
  if (!earlierText || filled.missing.length === 0) return filled;
  const earlier = fillArguments({ ...options, text: earlierText });
  const input = { ...filled.input };
  for (const parameter of filled.missing) {
    if (parameter.name in earlier.input) input[parameter.name] = earlier.input[parameter.name];
  }
  const missing = filled.missing.filter((parameter) => !(parameter.name in input));
  return { input, missing, found: Object.keys(input).length };
}

function readableName(tool: EngineTool): string {
  const sentence = tool.description.split(/(?<=[.!?])\s/)[0]?.replace(/[.!?]+$/, '');
  return sentence && sentence.length <= 80
    ? sentence.charAt(0).toLowerCase() + sentence.slice(1)
    : splitWords(tool.name).join(' ');
}

/** Chooses what to do for the message. */
export function chooseTool(options: ChooseToolOptions): Choice {
  const { index, hints, text, earlierText } = options;
  const query = earlierText ? `${earlierText}\n${text}` : text;
  const ranked = rankTools(index, analyzeMessage(query), hints);
  const words = text.split(/[\s,;!?()]+/).map((word) => word.replace(/^[#"'“]+|[."'”]+$/g, ''));
  const namesValue = (match: ToolMatch) =>
    match.document.valuePatterns.some((pattern) => words.some((word) => pattern.test(word)));
  const relevant = ranked.filter((match) => isRelevant(match) || namesValue(match)).slice(0, MAX_CANDIDATES);
  if (isBrowseRequest(text)) {
    const searches = ranked.filter((match) => match.document.isSearch && !relevant.includes(match));
    relevant.push(...searches.slice(0, 1).map((match) => ({ ...match, score: Math.max(match.score, 0.01) })));
  }
  if (relevant.length === 0) return { type: 'none' };
  const scored = relevant
    .map((match) => {
      const filled = fill(match.document, text, earlierText);
      const final =
        match.score * (filled.missing.length > 0 ? MISSING_PENALTY : 1) * (1 + 0.05 * filled.found);
      return { match, filled, final };
    })
    .sort((left, right) => right.final - left.final);
  const [best, second] = scored;
  if (best.filled.missing.length > 0)
    return { type: 'ask', tool: best.match.document.tool, missing: best.filled.missing };
  if (second && second.filled.missing.length === 0 && second.final >= best.final * TIE_RATIO) {
    // A tie between reading and changing the same thing goes to the action the message asks for.
    const fits = [best, second].map((entry) => measureActionFit(entry.match.document.tool, query));
    if (fits[0] !== fits[1]) {
      const chosen = fits[0] > fits[1] ? best : second;
      return { type: 'call', tool: chosen.match.document.tool, input: chosen.filled.input };
    }
    const options = [readableName(best.match.document.tool), readableName(second.match.document.tool)];
    // Two operations described alike are told apart by their names.
    if (options[0] === options[1]) {
      options[0] = splitWords(best.match.document.tool.name).join(' ');
      options[1] = splitWords(second.match.document.tool.name).join(' ');
    }
    return { type: 'clarify', options };
  }
  return { type: 'call', tool: best.match.document.tool, input: best.filled.input };
}
