// Reads a customer's answer to "Shall I go ahead? (yes / no)": yes, no, or something else (a new topic).

/** The customer's answer. */
export type ConfirmationAnswer = 'yes' | 'no' | 'other';

const YES_PHRASES = (
  'yes|y|yeah|yea|yep|yup|ya|sure|ok|okay|k|kk|alright|all right|please do|go ahead|go for it|confirm|' +
  "confirmed|i confirm|do it|correct|right|that is right|that's right|sounds good|absolutely|of course|" +
  'definitely|proceed|affirmative|fine|yes please|perfect|great|exactly|no problem|no worries'
).split('|');
const NO_PHRASES = (
  "no|n|nope|nah|don't|dont|do not|cancel|stop|never mind|nevermind|not now|abort|no thanks|no thank you|" +
  'wait|hold on|not yet|negative'
).split('|');
// Words that may surround an answer without changing it: "yes please, thanks!", "ok then".
const FILLERS = new Set(
  'please thanks thank you thx it that this then so well oh ah um uh just and do good lol'.split(' '),
);
// A yes-phrase right after one of these means no: "not correct", "don't go ahead".
const NEGATORS = new Set(['not', "don't", 'dont', 'never', 'no']);
// Words beyond the answer itself that still make it an answer; more than this is a new message.
const MAX_OTHER_WORDS = 3;

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
 * Classifies `text` as a yes, a no, or neither. Tolerates punctuation, case and a few extra words
 * ("Yes, please go ahead!", "no thanks"); a message with both, or with more than a few other words,
 * is neither, so a correction or a new question is handled as a message of its own.
 */
export function classifyConfirmation(text: string): ConfirmationAnswer {
  const words = text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}'\s]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const found = new Set<ConfirmationAnswer>();
  let otherWords = 0;
  for (let at = 0; at < words.length; ) {
    const phrase = matchAt(words, at);
    if (phrase) {
      const negated = phrase.answer === 'yes' && NEGATORS.has(words[at - 1] ?? '');
      found.add(negated ? 'no' : phrase.answer);
      at += phrase.words.length;
      continue;
    }
    if (!FILLERS.has(words[at]) && !NEGATORS.has(words[at])) otherWords += 1;
    at += 1;
  }
  if (found.size !== 1 || otherWords > MAX_OTHER_WORDS) return 'other';
  return [...found][0];
}
