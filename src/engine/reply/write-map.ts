// Sentences for a map of like values, above all opening hours per weekday: the day the question
// names (yes or no to "is it open on Sunday?"), else the week in one sentence.
import {
  capitalize,
  formatTimeRange,
  humanizeValue,
  isTimeRange,
  joinAnd,
  phraseOf,
} from './format-field.js';
import { describeMapCompactly, namedKeys, weekRuns } from './format-map.js';
import { stemsOfText, stemsOfWords } from './match-words.js';
import type { Field } from './read-fields.js';
import type { Question } from './read-question.js';

const HOURS_TERMS = stemsOfText('hours opening open schedule');

/** Sentences for a map (opening hours per day): the keys the question names, else all of it, compactly. */
export function mapSentences(field: Field, subject: string, question: Question, now: Date): string[] {
  const map = field.value as Record<string, string | number>;
  const label = phraseOf(field.key);
  const hours = [...stemsOfWords(field.words)].some((term) => HOURS_TERMS.has(term));
  const named = namedKeys(Object.keys(map), question, now);
  if (named.length > 0) {
    // "Is it open on Sunday?" is answered yes or no by the hours of that day.
    const answersYesNo = hours && question.kind === 'yes-no';
    return named.map((key, index) => {
      const raw = String(map[key]);
      const value = formatTimeRange(raw);
      const day = capitalize(humanizeValue(key));
      const open = /\d/.test(raw);
      const opening = answersYesNo && index === 0 ? (open ? 'Yes, ' : 'No, ') : '';
      const name = opening ? subject : capitalize(subject);
      if (hours && isTimeRange(raw)) return `${opening}${name} is open from ${value} on ${day}.`;
      if (hours && !open) return `${opening}${name} is ${value.toLowerCase()} on ${day}.`;
      return `The ${label} of ${subject} for ${day}: ${value}.`;
    });
  }
  const runs = hours ? weekRuns(map) : undefined;
  if (runs) {
    // Opening hours: when it is open, then the days it is closed.
    const open = runs.filter((run) => /\d/.test(run.value)).map((run) => `${run.days} ${run.value}`);
    const closed = runs.filter((run) => !/\d/.test(run.value)).map((run) => run.days);
    const closedText =
      closed.length > 0 ? `${open.length > 0 ? ', and' : ' is'} closed on ${joinAnd(closed)}` : '';
    return [`${capitalize(subject)}${open.length > 0 ? ` is open ${joinAnd(open)}` : ''}${closedText}.`];
  }
  return [`The ${label} of ${subject} are ${describeMapCompactly(map)}.`];
}
