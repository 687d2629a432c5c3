// Writes the answer about one returned object in sentences: what was asked first (its status, its
// stock, the hours of the day named), then the facts that help, links whole at the end.
import { chooseFacts, type FactContext } from './choose-facts.js';
import { availabilityPhrase, dateVerb, formatScalar, linkLabel, summarizeRecords } from './describe-field.js';
import { capitalize, endSentence, joinAnd, phraseOf } from './format-field.js';
import { matchShare, stemsOfText, stemsOfWords } from './match-words.js';
import type { Field } from './read-fields.js';
import type { Question } from './read-question.js';
import { polarityOpening, statusPolarity, statusPredicate } from './status-words.js';
import { mapSentences } from './write-map.js';

/** What writing about one object needs. */
export interface WriteRecordOptions {
  fields: Field[];
  /** How the object is referred to: `your order 12345`. */
  subject: string;
  context: FactContext;
  /** When the reply is made: resolves "today" for a map of weekdays. */
  now: Date;
}

const TEXT_ABOUT = stemsOfText('description summary about details overview');
const touches = (field: Field, terms: Set<string>) =>
  [...stemsOfWords(field.words)].some((term) => terms.has(term));

/** Whether the question asks about a field's stock (or availability). */
const asksAbout = (question: Question, field: Field) => matchShare(question.terms, field.words) >= 0.5;

/** One fact as a sentence; `subject` is the object's name in the first sentence, `it` after. */
function factSentence(field: Field, subject: string, options: WriteRecordOptions): string[] {
  const label = phraseOf(field.key);
  const isFirst = subject !== 'it';
  const of = isFirst ? ` of ${subject}` : '';
  const Subject = capitalize(subject);
  switch (field.role) {
    case 'availability':
      return [`${Subject} is ${availabilityPhrase(field)}.`];
    case 'money':
      return [`The ${label}${of} is ${formatScalar(field)}.`];
    case 'date': {
      const verb = dateVerb(field);
      return [
        verb ? `${Subject} ${verb} ${formatScalar(field)}.` : `The ${label}${of} is ${formatScalar(field)}.`,
      ];
    }
    case 'map':
      return mapSentences(
        field,
        subject === 'it' ? options.subject : subject,
        options.context.question,
        options.now,
      );
    case 'scalars': {
      const values = (field.value as unknown[]).map((value) => formatScalar(field, value));
      return [`The ${label}${of} ${values.length === 1 ? 'is' : 'are'} ${joinAnd(values)}.`];
    }
    case 'records': {
      const list = field.value as unknown[];
      return [`The ${label}${of} ${list.length === 1 ? 'is' : 'are'} ${summarizeRecords(list)}.`];
    }
    case 'boolean': {
      const words = label.split(' ');
      if (words[0] === 'is' || words[0] === 'can') {
        const rest = words.slice(1).join(' ');
        const verb = words[0] === 'is' ? 'is' : 'can be';
        return [
          `${Subject} ${field.value ? verb : `${verb.replace(/^is$/, 'is not').replace(/^can be$/, 'cannot be')}`} ${rest}.`,
        ];
      }
      if (words[0] === 'has')
        return [`${Subject} ${field.value ? 'has' : 'has no'} ${words.slice(1).join(' ')}.`];
      return [`${capitalize(label)}${of}: ${field.value ? 'yes' : 'no'}.`];
    }
    case 'text':
      // A description, or a reason written as a sentence ("The card was declined."), is said as written.
      if (touches(field, TEXT_ABOUT) || isSentence(String(field.value)))
        return [endSentence(capitalize(String(field.value)))];
      return [`The ${label}${of} is ${formatScalar(field)}.`];
    default:
      return [`The ${label}${of} is ${formatScalar(field)}.`];
  }
}

/** Whether a text is a sentence of its own: words, a capital first, a full stop last. */
function isSentence(text: string): boolean {
  return /^\p{Lu}/u.test(text) && /[.!?]$/.test(text.trim()) && text.trim().split(/\s+/).length >= 3;
}

