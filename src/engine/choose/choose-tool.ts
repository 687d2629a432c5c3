// Chooses the operation for a message with the learned ranking (shared with the tool selection), then
// fills its inputs: call it, ask for what is missing, or call nothing when "nothing" ranks first.
import type { AnalyzedQuery, IndexedTool, QueryId } from '../../tools/index.js';
import {
  contentStems,
  EMAIL_ADDRESS,
  isPlural,
  isReadMethod,
  noneAgainst,
  readIds,
  splitWords,
  stemOf,
} from '../../tools/index.js';
import type { EngineTool } from '../catalog/engine-tool.js';
import { listParameters } from '../catalog/list-parameters.js';
import { classifyParameter } from '../fill/classify-parameter.js';
import { findPointedId } from '../fill/find-pointed-id.js';
import { createTextReadings } from '../fill/read-text.js';
import { conceptOf } from '../language/synonyms.js';
import { asksChange } from './asks-change.js';
import type { Choice, ChooseToolOptions } from './choice.js';
import {
  COVERAGE,
  DOES,
  HEAD_UNNAMED,
  ID_FORM_FIT,
  ID_PREFIX_MATCH,
  REMOVE_GAP,
  RESOURCE_SIBLINGS,
  SIBLING_SHARE,
  SIBLINGS,
} from './choice-constants.js';
import { fillChoice, minorUnitsOf } from './fill-choice.js';
import { filledByMessage, identifiedByMessage } from './filled-by-message.js';
import {
  findBrowse,
  findEmailLookUp,
  findFormLookUp,
  findLookUp,
  findLookUpFirst,
  looksUp,
} from './find-look-up.js';
import { findOwnAccount } from './find-own-account.js';
import {
  findCreationOf,
  findIdOwner,
  findOwnRecord,
  findStateChange,
  namedSibling,
  readInstead,
  takerOfAsked,
} from './find-stand-in.js';
import {
  readersFirst,
  withoutOtherCreates,
  withoutOtherDeeds,
  withoutUnaskedRemoves,
} from './narrow-candidates.js';
import { rankOffered } from './rank-offered.js';
import { readPromptIds, readPromptLabel } from './read-prompt.js';
import { createsInstead, isRecordPath, sameResource } from './same-resource.js';

/**
 * Whether the operation makes the change the message asks for: it changes something (or is not known
 * to only read), and removes about as much as the message's verb does, unless the operation's own words
 * or the values it offers name the verb ("cancelled" among an order's statuses).
 */
function makesChange(entry: IndexedTool, query: AnalyzedQuery): boolean {
  const action = query.action;
  if (!action) return false;
  // A deed of its own at the path's end (`/orders/{id}/payment_actions/capture`) is no edit: "change
  // the shipping address on order 10501" captures no payment.
  if (entry.action !== undefined && conceptOf(action.stem) === EDIT && conceptOf(entry.action) !== EDIT)
    return false;
  // An operation not known to only read may make it: its name says nothing either way.
  if (entry.writes < DOES) return !entry.reads;
  if (query.removes - entry.removes < REMOVE_GAP) return true;
  if (entry.all.has(action.stem)) return true;
  return choicesOf(entry.tool.inputSchema).some(
    (value) => typeof value === 'string' && contentStems(value).includes(action.stem),
  );
}

/** The concept of the verbs that edit a record ("change", "update", "modify", "edit"). */
const EDIT = conceptOf(stemOf('update'));

/** How far unnamed a list's noun must be (1: not at all, by word or meaning) to answer nothing of its record. */
const MOSTLY = 0.5;

/**
 * Whether `best` reads a list under a record the message names by its id (`GET
 * /orders/{order_id}/metafields` for "my order 10452"), whose own noun the message does not name,
 * where no operation of the catalog reads that record itself.
 */
function unreadRecord(
  best: { entry: IndexedTool; features: number[] },
  query: AnalyzedQuery,
  catalog: readonly IndexedTool[],
): boolean {
  if (!best.entry.reads || !(best.features[HEAD_UNNAMED] > MOSTLY) || isRecordPath(best.entry)) return false;
  const nouns = new Set(query.ids.map((id) => id.noun));
  const parent = best.entry.pathParameters.find((parameter) =>
    [...parameter.nouns].some((noun) => nouns.has(noun)),
  );
  if (!parent) return false;
  return !catalog.some(
    (entry) =>
      entry.reads &&
      isRecordPath(entry) &&
      entry.head !== undefined &&
      parent.nouns.has(entry.head.stem) &&
      entry.pathParameters.length === best.entry.pathParameters.length,
  );
}

