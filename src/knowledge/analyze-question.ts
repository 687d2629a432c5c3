// Reads a customer's question for the knowledge search: its content words with their stems (the
// ranking stack's Porter2), their synonym groups, and whether each names the
// topic or only phrases the question ("policy", "how long", "options").
import { isContentWord, splitWords, stemOf } from '../tools/index.js';
import { normalizePhrases, synonymGroupOf, synonymsOf } from './synonyms.js';

/** One content word of the question. */
export interface QuestionTerm {
  /** The word as written, lower case. */
  word: string;
  /** Its Porter2 stem, as the term counts keep it. */
  stem: string;
  /** Its synonym group: words of one group ("shipping", "delivery") share it; undefined for none. */
  group: string | undefined;
  /** The other words of its synonym group (empty when it has none). */
  synonyms: readonly string[];
  /** True when it phrases the question rather than naming what it is about. */
  frame: boolean;
  /** Its place among the question's words. */
  position: number;
}

/** The question as the search reads it. */
export interface AnalyzedQuestion {
  terms: QuestionTerm[];
}

/**
 * Words that say what kind of answer is wanted, not what about ("what's your return *policy*", "how
 * *long* does it *take*", "what are my *options*"): a passage need not contain them to answer.
 */
export const FRAME_WORDS: ReadonlySet<string> = new Set(
  `policy policies info information detail details question questions option options way ways process
  procedure procedures rule rules guide guidelines explain happen happens happened work works working
  possible able allowed get gets getting got take takes taking make makes go goes going long much many
  anyone someone something anything thing things kind type sort wondering wonder curious tell know let
  need want like help assist look looking find please thanks thank hi hello hey ok okay also usually
  normally generally exactly actually supposed mean means say said see method methods after before ago
  since until during while yesterday last one two three four five six seven eight nine ten first second
  lot lots bit little new under above below between through across around via per wasn isn aren weren doesn didn won hasn haven hadn couldn shouldn wouldn`.split(
    /\s+/,
  ),
);

/** The terms of `text`: content words in order, numbers and function words left out. */
export function analyzeQuestion(text: string): AnalyzedQuestion {
  const terms: QuestionTerm[] = [];
  const words = splitWords(normalizePhrases(text));
  const seen = new Set<string>();
  for (const [position, word] of words.entries()) {
    if (!isContentWord(word)) continue;
    const stem = stemOf(word);
    if (seen.has(stem)) continue;
    seen.add(stem);
    const group = synonymGroupOf(stem);
    terms.push({
      word,
      stem,
      group,
      synonyms: synonymsOf(stem),
      frame: FRAME_WORDS.has(word),
      position,
    });
  }
  return { terms };
}
