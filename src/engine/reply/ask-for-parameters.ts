// Asks, in plain words from the parameters' descriptions, for the details a call still needs.
import type { ParameterInfo } from '../catalog/list-parameters.js';
import { splitWords } from '../language/split-words.js';

const PERSON = [
  [/\bthe (?:customer|user|client)'s\b/gi, 'your'],
  [/\bthe (?:customer|user|client) is\b/gi, 'you are'],
  [/\bthe (?:customer|user|client)\b/gi, 'you'],
  [/\btheir\b/gi, 'your'],
] as const;

/** The noun phrase a parameter's description starts with ("The order number, digits only" -> "your order number"). */
export function describeParameter(parameter: ParameterInfo): string {
  let phrase = parameter.description.split(/[.,;:(\n]| - | e\.g\.| for example/i)[0].trim();
  if (!phrase || phrase.split(/\s+/).length > 12) phrase = splitWords(parameter.name).join(' ');
  for (const [pattern, replacement] of PERSON) phrase = phrase.replace(pattern, replacement);
  phrase = phrase.replace(/^(?:the|a|an)\s+/i, '');
  if (/^(?:why|how|what|which|when|where|who|whether|if)\b/i.test(phrase))
    return phrase.charAt(0).toLowerCase() + phrase.slice(1);
  return /^your\b/i.test(phrase)
    ? phrase.charAt(0).toLowerCase() + phrase.slice(1)
    : `your ${phrase.charAt(0).toLowerCase()}${phrase.slice(1)}`;
}

/** One question asking for every missing parameter. */
export function askForParameters(missing: ParameterInfo[]): string {
  const phrases = missing.map(describeParameter);
  if (phrases.length === 1 && !/^(?:why|how|what|which|when|where|who|whether|if)\b/.test(phrases[0])) {
    return `What is ${phrases[0]}?`;
  }
  const list =
    phrases.length === 1
      ? phrases[0]
      : `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
  return `Could you tell me ${list}?`;
}
