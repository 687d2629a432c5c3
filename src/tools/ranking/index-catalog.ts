// Reads each operation of a catalog once into what the ranking compares a message with: the words of
// each field, the resource nouns of its path and the noun in front of each path parameter, what its
// method and verb say it does, the id formats its schema shows, and the catalog's word statistics.
import { HTTP_METHODS, type JsonSchema } from '../../openapi/index.js';
import { schemaTypeOf } from '../../openapi/schema-type.js';
import {
  holdsId,
  ID_WORDS,
  idFormOf,
  idNounStems,
  idPrefixes,
  inputRecord,
  isIdName,
  type PathParameter,
} from './id-inputs.js';
import type { MessageReading } from './rank-catalog.js';
import { CUSTOMER_FIELD, EMAIL_FIELD, type RankableTool } from './rankable-tool.js';
import { MIN_VERB_USES, type RankingModel, verbProfile } from './ranking-model.js';
import { readSlots, type ValueSlot } from './read-values.js';
import { contentStems, isContentWord, splitWords, stemOf } from './read-words.js';
import { loadWordVectors } from './word-vectors.js';

/** One operation as the ranking reads it. */
export interface IndexedTool {
  tool: RankableTool;
  /** Its place in the catalog's `tools`. */
  position: number;
  name: Set<string>;
  summary: Set<string>;
  description: Set<string>;
  path: Set<string>;
  tags: Set<string>;
  parameters: Set<string>;
  /** Every stem of every field above. */
  all: Set<string>;
  /** Stems of its response's field names that its fields above do not have. */
  response: Set<string>;
  /**
   * Stems of its response's fields that the record it lists under does not have (`tracking` for
   * `/orders/{id}/shipments` where `/orders/{id}` answers no tracking): naming one names its records.
   * Filled by `indexCatalog`; empty where the catalog does not read that record.
   */
  ownFields: Set<string>;
  /**
   * Stems of the names of the body inputs of a change to one record (its path ends with the record's
   * id) that its other words lack ("email", "shipping", "address" of `POST /customers/{customer}`):
   * what it can set. Empty for any other operation.
   */
  bodyFields: Set<string>;
  /** Positions in the catalog's `headWords` of the words of its name, summary and path. */
  headWords: number[];
  /** Resource nouns: the path's literal words and the name's words after its verb. */
  nouns: Set<string>;
  /** The catalog's IDF of each of `nouns`, in their order (0 for one the catalog's IDF lacks). */
  nounIdfs: number[];
  /** The stem of the operation's verb (first word of its id or name), '' when none. */
  verb: string;
  /** 0 (reads) to 1 (changes something), from the method and how the corpus uses the verb. */
  writes: number;
  /**
   * Known to only read: a GET, or a verb that APIs use for reading. An operation named with no verb
   * the corpus knows ("todo", "ThinQ_Connect") may change things whatever `writes` guesses.
   */
  reads: boolean;
  /** 0 to 1: removes or cancels something. */
  removes: number;
  pathParameters: PathParameter[];
  /** Inputs that identify something: path parameters and required inputs named like ids (`reservation_id`). */
  idParameters: PathParameter[];
  /**
   * Optional inputs (not the body's) that narrow a list by what another resource's id names: named like
   * an id (`customer_id`) or by one resource noun (`customer` in `GET /invoices?customer=cus_N…`).
   */
  idFilters: PathParameter[];
  /**
   * Body inputs of a change that name another record by its id (`payment_intent`, `charge` for
   * `POST /refunds`; `order_id` for `POST /returns`): how a change takes the record it acts on when its
   * path names none. A bare noun counts only where the catalog has that record (`indexCatalog` keeps those).
   */
  recordInputs: PathParameter[];
  /** Required inputs that are not in the path. */
  requiredOthers: number;
  /**
   * For a change, the one-word states its choice inputs may set (`unsubscribed`, `cancelled`), as
   * stems: a verb of the message that names one names its deed.
   */
  states: Set<string>;
  /** Inputs other than ids that take a value of the message (a date, an email, a name, an option). */
  slots: ValueSlot[];
  /** Literal prefixes of ids the schema shows (`sub_`, `#w`, `in_`), lower case. */
  idPrefixes: string[];
  /** A GET whose path ends in a collection (no parameter last). */
  collection: boolean;
  /** Stems of the plural nouns of its path that no parameter follows: what it lists (`/reports/orders/totals` -> order, total). */
  listed: Set<string>;
  /**
   * What the operation is about: the last word of its path's last literal segment (`statuses` for
   * `/order_statuses`, `items` for `/carts/{id}/items`), or the one before an action
   * (`invoices` for `/invoices/{id}/send`), as a stem and a word-vector row (-1: none).
   */
  head?: {
    stem: string;
    row: number;
    /** The stems of the words an acronym head stands for, where the catalog defines it ("gift card account number (GAN)"). */
    spelled?: string[];
  };
  /** The stem of the action the path ends with (`send` for `/invoices/{id}/send`), which names it too. */
  action?: string;
  /**
   * Its records are people's (their fields hold an email or a phone number beside a name): found by
   * who they are, never by the words of a question ("what are your customer service hours?").
   */
  findsPeople: boolean;
  /**
   * Its records hold people's details (an email, a customer's name): a list of them, filtered by
   * nothing of the customer's, shows other people's.
   */
  holdsPeople: boolean;
  /** Takes free search words (a `q`/`query`/`search` input). */
  search: boolean;
  deprecated: boolean;
}

