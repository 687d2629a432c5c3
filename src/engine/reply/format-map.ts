// Maps of like values, such as opening hours per weekday: the keys a question names ("on saturday",
// "today", "this weekend"), and the whole map in one phrase with equal neighbouring days joined.
import { stemWord } from '../language/stem-word.js';
import { capitalize, formatTimeRange, humanizeValue, joinAnd } from './format-field.js';
import type { Question } from './read-question.js';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** The weekday a key names (`mon`, `Monday`, `saturday`), as an index from Monday; -1 for none. */
function weekdayOf(key: string): number {
  const lower = key.toLowerCase();
  if (lower.length < 3) return -1;
  return WEEKDAYS.findIndex((day) => day.startsWith(lower) || lower === day);
}

/** The weekdays (index from Monday) that relative words of the question name, seen from `now`. */
function relativeDays(words: string[], now: Date): number[] {
  const today = (now.getDay() + 6) % 7;
  const days: number[] = [];
  if (words.includes('today') || words.includes('tonight')) days.push(today);
  if (words.includes('tomorrow')) days.push((today + 1) % 7);
  if (words.includes('weekend')) days.push(5, 6);
  return days;
}

/** The keys of a map that the question names, in the map's order. */
export function namedKeys(keys: string[], question: Question, now: Date): string[] {
  const stems = new Set(question.words.map(stemWord));
  const days = new Set<number>(relativeDays(question.words, now));
  for (const word of question.words) {
    const day = WEEKDAYS.indexOf(word.replace(/s$/, ''));
    if (day >= 0) days.add(day);
  }
  return keys.filter((key) => {
    const day = weekdayOf(key);
    if (day >= 0) return days.has(day);
    return stems.has(stemWord(key.toLowerCase()));
  });
}

/** A value of the map for a sentence: `10 AM to 7 PM`, `closed`. */
function valueText(value: string | number): string {
  const text = formatTimeRange(String(value));
  return /^[A-Z][a-z]+$/.test(text) ? text.toLowerCase() : text;
}

/** Neighbouring weekdays with the same value: `Monday to Wednesday` `10 AM to 7 PM`. */
export interface WeekRun {
  /** `Monday`, `Thursday and Friday`, `Monday to Wednesday`. */
  days: string;
  /** The value as a customer reads it: `10 AM to 7 PM`, `closed`. */
  value: string;
}

/** The map's weekdays in runs of equal values, or undefined when its keys are not weekdays in order. */
export function weekRuns(map: Record<string, string | number>): WeekRun[] | undefined {
  const entries = Object.entries(map);
  const days = entries.map(([key]) => weekdayOf(key));
  const inOrder = days.every((day, index) => day >= 0 && (index === 0 || day === days[index - 1] + 1));
  if (!inOrder) return undefined;
  const runs: { from: number; to: number; value: string }[] = [];
  entries.forEach(([, value], index) => {
    const text = valueText(value);
    const last = runs[runs.length - 1];
    if (last && last.value === text) last.to = index;
    else runs.push({ from: index, to: index, value: text });
  });
  const dayName = (index: number) => capitalize(WEEKDAYS[days[index]]);
  return runs.map((run) => ({
    days:
      run.from === run.to
        ? dayName(run.from)
        : run.to === run.from + 1
          ? `${dayName(run.from)} and ${dayName(run.to)}`
          : `${dayName(run.from)} to ${dayName(run.to)}`,
    value: run.value,
  }));
}

/**
 * The whole map in one phrase: `Monday to Wednesday 10 AM to 7 PM, Thursday and Friday 10 AM to 8 PM
 * and closed on Sunday` for weekdays in order, else `Small $10, Large $14`.
 */
export function describeMapCompactly(map: Record<string, string | number>): string {
  const runs = weekRuns(map);
  if (!runs)
    return joinAnd(
      Object.entries(map).map(([key, value]) => `${capitalize(humanizeValue(key))} ${valueText(value)}`),
    );
  return joinAnd(
    runs.map((run) => (/\d/.test(run.value) ? `${run.days} ${run.value}` : `${run.value} on ${run.days}`)),
  );
}