/**
 * The operation that reads one record of `list`'s kind, where one ranks among the first few: what
 * the customer points at among the records the agent listed ("the second one").
 */
function recordOf<Ranked extends { entry: IndexedTool }>(
  list: Ranked,
  candidates: Ranked[],
): Ranked | undefined {
  return candidates
    .slice(0, RESOURCE_SIBLINGS)
    .find((other) => other.entry.reads && isRecordPath(other.entry) && sameResource(other.entry, list.entry));
}

/**
 * Whether the message asks in the plural for the records `one` reads one of ("disputes"), which
 * `list`'s path names too.
 */
function asksMany(query: AnalyzedQuery, one: IndexedTool, list: IndexedTool): boolean {
  const head = one.head?.stem;
  return (
    head !== undefined &&
    list.path.has(head) &&
    query.terms.some((term) => term.stem === head && isPlural(term.word))
  );
}

/** Every enumerated value of a schema, at any depth ("cancelled" among an order's statuses). */
function choicesOf(schema: unknown, depth = 0): unknown[] {
  if (typeof schema !== 'object' || schema === null || depth > 6) return [];
  const node = schema as Record<string, unknown>;
  const own = Array.isArray(node.enum) ? node.enum : [];
  const nested = Object.values(node).flatMap((value) =>
    Array.isArray(value) ? value.flatMap((item) => choicesOf(item, depth + 1)) : choicesOf(value, depth + 1),
  );
  return [...own, ...nested];
}

/** Whether the operation's name ends in the plural of its head noun (`getOrders`): it lists them. */
function namesList(entry: IndexedTool, head: string): boolean {
  const last = splitWords(entry.tool.operation?.operationId ?? entry.tool.name)
    .pop()
    ?.toLowerCase();
  return last !== undefined && isPlural(last) && stemOf(last) === head;
}

/** Emails and links, which are values, not words of a message. */
const VALUE_TOKENS = new RegExp(`${EMAIL_ADDRESS.source}|https?:\\/\\/\\S+`, 'g');