/** A catalog's index. */
export interface CatalogIndex {
  tools: IndexedTool[];
  /** Inverse document frequency of each stem over the catalog's operations. */
  idf: Map<string, number>;
  /** Weight of a stem no operation has: the catalog's median IDF. */
  unseenIdf: number;
  /** Every lower-case word of the catalog (for spelling correction), by first letter. */
  vocabulary: Map<string, string[]>;
  /** The distinct words of the operations' names, summaries and paths, and each one's word-vector row (-1: none). */
  headWords: {
    words: string[];
    rows: Int32Array;
    /** Per head word, the operations (positions in `tools`) that have it. */
    tools: number[][];
  };
  /**
   * The distinct words of the values the operations' inputs offer (enums: `shoes`, `outdoor`), each
   * one's word-vector row (-1: none) and the operations (positions in `tools`) that offer it.
   */
  choiceWords: { words: string[]; rows: Int32Array; tools: number[][] };
  /**
   * Per message word (as written), the operations whose head words come close to it in meaning: their
   * positions in `tools` and how close the closest comes (0 to 1). Customers' words repeat, so a few
   * hundred are kept, oldest dropped first.
   */
  similarWords: Map<string, { positions: Int32Array; values: Float32Array }>;
  model: RankingModel;
  /**
   * The words each base prompt read against this catalog lends the operations it names, by prompt:
   * an agent's prompt is read once per catalog, not once per turn (a few kept, oldest dropped first).
   */
  promptHints: Map<string, Map<IndexedTool, Map<string, number>>>;
  /** The nouns of the ids each base prompt gives ("signed in as customer id 4127"), by prompt, as above. */
  promptIdNouns: Map<string, Set<string>>;
  /**
   * The last message read against this catalog, with its context: a turn's tool selection and the
   * engine's choice among the operations offered read the same message.
   */
  lastReading?: { message: string; context: string; reading: MessageReading };
  /** Stem -> the operations (as positions in `tools`) whose words or response fields have it. */
  postings: Map<string, number[]>;
  /**
   * Words that name an id input on their own and label the value after them in a message
   * ("username jdoe", "slug spring-sale"): the names of string id inputs that are one word, not `id`.
   */
  idLabels: Set<string>;
  /** Whether an id input takes a domain name: then a host name in a message is an id (`rosa-baeckerei.de`). */
  takesDomains: boolean;
  /** The lengths of the capital-letter codes the id inputs show (3 for airport codes). */
  codeLengths: Set<number>;
  /** The stems the operations' paths name resources by (`order` in `/orders/{id}`). */
  pathStems: Set<string>;
  /** The stems the operations' paths end in as actions (`reboot` in `/instances/{id}/reboot`). */
  actions: Set<string>;
  /** The states the changes may set, as stems (`unsubscribed` of a member's `status`): see `states`. */
  states: Set<string>;
  /**
   * The head nouns of the records the catalog creates (`return` for `POST /returns`), where methods
   * tell reading from writing: a customer asks for one with the noun as a verb ("I want to return it").
   */
  created: Set<string>;
  /** The nouns of the catalog's records: the operations' heads and the nouns before path parameters. */
  records: Set<string>;
}

const VERSION_SEGMENT = /^(v\d+(\.\d+)*|api|rest|json|public|private)$/i;
/** Words of a path that name a format or a version, not a resource (`wp-json`, `api`, `v2`). */
const FORMAT_WORD = /^(api|apis|rest|json|xml|html|public|private|v\d*)$/;
/**
 * A filter's operator after the input it filters by: `:in`, `[in]`, `__in`, `:eq`, and `_in`, as the
 * import names `id:in` for a model.
 */
const OPERATOR_SUFFIX = /(?::|__|_|\[)(?:in|eq|any|all|contains)\]?$/i;
const FREE_TEXT_NAME = /^(q|query|search|keywords?|terms?|text|phrase)$/i;

