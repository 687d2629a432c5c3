// Says what the assistant can help with, from the operations' own descriptions.
import type { EngineTool } from '../catalog/engine-tool.js';

const MAX_LISTED = 5;

/**
 * A description's text without its markup: documents write descriptions in Markdown or HTML
 * (`<p>Search for charges you&rsquo;ve created using <a href="/docs/search">Search</a></p>`), and a
 * customer reads the words only.
 */
function plainText(text: string): string {
  return text
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/&(?:amp|lt|gt|quot|#39|apos|rsquo|lsquo|nbsp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/[`*_]{1,2}(\S[^`*_]*?)[`*_]{1,2}/g, '$1');
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
  '&rsquo;': '’',
  '&lsquo;': '‘',
  '&nbsp;': ' ',
};

/** What the operation does, as a phrase that follows "I can" ("start a return"). */
export function summarize(tool: EngineTool): string | undefined {
  // A compiled description is the summary, a blank line, then the long description.
  const sentence = plainText(tool.description)
    .split(/\n/)[0]
    ?.split(/(?<=[.!?])\s/)[0]
    ?.split(/:\s|\s\(|\s[—–-]\s/)[0]
    .trim()
    .replace(/[.!?]+$/, '');
  if (!sentence || /^use (?:this |it )?when\b/i.test(sentence)) return undefined;
  // "Returns the cart" -> "return the cart": the phrase follows "I can".
  const [verb, ...rest] = sentence.split(' ');
  const base = verb
    .replace(/ies$/i, 'y')
    .replace(/(ch|sh|x|ss)es$/i, '$1')
    .replace(/([^s])s$/i, '$1');
  return [base.charAt(0).toLowerCase() + base.slice(1), ...rest].join(' ');
}

/** `a`, `a and b`, `a, b and c`. */
function joinPhrases(phrases: string[]): string {
  if (phrases.length < 2) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
}

/** The sentence offering a person; the engine reads a "yes" to it back from the history. */
export const HANDOFF_OFFER = 'If you would like, I can hand you over to a person.';

/** A reply for a question no operation covers: what it can do, and an offer of a person. */
export function describeCapabilities(tools: EngineTool[]): string {
  const summaries = [...new Set(tools.map(summarize).filter((text): text is string => Boolean(text)))];
  const listed = summaries.slice(0, MAX_LISTED);
  const offer = HANDOFF_OFFER;
  if (listed.length === 0) return `I'm sorry, I can't help with that here. ${offer}`;
  return `I'm sorry, I can't help with that. I can ${joinPhrases(summaries.length > listed.length ? [...listed, 'more'] : listed)}. ${offer}`;
}
