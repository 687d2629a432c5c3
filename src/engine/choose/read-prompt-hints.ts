// Reads the base prompt's routing hints: a sentence naming one tool ("If the customer asks about order
// status, use the trackOrder API tool call.") attaches its other words to that tool.
import type { EngineTool } from '../catalog/engine-tool.js';
import { analyzeText } from '../language/analyze-text.js';
import { splitWords } from '../language/split-words.js';
import type { HintConcepts } from './rank-tools.js';

const HINT_NOISE = new Set(
  analyzeText('api tool call function operation customer user asks wants always never endpoint').map(
    (term) => term.concept,
  ),
);
const cache = new Map<string, HintConcepts>();

function mentionsTool(sentence: string, tool: EngineTool): boolean {
  const lower = sentence.toLowerCase();
  const name = tool.name.toLowerCase();
  const at = lower.indexOf(name);
  if (at >= 0 && !/[a-z0-9_]/.test(lower[at - 1] ?? '') && !/[a-z0-9_]/.test(lower[at + name.length] ?? ''))
    return true;
  const words = splitWords(tool.name);
  return words.length > 1 && lower.includes(words.join(' '));
}

/** Hint concepts per tool name from `system`. */
export function readPromptHints(system: string, tools: EngineTool[]): HintConcepts {
  const key = `${system}\u0000${tools.length}\u0000${tools[0]?.name ?? ''}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const hints: HintConcepts = new Map();
  for (const sentence of system.split(/(?<=[.!?])\s+|\n+/)) {
    const named = tools.filter((tool) => mentionsTool(sentence, tool));
    if (named.length !== 1) continue;
    const concepts = analyzeText(sentence)
      .filter((term) => term.weight === 1 && !HINT_NOISE.has(term.concept))
      .map((term) => term.concept);
    const set = hints.get(named[0].name) ?? new Set<string>();
    for (const concept of concepts) set.add(concept);
    hints.set(named[0].name, set);
  }
  if (cache.size > 256) cache.clear();
  cache.set(key, hints);
  return hints;
}
