// The features of one (message, operation) pair and of "call nothing" for a message: lexical match per
// field, the method against what the message asks, the path's shape against the ids the message gives,
// id formats, siblings' extra nouns. Their weights are learned (ranking-model.ts); nothing here is tuned
// to a case.
import type { AnalyzedQuery } from './analyze-query.js';
import { abbreviates, fitsIdForm } from './id-inputs.js';
import {
  type CatalogIndex,
  createsRecord,
  type IndexedTool,
  isPlural,
  isReadMethod,
} from './index-catalog.js';
import { fitSlots } from './read-values.js';
import { stemOf } from './read-words.js';

/** A host name (`rosa-baeckerei.de`). */
const HOST = /^(?:[\p{L}\p{N}-]+\.)+\p{Ll}{2,12}$/u;

/** Names of the operation features, in vector order. */
export const TOOL_FEATURES = [
  'name',
  'summary',
  'description',
  'path',
  'tags',
  'parameters',
  'associated',
  'coverage',
  'nounCoverage',
  'extraNouns',
  'context',
  'writes',
  'writeForQuestion',
  'writeForWrite',
  'readForWrite',
  'removeForRemove',
  'removeUnasked',
  'verbNamed',
  'idMissing',
  'idUnneeded',
  'idNounMatch',
  'idNounMismatch',
  'idCountGap',
  'idPrefixMatch',
  'collectionWithoutId',
  'searchForUnknownWords',
  'deprecated',
  'depth',
  'otherRequired',
  'namedInPrompt',
  'relativeCoverage',
  'semantic',
  'relativeSemantic',
  'response',
  'idFormFit',
  'idFormClash',
  'slotsFilled',
  'slotsMissing',
  'choiceNamed',
  'valuesUnplaced',
  'choiceMeaning',
  'numberClash',
  'writeForUnknownVerb',
  'readForUnknownVerb',
  'headUnnamed',
  'ownIdByFilter',
  'fieldNamed',
] as const;

/** Names of the "call nothing" features, in vector order. */
export const NONE_FEATURES = [
  'bias',
  'bestCoverage',
  'bestHead',
  'question',
  'addressesBusiness',
  'length',
  'empty',
  'hasId',
  'writes',
  'unknownShare',
  'bestSemantic',
  'values',
] as const;

/** What the features of a message share across its operations. */
export interface QueryWeights {
  /** Stem -> weight × idf. */
  weights: Map<string, number>;
  /**
   * The same stems and weights as arrays, in the map's order: each operation's shares sum over them,
   * several times per operation, and an array costs less to go through than a map.
   */
  stems: string[];
  values: number[];
  total: number;
  /** Stems reached only through learned associations, with their strength × idf. */
  associated: Map<string, number>;
  /** Share of the weight in stems the catalog has never seen. */
  unknownShare: number;
  /** Stems that only name a thing in the message ("since Tuesday's update"): no verb of an operation. */
  namedOnly: Set<string>;
  /** The stem of the message's first verb that asks for a deed, else of its first verb, if any. */
  firstVerb?: string;
}

/** Whether `word` is the adverb made of the word whose stem is `stem` ("completely" of "complete"). */
function isAdverbOf(word: string, stem: string): boolean {
  return word.length > 5 && word.endsWith('ly') && stemOf(word.slice(0, -2)) === stem;
}

/** Weighs the message's stems by the catalog's IDF and expands them by learned associations. */
export function weighQuery(query: AnalyzedQuery, index: CatalogIndex): QueryWeights {
  const weights = new Map<string, number>();
  let total = 0;
  let unknown = 0;
  for (const term of query.terms) {
    const idf = index.idf.get(term.stem);
    const value = term.weight * (idf ?? index.unseenIdf);
    weights.set(term.stem, value);
    total += value;
    if (idf === undefined) unknown += value;
  }
  const associated = new Map<string, number>();
  for (const term of query.terms) {
    for (const [stem, strength] of index.model.associations[term.stem] ?? []) {
      if (weights.has(stem) || !index.idf.has(stem)) continue;
      const value = strength * term.weight * (weights.get(term.stem) ?? 0);
      associated.set(stem, Math.max(associated.get(stem) ?? 0, value));
    }
  }
  // Nor does an adverb of a verb's stem ("the cake arrived completely smashed" completes no payment).
  const namedOnly = new Set(
    query.terms.flatMap((term) => (term.named || isAdverbOf(term.word, term.stem) ? [term.stem] : [])),
  );
  const firstVerb = query.asks ?? query.terms.find((term) => term.verb)?.stem;
  return {
    weights,
    stems: [...weights.keys()],
    values: [...weights.values()],
    total,
    associated,
    unknownShare: total > 0 ? unknown / total : 0,
    namedOnly,
    ...(firstVerb ? { firstVerb } : {}),
  };
}

