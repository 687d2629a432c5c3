// A full name given once ("I'm Yusuf Rossi") split between the inputs of a schema that asks for the
// first and the last name apart: the last word is the last name, the words before it the first.
import type { ClassifiedParameter } from './classify-parameter.js';
import type { Mention } from './mention.js';

const FIRST_NAME = /(?:^|[^a-z])(?:first|given|fore)_?name$|^(?:first|given|fore)name$/i;
const LAST_NAME = /(?:^|[^a-z])(?:last|family|sur)_?name$|^(?:last|family|sur)name$/i;

/** The first and last name inputs of `parameters` filled from the first proper name of two words or more. */
export function splitFullName(
  parameters: ClassifiedParameter[],
  mentions: Mention[],
):
  | { first: ClassifiedParameter; last: ClassifiedParameter; values: [string, string]; mention: Mention }
  | undefined {
  const first = parameters.find(
    (parameter) => parameter.type === 'string' && FIRST_NAME.test(parameter.name),
  );
  const last = parameters.find((parameter) => parameter.type === 'string' && LAST_NAME.test(parameter.name));
  if (!first || !last) return undefined;
  for (const mention of mentions) {
    if (mention.kind !== 'proper') continue;
    const words = mention.text.split(/\s+/).filter(Boolean);
    if (words.length < 2 || words.some((word) => /[\d,]/.test(word))) continue;
    return { first, last, values: [words.slice(0, -1).join(' '), words[words.length - 1]], mention };
  }
  return undefined;
}
