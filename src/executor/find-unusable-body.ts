// Tells a success answer that carries no usable data (an HTML error page, broken JSON, a body cut at
// the size cap, text where the operation declares JSON) from one that does.

/** What is known about a 2xx response body. */
export interface UnusableBodyOptions {
  /** The body as read (at most the cap). */
  text: string;
  /** The response's `content-type` header, if any. */
  contentType: string | undefined;
  /** The body as parsed by `parseResponseBody`: the JSON value when it parsed, else `text` itself. */
  parsed: unknown;
  /** Whether the body was longer than the cap and cut there. */
  truncated: boolean;
  /** The cap, in bytes. */
  maxBytes: number;
  /** Whether the operation declares a JSON success response (it has a response schema). */
  expectsJson: boolean;
}

const HTML_START = /^(?:\uFEFF)?\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i;
const MAX_MEDIA_TYPE = 60;

function mediaTypeOf(contentType: string | undefined): string | undefined {
  const mediaType = contentType?.split(';')[0].trim().toLowerCase();
  return mediaType ? mediaType.slice(0, MAX_MEDIA_TYPE) : undefined;
}

/** Why the JSON in `text` does not parse, in a few words (`Unexpected token < in JSON at position 0`). */
function jsonProblem(text: string): string {
  try {
    JSON.parse(text);
    return 'JSON that does not parse';
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0].slice(0, 80) : '';
    return message ? `invalid JSON (${message})` : 'invalid JSON';
  }
}

/**
 * Why a success response's body cannot serve as the operation's answer, as a phrase that completes
 * "the API answered 200 with …"; undefined when the body is usable. An empty body is usable (an
 * action that returns nothing, or an empty result, which the outcome already tells apart).
 */
export function findUnusableBody(options: UnusableBodyOptions): string | undefined {
  const { text, parsed, expectsJson } = options;
  if (options.truncated)
    return `a body larger than the ${options.maxBytes}-byte limit, cut there and left unread`;
  if (!text.trim()) return undefined;
  const mediaType = mediaTypeOf(options.contentType);
  if ((mediaType !== undefined && /html/.test(mediaType)) || HTML_START.test(text))
    return expectsJson ? 'an HTML page, not JSON' : 'an HTML page';
  const declaredJson = mediaType !== undefined && /\bjson\b/.test(mediaType);
  // parseResponseBody hands back the text itself when it did not parse (a JSON string parses to
  // something else: its quotes are gone).
  const unparsed = parsed === text;
  if (declaredJson && unparsed) return jsonProblem(text);
  if (expectsJson && unparsed) {
    if (/^\s*[[{]/.test(text)) return jsonProblem(text);
    const article = mediaType && /^[aeiou]/.test(mediaType) ? 'an' : 'a';
    const body = mediaType ? `${article} ${mediaType} body` : 'a body without a content type';
    return `${body}, not the JSON the operation declares`;
  }
  return undefined;
}
