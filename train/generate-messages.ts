// Writes customer messages for an operation from its own words, its resource and method, and the id
// formats its schema shows, with politeness, chatter and typos. These are training data only: the
// templates teach the model how messages relate to an API's structure in general, across thousands of
// APIs, and nothing of them reaches the product.
import type { IndexedTool } from '../src/tools/ranking/index-catalog.js';
import type { ValueSlot } from '../src/tools/ranking/read-values.js';
import { isContentWord, splitWords, stemOf } from '../src/tools/ranking/read-words.js';

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

function singular(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(ches|shes|xes|ses)$/.test(word)) return word.slice(0, -2);
  return word.replace(/s$/, '');
}

function plural(word: string): string {
  if (/s$/.test(word)) return word;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** The resource nouns of a path: the last literal segment's words and the one before its parameter. */
function resources(path: string): { noun: string; parent?: string } {
  const segments = path.split('/').filter((segment) => segment && !/^v\d|^api$/i.test(segment));
  const literal = segments.filter((segment) => !segment.startsWith('{'));
  const words = (segment: string | undefined) => splitWords(segment ?? '').filter(isContentWord);
  const last = words(literal[literal.length - 1]);
  const parent = words(literal[literal.length - 2]);
  return { noun: last.join(' ') || 'item', parent: parent.length ? parent.join(' ') : undefined };
}

function idFor(entry: IndexedTool, random: Random): string {
  const prefix = entry.idPrefixes.length > 0 && random() < 0.8 ? pick(random, entry.idPrefixes) : '';
  const digits = String(Math.floor(random() * 10 ** (3 + Math.floor(random() * 4))));
  if (prefix)
    return prefix.startsWith('#') ? `#${prefix.slice(1).toUpperCase()}${digits}` : `${prefix}${digits}`;
  return random() < 0.3 ? `#${digits}` : digits;
}

const FOLLOW_UPS = 0.12;
const WITHOUT_ID = 0.15;
const GREETINGS = ['', '', '', 'Hi, ', 'Hello! ', 'hey ', 'Good morning. ', 'Hi there, '];
const ENDINGS = ['', '', '', ' thanks', ' please', ' Thank you!', ' asap', ' thx'];
const CHATTER = [
  '',
  '',
  '',
  '',
  'I have a question. ',
  'Quick question: ',
  'This is urgent. ',
  'Sorry to bother you. ',
];

function addTypo(text: string, random: Random): string {
  const words = text.split(' ');
  const candidates = words
    .map((word, index) => ({ word, index }))
    .filter(({ word }) => /^[a-z]{5,}$/.test(word));
  if (candidates.length === 0) return text;
  const { word, index } = pick(random, candidates);
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = random();
  words[index] =
    kind < 0.4
      ? word.slice(0, at) + word.slice(at + 1)
      : kind < 0.7
        ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
        : word.slice(0, at) + word[at] + word.slice(at);
  return words.join(' ');
}

/** The operation's summary as a customer might ask for it. */
function fromSummary(entry: IndexedTool, id: string | undefined, random: Random): string | undefined {
  const summary = (entry.tool.operation?.summary ?? entry.tool.description.split(/[.\n]/)[0] ?? '').trim();
  if (!summary || summary.length > 120) return undefined;
  let text = summary
    .replace(/\.$/, '')
    .replace(/^(returns?|gets?|retrieves?|fetch(es)?|lists?|shows?)\s+/i, '');
  text = text.charAt(0).toLowerCase() + text.slice(1);
  const lead =
    entry.writes > 0.5
      ? pick(random, ['I want to ', 'please ', 'can you ', "I'd like to ", 'could you ', ''])
      : pick(random, ['can you show me ', 'I need ', "what's ", 'tell me ', 'I want to see ', 'get me ', '']);
  const withId = id ? `${text} ${pick(random, ['', 'for ', 'of '])}${id}` : text;
  return `${lead}${entry.writes > 0.5 ? summary.charAt(0).toLowerCase() + summary.slice(1).replace(/\.$/, '') + (id ? ` ${id}` : '') : withId}`;
}

/** A message of the operation's kind about its resource. */
function fromShape(entry: IndexedTool, id: string, random: Random): string {
  const operation = entry.tool.operation;
  const method = operation?.method ?? 'get';
  const { noun, parent } = resources(operation?.path ?? entry.tool.name);
  const one = singular(noun);
  const many = plural(noun);
  const hasId = entry.pathParameters.length > 0;
  const owner = parent ? singular(parent) : one;
  if (method === 'delete' || entry.removes > 0.5)
    return pick(random, [
      `please cancel ${one} ${id}`,
      `I want to delete the ${one} ${id}`,
      `remove ${one} ${id}`,
      `can you cancel my ${one} ${id}?`,
      `get rid of ${one} ${id}`,
    ]);
  // `POST /customers/{customer}` changes the customer, as PUT and PATCH do: it creates nothing.
  if (method === 'put' || method === 'patch' || (method === 'post' && changesRecord(entry)))
    return pick(random, [
      `please update ${one} ${id}`,
      `I need to change my ${one} ${id}`,
      `can you edit the ${one} ${id}?`,
      `change the details of ${one} ${id}`,
    ]);
  if (method === 'post' && entry.writes > 0.5)
    return hasId
      ? pick(random, [
          `add a ${one} to ${owner} ${id}`,
          `I want to create a ${one} for ${owner} ${id}`,
          `please add ${one} on ${owner} ${id}`,
        ])
      : pick(random, [
          `I'd like to create a new ${one}`,
          `please add a ${one}`,
          `can you make a ${one} for me?`,
          `I want to open a ${one}`,
        ]);
  if (hasId && !entry.collection)
    return pick(random, [
      `Where is my ${one} ${id}?`,
      `what's the status of ${one} ${id}?`,
      `can you look up ${one} ${id}`,
      `I need the details of ${one} ${id}`,
      `show me ${one} ${id}`,
      `check ${one} number ${id} for me`,
    ]);
  if (hasId)
    return pick(random, [
      `what ${many} are on ${owner} ${id}?`,
      `show the ${many} of ${owner} ${id}`,
      `list ${many} for ${owner} ${id}`,
    ]);
  return pick(random, [
    `show me your ${many}`,
    `what ${many} do you have?`,
    `list all ${many}`,
    `do you have any ${many}?`,
    `I'm looking for ${many}`,
  ]);
}

const ANSWERS = ['{id}', "it's {id}", 'sure, {id}', 'the number is {id}', '{id} thanks'];

/** Share of the messages for reading one thing by an id of its own form that give only the id. */
const ID_ONLY = 0.15;
const ID_ONLY_FORMS = [
  'tell me about {id}',
  'check {id} please',
  'what about {id}?',
  'can you look up {id}',
  '{id}?',
];

/** Whether the operation changes the record its path ends with (`PATCH /orders/{id}`, `POST /customers/{customer}`). */
function changesRecord(entry: IndexedTool): boolean {
  const path = entry.tool.operation?.path ?? '';
  return entry.writes >= 0.5 && entry.removes < 0.5 && /\/\{[^/]+\}$/.test(path);
}

/** The field names of one to three content words, one of them among `stems`: fields a customer names. */
function fieldsNamedBy(names: readonly string[], stems: Set<string>): string[] {
  return names.filter((name) => {
    const words = splitWords(name).filter(isContentWord);
    return words.length > 0 && words.length <= 3 && words.some((word) => stems.has(stemOf(word)));
  });
}

/** Share of the messages for changing a record that name the input they change. */
const CHANGES_FIELD = 0.3;

/**
 * A request to change one input of a record ("please change the email on my customer cus_4410"), in
 * the names of the inputs its body takes.
 */
function askToChangeField(entry: IndexedTool, id: string, random: Random): string | undefined {
  const names = fieldsNamedBy(entry.tool.operation?.bodyInputs ?? [], entry.bodyFields);
  if (names.length === 0) return undefined;
  const field = splitWords(pick(random, names)).join(' ');
  const one = singular(resources(entry.tool.operation?.path ?? entry.tool.name).noun);
  return pick(random, [
    `please change the ${field} on my ${one} ${id}`,
    `can you update the ${field} of ${one} ${id}?`,
    `the ${field} on ${one} ${id} is wrong, can you fix it`,
    `I need a new ${field} for ${one} ${id}`,
    `update my ${field}, ${one} ${id}`,
  ]);
}

/** Share of a reading operation's messages that ask for one field of its answer. */
const ASKS_FIELD = 0.3;

/**
 * A question about one field of what the operation returns, in words its own text does not have
 * ("what membership tier does user 4410 have?" for an operation that gets a user).
 */
function askForField(entry: IndexedTool, id: string, random: Random): string | undefined {
  const fields = fieldsNamedBy(entry.tool.operation?.responseFields ?? [], entry.response);
  if (fields.length === 0) return undefined;
  const field = splitWords(pick(random, fields)).join(' ');
  const { noun, parent } = resources(entry.tool.operation?.path ?? entry.tool.name);
  const one = singular(entry.pathParameters.length > 0 || !parent ? noun : parent);
  const hasId = entry.pathParameters.length > 0;
  return hasId
    ? pick(random, [
        `what's the ${field} of ${one} ${id}?`,
        `what ${field} does my ${one} ${id} have?`,
        `my ${one} is ${id}. what is the ${field}?`,
        `can you tell me the ${field} on ${one} ${id}`,
        `I'm ${id}, what's my ${field}?`,
      ])
    : pick(random, [
        `what's the ${field} of my ${one}?`,
        `which ${field} do the ${plural(noun)} have?`,
        `tell me the ${field}`,
      ]);
}

/** Share of messages that give values for the operation's inputs, and how many inputs at most. */
const GIVES_VALUES = 0.5;
const MAX_VALUES = 3;
const VALUES_ONLY = 0.3;
const VALUES_ONLY_FORMS = [
  'anything {values}?',
  '{values}?',
  'what do you have {values}?',
  'I need one {values}',
];
const CITIES = ['Boston', 'Lyon', 'Denver', 'Osaka', 'Madrid', 'Toronto', 'Nairobi', 'Lima', 'Oslo', 'Perth'];
const CODES = ['JFK', 'LAX', 'SEA', 'ORD', 'CDG', 'NRT', 'DXB', 'GRU'];
const PEOPLE = ['Anna Berg', 'Omar Haddad', 'Mia Chen', 'Lucas Silva', 'Priya Nair', 'Tom Walsh'];
const BRANDS = ['Northwind', 'Acme', 'Lumina', 'Contoso', 'Globex', 'Initech'];
const DATES = [
  'tomorrow',
  'on May 20',
  'next friday',
  'on 2024-06-01',
  'on the 26th',
  'on 12/03',
  'yesterday',
];
const FROM = /(^|_|\b)(from|origin|departure|source)/i;
const TO = /(^|_|\b)(to|destination|arrival|target)/i;

/** A value for one input, phrased as a customer gives it ("from Boston", "on May 20", "business"). */
function giveValue(slot: ValueSlot, random: Random): string {
  const words = splitWords(slot.name).join(' ');
  switch (slot.kind) {
    case 'date':
      return pick(random, DATES);
    case 'email':
      return `${pick(random, ['my email is ', '', 'email: '])}${pick(random, ['anna', 'omar', 'j.doe'])}@example.com`;
    case 'number':
      return pick(random, [
        `${1 + Math.floor(random() * 5)} ${words}`,
        `${words} ${Math.floor(random() * 100)}`,
      ]);
    case 'enum': {
      const label = splitWords(pick(random, slot.labels ?? [''])).join(' ');
      return pick(random, [label, `${words} ${label}`, `as ${label}`]);
    }
    case 'place': {
      const value = pick(random, random() < 0.3 ? CODES : CITIES);
      if (FROM.test(slot.name)) return `from ${value}`;
      if (TO.test(slot.name)) return `to ${value}`;
      return `in ${value}`;
    }
    case 'person':
      return pick(random, [`for ${pick(random, PEOPLE)}`, `I'm ${pick(random, PEOPLE)}`]);
    case 'name':
      return pick(random, [`for ${pick(random, BRANDS)}`, `${words} ${pick(random, BRANDS)}`]);
  }
}

/** The message with values for some of the operation's inputs, the required ones first. */
function withValues(entry: IndexedTool, message: string, random: Random): string {
  const required = entry.slots.filter((slot) => slot.required);
  const optional = entry.slots.filter((slot) => !slot.required && random() < 0.2);
  const slots = [...required, ...optional].slice(0, MAX_VALUES);
  if (slots.length === 0 || random() >= GIVES_VALUES) return message;
  const given = slots.map((slot) => giveValue(slot, random)).join(pick(random, [' ', ', ', ' and ']));
  // Values alone can say what is wanted ("anything from Boston to Lyon tomorrow?"), when they fill a
  // reading operation's required inputs.
  if (required.length >= 2 && entry.writes < 0.5 && random() < VALUES_ONLY)
    return pick(random, VALUES_ONLY_FORMS).replace('{values}', given);
  const ending = /[?.!]$/.exec(message)?.[0] ?? '';
  return `${message.replace(/[?.!]$/, '')} ${given}${ending}`;
}

/**
 * One or two messages for the operation. Some come as a follow-up: the request without its id, then
 * (after the agent asked for it) the id alone, joined as the engine joins an answer to its request.
 */
export function generateMessages(entry: IndexedTool, random: Random): string[] {
  const id = idFor(entry, random);
  const field =
    entry.writes < 0.5 && random() < ASKS_FIELD
      ? askForField(entry, id, random)
      : changesRecord(entry) && random() < CHANGES_FIELD
        ? askToChangeField(entry, id, random)
        : undefined;
  // An id of the operation's own form names what it is ("tell me about SKU-1042", "check in_1MtH").
  const byForm =
    entry.idPrefixes.some((prefix) => id.toLowerCase().startsWith(prefix)) &&
    entry.pathParameters.length > 0 &&
    !entry.collection &&
    entry.writes < 0.5 &&
    random() < ID_ONLY;
  const messages = [
    byForm ? pick(random, ID_ONLY_FORMS).replace('{id}', id) : (field ?? fromShape(entry, id, random)),
  ];
  const summary = fromSummary(entry, entry.pathParameters.length > 0 ? id : undefined, random);
  if (summary) messages.push(summary);
  return messages.map((message) => {
    const valued = withValues(entry, message, random);
    let text = `${pick(random, GREETINGS)}${pick(random, CHATTER)}${valued}${pick(random, ENDINGS)}`;
    if (random() < 0.15) text = addTypo(text, random);
    const form = random();
    if (text.includes(id) && form < FOLLOW_UPS) {
      const request = text
        .replace(id, '')
        .replace(/\s+(number|#)?\s*([?.!]|$)/, '$2')
        .trim();
      text = `${request}\n${pick(random, ANSWERS).replace('{id}', id)}`;
    } else if (text.includes(id) && form < FOLLOW_UPS + WITHOUT_ID) {
      // Still this operation: the agent then asks for the id.
      text = text
        .replace(id, '')
        .replace(/\s+(number|#)?\s*([?.!]|$)/, '$2')
        .trim();
    }
    return text;
  });
}

/** A message looking for things by words the catalog does not have. */
export function generateBrowseMessage(things: string, random: Random): string {
  const message = pick(random, [
    `do you have any ${things}?`,
    `I'm looking for ${things}`,
    `show me ${things}`,
    `can I see your ${things}`,
    `do you sell ${things}?`,
    `${things} available?`,
    `any ${things} in stock?`,
  ]);
  return `${pick(random, GREETINGS)}${message}${pick(random, ENDINGS)}`;
}

/**
 * A question about the business's rules for what an operation handles, which no call answers: its
 * words are the API's own ("what's your refund policy?" beside refund operations), so the model
 * learns that naming a resource is not asking for one. Policies, fees, how long things take and asking
 * for a person are answered from the help center or by a person, never from a record.
 */
export function generatePolicyQuestion(entry: IndexedTool, random: Random): string | undefined {
  const path = entry.tool.operation?.path;
  if (!path) return undefined;
  const noun = singular(resources(path).noun);
  if (noun === 'item' || noun.length < 3) return undefined;
  const many = plural(noun);
  const message = pick(random, [
    `what's your ${noun} policy?`,
    `what is the policy on ${many}?`,
    `do ${many} expire?`,
    `how long do ${many} usually take?`,
    `is there a fee for ${many}?`,
    `are ${many} free?`,
    `what are the rules for ${many}?`,
    `how do ${many} work with you?`,
    `can I talk to a real person about my ${noun}?`,
    `who do I contact about a ${noun}?`,
    `do you offer ${many} in every country?`,
    `why would a ${noun} be delayed?`,
    `is it safe to give you my ${noun} details?`,
    `what happens to my ${many} if I close my account?`,
    `I'd like to know your rules on ${many}`,
    `tell me about your ${noun} fees`,
    `I want to speak to someone about ${many}, not a bot`,
  ]);
  let text = `${pick(random, GREETINGS)}${pick(random, CHATTER)}${message}${pick(random, ENDINGS)}`;
  if (random() < 0.15) text = addTypo(text, random);
  return text;
}
