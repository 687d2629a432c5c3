// How strongly the words around a value tie it to a parameter: "base of 10" ties 10 to `base`.
import type { Mention } from './mention.js';
import type { MessageToken } from './tokenize-message.js';

const WINDOW_BEFORE = 7;
const WINDOW_AFTER = 4;
const AFTER_FACTOR = 0.7;
const CROSSED_VALUE_FACTOR = 0.3;

/**
 * The affinity of `mention` to a parameter with `keywords` (concept -> weight): the best keyword
 * occurrence, discounted by distance, weaker after the value than before it, and weaker again when
 * another value stands in between (`valueStarts` are the token indexes where values begin) or the word
 * directly follows another value (`valueEnds`: the token index just after each value).
 */
export function measureAffinity(
  tokens: MessageToken[],
  keywords: Map<string, number>,
  mention: Mention,
  valueStarts: number[],
  valueEnds: number[] = [],
): number {
  let best = 0;
  for (let index = Math.max(0, mention.first - WINDOW_BEFORE); index < mention.first; index++) {
    const weight = keywords.get(tokens[index].concept);
    if (!weight) continue;
    const distance = mention.first - index;
    const crossed = valueStarts.some((start) => start > index && start < mention.first);
    // "36 minutes at 201 degrees": a word right after another value is that value's unit.
    const unitOfAnother = valueEnds.includes(index);
    const factor = crossed || unitOfAnother ? CROSSED_VALUE_FACTOR : 1;
    const score = (weight / (1 + 0.4 * (distance - 1))) * factor;
    best = Math.max(best, score);
  }
  const end = Math.min(tokens.length, mention.last + WINDOW_AFTER);
  for (let index = mention.last; index < end; index++) {
    const weight = keywords.get(tokens[index].concept);
    if (!weight) continue;
    const distance = index - mention.last + 1;
    const crossed = valueStarts.some((start) => start >= mention.last && start < index);
    const score =
      ((AFTER_FACTOR * weight) / (1 + 0.4 * (distance - 1))) * (crossed ? CROSSED_VALUE_FACTOR : 1);
    best = Math.max(best, score);
  }
  return best;
}