/** Whether an input takes free search words (`q`, `query`, `search`), not a record's id. */
export function isFreeTextName(name: string): boolean {
  return FREE_TEXT_NAME.test(name);
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a list input that sorts describes itself ("the field and direction by which to order results"). */
const SORTS =
  /\b(?:sort(?:s|ed|ing)?|direction|ascending|descending|asc|desc)\b|\border(?:s|ed)? (?:the )?(?:results|items|list)\b|\border(?:ed)? by\b/i;

/**
 * Whether an input sorts a list rather than narrowing it: an `order` input that orders results names
 * no order.
 */
function sortsBy(schema: unknown): boolean {
  return isObject(schema) && typeof schema.description === 'string' && SORTS.test(schema.description);
}

function stemSet(text: string): Set<string> {
  return new Set(contentStems(text));
}

/** How many words a summary may have before it counts as a description. */
const SUMMARY_WORDS = 50;

/** The operation's summary, or the description's first sentence. */
function summaryOf(tool: RankableTool): string {
  const summary = tool.operation?.summary;
  // A summary is a phrase; one longer than a paragraph is a description put in its place (some
  // generated documents do): its first sentence is the summary, as a description's is.
  const text = summary && summary.split(/\s+/).length <= SUMMARY_WORDS ? summary : undefined;
  if (text) return text;
  const source = summary || tool.description;
  return /^(.*?[.!?])(\s|$)/s.exec(source)?.[1] ?? source.split('\n')[0] ?? '';
}

/** `/shop/orders/{orderId}/items` -> literal words and the parameters with the noun in front of each. */
/** A word of a path or an operation id that can name a resource: not a format, version or prefix word. */
function isResourceWord(word: string, noise: Set<string>): boolean {
  return isContentWord(word) && word.length > 2 && !FORMAT_WORD.test(word) && !noise.has(word);
}

function readPath(
  path: string,
  noise: Set<string>,
  isVerb: (word: string) => boolean = () => false,
): {
  words: string[];
  parameters: PathParameter[];
  listed: Set<string>;
  head: string | undefined;
  action: string | undefined;
} {
  const words: string[] = [];
  const parameters: PathParameter[] = [];
  const listed = new Set<string>();
  let previous: string | undefined;
  // What the path is about: the last literal word, but for an action on a record or a collection
  // (`/invoices/{invoice}/send`, `/payments/cancel`), the record's.
  let head: string | undefined;
  let action: string | undefined;
  let previousSegment: string[] = [];
  let pendingList: string | undefined;
  for (const segment of segmentsOf(path)) {
    if (!segment) continue;
    const parameter = /^\{([^}]+)\}$/.exec(segment);
    if (parameter) {
      const nouns = idNounStems(parameter[1]);
      if (previous) nouns.add(stemOf(previous));
      // `/vat_numbers/{tax_number}`: the record is the word before the one that names an id.
      const named = previousSegment.findLast((word) => !ID_WORDS.has(word.toLowerCase().replace(/s$/, '')));
      if (named && named !== previous) nouns.add(stemOf(named));
      parameters.push({ name: parameter[1], nouns, segment: previousSegment });
      pendingList = undefined;
      continue;
    }
    if (VERSION_SEGMENT.test(segment)) continue;
    const segmentWords = splitWords(segment.replace(/\{[^}]*\}/g, ' ')).filter((word) =>
      isResourceWord(word, noise),
    );
    words.push(...segmentWords);
    if (segmentWords.length > 0) {
      const last = segmentWords[segmentWords.length - 1];
      // An action may say it acts on several at once (`/orders/batch-retrieve`).
      const single =
        segmentWords.length === 1 ||
        (segmentWords.length === 2 && BATCH_WORDS.has(segmentWords[0].toLowerCase()));
      const acts = single && ((!isPlural(last) && isVerb(last)) || ASPECT.test(last)) && head !== undefined;
      if (!acts) head = last;
      action = acts ? last : undefined;
      previous = last;
      previousSegment = segmentWords;
      // A plural before another plural lists ("/reports/orders/totals"); before a word that picks
      // one ("/carts/mine/items", "/customers/me") it does not.
      if (pendingList && isPlural(previous)) listed.add(pendingList);
      pendingList = isPlural(previous) ? stemOf(previous) : undefined;
    } else pendingList = undefined;
  }
  if (pendingList) listed.add(pendingList);
  return { words, parameters, listed, head, action };
}

/** Response fields that reach a person, and that name one. */
const PERSON_CONTACT = /^(?:e_?mail|email_?address|phone|phone_?number|mobile)$/i;
const PERSON_NAME_FIELD =
  /^(?:first_?name|last_?name|given_?name|family_?name|full_?name|display_?name|name)$/i;

/** An input named as an email address. */
const EMAIL_NAME = /^e-?mail(?:_?address)?$/i;

/** Words that say an operation acts on several records at once, before its verb (`BatchRetrieveOrders`). */
const BATCH_WORDS: ReadonlySet<string> = new Set(['batch', 'bulk', 'mass']);
/** Words after a record's noun that ask for all of it (`/users/{id}/details`, `/order.info`): no resource. */
const ASPECT = /^(?:info|information|details?)$/i;

/** An id input named or described as a domain name (`domain`, "the customer's primary domain name"). */
const DOMAIN_NAME = /domain|hostname/i;
const DOMAIN_SAID = /\b(?:domain|host)\s?names?\b/i;

