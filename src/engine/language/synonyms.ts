// A general synonym table for commerce, customer support and common API verbs: words of one group
// map to one concept, so "parcel" in a message meets "shipment" in an operation's description.
import { splitWords } from './split-words.js';
import { stemWord } from './stem-word.js';

const GROUPS: string[] = [
  'order purchase buy bought purchased',
  'parcel package shipment shipping ship shipped delivery deliver delivered',
  'receipt invoice bill billing',
  'refund return reimburse reimbursement money-back',
  'product item article goods merchandise catalog catalogue',
  'search find lookup look browse seek query',
  'get fetch retrieve obtain show display view read',
  'list enumerate',
  'create add make register submit start',
  'update change modify edit alter amend',
  'delete remove erase destroy',
  'cancel cancellation abort',
  'price cost costs amount fee charge budget cheap expensive dollars dollar usd eur euro euros',
  'customer client user member account profile',
  'email e-mail mail',
  'phone telephone mobile cell',
  'location place located whereabouts',
  'city town',
  'store shop branch outlet boutique',
  'hours opening open schedule',
  'payment pay paid card transaction',
  'track tracking trace status progress',
  'arrive arrival eta',
  'weather forecast temperature climate',
  'book booking reserve reservation',
  'ticket issue incident case complaint',
  'message notify notification send',
  'stock inventory availability available',
  'size sizes sizing fit',
  'discount coupon promo promotion voucher',
  'employee staff worker',
  'document file',
  'photo image picture',
  'movie film',
  'car vehicle automobile',
  'doctor physician',
  'calculate compute determine evaluate solve calculation computation',
  'human person agent representative operator someone somebody',
  'subscription plan membership',
  'password passcode credential',
  'login signin sign-in log-in',
  'error failure problem',
  'count number quantity',
  'repository repo',
  'restaurant diner eatery',
  'flight flights airline plane',
  'hotel accommodation lodging',
  'recipe dish',
  // Abbreviations common in API names.
  'command cmd',
  'message msg',
  'quantity qty',
  'database db',
  'configuration config',
  'description desc',
  'directory dir folder',
  'identifier id',
  'environment env',
  'application app',
  'calculator calc',
];

const conceptByStem = new Map<string, string>();
for (const group of GROUPS) {
  const stems = group.split(' ').map((word) => stemWord(word));
  for (const stem of stems) if (!conceptByStem.has(stem)) conceptByStem.set(stem, stems[0]);
}

/** The concept a stem stands for: the first stem of its synonym group, or the stem itself. */
export function conceptOf(stem: string): string {
  return conceptByStem.get(stem) ?? stem;
}

/** The concepts of a text's or an identifier's words, in order (`ticket_type` -> ticket, type). */
export function conceptsOf(text: string): string[] {
  return splitWords(text).map((word) => conceptOf(stemWord(word)));
}
