// Reads the prose of a schema description without its markup: about one document in seven of the
// corpus writes HTML into descriptions ("<strong>Format: </strong>…<br>"), which is layout, not words.

/** HTML elements documents use for layout; only these are taken as tags ("<Provide merchant id>" is text). */
const TAG =
  /<\/?(?:a|b|blockquote|br|code|div|em|h[1-6]|hr|i|img|li|ol|p|pre|small|span|strong|sub|sup|table|tbody|td|th|thead|tr|u|ul)(?:\s[^<>]*)?\/?>/gi;
/** Tags that end a line of text. */
const LINE_BREAK = /<(?:br|hr)\s*\/?>|<\/(?:p|li|div|h[1-6]|tr|blockquote|pre)>/gi;
/** The character entities descriptions use, by name. */
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};

/**
 * A description's text without HTML tags (a line break where a tag ends a line) and with its common
 * entities read; markdown and anything else is kept as written.
 */
export function plainText(description: string): string {
  if (!description.includes('<') && !description.includes('&')) return description;
  return description
    .replace(LINE_BREAK, '\n')
    .replace(TAG, '')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}

/**
 * Without the facets a description labels before saying what the value is ("Format: Variable length,
 * up to 12 N\nDescription: Unique identifier on the Qualpay system." is the identifier): where a line
 * opens with "Description:", the text from there on; else without the lines that open with one
 * capitalised word and a colon ("Format: …", "Example: …"), where other lines remain.
 */
export function withoutFacets(description: string): string {
  const lines = description.split('\n');
  if (lines.length < 2) return description;
  const labelled = lines.findIndex((line) => DESCRIPTION_LABEL.test(line));
  if (labelled >= 0) return lines.slice(labelled).join('\n').replace(DESCRIPTION_LABEL, '').trim();
  const prose = lines.filter((line) => !FACET.test(line));
  return prose.length > 0 ? prose.join('\n').trim() : description;
}

const FACET = /^\s*[A-Z][a-z]+:\s/;
const DESCRIPTION_LABEL = /^\s*Description:\s*/;