/**
 * A path's segments, the parts of a dotted one apart (`/order.shipment.list.json`: `order`,
 * `shipment`, `list`, as Slack-like APIs name their methods).
 */
function segmentsOf(path: string): string[] {
  return withoutFormat(path)
    .split('/')
    .flatMap((segment) =>
      segment.startsWith('{') || VERSION_SEGMENT.test(segment) ? [segment] : segment.split('.'),
    );
}

/** HTTP methods, which operation ids often start with (`PostInvoicesInvoiceSend`): no verb of theirs. */
const METHOD_WORDS: ReadonlySet<string> = new Set(HTTP_METHODS);

/**
 * Whether a word at the end of the operation's path is its action (`/payments/cancel`), not a record
 * (`/carts/mine/order`). The operation's own id says it when it starts with the word
 * (`unapplyCreditBalance` at `/balance/unapply`), or when it starts with another verb and names the
 * word after it (`placeAnOrder` at `/order`); otherwise the corpus's verbs decide.
 */
function actsIn(operation: RankableTool['operation'], model: RankingModel): (word: string) => boolean {
  const idWords = splitWords(operation?.operationId ?? '')
    .filter(isContentWord)
    .map(stemOf)
    .filter((stem) => !METHOD_WORDS.has(stem));
  const pathStems = new Set(splitWords(operation?.path ?? '').map(stemOf));
  const first = idWords[0];
  // A read's action only reads (`/products/search`, not `GET /orders/{id}/invoice`).
  const reads = isReadMethod(operation?.method);
  return (word) => {
    const stem = stemOf(word);
    if (first === stem) return true;
    if (reads) return (verbProfile(model, stem)?.write ?? 1) < 0.5;
    if (first && !pathStems.has(first) && idWords.includes(stem)) return false;
    return verbProfile(model, stem) !== undefined;
  };
}

/** A word's row in the word vectors, or its singular's (-1 when neither has one). */
function vectorRow(word: string): number {
  const rows = loadWordVectors()?.rows;
  const lower = word.toLowerCase();
  return rows?.get(lower) ?? rows?.get(lower.replace(/ies$/, 'y').replace(/s$/, '')) ?? -1;
}

/** Whether an English word is a regular plural ("orders", "invoices"; not "status", "address"). */
export function isPlural(word: string): boolean {
  return word.length > 3 && /[^sui]s$/.test(word);
}

const READ_METHODS = new Set(['get', 'head', 'options']);

/** A path without the format its last segment names: `/orders/{id}.json` is `/orders/{id}`. */
export function withoutFormat(path: string): string {
  return path.replace(FORMAT_SUFFIX, '');
}
const FORMAT_SUFFIX = /\.(?:json|xml|yaml)$/i;

/** Whether an operation creates a record: a POST to a collection (`POST /refunds`, not `/orders/{id}.json`). */
export function createsRecord(entry: IndexedTool): boolean {
  const operation = entry.tool.operation;
  return operation?.method.toLowerCase() === 'post' && !/\}\/?$/.test(withoutFormat(operation.path));
}

/** Whether an HTTP method only reads (GET, HEAD, OPTIONS), in any case. */
export function isReadMethod(method: string | undefined): boolean {
  return READ_METHODS.has(method?.toLowerCase() ?? '');
}
/** Particles that make a verb of the word before them ("Look up", "Find out"). */
const PARTICLES = new Set(['up', 'out', 'for', 'into']);

/**
 * A summary without its leading verb ("Look up billing details" -> "billing details"): the verb says
 * what kind of call it is, which the method and verb features read; the topic is the rest.
 */
function topicOf(summary: string, model: RankingModel): string {
  const words = summary.trim().split(/\s+/);
  if (words.length < 3) return summary;
  const first = words[0].toLowerCase();
  const particle = PARTICLES.has(words[1].toLowerCase());
  if (!particle && !verbProfile(model, stemOf(first))) return summary;
  return words.slice(particle ? 2 : 1).join(' ');
}
/** What an operation is read with: the model's word lists and what the catalog's methods say. */
interface ModelWords {
  /** Path prefix words: no resource. */
  noise: Set<string>;
  /** Words of every API's operation ids: no resource. */
  generic: Set<string>;
  /**
   * Whether the HTTP method tells reading from writing. In a catalog of POSTs only (an RPC-style API,
   * a set of functions) every operation is a POST whatever it does: its verb says it instead.
   */
  methodsSay: boolean;
}

