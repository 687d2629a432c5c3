// Fills the chosen operation's inputs from the message, the request it answers, earlier turns and
// the base prompt.
import type { AnalyzedQuery, CatalogIndex, IndexedTool, QueryId } from '../../tools/index.js';
import { contradictsIdForm, fitsIdForm, isIdName, splitWords, stemOf } from '../../tools/index.js';
import { buildToolDocument } from '../catalog/build-tool-document.js';
import type { EngineTool } from '../catalog/engine-tool.js';
import type { ParameterInfo } from '../catalog/list-parameters.js';
import { bindIds, knownIdParameter, nounsOf } from '../fill/bind-ids.js';
import { classifyParameter } from '../fill/classify-parameter.js';
import { type FilledArguments, fillArguments } from '../fill/fill-arguments.js';
import { fillNote } from '../fill/fill-note.js';
import { countsInMinorUnits, inMinorUnits } from '../fill/find-currencies.js';
import { findPointedId } from '../fill/find-pointed-id.js';
import type { TextReadings } from '../fill/read-text.js';
import { promptIdInputs } from './read-prompt.js';

/** Per catalog, whether it counts money in the smallest unit. */
const minorUnitsByCatalog = new WeakMap<CatalogIndex, boolean>();

export function minorUnitsOf(index: CatalogIndex): boolean {
  let known = minorUnitsByCatalog.get(index);
  if (known === undefined) {
    known = countsInMinorUnits(index.tools.map((entry) => entry.tool.inputSchema));
    minorUnitsByCatalog.set(index, known);
  }
  return known;
}

