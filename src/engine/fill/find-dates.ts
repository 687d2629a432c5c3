// Dates in a message, read by chrono; a range ("July 10 to July 20") becomes a start and an end value.
import * as chrono from 'chrono-node';
import { TIME_UNIT } from './find-numbers.js';
import { type Mention, span } from './mention.js';
import type { MessageToken } from './tokenize-message.js';

/** A date read from a message. */
export interface DateValue {
  date: Date;
  /** Whether it was said with a time of day. */
  hasTime: boolean;
  /** Whether its year was said ("May 2024"), not taken from now. */
  year?: true;
  /** Whether it names a whole month ("May 2024", "in January"), not a day of it. */
  month?: true;
}

/** A day of the month on its own ("on the 26th"), which chrono leaves unread. */
const DAY_OF_MONTH = /\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b/gi;

/** The next date on `day` of a month, from `now` on (today counts); undefined for no such day. */
function nextDayOfMonth(day: number, now: Date): Date | undefined {
  if (day < 1 || day > 31) return undefined;
  for (let ahead = 0; ahead < 3; ahead++) {
    const date = new Date(now.getFullYear(), now.getMonth() + ahead, day, 12);
    if (date.getDate() === day && (ahead > 0 || day >= now.getDate())) return date;
  }
  return undefined;
}

/** Days of the month standing alone, outside what chrono read. */
function findDaysOfMonth(text: string, tokens: MessageToken[], now: Date, taken: Mention[]): Mention[] {
  const mentions: Mention[] = [];
  for (const match of text.matchAll(DAY_OF_MONTH)) {
    const start = match.index;
    const end = start + match[0].length;
    if (taken.some((mention) => mention.start < end && start < mention.end)) continue;
    const date = nextDayOfMonth(Number(match[1]), now);
    if (!date) continue;
    mentions.push({
      ...span(tokens, 'date', start, end, match[0], undefined),
      value: { date, hasTime: false },
    });
  }
  return mentions;
}

/**
 * What every date chrono reads has in it: a digit, a month or weekday, a time unit or a word like
 * "today". Most messages have none, and chrono tries each of its parsers on them all the same (9 of
 * 10 of the 130,000 messages of ../shared's BFCL and CLINC150 files, where chrono found dates only
 * in its misreadings of the rest: "the money" for a Monday, "the honey", "half and").
 */
const DATE_CUE =
  /\d|\b(?:now|today|tonight|tonite|tmr|tomorrow|yesterday|noon|midnight|morning|afternoon|evening|night|sec|secs|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|wks?|weekends?|fortnight|mos?|months?|qtrs?|quarters?|yrs?|years?|jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sept?|september|oct|october|nov|november|dec|december|mon|monday|tues?|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday)\b/i;

/** A length of time alone ("10 days", "a week"), which chrono reads as that long from now. */
const DURATION = new RegExp(
  `^(?:for\\s+)?(?:\\d+|an?|one|two|three|four|five|six|seven|a few|several)\\s+${TIME_UNIT}$`,
  'i',
);

/** A unit of the calendar after "the" alone, which chrono reads as the one to come. */
const UNIT_ALONE = /^the\s+(?:day|week|weekend|month|quarter|year)$/i;

/** The present, said as such ("now", "right now", "currently"). */
const JUST_NOW = /^(?:right\s+)?now$|^currently$/i;