function indexTool(
  tool: RankableTool,
  position: number,
  model: RankingModel,
  { noise, generic, methodsSay }: ModelWords,
  positionOf: (word: string) => number,
): IndexedTool {
  const operation = tool.operation;
  const nameWords = splitWords(operation?.operationId ?? tool.name).filter((word) =>
    isResourceWord(word, noise),
  );
  const summary = summaryOf(tool);
  const properties = isObject(tool.inputSchema.properties) ? tool.inputSchema.properties : {};
  const path = readPath(operation?.path ?? '', noise, actsIn(operation, model));
  const pathWords = path.words;
  // A path parameter the tool does not take (the signed-in customer's id, set at send time) is not
  // asked of the message.
  const pathParameters = path.parameters.filter((parameter) => parameter.name in properties);
  const bodyInputs = new Set(operation?.bodyInputs ?? []);
  const required = new Set(
    Array.isArray(tool.inputSchema.required) ? (tool.inputSchema.required as string[]) : [],
  );
  const pathNames = new Set(pathParameters.map((parameter) => parameter.name));
  const parameterNames = Object.keys(properties).filter((name) => !bodyInputs.has(name));
  // "BatchRetrieveOrders" retrieves: a word that says how many at once is no verb.
  const verbWord =
    (BATCH_WORDS.has(nameWords[0]?.toLowerCase() ?? '') ? nameWords[1] : nameWords[0]) ??
    splitWords(summary)[0] ??
    '';
  const verb = verbWord ? stemOf(verbWord) : '';
  const profile = verbProfile(model, verb);
  const summaryVerb = splitWords(summary).find(
    (word) => isContentWord(word) && !BATCH_WORDS.has(word.toLowerCase()),
  );
  const summaryProfile = summaryVerb ? verbProfile(model, stemOf(summaryVerb)) : undefined;
  // What the corpus says of the verb (or the summary's); one it does not know says little: lean to
  // reading, as most operations do. Of the two, the one that says more: a name that opens with a
  // noun ("userAddress", a word the corpus's ids use either way) reads as its summary's verb says
  // ("gets the user's return address").
  const saysMore =
    summaryProfile !== undefined &&
    summaryProfile.count >= MIN_VERB_USES &&
    Math.abs(summaryProfile.write - 0.5) > Math.abs((profile?.count ? profile.write : 0.5) - 0.5);
  const knownWrites = saysMore
    ? summaryProfile.write
    : profile?.count
      ? profile.write
      : summaryProfile?.write;
  const verbWrites = knownWrites ?? 0.3;
  const method = methodsSay ? operation?.method : undefined;
  // A DELETE changes something whatever its verb ("archive", which the corpus seldom names).
  const writes = method
    ? isReadMethod(method)
      ? verbWrites > 0.8
        ? verbWrites * 0.7
        : 0
      : method === 'delete'
        ? 1
        : 0.3 + 0.7 * verbWrites
    : verbWrites;
  const removes = method === 'delete' ? 1 : (profile?.remove ?? 0);
  const fields = {
    name: new Set(nameWords.map(stemOf)),
    summary: stemSet(topicOf(summary, model)),
    description: stemSet(tool.description.slice(summary.length)),
    path: new Set(pathWords.map(stemOf)),
    tags: stemSet((operation?.tags ?? []).join(' ')),
    parameters: new Set(parameterNames.flatMap((name) => splitWords(name).filter(isContentWord).map(stemOf))),
  };
  const all = new Set<string>();
  for (const field of Object.values(fields)) for (const stem of field) all.add(stem);
  const responseFields = operation?.responseFields ?? [];
  // What it answers: its response's field names, and the states its record's fields can take.
  const response = new Set(
    [...responseFields, ...(operation?.responseValues ?? [])]
      .flatMap((name) => splitWords(name).filter(isContentWord).map(stemOf))
      .filter((stem) => !all.has(stem)),
  );
  const nouns = new Set(
    [...fields.path, ...nameWords.slice(1).map(stemOf)].filter((stem) => !generic.has(stem)),
  );
  // A header names the account or tenant a call acts for (Xero's `xero-tenant-id`), never its record.
  const headers = new Set(operation?.headerInputs ?? []);
  const idParameters = [
    ...pathParameters,
    ...[...required]
      .filter((name) => !pathNames.has(name) && !headers.has(name) && isIdName(name))
      .map((name) => ({ name, nouns: idNounStems(name) })),
  ].map((parameter) => {
    const property = properties[parameter.name];
    // Named as an email (`/customers/email/{email}.json`) or described as one.
    const byEmail =
      EMAIL_NAME.test(parameter.name) ||
      (isObject(property) &&
        typeof property.description === 'string' &&
        /\be-?mail address\b/i.test(property.description) &&
        !/\bsent to\b/i.test(property.description));
    const byDomain =
      DOMAIN_NAME.test(parameter.name) ||
      (isObject(property) &&
        typeof property.description === 'string' &&
        DOMAIN_SAID.test(property.description));
    return {
      ...parameter,
      form: idFormOf(property),
      ...(byEmail ? { byEmail } : {}),
      ...(byDomain ? { byDomain } : {}),
    };
  });
  const idNames = new Set(idParameters.map((parameter) => parameter.name));
  // A filter by a list of ids takes one as well (Xero's `InvoiceNumbers`, `ContactIDs`), read by its
  // singular ("InvoiceNumber"), keeping its own name.
  const idFilters = parameterNames
    .filter((name) => !idNames.has(name) && !headers.has(name) && !sortsBy(properties[name]))
    .flatMap((name) => {
      const property = properties[name];
      const items = isObject(property) && schemaTypeOf(property) === 'array' ? property.items : undefined;
      // A filter named with its operator (BigCommerce's `id:in`, `customer_id:in`; `id[in]`, `id__in`)
      // filters by the id its name gives; a bare `id` is the listed records' own.
      const base = name.replace(OPERATOR_SUFFIX, '');
      if (base !== name && isIdName(base) && (holdsId(property) || holdsId(items))) {
        const record = inputRecord(base);
        return [
          record.nouns.size > 0 || !path.head
            ? { ...record, name }
            : { name, nouns: new Set([stemOf(path.head)]), segment: [path.head] },
        ];
      }
      if (holdsId(property)) return [inputRecord(name)];
      const singular = name.replace(/s$/i, '');
      return holdsId(items) && singular !== name && isIdName(singular)
        ? [{ ...inputRecord(singular), name }]
        : [];
    })
    .filter((filter) => filter.nouns.size === 1 || (filter.nouns.size > 0 && isIdName(filter.name)));
  const lastSegment =
    segmentsOf(operation?.path ?? '')
      .filter(Boolean)
      .pop() ?? '';
  const wrapped = wrappedInputs(properties, bodyInputs, fields.path);
  const slots = [
    ...readSlots(tool.inputSchema, new Set(idParameters.map((parameter) => parameter.name))),
    ...(wrapped ? readSlots(wrapped, new Set()) : []),
    ...readSlots({ properties: operation?.boundInputs ?? {} }, new Set()).map((slot) => ({
      ...slot,
      bound: true,
    })),
  ];
  const holdsPeople =
    operation?.people === true ||
    responseFields.some((field) => EMAIL_FIELD.test(field) || CUSTOMER_FIELD.test(field));
  const recordInputs =
    method && !isReadMethod(method)
      ? [...bodyInputs]
          .filter((name) => !pathNames.has(name) && holdsId(properties[name]))
          .map(inputRecord)
          .filter((input) => input.nouns.size > 0 && input.nouns.size <= 2)
      : [];
  return {
    tool,
    position,
    ...fields,
    all,
    response,
    ownFields: new Set(),
    bodyFields:
      method && !isReadMethod(method) && lastSegment.startsWith('{')
        ? new Set(
            [...bodyInputs, ...Object.keys(wrapped?.properties ?? {})]
              .flatMap((name) => splitWords(name).filter(isContentWord).map(stemOf))
              .filter((stem) => !all.has(stem)),
          )
        : new Set(),
    headWords: [...new Set([...nameWords, ...pathWords, ...splitWords(summary)].filter(isContentWord))].map(
      positionOf,
    ),
    nouns,
    // Known once the whole catalog is indexed (`indexCatalog`).
    nounIdfs: [],
    verb,
    writes,
    reads: isReadMethod(method) || (knownWrites !== undefined && knownWrites < 0.5),
    removes,
    pathParameters,
    idParameters,
    idFilters,
    recordInputs,
    requiredOthers: [...required].filter((name) => !pathNames.has(name)).length,
    slots,
    states: new Set(
      isReadMethod(operation?.method)
        ? []
        : slots.flatMap((slot) =>
            slot.kind === 'enum'
              ? (slot.choices ?? []).flatMap((stems) => (stems.length === 1 ? stems : []))
              : [],
          ),
    ),
    idPrefixes: idPrefixes(tool.inputSchema),
    collection: isReadMethod(method) && !lastSegment.startsWith('{') && !ASPECT.test(lastSegment),
    ...(path.head ? { head: { stem: stemOf(path.head), row: vectorRow(path.head) } } : {}),
    ...(path.action ? { action: stemOf(path.action) } : {}),
    listed: path.listed,
    findsPeople:
      responseFields.some((field) => PERSON_CONTACT.test(field)) &&
      responseFields.some((field) => PERSON_NAME_FIELD.test(field)),
    holdsPeople,
    search: Object.entries(properties).some(
      ([name, property]) => FREE_TEXT_NAME.test(name) && isObject(property) && property.type === 'string',
    ),
    deprecated: /\bdeprecated\b/i.test(tool.description.slice(0, 200)),
  };
}

