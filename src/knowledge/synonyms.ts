// How customers and help centers say the same thing differently ("swap" / "exchange", "sweater" /
// "jumper", "money back" / "refund", "USA" / "United States"): groups of customer-service words, and
// phrases read as one word. Nouns and the verbs of support only: an API's generic verbs ("get",
// "send", "show") would tie unrelated articles together.
import { stemOf } from '../tools/index.js';

/**
 * Phrases read as one word before a question or passage is split (both sides alike), with the words
 * the full-text index is asked for in its place (it indexes the text as written).
 */
const PHRASES: { pattern: RegExp; word: string; search: string[] }[] = [
  {
    pattern: /\bunited states(?: of america)?\b|\bu\.s\.a?\.?(?=\s|$)|\bamerica\b/g,
    word: 'usa',
    search: ['usa', 'united', 'america'],
  },
  {
    pattern: /\bunited kingdom\b|\bgreat britain\b|\bbritain\b/g,
    word: 'uk',
    search: ['uk', 'kingdom', 'britain'],
  },
  { pattern: /\bmoney[- ]back\b/g, word: 'refund', search: ['refund', 'money'] },
  {
    pattern: /\bnext (?:working |business )?day\b|\bovernight\b/g,
    word: 'tomorrow',
    search: ['tomorrow', 'next', 'overnight'],
  },
  {
    pattern: /\bpick(?:ing)? (?:it |them )?up\b|\bclick (?:&|and) collect\b/g,
    word: 'collect',
    search: ['collect', 'pick', 'collection'],
  },
  {
    pattern: /\bpay later\b|\bpay in (?:3|three|4|four)\b|\bbuy now\b/g,
    word: 'instalments',
    search: ['instalments', 'installments', 'later'],
  },
  {
    pattern: /\bsign(?:ing)?[- ]in\b|\blog(?:ging)?[- ]in\b|\blogin\b/g,
    word: 'signin',
    search: ['sign', 'login', 'log'],
  },
  { pattern: /\be-mails?\b/g, word: 'email', search: ['email', 'mail'] },
  {
    pattern: /\be-gift cards?\b|\bgift ?cards?\b|\bgift vouchers?\b/g,
    word: 'giftcard',
    search: ['gift', 'giftcard'],
  },
  {
    pattern: /\bcustomer (?:service|support|care)\b/g,
    word: 'support',
    search: ['support', 'service', 'customer'],
  },
  { pattern: /\bphone number\b|\btelephone\b/g, word: 'phone', search: ['phone', 'telephone'] },
  { pattern: /\b(?:credit|debit) cards?\b/g, word: 'card', search: ['card', 'credit', 'debit'] },
  { pattern: /\bout of stock\b|\bsold[- ]out\b/g, word: 'soldout', search: ['sold', 'stock'] },
  {
    pattern: /\bback in stock\b|\brestock(?:ed|ing)?\b/g,
    word: 'restock',
    search: ['restock', 'restocked', 'stock'],
  },
  {
    pattern: /\b(?:can'?t|cannot|can not|don'?t|do not) remember\b/g,
    word: 'forgot',
    search: ['forgot', 'forgotten', 'reset'],
  },
  {
    pattern: /\btwo[- ]factor\b|\b2fa\b|\bmulti[- ]factor\b|\b2-step\b/g,
    word: 'twofactor',
    search: ['factor', '2fa'],
  },
];

/** Groups of words that name one thing in a support conversation. */
const GROUPS: string[] = [
  'order orders purchase purchased bought',
  'parcel package packages shipment',
  'delivery deliver delivered shipping ship shipped postage dispatch dispatched',
  'courier carrier',
  'tracking track trace',
  'receipt invoice bill',
  'refund refunds reimburse reimbursement',
  'return returns',
  'exchange swap switch replace replacement',
  'product item items article goods merchandise',
  'price prices cost costs fee fees charge charges',
  'cheaper cheap discount discounts reduced sale coupon promo promotion voucher code save saves saving savings',
  'payment pay paid paying card',
  'instalments installments instalment installment klarna afterpay',
  'faulty broken broke defective defect damaged damage fault',
  'missing lost',
  'account profile',
  'password signin',
  'email address',
  'phone call ring',
  'support contact help',
  'store stores shop shops branch outlet boutique',
  'hours opening open',
  'size sizes sizing fit',
  'stock availability available soldout',
  'cancel cancellation',
  'collect collection',
  'wash washing clean cleaning launder',
  'stain stains marks mark spot',
  'sweater jumper pullover knitwear knit cardigan',
  'trousers pants',
  'shorten hem hemming alterations alteration',
  'loyalty rewards reward points',
  'amex american',
  'subscription plan membership',
  'unsubscribe newsletter',
  'bigger larger',
  'colleague colleagues coworker coworkers teammate teammates employee employees staff user users',
  'forgot forgotten forget reset',
  'currency currencies euro euros dollar dollars pound pounds',
  'nonprofit nonprofits charity charities',
  'yearly annual annually',
  'delete remove erase close closing',
  'smaller tighter',
  'vat tax taxes',
  'duties duty customs import',
  'warranty guarantee',
  'repair repairs fix mend',
];

const groupByStem = new Map<string, number>();
for (const [index, group] of GROUPS.entries())
  for (const word of group.split(' '))
    if (!groupByStem.has(stemOf(word))) groupByStem.set(stemOf(word), index);

/** Text with the phrases of one meaning written as one word, lower case. */
export function normalizePhrases(text: string): string {
  let result = text.toLowerCase();
  for (const { pattern, word } of PHRASES) result = result.replace(pattern, word);
  return result;
}

/** The words the full-text index is asked for in place of a word a phrase became (the word itself otherwise). */
export function searchWordsOf(word: string): string[] {
  return PHRASES.find((phrase) => phrase.word === word)?.search ?? [word];
}

/** The key of the synonym group of `stem` (undefined when it is in none). */
export function synonymGroupOf(stem: string): string | undefined {
  const index = groupByStem.get(stem);
  return index === undefined ? undefined : `group:${index}`;
}

/** The other words of the group of `stem`. */
export function synonymsOf(stem: string): string[] {
  const index = groupByStem.get(stem);
  return index === undefined ? [] : GROUPS[index].split(' ').filter((word) => stemOf(word) !== stem);
}