/** The dates of `text`, read forward from `now` ("tomorrow", "the 26th"). */
export function findDates(text: string, tokens: MessageToken[], now = new Date()): Mention[] {
  const mentions: Mention[] = [];
  if (!DATE_CUE.test(text)) return mentions;
  for (const result of chrono.parse(text, now, { forwardDate: true })) {
    // "it's been 10 days", "I waited 3 weeks", "a room for 2 weeks": a length of time, not when.
    if (DURATION.test(result.text)) continue;
    // "still unfulfilled right now" says nothing of when: the present is no date to filter by.
    if (JUST_NOW.test(result.text)) continue;
    // "reconciling the month", "the week was long": a unit after "the" names no date.
    if (UNIT_ALONE.test(result.text)) continue;
    const end = result.index + result.text.length;
    const dateValue = (component: chrono.ParsedComponents): DateValue => ({
      date: component.date(),
      hasTime: component.isCertain('hour'),
      ...(component.isCertain('year') ? { year: true } : {}),
      // "May 2024", "in January": a month named without its day is the whole month.
      ...(component.isCertain('month') && !component.isCertain('day') ? { month: true } : {}),
    });
    const separator = result.end
      ? /\s*(?:\bto\b|\buntil\b|\btill\b|\bthrough\b|[-–—])\s*/i.exec(result.text)
      : null;
    if (!result.end || !separator) {
      mentions.push({
        ...span(tokens, 'date', result.index, end, result.text, undefined),
        value: dateValue(result.start),
      });
      continue;
    }
    // A range ("July 10 to July 20") is two values: where it starts and where it ends.
    const middle = result.index + separator.index;
    const first = span(
      tokens,
      'date',
      result.index,
      middle,
      result.text.slice(0, separator.index),
      undefined,
    );
    const second = span(tokens, 'date', middle + separator[0].length, end, '', undefined);
    mentions.push({ ...first, value: dateValue(result.start), role: 'start' });
    mentions.push({
      ...second,
      text: text.slice(second.start, end),
      value: dateValue(result.end),
      role: 'end',
    });
  }
  joinRanges(text, mentions);
  mentions.push(...findDaysOfMonth(text, tokens, now, mentions));
  return mentions;
}

/** What joins the two dates of a range that chrono reads as two ("between March 1 and March 15"). */
const RANGE_JOIN = /^\s*(?:and|to|until|till|through|thru|[-–—])\s*$/i;
/** "between" or "from" before the first date, which makes "and" join a range. */
const RANGE_OPENS = /\b(?:between|from)\s+$/i;

/**
 * Two dates that a range joins ("between March 1 and March 15, 2024") start and end it; a year
 * written once, after the second, is the first's too.
 */
function joinRanges(text: string, mentions: Mention[]): void {
  for (let position = 0; position + 1 < mentions.length; position++) {
    const [first, second] = [mentions[position], mentions[position + 1]];
    if (first.role || second.role) continue;
    const between = text.slice(first.end, second.start);
    if (!RANGE_JOIN.test(between)) continue;
    if (/and/i.test(between) && !RANGE_OPENS.test(text.slice(0, first.start))) continue;
    const start = first.value as DateValue;
    const end = second.value as DateValue;
    if (!start.year && end.year) {
      const date = new Date(start.date);
      date.setFullYear(end.date.getFullYear());
      if (date > end.date) date.setFullYear(date.getFullYear() - 1);
      first.value = { ...start, date, year: true };
    }
    first.role = 'start';
    second.role = 'end';
  }
}

const NOW_STATED =
  /\b(?:current|today'?s)\s+(?:date(?:\s+and\s+time)?|time)\s+is\s*:?\s*([^\n.]+(?:\.\d+)?)|\btoday\s+is\s+([^\n.]+)/i;

/**
 * The last system prompt searched for a stated now, and what it states: an agent's prompt is the same
 * at every call, a few thousand characters to search. What it states is read anew each time ("today
 * is Monday" counts from the clock).
 */
let lastSearched: { system: string; stated: string | undefined } | undefined;

/** The date the agent's base prompt gives as now ("The current time is 2024-05-15 15:00:00 EST"), if any. */
export function readStatedNow(system: string): Date | undefined {
  if (lastSearched?.system !== system) {
    const match = NOW_STATED.exec(system);
    lastSearched = { system, stated: match?.[1] ?? match?.[2] };
  }
  const { stated } = lastSearched;
  return stated ? (chrono.parseDate(stated) ?? undefined) : undefined;
}