/**
 * The schema of the one object a change's body wraps its inputs in, named as the path's record
 * (`PUT /tickets/{id}` with `{ticket: {status, type, …}}`): its properties are what the change sets.
 */
function wrappedInputs(
  properties: Record<string, unknown>,
  bodyInputs: Set<string>,
  pathStems: Set<string>,
): { properties: Record<string, unknown>; required?: unknown } | undefined {
  const objects = [...bodyInputs].filter((name) => {
    const property = properties[name];
    return isObject(property) && isObject(property.properties);
  });
  if (objects.length !== 1) return undefined;
  const [name] = objects;
  if (!splitWords(name).some((word) => pathStems.has(stemOf(word)))) return undefined;
  const property = properties[name] as { properties: Record<string, unknown>; required?: unknown };
  return { properties: property.properties, required: property.required };
}

/** Words, then an acronym of their initials in brackets: "gift card account number (GAN)". */
const ACRONYM_DEFINED = /((?:[A-Za-z][A-Za-z-]*\s+){1,6})\(([A-Z]{2,6})s?\)/g;

/**
 * Where the words that `acronym` stands for start among `words`, when their initials spell it: the
 * last letter the last word's, each letter before it the initial of the word before or of the one
 * before that ("gift card account number" for GAN); undefined when they do not.
 */
