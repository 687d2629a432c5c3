// Says what the assistant can help with: the operations nearest to what the customer asked, each in
// plain words ("look up a booking", "refund a payment").
import { indexCatalogCached, loadWordVectors, type RankableTool, rankCatalog } from '../../tools/index.js';
import type { EngineTool } from '../catalog/engine-tool.js';
import { describeAction } from './describe-action.js';
import { joinAnd } from './format-field.js';

const MAX_LISTED = 5;
/** How many phrases of one verb, and no other, are said with the verb once. */
const MERGED = 3;

/** The sentence offering a person; the engine reads a "yes" to it back from the history. */
export const HANDOFF_OFFER = 'If you would like, I can hand you over to a person.';

/** What the reply is about. */
export interface DescribeCapabilitiesOptions {
  /** The operations the assistant may call. */
  tools: EngineTool[];
  /** The customer's message no operation answered; without it the operations keep their order. */
  text?: string;
  /** Earlier messages of the conversation. */
  context?: string;
  /** The agent's base prompt. */
  system?: string;
}

/**
 * The operations in the order the ranking puts them for the message, those nearest to what was asked
 * first (without a message, in their own order), leaving out those their documents mark deprecated.
 */
function orderTools(options: DescribeCapabilitiesOptions): EngineTool[] {
  const { tools, text } = options;
  if (tools.length === 0) return tools;
  const index = indexCatalogCached(tools as RankableTool[], { source: tools });
  const entries = text?.trim()
    ? rankCatalog({ index, message: text, context: options.context, basePrompt: options.system }).tools.map(
        (ranked) => ranked.entry,
      )
    : index.tools;
  return entries.filter((entry) => !entry.deprecated).map((entry) => tools[entry.position]);
}

/** Prepositions a verb takes before its object ("search for charges", "count to five"). */
const VERB_PARTICLES = new Set(['up', 'for', 'to', 'in', 'on', 'at', 'from', 'with']);

/** A phrase's verb ("look up", "search for", "list") and its object; a phrase without one is its own verb. */
function splitVerb(phrase: string): { verb: string; object: string } {
  const words = phrase.split(' ');
  const length = VERB_PARTICLES.has(words[1]) ? 2 : 1;
  const object = words.slice(length).join(' ');
  // An object that is a list itself ("quote totals and data") stays with its verb.
  return object && !/,|\band\b/.test(object)
    ? { verb: words.slice(0, length).join(' '), object }
    : { verb: phrase, object: '' };
}

/**
 * Phrases that all share one verb said with the verb once: "list cards", "list gift cards", "list
 * employees" -> "list cards, gift cards and employees". Mixed with other verbs they stay apart, where
 * a list inside the list would blur which verb goes with what.
 */
function mergeByVerb(phrases: string[]): string[] {
  const split = phrases.map(splitVerb);
  const verb = split[0]?.verb;
  const shared = split.length >= MERGED && split.every((phrase) => phrase.object && phrase.verb === verb);
  return shared ? [`${verb} ${joinAnd(split.map((phrase) => phrase.object))}`] : phrases;
}

/**
 * The first `count` different phrases of the ordered tools in plain English, and whether there are
 * more. Only as many tools are described as that takes: a large catalog (GitHub's 1,223 operations)
 * need not be.
 */
function firstPhrases(tools: EngineTool[], count: number): { phrases: string[]; more: boolean } {
  const phrases = new Set<string>();
  const english = loadWordVectors()?.rows;
  for (const tool of tools) {
    const phrase = describeAction(tool);
    if (!phrase || phrases.has(phrase)) continue;
    // "nmi a direct post handler", "emulator a handler": an operation named in jargon, whose first word
    // is no English word, says nothing a customer can ask for.
    if (english && !english.has(phrase.split(' ')[0].toLowerCase())) continue;
    if (phrases.size === count) return { phrases: [...phrases], more: true };
    phrases.add(phrase);
  }
  return { phrases: [...phrases], more: false };
}

/** A reply for a question no operation covers: what it can do, and an offer of a person. */
export function describeCapabilities(options: DescribeCapabilitiesOptions): string {
  const { phrases: taken, more } = firstPhrases(orderTools(options), MAX_LISTED);
  const listed = mergeByVerb(taken);
  const offer = HANDOFF_OFFER;
  if (listed.length === 0) return `I'm sorry, I can't help with that here. ${offer}`;
  // "list cards, gift cards and device codes, and more": the comma keeps "more" out of the last list.
  const can = !more
    ? joinAnd(listed)
    : listed.length === taken.length
      ? joinAnd([...listed, 'more'])
      : `${listed[0]}, and more`;
  return `I'm sorry, I can't help with that. I can ${can}. ${offer}`;
}
