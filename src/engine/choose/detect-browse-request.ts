// Recognises a request to browse or find items ("do you have red sneakers?"): such a message names
// products the catalog search's own description cannot list, so a search operation fits it.

const BROWSE =
  /\b(?:(?:do|does) (?:you|u|they|the store) (?:have|sell|carry|stock|offer)|looking for|look for|show me|(?:can|could|may) i (?:see|get|buy|find|order)|search(?:ing)? for|(?:want|need|like) to buy|in stock|available in|(?:i'?m|i am) after)\b/i;

/** Whether `text` asks to browse or find items. */
export function isBrowseRequest(text: string): boolean {
  return BROWSE.test(text);
}
