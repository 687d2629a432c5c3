// Reads a customer's answer to "Shall I go ahead? (yes / no)": a plain yes, a plain no, or something
// else, which goes back to the model with the pending action in view.

/** The customer's answer. */
export type ConfirmationAnswer = 'yes' | 'no' | 'other';

const YES_PHRASES = (
  'yes|y|yeah|yea|yep|yup|ya|sure|ok|okay|k|alright|all right|please do|go ahead|go for it|confirm|' +
  "confirmed|i confirm|do it|correct|that is correct|that's correct|that is right|that's right|" +
  'sounds good|absolutely|of course|definitely|proceed|affirmative|yes please'
).split('|');
const NO_PHRASES = (
  "no|n|nope|nah|don't|dont|do not|cancel|cancel it|stop|never mind|nevermind|not now|abort|no thanks|" +
  'no thank you|wait|hold on|not yet|negative|forget it|leave it'
).split('|');
// Words that may surround an answer without changing it: "yes please, thanks!", "ok then".
const FILLERS = new Set(
  "please thanks thank you thx then so well oh ah um uh just lol that's thats it's".split(' '),
);
// A yes-phrase right after one of these means no: "not correct", "don't go ahead".
const NEGATORS = new Set(['not', "don't", 'dont', 'never', 'no']);

function toWords(phrase: string): string[] {
  return phrase.split(' ');
}

const PHRASES = [
  ...YES_PHRASES.map((phrase) => ({ words: toWords(phrase), answer: 'yes' as const })),
  ...NO_PHRASES.map((phrase) => ({ words: toWords(phrase), answer: 'no' as const })),
].sort((left, right) => right.words.length - left.words.length);

function matchAt(words: string[], at: number): (typeof PHRASES)[number] | undefined {
  return PHRASES.find((phrase) => phrase.words.every((word, offset) => words[at + offset] === word));
}

/**
 * Classifies `text` as a plain yes, a plain no, or neither. Tolerates punctuation, case and polite
 * fillers ("Yes, please go ahead!", "no thanks"); any other word makes it neither ("yes, order 55513",
 * "ok the blue one"), and so does a message with both, so a correction or a new question is read by
 * the model instead of running the proposed action as it was.
 */
export function classifyConfirmation(text: string): ConfirmationAnswer {
  const words = text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}'\s]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const found = new Set<ConfirmationAnswer>();
  for (let at = 0; at < words.length; ) {
    const phrase = matchAt(words, at);
    if (phrase) {
      const negated = phrase.answer === 'yes' && NEGATORS.has(words[at - 1] ?? '');
      found.add(negated ? 'no' : phrase.answer);
      at += phrase.words.length;
      continue;
    }
    if (!FILLERS.has(words[at]) && !NEGATORS.has(words[at])) return 'other';
    at += 1;
  }
  return found.size === 1 ? [...found][0] : 'other';
}
