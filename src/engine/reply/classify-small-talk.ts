// Recognises messages that need no operation: greetings, thanks, goodbyes, and asking for a person.

/** What kind of small talk a message is. */
export type SmallTalk = 'greeting' | 'thanks' | 'goodbye' | 'handoff';

const HANDOFF =
  /\b(?:(?:talk|speak|chat|connect|transfer|put)\b.{0,30}\b(?:human|person|agent|representative|someone|somebody|operator|staff|manager|people)|real person|live (?:agent|person|chat)|human (?:agent|being|support)|customer service rep)/i;
const GREETING = /^\s*(?:hi|hello|hey|hiya|howdy|greetings|good (?:morning|afternoon|evening|day)|yo)\b/i;
/** Words a greeting may carry after its first ("there", "how are you today"). */
const GREETING_TAIL = 4;
const THANKS = /\b(?:thanks|thank you|thx|ty|cheers|appreciate it|much appreciated)\b/i;
const GOODBYE = /\b(?:bye|goodbye|see you|that'?s all|have a (?:good|nice) (?:day|one))\b/i;

/** The kind of small talk `text` is, or undefined for a request. */
export function classifySmallTalk(text: string): SmallTalk | undefined {
  if (HANDOFF.test(text)) return 'handoff';
  if (THANKS.test(text)) return 'thanks';
  if (GOODBYE.test(text)) return 'goodbye';
  // "hi there, how are you?" greets; "Hi! How can I see what I bought before?" asks after greeting.
  if (GREETING.test(text) && text.replace(GREETING, '').split(/\W+/).filter(Boolean).length <= GREETING_TAIL)
    return 'greeting';
  return undefined;
}