/** Joins two short sentences of the same kind into one, so a few facts do not read like a form. */
function joinPairs(sentences: string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < sentences.length; index++) {
    const current = sentences[index];
    const next = sentences[index + 1];
    const simple = (text: string | undefined) =>
      text !== undefined && /^The [^:]+ is [^:]+\.$/.test(text) && text.length < 70;
    if (simple(current) && simple(next)) {
      joined.push(`${current.slice(0, -1)}, and ${next.charAt(0).toLowerCase()}${next.slice(1)}`);
      index++;
    } else joined.push(current);
  }
  return joined;
}

/** Link sentences: `Here is the tracking link: https://…`. */
function linkSentences(links: Field[], subject: string): string[] {
  return links.map((field, index) => {
    const label = linkLabel(field);
    const url = String(field.value);
    if (!label)
      return index === 0 ? `You can find ${subject === 'it' ? 'it' : subject} here: ${url}` : `Link: ${url}`;
    return index === 0 ? `Here is the ${label} link: ${url}` : `The ${label} link is ${url}`;
  });
}

/** The first few plain fields, for an object none of whose fields the question or the operation points at. */
function anyFacts(fields: Field[]): Field[] {
  return fields
    .filter(
      (field) =>
        !field.personal &&
        !['secret', 'currency', 'name', 'identifier', 'records', 'map'].includes(field.role) &&
        String(field.value).length <= 200,
    )
    .slice(0, 3);
}

/** The answer about one object. */
export function writeRecord(options: WriteRecordOptions): string {
  const { fields, context } = options;
  const { question } = context;
  const chosen = chooseFacts(fields, context);
  let facts = chosen.facts;
  if (!chosen.status && facts.length === 0 && chosen.links.length === 0) facts = anyFacts(fields);
  const sentences: string[] = [];
  let subject = options.subject;
  const askedFacts = facts.slice(0, chosen.asked);
  const statusAsked =
    chosen.status !== undefined &&
    (askedFacts.length === 0 ||
      question.kinds.has('where') ||
      question.kinds.has('yes-no') ||
      matchShare(question.terms, chosen.status.words) >= 0.5);
  // "Is the X in stock?" asks for its stock; so does "do you have the X?" when nothing else is asked.
  const availability = facts.find(
    (field) =>
      field.role === 'availability' &&
      (asksAbout(question, field) || (question.kind === 'yes-no' && !chosen.status && chosen.asked === 0)),
  );
  if (chosen.status && statusAsked) {
    const value = String(chosen.status.value);
    const polarity = statusPolarity(question, value, chosen.status.schema?.enum as unknown[] | undefined);
    sentences.push(`${polarityOpening(polarity)}${subject} ${statusPredicate(value)}.`);
    subject = 'it';
  } else if (availability) {
    const inStock = !/^(?:out|not)/.test(availabilityPhrase(availability));
    const opening = question.kind === 'yes-no' ? (inStock ? 'Yes, ' : 'No, ') : '';
    sentences.push(
      `${opening}${subject} is ${availabilityPhrase(availability)}${inStock ? '' : ' right now'}.`,
    );
    facts = facts.filter((field) => field !== availability);
    subject = 'it';
  }
  for (const field of facts) {
    sentences.push(...factSentence(field, subject, options));
    subject = 'it';
  }
  if (chosen.status && !statusAsked) {
    sentences.push(`${capitalize(subject)} ${statusPredicate(String(chosen.status.value))}.`);
    subject = 'it';
  }
  const text = joinPairs(sentences.map((sentence) => capitalize(sentence))).join(' ');
  const links = linkSentences(chosen.links, subject === 'it' ? 'it' : subject);
  if (!text) return links.map(endSentence).join('\n') || `Here is ${subject}.`;
  return [text, ...links].join(links.length > 0 ? '\n' : '');
}