/** Chooses what to do for the message. */
export function chooseTool(options: ChooseToolOptions): Choice {
  const { tools, text, earlierText } = options;
  if (tools.length === 0) return { type: 'none' };
  const ranking = rankOffered(options, options.rankText ?? (earlierText ? `${earlierText}\n${text}` : text));
  // A question that asks for no change reads: where the catalog has operations that read (GET), those
  // that change something are not its answer (an API of POSTs only, a function catalog, keeps them all:
  // there the verb is all that tells, and the ranking reads it already; BFCL multiple lost 0.045 when
  // such catalogs kept only the operations whose verb reads).
  // A request in a question's words ("can you reactivate subscription …?") is no question.
  const reads = ranking.query.question && !asksChange(ranking.query);
  // A search sent as a POST (`POST /v2/bookings/availability/search`) reads too, where GETs show the
  // catalog's methods tell reading from writing.
  const readsByMethod = ranking.tools.some((ranked) => isReadMethod(ranked.entry.tool.operation?.method));
  const eligible =
    reads && readsByMethod
      ? ranking.tools.filter(
          (ranked) =>
            (isReadMethod(ranked.entry.tool.operation?.method) || ranked.entry.reads) &&
            ranked.entry.writes < DOES,
        )
      : [];
  const ranked = eligible.length > 0 ? eligible : reads ? readersFirst(ranking.tools) : ranking.tools;
  const candidates = withoutOtherDeeds(
    withoutUnaskedRemoves(withoutOtherCreates(ranked, ranking.query, ranking.index, text), ranking.query),
    ranking.query,
    ranking.index,
  );
  const readings = options.readings ?? createTextReadings(options.now);
  // An earlier turn's ids are read only when a fill needs them, once for every candidate.
  const turnIds: QueryId[][] = [];
  const earlierIds = (position: number) =>
    (turnIds[position] ??= readIds(options.earlierTurns?.[position] ?? '', ranking.index));
  const fillFor = (ranked: (typeof candidates)[number]) =>
    fillChoice({
      tool: ranked.entry.tool as EngineTool,
      entry: ranked.entry,
      query: ranking.query,
      text,
      earlierText,
      earlierTurns: options.earlierTurns,
      earlierIds,
      promptIds: () => readPromptIds(options.system ?? '', ranking.index),
      promptLabel: (name: string, others: string[]) =>
        readPromptLabel({ prompt: options.system ?? '', index: ranking.index, name, others }),
      prompt: options.system,
      readings,
      minorUnits: minorUnitsOf(ranking.index),
    });
  let best = candidates[0];
  if (!best) return { type: 'none' };
  // "how do I add my card to Apple Pay?" asks how a thing is done, which no operation tells (the
  // business's articles may): nothing is called, unless the message names a record by its id.
  if (ranking.query.asksHow && ranking.query.ids.length === 0 && earlierText === undefined)
    return { type: 'none' };
  // The id's owner stands in for the first, with the first's claim against "nothing" ("please change
  // our billing email … our contact ID is 5e7a…" is the contact's update, though emailing an invoice
  // ranked first).
  const owner = findIdOwner(best, candidates, ranking.query);
  const ownerClaim = best.probability;
  best = owner ?? best;
  best = readInstead(best, candidates, ranking.query) ?? best;
  // "dana.p" after "What's your username?": the one value the agent asked for is for an operation
  // that takes an input of that name, among those the request ranks first.
  const askedFor =
    earlierText !== undefined ? takerOfAsked(text, options.earlierTurns?.[0], candidates) : undefined;
  if (askedFor) best = askedFor.ranked;
  const named = askedFor ? undefined : namedSibling(best, candidates);
  // A sibling that stands in for the first makes the first's claim against "nothing".
  const firstClaim = best.probability;
  if (named) best = named;
  // "ok and what was in the second one?" after the agent listed two orders by their ids: the one
  // pointed at is read, not the list again, with the list's claim against "nothing".
  const pointed =
    options.earlierTurns?.length && !askedFor
      ? findPointedId(text, options.earlierTurns[0], earlierIds(0))
      : undefined;
  const pointedReader = pointed && best.entry.collection ? recordOf(best, candidates) : undefined;
  if (pointedReader) best = pointedReader;
  let filled = fillFor(best);
  if (askedFor) {
    filled.input[askedFor.input] = text.trim();
    filled.missing = filled.missing.filter((parameter) => parameter.name !== askedFor.input);
  }
  const claim = named || pointedReader ? firstClaim : owner === best ? ownerClaim : best.probability;
  // Of near-equal siblings, the one the message completes ("my cart" for the signed-in customer's
  // cart, not a guest cart by its id) rather than one that would have to ask for more.
  if (filled.missing.length > 0)
    for (const [position, other] of candidates.slice(0, RESOURCE_SIBLINGS).entries()) {
      // The first ranked may stand in for a sibling that took its place ("Disputes opened …" named the
      // one dispute's read, which needs its id).
      if (other === best) continue;
      const near = position < SIBLINGS && other.probability >= best.probability * SIBLING_SHARE;
      // Past the near ones, only a read stands in for a read on its resource (a list for a search
      // with nothing to search).
      const reading = best.entry.reads && other.entry.reads;
      // "list our open payment disputes": the records asked for in the plural are read by a list
      // whose path names them (`/payment_dispute_summary`), where one is read by its id.
      const listAsked = reading && other.entry.collection && asksMany(ranking.query, best.entry, other.entry);
      if (!near && !(reading && sameResource(best.entry, other.entry)) && !listAsked) continue;
      // A list of another resource is no stand-in for one record ("where is my order?" is no orders'
      // totals report).
      if (
        isRecordPath(best.entry) &&
        other.entry.collection &&
        !sameResource(best.entry, other.entry) &&
        !listAsked
      )
        continue;
      // A sibling that reads is no stand-in for one that writes ("add a gift message" is not "get" it).
      if (Math.abs(other.entry.writes - best.entry.writes) >= DOES) continue;
      // Creating a record is no stand-in for acting on one (a new schedule for cancelling one).
      if (createsInstead(best.entry, other.entry)) continue;
      // Nor is a change to another kind of record ("cancel my appointment" cancels no payment), nor
      // another change to it (closing an order is no update of it).
      if (
        best.entry.writes >= DOES &&
        (best.entry.head?.stem !== other.entry.head?.stem || best.entry.verb !== other.entry.verb)
      )
        continue;
      const completed = fillFor(other);
      if (completed.missing.length === 0) {
        best = other;
        filled = completed;
        break;
      }
    }
  // "I'd like to open a ticket. Our invoice export comes out blank": the record asked for is made,
  // however many of the message's words a search would take.
  const creation = findCreationOf(ranking.query, candidates);
  if (creation && creation !== best) {
    best = creation;
    filled = fillFor(creation);
  }
  // Nothing to call when "nothing" is more likely than the most likely operation, unless every word
  // of the message is the operation's own ("Where is my order?", and its answer "it's 44821"), or the
  // message is only a code in the form the operation's schema shows ("Tell me about SKU-1042"; a bare
  // number fits too many operations to say): then it is called, or its missing inputs are asked for.
  const whollyAbout =
    best.features[COVERAGE] >= 1 ||
    (ranking.query.terms.length === 0 &&
      ranking.query.ids.some((id) => /\D/.test(id.text.replace(/^#/, ''))) &&
      (best.features[ID_PREFIX_MATCH] > 0 || best.features[ID_FORM_FIT] > 0));
  // "my server 23498111 is unresponsive, can you reboot it?": a request whose verb is the operation's
  // own deed, for a record the message names, that the operation can do with what the message gives.
  // The record is named by an id, or by its noun where the message asks ("ok, please place my order"):
  // a polite request names no change by its mood alone.
  const query = ranking.query;
  const namesRecord = query.terms.some((term) => !term.verb && term.stem === best.entry.head?.stem);
  const asksItsDeed =
    ((asksChange(query) && query.ids.length > 0) || ((asksChange(query) || query.request) && namesRecord)) &&
    filled.missing.length === 0 &&
    query.terms.some(
      (term) => term.verb && (term.stem === best.entry.verb || term.stem === best.entry.action),
    );
  // "ethan.g@example.com" after "What's the email address on your account?": an answer that is only a
  // value, which the chosen operation takes whole, completes the request it answers.
  const answered =
    earlierText !== undefined &&
    filled.missing.length === 0 &&
    (askedFor !== undefined || contentStems(text.replace(VALUE_TOKENS, ' ')).length === 0) &&
    Object.values(filled.input).some(
      (value) => typeof value === 'string' && value.length > 3 && text.includes(value),
    );
  // "Nothing" weighs against the operations that could answer: those the message's kind leaves ("any
  // update on ticket 5531?" asks for no change, so the update it names is no rival).
  const noneProbability =
    candidates.length < ranking.tools.length
      ? noneAgainst(ranking, candidates, ranking.index)
      : ranking.none.probability;
  // "which addresses are saved on my account?" from the customer the prompt signs in.
  const ownAccount = () =>
    findOwnAccount({
      candidates,
      query: ranking.query,
      text,
      prompt: options.system ?? '',
      index: ranking.index,
      fillFor,
      changes: (entry) => makesChange(entry, ranking.query),
    });
  let nothing =
    noneProbability >= claim &&
    !whollyAbout &&
    !asksItsDeed &&
    !answered &&
    !looksUp(best, ranking, filled.input) &&
    // A read of the record the customer points at in the agent's listing continues the conversation.
    !(pointed && best.entry.reads && Object.values(filled.input).includes(pointed.text));
  // "where is my order 10452??" where no operation reads an order, only lists under one (its
  // metafields, its refunds): a list the message does not name is no answer about the record.
  if (!nothing && unreadRecord(best, ranking.query, ranking.index.tools)) nothing = true;
  // "Is the Everyday Tote available in black?": a thing named by its proper name, which no read the
  // message fills ranks for (or only a search of people, which is no thing for sale), is looked for
  // among the things for sale.
  if (
    !nothing &&
    best.entry.reads &&
    (Object.keys(filled.input).length === 0 || best.entry.holdsPeople || best.entry.findsPeople)
  ) {
    const browse = findBrowse(candidates, text, fillFor, ranking.index.tools, readings);
    if (browse?.named) {
      best = browse.ranked;
      filled = browse.filled;
    }
  }
  if (nothing) {
    const lookUp =
      findLookUp(candidates.slice(1), ranking, fillFor) ??
      findFormLookUp(candidates, ranking.query, fillFor) ??
      findEmailLookUp(candidates, text, fillFor) ??
      findBrowse(candidates, text, fillFor, ranking.index.tools, readings) ??
      ownAccount();
    if (lookUp && !unreadRecord(lookUp.ranked, ranking.query, ranking.index.tools)) {
      best = lookUp.ranked;
      filled = lookUp.filled;
      nothing = false;
    }
  }
  // A change no operation makes ("cancel my order" where orders can only be read) is declined plainly,
  // rather than answered with a look-up.
  const action = ranking.query.action;
  // "Can you send me the tracking number for …?": what is to be given to the customer, the read that
  // ranks first tells (where no operation sends it), above "nothing" where the message's id fills it.
  const told =
    action?.toCustomer === true &&
    best.entry.reads &&
    (!nothing || (filled.missing.length === 0 && ranking.query.ids.length > 0));
  if (told) nothing = false;
  // The value the agent asked for goes to the operation that takes it, though the request it serves
  // is another's ("I need to change where my package is going" then the email to look the user up by).
  if (action && !askedFor && !told && (nothing || !makesChange(best.entry, ranking.query))) {
    // "please start a return for order 55512": a deed the catalog does by creating the record its
    // object names is no deed to decline.
    const creation =
      findCreationOf(ranking.query, candidates) ??
      findStateChange(ranking.query, candidates, (ranked) => fillFor(ranked).missing.length === 0);
    if (!creation) return { type: 'unable', action: { word: action.word, rest: action.rest } };
    best = creation;
    filled = fillFor(creation);
    nothing = false;
  }
  if (nothing) return { type: 'none' };
  const lookUpFirst = findLookUpFirst(best, filled, candidates, fillFor);
  if (lookUpFirst) {
    best = lookUpFirst.ranked;
    filled = lookUpFirst.filled;
  }
  const ownRecord = findOwnRecord(best, filled, candidates, ranking.query, text, options.system ?? '');
  if (ownRecord) {
    // The message gives no id ("it's been 10 days" counts days): the record's id is asked for.
    const ids = new Set(ownRecord.entry.idParameters.map((parameter) => parameter.name));
    const { input, missing } = fillFor(ownRecord);
    const asked = listParameters(ownRecord.entry.tool.inputSchema).filter(
      (parameter) => ids.has(parameter.name) && !missing.some((entry) => entry.name === parameter.name),
    );
    for (const parameter of asked) delete input[parameter.name];
    best = ownRecord;
    filled = {
      input,
      missing: [...asked.map(classifyParameter), ...missing],
      found: Object.keys(input).length,
    };
  }
  // "please update my email to …": the signed-in customer's own record, rather than asking for another's.
  const own = filled.missing.length > 0 ? ownAccount() : undefined;
  if (own) {
    best = own.ranked;
    filled = own.filled;
  }
  const tool = best.entry.tool as EngineTool;
  if (filled.missing.length > 0) return { type: 'ask', tool, missing: filled.missing };
  // "My card was charged twice for order 1268…. Can you check the payment?" asks for the look-up.
  const requests = ranking.query.question || ranking.query.request || ranking.query.action !== undefined;
  const conversationText = earlierText ? `${earlierText}\n${text}` : text;
  const identifies = (entry: IndexedTool, input: Record<string, unknown>) =>
    identifiedByMessage(entry, input, filledByMessage(entry, input, conversationText, options.system ?? ''));
  // A list of records that hold people's details (its path or its name ends in their plural: eBay's
  // `getOrders` at `/order`), or a search of them, filtered by nothing of the customer's ("unsubscribe
  // me" for every unsubscribed address, "can I pay with Klarna?" for every order paid so), would show
  // other people's: nothing is called. A record of the customer's own (`/carts/mine/billing-address`)
  // is no list.
  const head = best.entry.head?.stem;
  if (
    best.entry.collection &&
    head !== undefined &&
    (best.entry.listed.has(head) || best.entry.search || namesList(best.entry, head)) &&
    best.entry.holdsPeople &&
    !identifies(best.entry, filled.input)
  ) {
    // "show me my past orders" from a signed-in customer: the list of the same records under the
    // customer's own (`/customers/{customer_id}/orders`), when the conversation or the prompt fills it.
    const own = candidates
      .slice(0, RESOURCE_SIBLINGS)
      .filter(
        (other) =>
          other !== best && other.entry.reads && other.entry.collection && other.entry.head?.stem === head,
      )
      .map((other) => ({ other, filled: fillFor(other) }))
      .find(({ other, filled }) => filled.missing.length === 0 && identifies(other.entry, filled.input));
    if (!own) return { type: 'none' };
    return { type: 'call', tool: own.other.entry.tool as EngineTool, input: own.filled.input, requests };
  }
  return { type: 'call', tool, input: filled.input, requests };
}
