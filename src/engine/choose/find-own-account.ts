// The signed-in customer's own record: "please update my email to …", "which addresses are saved on my
// account?", where the business's prompt says who is signed in ("The signed-in customer's Shopify
// customer id is 6207583921"). The message gives no id: the prompt's is the customer's own.
import type { AnalyzedQuery, CatalogIndex, IndexedTool, QueryId } from '../../tools/index.js';
import { readIds } from '../../tools/index.js';
import type { FilledArguments } from '../fill/fill-arguments.js';
import { DOES } from './choice-constants.js';
import { isRecordPath } from './same-resource.js';

/** A sentence of a prompt that says who is signed in ("The signed-in guest's …", "logged in as …"). */
const SIGNED_IN = /\b(?:signed[- ]?in|logged[- ]?in|signed on|authenticated)\b/i;
/** The customer speaks of themselves. */
const FIRST_PERSON = /\b(?:i|i'm|i've|i'd|me|my|mine|myself)\b/i;
/** Above this share of a catalog's operations taking it, the signed-in id scopes calls rather than naming a person. */
const SCOPING_SHARE = 0.5;
/** How far down the ranking the customer's own record may stand and still be what the message means. */
const OWN_ACCOUNT_RANK = 5;

/**
 * Per catalog, the nouns of the ids the last prompt read against it gives the signed-in person (none
 * where such an id scopes every call).
 */
const signedIn = new WeakMap<CatalogIndex, { prompt: string; nouns: Set<string> }>();

/** Whether the operation takes, in its path or as a list filter, an id of one of `nouns`. */
function takesIdOf(entry: IndexedTool, nouns: Set<string>): boolean {
  const takesIt = (parameter: { nouns: Set<string> }) => [...parameter.nouns].some((noun) => nouns.has(noun));
  return entry.idParameters.some(takesIt) || entry.idFilters.some(takesIt);
}

/**
 * The nouns of the ids the prompt's signed-in sentences give ("customer" of "customer id 4127"), read
 * once per prompt and catalog; none where most of the catalog's operations take such an id (Twilio's
 * account SID scopes every call: it tells no record of the person apart).
 */
function signedInNouns(prompt: string, index: CatalogIndex): Set<string> {
  const known = signedIn.get(index);
  if (known?.prompt === prompt) return known.nouns;
  const ids: QueryId[] = [];
  for (const sentence of prompt.split(/(?<=[.!?])\s+|\n+/))
    if (SIGNED_IN.test(sentence)) ids.push(...readIds(sentence, index));
  let nouns = new Set(ids.map((id) => id.noun).filter((noun) => noun !== ''));
  if (
    nouns.size > 0 &&
    index.tools.filter((entry) => takesIdOf(entry, nouns)).length > index.tools.length * SCOPING_SHARE
  )
    nouns = new Set();
  signedIn.set(index, { prompt, nouns });
  return nouns;
}

/**
 * Whether a word the message names (not its verb) is the operation's record or one of its fields; a
 * field named like another operation's record is that record's ("news on my ticket" is no field of
 * the user who has tickets).
 */
function namesItsRecord(entry: IndexedTool, query: AnalyzedQuery, index: CatalogIndex): boolean {
  return query.terms.some(
    (term) =>
      !term.verb &&
      (entry.head?.stem === term.stem ||
        entry.nouns.has(term.stem) ||
        ((entry.response.has(term.stem) || entry.bodyFields.has(term.stem)) &&
          (!index.pathStems.has(term.stem) || entry.path.has(term.stem)))),
  );
}

/**
 * Among the first few operations the message ranks, the one that reads (for a question) or changes
 * (for a request of a change `changes` says it makes) the signed-in person's own record, taking the
 * id the prompt gives for them, about a word the message names, with nothing left to ask.
 */
export function findOwnAccount<Ranked extends { entry: IndexedTool }>(options: {
  candidates: Ranked[];
  query: AnalyzedQuery;
  text: string;
  prompt: string;
  index: CatalogIndex;
  fillFor: (ranked: Ranked) => FilledArguments;
  changes: (entry: IndexedTool) => boolean;
}): { ranked: Ranked; filled: FilledArguments } | undefined {
  const { query, index } = options;
  if (query.ids.length > 0 || !options.prompt || !FIRST_PERSON.test(options.text)) return undefined;
  const nouns = signedInNouns(options.prompt, index);
  if (nouns.size === 0) return undefined;
  const takesIt = (parameter: { nouns: Set<string> }) => [...parameter.nouns].some((noun) => nouns.has(noun));
  for (const ranked of options.candidates.slice(0, OWN_ACCOUNT_RANK)) {
    const { entry } = ranked;
    if (!takesIdOf(entry, nouns) || !namesItsRecord(entry, query, index)) continue;
    if (query.action ? entry.writes < DOES || !options.changes(entry) : !entry.reads) continue;
    // A change is made to the person's record itself (`PUT /users/{user_id}`), not to another record
    // under it (a new call under the account).
    if (
      query.action &&
      !(entry.pathParameters.length === 1 && entry.pathParameters.some(takesIt) && isRecordPath(entry))
    )
      continue;
    const filled = options.fillFor(ranked);
    if (filled.missing.length > 0) continue;
    // A change that would set nothing but whose record it is changes nothing ("can I change my email
    // myself?" gives no new one).
    const ids = new Set(entry.idParameters.map((parameter) => parameter.name));
    if (query.action && Object.keys(filled.input).every((name) => ids.has(name))) continue;
    return { ranked, filled };
  }
  return undefined;
}
