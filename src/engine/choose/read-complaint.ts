// Tells a complaint ("the strap broke after a week") from a request: a small lexicon of words for
// things going wrong, as customers write them. (Word vectors were tried to widen it: at any cut-off
// that caught "jammed" they also caught "order" and "where", so the lexicon stands alone.)
import { joinPhrasalVerbs, splitWords, stemOf } from '../../tools/index.js';

/** Words of things going wrong, as customers write them (stems are compared). */
const PROBLEM_WORDS = [
  'broke',
  'broken',
  'damaged',
  'defective',
  'faulty',
  'cracked',
  'torn',
  'ripped',
  'smashed',
  'scratched',
  'stained',
  'leaking',
  'missing',
  'wrong',
  'late',
  'delayed',
  'lost',
  'useless',
  'terrible',
  'awful',
  'horrible',
  'disappointed',
  'disappointing',
  'unacceptable',
  'ridiculous',
  'frustrated',
  'angry',
  'annoyed',
  'complaint',
  'complain',
  'problem',
  'issue',
  'crash',
  'crashes',
  'bug',
  'error',
  'fails',
  'failed',
  'scam',
  'overcharged',
  'outage',
];
const PROBLEM_STEMS = new Set(PROBLEM_WORDS.map(stemOf));
/**
 * "doesn't work", "not working", "never arrived", "hasn't arrived", "not received", "stopped working",
 * "can't log in", "unable to access": something the customer cannot do that should work, or has not got.
 */
const NOT_WORKING =
  /\b(?:(?:does|did|is|was|are|were)\s*n[o']t\s+(?:work|working|arrive[d]?|fit|turn on|charge|open)|not\s+working|never\s+(?:arrived|came|showed up|received|got)|(?:has|have)\s*n[o']t\s+(?:arrived|come|shown up|been\s+(?:delivered|refunded)|received|got(?:ten)?)|not\s+(?:yet\s+)?received|stopped\s+working|no\s+longer\s+works?|(?:can\s*n?[o']?t|cannot|unable\s+to|won[o']?t\s+let\s+me)\s+(?:log\s*in|login|sign\s*in|access|connect|load|open|check\s*out|reset|pay))\b/i;
/** "the site is down", "charged me twice", "double charged": a service or a bill gone wrong. */
const GONE_WRONG =
  /\b(?:(?:is|are|was|were|been|went|goes)\s+down|charged\s+(?:me\s+)?(?:twice|two\s+times|double)|double[-\s]charged|duplicate\s+charges?)\b/i;
/** Whether the message tells of something gone wrong. */
export function readComplaint(text: string): boolean {
  return (
    NOT_WORKING.test(text) ||
    GONE_WRONG.test(text) ||
    // "break down the charges" asks for a list, not of something broken.
    splitWords(joinPhrasalVerbs(text)).some((word) => PROBLEM_STEMS.has(stemOf(word)))
  );
}
