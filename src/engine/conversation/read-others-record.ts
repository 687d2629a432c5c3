// Tells a request about someone else's record ("my friend's order #W4686509", "her email is
// kara.v@…", "my neighbour has ticket 319001") from one about the customer's own: an agent on a public
// widget cannot tell who is asking, so it looks up and changes only the customer's own records.

/** People a customer may ask about: family, friends, neighbours, colleagues, partners, exes. */
const OTHERS =
  '(?:friend|neighbou?r|flatmate|roommate|colleague|co-?worker|boss|(?:business\\s+)?partner|ex(?:-(?:girlfriend|boyfriend|wife|husband|partner))?|girlfriend|boyfriend|wife|husband|mum|mom|mother|dad|father|brother|sister|son|daughter|aunt|uncle|cousin|grandma|grandmother|grandpa|grandfather)';

/** What a record or its key is called: the things a person owns with a business. */
const RECORDS =
  '(?:e-?mail(?:\\s+address)?|order|orders|account|ticket|tickets|card|cards|address|phone(?:\\s+number)?|number|subscription|booking|reservation|payment|payments|invoice|invoices|refund|details|profile|membership|deposit|appointment|parcel|package|delivery|plan|bill)';

/**
 * "my friend's order", "my ex-girlfriend's email"; "my neighbour has ticket 319001". Not what is sent
 * to them ("send $29 to my friend Thomas's account", "ship it to my mum's address").
 */
const OTHERS_RECORD = new RegExp(
  [
    `(?<!\\bto\\s+)\\bmy\\s+${OTHERS}(?:\\s+\\w+)?(?:'s|’s|s')\\s+(?:\\w+\\s+)?${RECORDS}\\b`,
    `\\bmy\\s+${OTHERS}\\s+(?:also\\s+|too\\s+|already\\s+)?(?:has|had|placed|made|opened|owns)\\s+(?:an?\\s+|the\\s+)?${RECORDS}\\b`,
    // "My sister ordered something from you for herself": what they bought is theirs.
    `\\bmy\\s+${OTHERS}\\s+(?:also\\s+|just\\s+)?(?:ordered|bought|purchased|booked)\\b`,
  ].join('|'),
  'i',
);

/** A person the customer names by how they relate: "my ex", "my business partner". */
const NAMES_OTHER = new RegExp(`\\bmy\\s+${OTHERS}\\b`, 'i');

/**
 * Of that person: "her email is …", "his order", "their order", "her own YNAB account", "which card did
 * he use?", "what she's been spending on", "what's happening with hers?" (where no relation is named, "his new address" is a record's the customer keeps, a
 * recipient's).
 */
const THEIRS = new RegExp(
  `\\b(?:her|his|their)\\s+(?:\\w+\\s+){0,2}${RECORDS}\\b|\\b(?:did|does|has)\\s+(?:he|she)\\s+(?:use|pay|order|book|buy|spend)\\b|\\b(?:he|she)(?:'s|’s|\\s+is|\\s+has)?\\s+(?:been\\s+)?(?:spending|spent|buying|bought|ordering|ordered)\\b|\\b(?:with|about|of|on)\\s+(?:hers|his)\\b`,
  'i',
);

/** Whether the message asks about, or for a change to, a record of someone other than the customer. */
export function readOthersRecord(text: string): boolean {
  return OTHERS_RECORD.test(text) || (NAMES_OTHER.test(text) && THEIRS.test(text));
}
