// The thresholds the choice of an operation shares, and where it reads the ranking's features.
import { TOOL_FEATURES } from '../../tools/index.js';

/** How much an operation must change something before it counts as doing so (0 to 1). */
export const DOES = 0.5;
/**
 * How much more the message's verb removes or cancels than the operation does before the operation
 * counts as another change ("cancel", which removes in a third of the corpus's operations named with
 * it, against "create", which never does).
 */
export const REMOVE_GAP = 0.3;
/**
 * How often a verb must remove or cancel across the corpus's operations named with it before a
 * message asks for a removal with it ("cancel" 0.35, "remove" 0.86; "file" and "issue", whose
 * operations sometimes delete a file or an issue, 0.15 and 0.24).
 */
export const ASKS_REMOVAL = 0.3;
/** The same for creating a record: how much more the operation's verb creates than the message's. */
export const CREATE_GAP = 0.3;
/** How far from the message's words an operation's record is before the message counts as not naming it. */
export const UNNAMED = 0.5;

/** Where the choice reads the ranking's features of an operation. */
export const COVERAGE = TOOL_FEATURES.indexOf('coverage');
export const OWN_ID_BY_FILTER = TOOL_FEATURES.indexOf('ownIdByFilter');
export const ID_PREFIX_MATCH = TOOL_FEATURES.indexOf('idPrefixMatch');
export const ID_FORM_FIT = TOOL_FEATURES.indexOf('idFormFit');
export const ID_FORM_CLASH = TOOL_FEATURES.indexOf('idFormClash');
export const ID_NOUN_MATCH = TOOL_FEATURES.indexOf('idNounMatch');
export const ID_UNNEEDED = TOOL_FEATURES.indexOf('idUnneeded');
export const ID_NOUN_MISMATCH = TOOL_FEATURES.indexOf('idNounMismatch');
export const HEAD_UNNAMED = TOOL_FEATURES.indexOf('headUnnamed');

/**
 * How many of the first operations count as near-equal siblings of the first, and how likely they
 * must be against it (within an order of magnitude).
 */
export const SIBLINGS = 3;
export const SIBLING_SHARE = 0.1;
/** How many of the first operations count as siblings when they read the same resource, however likely. */
export const RESOURCE_SIBLINGS = 5;

/** "my order", "our ticket": one record of the customer's, named by its noun. */
export const OWN_RECORD = /\b(?:my|our)\s+(\p{L}+)(?:\s+(\p{L}+))?/giu;