export function fillChoice(options: {
  tool: EngineTool;
  entry: IndexedTool;
  query: AnalyzedQuery;
  text: string;
  earlierText: string | undefined;
  earlierTurns?: string[];
  /** The ids of the earlier turn at a position, as the ranking reads them (read when first asked). */
  earlierIds?: (position: number) => QueryId[];
  /** The ids the agent's base prompt gives with their nouns ("our hotel id is 4711"), read when first asked. */
  promptIds?: () => readonly QueryId[];
  /** The value the base prompt labels an input with by its own words (`labelledInPrompt`), read when first asked. */
  promptLabel?: (name: string, others: string[]) => string | undefined;
  /** The agent's base prompt. */
  prompt?: string;
  /** The texts the decision has read, with what their relative dates count from. */
  readings: TextReadings;
  /** Whether the catalog counts money in the smallest unit (`countsInMinorUnits`). */
  minorUnits?: boolean;
}): FilledArguments {
  const { tool, earlierText } = options;
  const document = buildToolDocument(tool);
  const parameters = options.minorUnits ? document.parameters.map(inMinorUnits) : document.parameters;
  // Ids of this message bind first; the request it answers or continues gives the rest below.
  const query = {
    ...options.query,
    ids: options.query.ids.filter((id) => options.text.includes(id.written ?? id.text)),
  };
  // An id input the base prompt names ("the hotel id is 4711") takes the prompt's id unless the
  // message names its own: the message's unnamed number is another record's ("is 214 clean yet?").
  const fromPrompt = promptIdInputs(options, query);
  const open = parameters.filter((parameter) => !(parameter.name in fromPrompt));
  const bound = bindIds({ entry: options.entry, parameters: open, query, text: options.text });
  Object.assign(bound.input, fromPrompt);
  const rest = open.filter((parameter) => !(parameter.name in bound.input));
  const filled = fillArguments({
    parameters: rest,
    subjectConcepts: document.headConcepts,
    text: bound.rest,
    readings: options.readings,
    ...(query.asks ? { asks: query.asks } : {}),
  });
  filled.input = { ...bound.input, ...filled.input };
  filled.found += Object.keys(bound.input).length;
  // A header takes a technical value (`Accept-Tenant: uk`): its default, an option it lists or an id
  // the message gives, never its words or another value (a postcode); one the document gives no value
  // for is not the customer's to answer.
  const headers = new Set(tool.operation?.headerInputs ?? []);
  if (headers.size > 0) {
    const ids = new Set(query.ids.map((id) => id.text.replace(/^#/, '')));
    for (const parameter of parameters) {
      const value = filled.input[parameter.name];
      if (!headers.has(parameter.name) || parameter.name in bound.input || typeof value !== 'string')
        continue;
      if (value === parameter.schema.default || parameter.enumValues?.includes(value) || ids.has(value))
        continue;
      delete filled.input[parameter.name];
    }
    filled.missing = filled.missing.filter((parameter) => !headers.has(parameter.name));
  }
  const fillOptions = { subjectConcepts: document.headConcepts, readings: options.readings };
  const input = { ...filled.input };
  let missing = filled.missing;
  // An id input takes no earlier value its schema's form contradicts: the zip code of "I'm Mei
  // Kovacs, zip 28236" is no order id like '#W0000000'.
  const fitsForm = (parameter: ParameterInfo, value: unknown) =>
    !contradictsIdForm(String(value), knownIdParameter(parameter, options.entry)?.form);
  /** Fills `parameters` from an earlier `text`, with the values `accept` takes (any by default). */
  const takeFrom = (text: string, parameters: ParameterInfo[], accept = (_value: unknown) => true) => {
    if (parameters.length === 0) return;
    let remaining = text;
    for (const value of Object.values(input)) remaining = remaining.replace(String(value), ' ');
    const earlier = fillArguments({ ...fillOptions, parameters, text: remaining });
    for (const parameter of parameters) {
      const value = earlier.input[parameter.name];
      if (parameter.name in earlier.input && accept(value) && fitsForm(parameter, value))
        input[parameter.name] = value;
    }
    missing = missing.filter((parameter) => !(parameter.name in input));
  };
  // An id input an earlier turn names by its noun ("Payment: paypal_7644869" in the agent's listing),
  // or gives in the form its schema shows ('#W8065207' for '#W0000000'), takes that id below, not an
  // unnamed value of the request ("I'm mei_kovacs_8020").
  const namedEarlier = (parameter: ParameterInfo) => {
    const nouns = nounsOf(parameter, options.entry);
    const form = knownIdParameter(parameter, options.entry)?.form;
    return (options.earlierTurns ?? []).some((_, position) =>
      (options.earlierIds?.(position) ?? []).some(
        (id) => (id.noun !== '' && nouns.has(id.noun)) || fitsIdForm(id.text, form) === true,
      ),
    );
  };
  // The request this message answers gives what it lacks, optional inputs it names included ("cancel
  // my order" then "1988": the status that cancels); earlier turns give only ids ("can I return it?"
  // after "where is order 12345?").
  if (earlierText)
    takeFrom(
      earlierText,
      parameters.filter(
        (parameter) => !(parameter.name in input) && !(isIdName(parameter.name) && namedEarlier(parameter)),
      ),
    );
  // A change that takes the record it acts on in its body takes it from earlier turns too, though
  // optional ("ok, please refund the whole thing" after the payment was shown: a refund's
  // `payment_intent`).
  const recordInputs = parameters.filter(
    (parameter) =>
      !(parameter.name in input) &&
      !missing.some((entry) => entry.name === parameter.name) &&
      options.entry.recordInputs.some((record) => record.name === parameter.name),
  );
  // An earlier turn gives ids as the ranking reads them ("sub_1Nv…", never the "29/month" or "10:00"
  // of the agent's answer), each to the input its noun or prefix names first.
  for (const [position, turn] of (options.earlierTurns ?? []).entries()) {
    const wanted = [
      ...missing.filter(
        (parameter) =>
          isIdName(parameter.name) ||
          options.entry.idParameters.some((known) => known.name === parameter.name),
      ),
      ...recordInputs.filter((parameter) => !(parameter.name in input)),
    ];
    if (wanted.length === 0) break;
    // An id this message already gave fills no other input ("what's in shipment 4?" after a listing
    // of order 11850's shipments 3 and 4: the order is 11850, not 4).
    const used = new Set(Object.values(input).map(String));
    const read = (options.earlierIds?.(position) ?? []).filter((id) => !used.has(id.text.replace(/^#/, '')));
    // "the second one", "cancel the paris one": one id of the agent's listing just before; the turn's
    // ids of other kinds still give the inputs they name ("return the boots" after "Order #W8065207
    // …: Hiking Boots (item 1615379700) …": the order is #W8065207, the item the boots').
    const pointed = position === 0 ? findPointedId(options.text, turn, read) : undefined;
    const ids = pointed ? [pointed, ...read.filter((id) => id !== pointed && !sameKind(id, pointed))] : read;
    if (ids.length === 0) continue;
    // The pointed id binds first, the turn's others to what it leaves.
    const earlier = { rest: turn };
    for (const group of pointed ? [[pointed], ids.slice(1)] : [ids]) {
      const bound = bindIds({
        entry: options.entry,
        parameters: wanted.filter((parameter) => !(parameter.name in input)),
        query: { ...query, ids: group },
        text: earlier.rest,
      });
      Object.assign(input, bound.input);
      earlier.rest = bound.rest;
    }
    missing = missing.filter((parameter) => !(parameter.name in input));
    const forms = new Set(ids.flatMap((id) => [id.text, id.text.replace(/^#/, '')]));
    takeFrom(
      earlier.rest,
      wanted.filter((parameter) => !(parameter.name in input)),
      (value) => forms.has(String(value)),
    );
  }
  // A path input that names its record (`/customers/{customer}`) takes an id the conversation gives,
  // never a word ("change my card" names no customer "change"); a name joined by dots or underscores
  // is one (the domain `oldbrand-shop.com` of Google's customers; "add-on" is a word).
  for (const parameter of document.parameters) {
    const value = input[parameter.name];
    if (parameter.name in bound.input || typeof value !== 'string' || IDENTIFIER_LIKE.test(value)) continue;
    if (!namesItsRecord(options.entry, parameter.name)) continue;
    delete input[parameter.name];
    const classified = filled.missing.find((entry) => entry.name === parameter.name);
    if (parameter.required && !missing.some((entry) => entry.name === parameter.name))
      missing = [...missing, classified ?? classifyParameter(parameter)];
  }
  // Asked for, such an input without a description is its record's id ("your customer ID", not "the
  // customer").
  missing = missing.map((parameter) =>
    parameter.description.trim() === '' &&
    !isIdName(parameter.name) &&
    namesItsRecord(options.entry, parameter.name)
      ? { ...parameter, description: `The ${splitWords(parameter.name).join(' ')} ID` }
      : parameter,
  );
  const { entry } = options;
  // A body that takes a note the message words ("add a note to booking … that I'm allergic to …")
  // carries it in its note field.
  if (!entry.reads)
    for (const parameter of missing)
      if (parameter.type === 'object') {
        const note = fillNote(parameter.schema, options.text);
        if (note !== undefined) input[parameter.name] = note;
      }
  missing = missing.filter((parameter) => !(parameter.name in input));
  // A change that requires nothing and names the records it acts on only in its body, none of which
  // the conversation gives (Stripe's `POST /refunds` by `charge` or `payment_intent`), is not made for
  // no record: the first of them is asked for ("I want a refund").
  // Only inputs that take a record's id: named so, or a string of the record's name (`charge`), not
  // a field named after a record (Petstore's integer `userStatus`).
  const acted = entry.recordInputs
    .map((record) => record.name)
    .filter((name) => {
      const parameter = document.parameters.find((candidate) => candidate.name === name);
      return isIdName(name) || parameter?.type === 'string';
    });
  const requires = Array.isArray(tool.inputSchema.required) && tool.inputSchema.required.length > 0;
  if (!entry.reads && !requires && acted.length > 0 && !acted.some((name) => name in input)) {
    const first = document.parameters.find((parameter) => parameter.name === acted[0]);
    if (first && !missing.some((parameter) => parameter.name === first.name))
      missing = [...missing, classifyParameter(first)];
  }
  return { input, missing, found: Object.keys(input).length };
}

/** A value with a digit, or words joined as identifiers join them (`oldbrand-shop.com`, `main_db`). */
const IDENTIFIER_LIKE = /\d|[\p{L}\p{N}][._][\p{L}\p{N}]/u;

/**
 * Whether two ids of a listing are of one kind: named by one noun, or both unnamed and alike in prefix
 * (the stores' bare numbers of "the paris one"; not an order's `#W8065207` beside an item's number).
 */
function sameKind(id: QueryId, other: QueryId): boolean {
  if (id.noun !== '' || other.noun !== '') return id.noun === other.noun;
  return id.prefix === other.prefix;
}

/** Whether a path parameter identifies the resource in front of it (`customers/{customer}`, `{order_id}`). */
function namesItsRecord(entry: IndexedTool, name: string): boolean {
  const path = entry.pathParameters.find((parameter) => parameter.name === name);
  if (!path) return false;
  return isIdName(name) || (path.segment ?? []).some((word) => stemOf(word) === stemOf(name));
}