function spellsAcronym(words: string[], acronym: string): number | undefined {
  let at = words.length - 1;
  let first: number | undefined;
  for (let letter = acronym.length - 1; letter >= 0; letter--) {
    const places = letter === acronym.length - 1 ? [at] : [at, at - 1];
    const found = places.find((place) => place >= 0 && words[place][0] === acronym[letter]);
    if (found === undefined) return undefined;
    first = found;
    at = found - 1;
  }
  return first;
}

/**
 * The acronyms the catalog's own texts define, lower case, with the words they stand for, lower case
 * (`gan` -> gift, card, account, number): the initials of the last word and of words before it in
 * order, a word in between allowed ("card" in "gift card account number").
 */
function findAcronyms(indexed: readonly IndexedTool[]): Map<string, string[]> {
  const acronyms = new Map<string, string[]>();
  for (const entry of indexed) {
    const properties = isObject(entry.tool.inputSchema.properties) ? entry.tool.inputSchema.properties : {};
    const texts = [
      entry.tool.description,
      ...Object.values(properties).map((property) =>
        isObject(property) && typeof property.description === 'string' ? property.description : '',
      ),
    ];
    for (const text of texts)
      for (const [, before, letters] of text.matchAll(ACRONYM_DEFINED)) {
        const acronym = letters.toLowerCase();
        if (acronyms.has(acronym)) continue;
        const words = before.trim().toLowerCase().split(/\s+/);
        const first = spellsAcronym(words, acronym);
        if (first !== undefined) acronyms.set(acronym, words.slice(first));
      }
  }
  return acronyms;
}

/** Indexes a catalog for ranking with `model`. */
export function indexCatalog(tools: readonly RankableTool[], model: RankingModel): CatalogIndex {
  const words: ModelWords = {
    noise: new Set(model.pathNoise ?? []),
    generic: new Set(model.genericWords ?? []),
    methodsSay: tools.some((tool) => tool.operation && tool.operation.method.toLowerCase() !== 'post'),
  };
  // Each tool's head words as positions in one catalog-wide list, so a message word meets each once.
  const positions = new Map<string, number>();
  const positionOf = (word: string) => {
    let position = positions.get(word);
    if (position === undefined) {
      position = positions.size;
      positions.set(word, position);
    }
    return position;
  };
  const indexed = tools.map((tool, position) => indexTool(tool, position, model, words, positionOf));
  findOwnFields(indexed);
  const frequency = new Map<string, number>();
  const postings = new Map<string, number[]>();
  const vocabulary = new Map<string, Set<string>>();
  for (const [position, entry] of indexed.entries()) {
    for (const stem of new Set([...entry.all, ...entry.response])) {
      frequency.set(stem, (frequency.get(stem) ?? 0) + 1);
      const list = postings.get(stem);
      if (list) list.push(position);
      else postings.set(stem, [position]);
    }
    const fieldNames = (entry.tool.operation?.responseFields ?? []).join(' ');
    const text = `${entry.tool.name} ${entry.tool.operation?.path ?? ''} ${entry.tool.description} ${fieldNames}`;
    for (const word of splitWords(text)) {
      if (word.length < 3 || !isContentWord(word)) continue;
      const bucket = vocabulary.get(word[0]) ?? new Set<string>();
      bucket.add(word);
      vocabulary.set(word[0], bucket);
    }
  }
  const vectors = loadWordVectors();
  const headWords = {
    words: [...positions.keys()],
    rows: new Int32Array(positions.size).fill(-1),
    tools: Array.from({ length: positions.size }, () => [] as number[]),
  };
  for (const [position, entry] of indexed.entries())
    for (const word of entry.headWords) headWords.tools[word].push(position);
  if (vectors) {
    for (const [position, word] of headWords.words.entries())
      headWords.rows[position] = vectors.rows.get(word) ?? -1;
  }
  const records = new Set(
    indexed.flatMap((entry) => [
      ...(entry.head ? [entry.head.stem] : []),
      ...entry.pathParameters.flatMap(({ segment }) =>
        segment?.length ? [stemOf(segment.at(-1) ?? '')] : [],
      ),
    ]),
  );
  const acronyms = findAcronyms(indexed);
  for (const entry of indexed) {
    const spelled = entry.head ? acronyms.get(entry.head.stem) : undefined;
    if (entry.head && spelled) entry.head.spelled = spelled.filter(isContentWord).map(stemOf);
    entry.recordInputs = entry.recordInputs.flatMap((input) => {
      // An input named by an acronym for an id ("gan": "gift card account number") takes that id, of
      // the record its other words name.
      const words = acronyms.get(input.name.toLowerCase());
      if (words && ID_WORDS.has(words.at(-1) ?? '')) {
        const segment = words.slice(0, -1).filter(isContentWord);
        return [{ ...input, nouns: new Set([...input.nouns, ...segment.map(stemOf)]), segment }];
      }
      return isIdName(input.name) || records.has(stemOf(input.segment?.at(-1) ?? '')) ? [input] : [];
    });
  }
  const choiceWords = indexChoiceWords(indexed);
  const count = indexed.length;
  const idf = new Map<string, number>();
  for (const [stem, df] of frequency) idf.set(stem, Math.log(1 + count / df));
  for (const entry of indexed) entry.nounIdfs = [...entry.nouns].map((noun) => idf.get(noun) ?? 0);
  // A word no operation has weighs like a typical catalog word: the catalog cannot say more of it.
  const values = [...idf.values()].sort((left, right) => left - right);
  return {
    tools: indexed,
    idf,
    unseenIdf: values.length > 0 ? values[Math.floor(values.length / 2)] : 1,
    vocabulary: new Map([...vocabulary].map(([letter, words]) => [letter, [...words]])),
    headWords,
    choiceWords,
    similarWords: new Map(),
    model,
    promptHints: new Map(),
    promptIdNouns: new Map(),
    postings,
    idLabels: findIdLabels(indexed),
    takesDomains: indexed.some((entry) => entry.idParameters.some((parameter) => parameter.byDomain)),
    codeLengths: new Set(
      indexed.flatMap((entry) =>
        entry.idParameters.flatMap(({ form }) => (form?.letters ? [form.letters] : [])),
      ),
    ),
    pathStems: new Set(indexed.flatMap((entry) => [...entry.path])),
    actions: new Set(indexed.flatMap((entry) => (entry.action ? [entry.action] : []))),
    states: new Set(indexed.flatMap((entry) => [...entry.states])),
    records,
    created: new Set(
      words.methodsSay
        ? indexed.flatMap((entry) => (createsRecord(entry) && entry.head ? [entry.head.stem] : []))
        : [],
    ),
  };
}

