// Turns tool text and customer messages into search terms: identifier splitting, stop words, Porter2
// stems, and a small table of support vocabulary mapping customers' words to APIs' words.
import { createRequire } from 'node:module';

const stem = createRequire(import.meta.url)('wink-porter2-stemmer') as (word: string) => string;

const stems = new Map<string, string>();

const WORD_PATTERN = /[\p{L}\p{M}]+|\d+/gu;

// Words that carry no intent in a customer's message or an operation's text.
const STOP_WORDS = new Set(
  `a an the and or but if of to in on at by for from with about into as is are was were be been being
  am do does did doing have has had having i me my mine we our us you your yours he she it its they them
  their this that these those there here what which who whom whose when why how can could would
  should will shall may might must not no yes please thanks thank hi hello hey just also any some all
  very so than then yet still already too up out over again want wanted like need needs tell let know use using used`.split(
    /\s+/,
  ),
);

// Words customers use, each followed by the words an API is likely to use for the same thing.
const SYNONYMS = [
  'buy order purchase',
  'bought order purchase',
  'purchase order',
  'sell product catalog',
  'have product stock',
  'carry product stock',
  'look search find product',
  'see product',
  'show product',
  'stock product inventory availability',
  'parcel shipment delivery order',
  'package shipment delivery order',
  'deliver shipment order',
  'bill invoice payment',
  'receipt invoice payment',
  'refund return',
  'item product',
  'browse search product',
  'cost price',
  'shop store location',
  'branch store location',
  'open hours',
  'card payment billing',
  'pay payment',
  'where status track',
  'arrive delivery status',
  'complaint ticket',
  'membership subscription',
  'voucher coupon',
  'promo coupon',
  'available stock product',
  'availability stock product',
];

/** Splits text or an identifier into lower-case words: `trackOrder` -> `track order`, `get_user-id` -> `get user id`. */
export function splitWords(text: string): string[] {
  const separated = text.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2');
  return (separated.match(WORD_PATTERN) ?? []).map((word) => word.toLowerCase());
}

/** The search term for one word: its Porter2 stem, or null for stop words, single letters and numbers. */
export function toSearchTerm(word: string): string | null {
  const lower = word.toLowerCase();
  if (lower.length < 2 || /^\d+$/.test(lower) || STOP_WORDS.has(lower)) return null;
  return stemOf(lower);
}

function stemOf(lower: string): string {
  let term = stems.get(lower);
  if (term === undefined) {
    term = stem(lower);
    // Catalog words repeat across tools and turns; the cap only guards against unbounded input.
    if (stems.size > 50_000) stems.clear();
    stems.set(lower, term);
  }
  return term;
}

/** `text` with email addresses replaced by the word `email`, which is what an API's parameter is called. */
export function nameEntities(text: string): string {
  return text.replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' email ');
}

const synonyms = new Map<string, string[]>(
  SYNONYMS.map((line) => {
    const [word, ...others] = line.split(' ').map((each) => stem(each));
    return [word, others];
  }),
);

/** API terms for a customer's word (`parcel` -> `shipment`, `deliveri`, `order`), stemmed; stop words too (`have`). */
export function synonymsOfWord(word: string): readonly string[] {
  return synonyms.get(stemOf(word.toLowerCase())) ?? [];
}