/** The share of the message's weight in `field`'s stems, leaving out those in `except`. */
function share(field: Set<string>, query: QueryWeights, except?: Set<string>): number {
  if (query.total === 0) return 0;
  const { stems, values } = query;
  let matched = 0;
  for (let at = 0; at < stems.length; at++)
    if (field.has(stems[at]) && !except?.has(stems[at])) matched += values[at];
  return matched / query.total;
}

const log1 = (value: number) => Math.log(1 + value);

/** The feature vector of `tool` for the message. */
export function extractToolFeatures(options: {
  tool: IndexedTool;
  query: AnalyzedQuery;
  weights: QueryWeights;
  index: CatalogIndex;
  /** Share of the message's weight in the words of base-prompt sentences that name this tool. */
  namedInPrompt: number;
  /** The nouns of the ids the base prompt gives. */
  promptIdNouns?: Set<string>;
  /** Share of the message's weight in all the operation's words, when the caller has measured it. */
  coverage?: number;
  bestCoverage: number;
  /** Share of the message's weight the tool's words mean, exactly or by word vectors (0 to 1). */
  semantic: number;
  bestSemantic: number;
  /** How close a word of the message the catalog lacks comes to a value the operation's inputs offer (0 to 1). */
  choiceMeaning: number;
  /**
   * How closely the message (or the conversation before it) names what the operation is about, its
   * path's head noun: 1 for the word itself, less for a word near it in meaning, 0 for none.
   */
  headNamed: number;
  /**
   * False when no stem of the message, nor one associated with them, is among the operation's words
   * or response fields (the catalog's postings say so): every share below is then 0 without looking.
   */
  touched?: boolean;
}): number[] {
  const { tool, query, weights, index } = options;
  const touched = options.touched !== false;
  const coverage = !touched ? 0 : (options.coverage ?? share(tool.all, weights));
  let associated = 0;
  if (touched) for (const [stem, value] of weights.associated) if (tool.all.has(stem)) associated += value;
  associated = weights.total > 0 ? Math.min(1, associated / weights.total) : 0;
  // How much of the operation's subject the message names (directly or by association).
  let nounWeight = 0;
  let nounHit = 0;
  let extraNouns = 0;
  let at = 0;
  for (const noun of tool.nouns) {
    const idf = tool.nounIdfs[at++];
    nounWeight += idf;
    if (weights.weights.has(noun) || weights.associated.has(noun) || query.context.has(noun)) nounHit += idf;
    else extraNouns++;
  }
  let contextHits = 0;
  if (query.context.size > 0)
    for (const stem of tool.name) if (query.context.has(stem) && !weights.weights.has(stem)) contextHits++;
  const ids = query.ids;
  const pathParameters = tool.idParameters.length;
  // A plain loop: `map(...).filter(Boolean)` here threw V8's optimised code away three times a run.
  const idNouns: string[] = [];
  for (const id of ids) if (id.noun !== '') idNouns.push(id.noun);
  const nounMatch =
    idNouns.length > 0 &&
    tool.idParameters.some((parameter) => idNouns.some((noun) => parameter.nouns.has(noun)));
  // An id whose noun or prefix names one of the operation's filters ("the invoices for customer cus_N…",
  // "all my invoices, cus_N…" for `GET /invoices?customer=`).
  const filterPrefixMatch = ids.some(
    (id) =>
      id.prefix !== undefined && tool.idFilters.some((filter) => abbreviates(id.prefix as string, filter)),
  );
  const filterMatch =
    filterPrefixMatch ||
    (idNouns.length > 0 && tool.idFilters.some((filter) => idNouns.some((noun) => filter.nouns.has(noun))));
  // A change that takes the record it acts on in its body ("refund payment pi_3Oc…" for `POST /refunds`
  // with a `payment_intent` input): by the id's prefix, which names its record as well, or its noun.
  const inputPrefixMatch =
    tool.recordInputs.length > 0 &&
    ids.some(
      (id) =>
        id.prefix !== undefined && tool.recordInputs.some((input) => abbreviates(id.prefix as string, input)),
    );
  const recordInputMatch =
    inputPrefixMatch || tool.recordInputs.some((input) => idNouns.some((noun) => input.nouns.has(noun)));
  // A record input that is a required id input too (`payment_id` of `POST /refunds`) is counted once.
  const recordInputCounted =
    recordInputMatch &&
    tool.recordInputs.every((input) => tool.idParameters.some(({ name }) => name === input.name));
  const takesIds = pathParameters + ((filterMatch || recordInputMatch) && !recordInputCounted ? 1 : 0);
  // "order 12-10522" given to a list of orders filtered by their own ids (`/order?orderIds=`), where
  // reading the one record by its id is another operation's.
  const ownIdByFilter =
    pathParameters === 0 &&
    tool.collection &&
    tool.idFilters.some(
      (filter) =>
        idNouns.some((noun) => filter.nouns.has(noun)) &&
        [...filter.nouns].some((noun) => tool.path.has(noun)),
    );
  // A prefix that abbreviates an id input names its record only where the id can be that input's
  // value ("INV-0450" is no Xero InvoiceID, a UUID).
  const prefixMatch = ids.some(
    (id) =>
      id.prefix !== undefined &&
      (tool.idPrefixes.includes(id.prefix) ||
        tool.pathParameters.some(
          (parameter) =>
            abbreviates(id.prefix as string, parameter) &&
            fitsIdForm(id.text, tool.idParameters.find((entry) => entry.name === parameter.name)?.form) !==
              false,
        )),
  );
  // A verb that names what a creation makes ("refund" for `POST /refunds`, "return" for `POST /returns`).
  // Only the message's first verb: "I'd like to make an account so I can order" creates no order.
  const createsNamed =
    tool.head !== undefined &&
    tool.action === undefined &&
    weights.firstVerb === tool.head.stem &&
    index.created.has(weights.firstVerb) &&
    createsRecord(tool);
  // A change whose input takes the state the message's verb names does that deed ("unsubscribe me"
  // for an update whose `status` may be `unsubscribed`; "cancel order 5" for one that sets `cancelled`),
  // unless it tells what was done ("I opened a ticket last week" sets no ticket `open`).
  // A creation's state is the new record's ("cancel my order" creates no order in state `Cancelled`).
  const stateNamed =
    tool.states.size > 0 &&
    !createsRecord(tool) &&
    query.terms.some((term) => term.verb && !term.told && tool.states.has(term.stem));
  // An email names the record an id input identifies by an email ("unsubscribe me, kev@…").
  const emailNamesRecord =
    query.values.emails > 0 && tool.idParameters.some((parameter) => parameter.byEmail);
  const asks = query.question ? 1 : 0;
  // An id input that neither an email of the message ("unsubscribe me, kev@…" for a member by email)
  // nor an id of the base prompt ("signed in as customer id 4127") gives: a report's campaign id
  // beside the member's email is still missing.
  const promptIdNouns = options.promptIdNouns;
  const idUngiven = tool.idParameters.some(
    (parameter) =>
      !(parameter.byEmail && query.values.emails > 0) &&
      !(promptIdNouns !== undefined && [...parameter.nouns].some((noun) => promptIdNouns.has(noun))),
  );
  // Whether an id of the message has the form an id input's schema gives; false when the inputs give
  // forms and none fits; undefined when they give none.
  let formFit: boolean | undefined;
  for (const id of ids)
    for (const parameter of tool.idParameters) {
      // A host name fits an input that takes a domain, whatever form its schema shows.
      const fits = parameter.byDomain && HOST.test(id.text) ? true : fitsIdForm(id.text, parameter.form);
      if (fits !== undefined) formFit = formFit === true || fits;
    }
  const slots = fitSlots(tool.slots, query.values);
  // "Where is my order?" asks for one record, "show my orders" for many: a noun of the path in the
  // other number than the operation reads it.
  // "the message I left on order 1560" reads the order's messages: one of a list under a record the
  // message names by id, whose own ids a customer never sees.
  const listUnderNamedRecord = pathParameters > 0 && ids.length >= pathParameters && nounMatch;
  let numberClash = 0;
  if (touched && isReadMethod(tool.tool.operation?.method))
    for (const term of query.terms) {
      if (term.modifies || !tool.path.has(term.stem)) continue;
      const plural = isPlural(term.word);
      const listed = tool.listed.has(term.stem);
      const recorded = tool.pathParameters.some((parameter) => parameter.nouns.has(term.stem));
      // "transactions 8c1f… and 3a9e…" names records by their ids, however many.
      const givesIds = ids.some((id) => id.noun === term.stem);
      if (
        (!plural && listed && !recorded && !listUnderNamedRecord) ||
        (plural && recorded && !listed && !tool.collection && !givesIds)
      )
        numberClash = 1;
    }
  return [
    touched ? share(tool.name, weights) : 0,
    touched ? share(tool.summary, weights) : 0,
    touched ? share(tool.description, weights) : 0,
    touched ? share(tool.path, weights) : 0,
    touched ? share(tool.tags, weights) : 0,
    touched ? share(tool.parameters, weights) : 0,
    associated,
    coverage,
    nounWeight > 0 ? nounHit / nounWeight : 0,
    log1(extraNouns),
    tool.name.size > 0 ? contextHits / tool.name.size : 0,
    tool.writes,
    tool.writes * asks * (1 - query.writes),
    tool.writes * query.writes,
    (1 - tool.writes) * query.writes,
    tool.removes * query.removes,
    tool.removes * (1 - query.removes),
    (tool.verb !== '' && weights.weights.has(tool.verb) && !weights.namedOnly.has(tool.verb)) ||
    createsNamed ||
    stateNamed
      ? 1
      : 0,
    // An id the conversation gave before still identifies the record ("what's the tracking number?").
    pathParameters > 0 && ids.length === 0 && query.contextIds === 0 && idUngiven ? 1 : 0,
    ids.length > 0 && takesIds === 0 ? 1 : 0,
    nounMatch || filterMatch ? 1 : 0,
    // An id whose prefix names the record (`cus_…` for a customer) is its record's whatever noun stands before it.
    idNouns.length > 0 && pathParameters > 0 && !nounMatch && !prefixMatch ? 1 : 0,
    ids.length > 0 ? Math.min(2, Math.abs(takesIds - ids.length)) : 0,
    prefixMatch || inputPrefixMatch || filterPrefixMatch || emailNamesRecord ? 1 : 0,
    tool.collection && ids.length === 0 ? 1 : 0,
    // People are searched for by who they are: an email, a phone number, a name.
    tool.search && (!tool.findsPeople || query.values.emails + query.values.phones + query.values.people > 0)
      ? 1 - coverage
      : 0,
    tool.deprecated ? 1 : 0,
    log1(tool.path.size),
    log1(tool.requiredOthers),
    options.namedInPrompt,
    options.bestCoverage > 0 ? coverage / options.bestCoverage : 0,
    options.semantic,
    options.bestSemantic > 0 ? options.semantic / options.bestSemantic : 0,
    // Words only its answer has, but for those naming another operation's resource: "was the payment for
    // order 55 approved?" is `/orders/{id}/payment-transaction`'s, though the order has a payment field.
    touched ? share(tool.response, weights, index.pathStems) : 0,
    formFit === true ? 1 : 0,
    formFit === false ? 1 : 0,
    slots.filled,
    log1(slots.missing),
    slots.choiceNamed ? 1 : 0,
    slots.unplaced,
    options.choiceMeaning,
    numberClash,
    query.unknownVerb ? tool.writes : 0,
    query.unknownVerb ? 1 - tool.writes : 0,
    tool.head ? 1 - options.headNamed : 0,
    ownIdByFilter ? 1 : 0,
    // "change the email on my account cus_…": the message names an input the change sets.
    share(tool.bodyFields, weights),
  ];
}

/** The feature vector of calling nothing. */
export function extractNoneFeatures(options: {
  query: AnalyzedQuery;
  weights: QueryWeights;
  bestCoverage: number;
  bestHead: number;
  bestSemantic: number;
}): number[] {
  const { query, weights } = options;
  return [
    1,
    options.bestCoverage,
    options.bestHead,
    query.question ? 1 : 0,
    query.addressesBusiness ? 1 : 0,
    log1(query.length),
    query.length === 0 && query.ids.length === 0 ? 1 : 0,
    query.ids.length > 0 ? 1 : 0,
    query.writes,
    weights.unknownShare,
    options.bestSemantic,
    log1(query.values.names.length + query.values.dates + query.values.emails),
  ];
}
