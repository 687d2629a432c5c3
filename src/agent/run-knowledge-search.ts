// Runs a knowledge search the model asked for: records it in the trace, emits it like a tool call,
// and returns what the model reads: the passages with their titles and links, or a sentence saying
// that no source covers the question.
import type { JSONValue } from 'ai';
import { KNOWLEDGE_TOOL_NAME } from './agent-rules.js';
import type { KnowledgePassageView, KnowledgeSearch, KnowledgeSourceRef } from './run-turn-options.js';
import type { TurnRecorder } from './turn-recorder.js';

/** What the model reads when no source covers the question. */
export const NO_KNOWLEDGE_MESSAGE =
  "No article, page or FAQ of the business answers this. Say that you don't have that information, and offer to hand the customer to a person.";

/** Consecutive words of a passage a reply must repeat to count as quoting it. */
const QUOTED_WORDS = 6;

function queryOf(input: unknown): string | undefined {
  const query =
    typeof input === 'object' && input !== null ? (input as { query?: unknown }).query : undefined;
  return typeof query === 'string' && query.trim() ? query.trim().slice(0, 1000) : undefined;
}

/** Searches and records; never throws (a failed search is a result the model reads). */
export async function runKnowledgeSearch(options: {
  knowledge: KnowledgeSearch | undefined;
  input: unknown;
  recorder: TurnRecorder;
  signal?: AbortSignal;
}): Promise<JSONValue> {
  const { recorder, input } = options;
  const query = queryOf(input);
  recorder.emit({ type: 'tool-call-start', tool: KNOWLEDGE_TOOL_NAME, args: input });
  const started = performance.now();
  let passages: KnowledgePassageView[] = [];
  let error: string | undefined;
  if (!options.knowledge) error = 'This agent has no knowledge sources.';
  else if (!query) error = 'Give the question to search for as `query`.';
  else {
    try {
      passages = await options.knowledge.search(query, options.signal);
    } catch {
      // The store's message may name tables or hosts: the model and the trace get a plain sentence.
      error = 'The knowledge search failed.';
    }
  }
  const durationMs = Math.round(performance.now() - started);
  recorder.record({
    type: 'knowledge-search',
    query: query ?? '',
    passages: passages.map(({ sourceId, title, heading, url, relevance }) => ({
      sourceId,
      title,
      heading,
      url,
      relevance,
    })),
    durationMs,
    ...(error ? { error } : {}),
  });
  recorder.addPassages(passages);
  const outcome = error
    ? query
      ? 'server-error'
      : 'invalid-arguments'
    : passages.length
      ? 'ok'
      : 'not-found';
  recorder.emit({
    type: 'tool-call-end',
    tool: KNOWLEDGE_TOOL_NAME,
    outcome,
    durationMs,
    excerpt: error ?? passages.map((passage) => passage.title).join(', '),
  });
  return knowledgeToolOutput(passages, error);
}

/** What the model reads of a search: the passages with their titles and links, none, or the failure. */
export function knowledgeToolOutput(passages: KnowledgePassageView[], error?: string): JSONValue {
  if (error) return { outcome: 'error', message: error };
  if (passages.length === 0) return { outcome: 'empty', message: NO_KNOWLEDGE_MESSAGE };
  return {
    outcome: 'ok',
    passages: passages.map((passage) => ({
      source: passage.title,
      section: passage.heading || null,
      url: passage.url,
      text: passage.text,
      relevance: passage.relevance,
    })),
  };
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The reply's words, and where each word stands in them. */
interface ReplyWords {
  words: string[];
  positions: Map<string, number[]>;
}

function readReply(reply: string): ReplyWords {
  const words = wordsOf(reply);
  const positions = new Map<string, number[]>();
  for (const [position, word] of words.entries()) {
    const known = positions.get(word);
    if (known) known.push(position);
    else positions.set(word, [position]);
  }
  return { words, positions };
}

/** Whether the reply repeats a run of `QUOTED_WORDS` consecutive words of `text`. */
function quotes(reply: ReplyWords, text: string): boolean {
  const words = wordsOf(text);
  for (let start = 0; start + QUOTED_WORDS <= words.length; start++)
    for (const at of reply.positions.get(words[start]) ?? []) {
      let length = 1;
      while (length < QUOTED_WORDS && reply.words[at + length] === words[start + length]) length++;
      if (length === QUOTED_WORDS) return true;
    }
  return false;
}

/** The sources of `passages` the reply used: named by title or link, or quoted. */
export function findUsedSources(reply: string, passages: KnowledgePassageView[]): KnowledgeSourceRef[] {
  if (passages.length === 0) return [];
  const lower = reply.toLowerCase();
  // The reply is read once for all the passages: searching the whole reply's text for each run of
  // each passage cost a knowledge turn up to a fifth of a millisecond.
  const said = readReply(reply);
  const used = new Map<string, KnowledgeSourceRef>();
  for (const passage of passages) {
    const key = `${passage.sourceId}\u0000${passage.title}`;
    if (used.has(key)) continue;
    const cited =
      (passage.title.trim() && lower.includes(passage.title.trim().toLowerCase())) ||
      (passage.url && reply.includes(passage.url));
    if (cited || quotes(said, passage.text))
      used.set(key, { sourceId: passage.sourceId, title: passage.title, url: passage.url });
  }
  return [...used.values()];
}
