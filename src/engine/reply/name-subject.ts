// Names what a returned object is, for the reply's first sentence: its name ("Leather Backpack"), or
// the resource of the operation's path with its number ("your order 12345", "invoice INV-2026-001").
import { splitWords } from '../language/split-words.js';
import { termsOfText } from './match-words.js';
import type { Field } from './read-fields.js';

/** How the reply refers to the object. */
export interface Subject {
  /** The words, lower-case where not a name: `your order 12345`, `Leather Backpack`. */
  text: string;
  /** Terms of the resource noun (`order`): matching fields by them says nothing. */
  terms: Set<string>;
}

const VERSION = /^v\d+(?:\.\d+)*$|^api$/i;

/** `orders` -> `order`, `categories` -> `category`, `addresses` -> `address`, `status` stays. */
export function singularOf(word: string): string {
  if (/ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh|zz)es$/.test(word)) return word.slice(0, -2);
  if (/[^su]s$/.test(word) && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** `order` -> `orders`, `box` -> `boxes`, `category` -> `categories`. */
export function pluralOf(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** The resource a path is about: the static segment before its last parameter, else its last one. */
export function resourceOfPath(path: string | undefined): { noun?: string; parameter?: string } {
  if (!path) return {};
  const segments = path.split('/').filter((segment) => segment && !VERSION.test(segment));
  let lastParameter = -1;
  segments.forEach((segment, index) => {
    if (/^\{.+\}$/.test(segment)) lastParameter = index;
  });
  const parameter = lastParameter >= 0 ? segments[lastParameter].slice(1, -1) : undefined;
  const staticBefore = (lastParameter >= 0 ? segments.slice(0, lastParameter) : segments).filter(
    (segment) => !/[{}]/.test(segment),
  );
  const segment = staticBefore[staticBefore.length - 1];
  if (!segment) return parameter ? { parameter } : {};
  const words = splitWords(segment);
  if (words.length === 0) return parameter ? { parameter } : {};
  words[words.length - 1] = singularOf(words[words.length - 1]);
  return { noun: words.join(' '), ...(parameter ? { parameter } : {}) };
}

/** Whether a name field's value reads as a name: a few words, no sentence, not a bare code (`#1001`). */
function isNameLike(value: string, key: string): boolean {
  if (/^(?:subject|headline|summary)$/i.test(key)) return false;
  const words = value.trim().split(/\s+/);
  if (words.length > 6 || /[.!?]$/.test(value.trim())) return false;
  return !(words.length === 1 && /\d/.test(value) && !/\p{Ll}{3}/u.test(value));
}

/** What naming needs. */
export interface NameSubjectOptions {
  fields: Field[];
  /** The operation's path template. */
  path?: string;
  /** The call's arguments. */
  input: Record<string, unknown>;
  /** The customer speaks of their own things. */
  own: boolean;
  /** A noun to use when the path gives none (a list's item: `product`). */
  noun?: string;
}

/** Without a path: the noun and value of the identifier the call asked by (`orderId: 12345` -> order 12345). */
function fromIdentifier(options: NameSubjectOptions): { noun: string; value: string } | undefined {
  const inputs = new Set(
    Object.values(options.input)
      .filter((value) => typeof value === 'string' || typeof value === 'number')
      .map((value) => String(value).toLowerCase()),
  );
  const identifiers = options.fields.filter((field) => field.role === 'identifier' && field.depth === 0);
  const chosen =
    identifiers.find((field) => inputs.has(String(field.value).toLowerCase())) ??
    identifiers.find((field) => field.words.length > 1);
  if (!chosen) return undefined;
  const noun = chosen.words.slice(0, -1).join(' ');
  return noun ? { noun, value: String(chosen.value) } : undefined;
}

/** The subject of an object's reply. */
export function nameSubject(options: NameSubjectOptions): Subject {
  const resource = resourceOfPath(options.path);
  const guessed = (options.noun ?? resource.noun) ? undefined : fromIdentifier(options);
  const noun = options.noun ?? resource.noun ?? guessed?.noun;
  const terms = noun ? termsOfText(noun) : new Set<string>();
  const name = options.fields.find((field) => field.role === 'name' && field.depth === 0);
  const nameText = name ? String(name.value) : undefined;
  // A name is the subject; a ticket's subject line ("My printer is on fire!") or a code is not.
  if (nameText && isNameLike(nameText, name?.key ?? '')) return { text: nameText, terms };
  const fromInput = resource.parameter !== undefined ? options.input[resource.parameter] : undefined;
  const nounWords = noun ? splitWords(noun) : [];
  const code =
    nameText && !isNameLike(nameText, name?.key ?? '') && !/\s/.test(nameText) ? nameText : undefined;
  const identifier =
    code ??
    guessed?.value ??
    (typeof fromInput === 'string' || typeof fromInput === 'number'
      ? String(fromInput)
      : options.fields.find(
          (field) =>
            field.role === 'identifier' &&
            field.depth === 0 &&
            (field.words.length === 1 || nounWords.some((word) => field.words.includes(word))),
        )?.value);
  const owner = options.own ? 'your ' : 'the ';
  if (!noun) return { text: identifier === undefined ? 'it' : `number ${identifier}`, terms };
  if (identifier === undefined) return { text: `${owner}${noun}`, terms };
  return { text: `${options.own ? 'your ' : ''}${noun} ${String(identifier)}`, terms };
}