/**
 * Fills each operation's `ownFields`: for a read of records under another (`GET /orders/{id}/shipments`),
 * the fields of its answer that the read of that record (`GET /orders/{id}`) does not have.
 */
function findOwnFields(indexed: IndexedTool[]): void {
  const readsByPath = new Map<string, IndexedTool>();
  for (const entry of indexed) {
    const operation = entry.tool.operation;
    if (operation && isReadMethod(operation.method))
      readsByPath.set(operation.path.replace(/\/$/, ''), entry);
  }
  for (const entry of indexed) {
    const operation = entry.tool.operation;
    if (!operation || !isReadMethod(operation.method)) continue;
    const parent = /^(.*\{[^}]+\})\/[^{}]+\/?$/.exec(operation.path)?.[1];
    const record = parent === undefined ? undefined : readsByPath.get(parent);
    if (!record) continue;
    for (const stem of entry.response)
      if (!record.response.has(stem) && !record.all.has(stem)) entry.ownFields.add(stem);
  }
}

/** The distinct words of the values the operations' inputs offer, with their vectors and operations. */
function indexChoiceWords(indexed: IndexedTool[]): CatalogIndex['choiceWords'] {
  const vectors = loadWordVectors();
  const positions = new Map<string, number>();
  const tools: number[][] = [];
  for (const [position, entry] of indexed.entries())
    for (const slot of entry.slots)
      for (const word of (slot.labels ?? []).flatMap(splitWords)) {
        if (!isContentWord(word)) continue;
        let at = positions.get(word);
        if (at === undefined) {
          at = positions.size;
          positions.set(word, at);
          tools.push([]);
        }
        if (tools[at][tools[at].length - 1] !== position) tools[at].push(position);
      }
  const words = [...positions.keys()];
  return { words, rows: Int32Array.from(words, (word) => vectors?.rows.get(word) ?? -1), tools };
}

/** The one-word names of string id inputs, other than `id` itself (`CatalogIndex.idLabels`). */
function findIdLabels(indexed: IndexedTool[]): Set<string> {
  const labels = new Set<string>();
  for (const entry of indexed) {
    const properties = isObject(entry.tool.inputSchema.properties) ? entry.tool.inputSchema.properties : {};
    for (const parameter of entry.idParameters) {
      const words = splitWords(parameter.name);
      const schema = properties[parameter.name];
      if (words.length !== 1 || ID_WORDS.has(words[0]) || !isContentWord(words[0])) continue;
      if (isObject(schema) && schema.type !== undefined && schemaTypeOf(schema) !== 'string') continue;
      labels.add(words[0]);
    }
  }
  return labels;
}
