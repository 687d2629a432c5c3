// Which request/response media types a tool can use, and which one to prefer.

/**
 * `json`: JSON-encoded; `form`: application/x-www-form-urlencoded; `multipart`: multipart/form-data
 * (fields only: a file cannot be sent); `text`: a plain string; else unsupported.
 */
export type MediaKind = 'json' | 'form' | 'multipart' | 'text' | 'unsupported';

/** Sorts a media type (parameters such as `; charset=utf-8` ignored) into what the executor can send. */
export function classifyMediaType(mediaType: string): MediaKind {
  const base = mediaType.split(';')[0].trim().toLowerCase();
  if (
    base === 'application/json' ||
    base.endsWith('+json') ||
    base === '*/*' ||
    base === 'application/*' ||
    base === 'text/json' ||
    base === 'application/x-json' ||
    base === 'json'
  ) {
    return 'json';
  }
  if (base === 'application/x-www-form-urlencoded') return 'form';
  if (base === 'multipart/form-data') return 'multipart';
  if (base === 'text/plain') return 'text';
  return 'unsupported';
}

const PREFERENCE = ['json', 'form', 'multipart', 'text'] as const;

/** The media type chosen from a list: as written in the document, and as sent in Content-Type. */
export interface PickedMediaType {
  mediaType: string;
  contentType: string;
  kind: Exclude<MediaKind, 'unsupported'>;
}

/**
 * The media type to send, preferring plain `application/json`, then other JSON types, form encoding,
 * multipart form data, text; undefined when none is supported. Wildcards are sent as `application/json`.
 */
export function pickMediaType(mediaTypes: string[]): PickedMediaType | undefined {
  for (const kind of PREFERENCE) {
    const candidates = mediaTypes.filter((mediaType) => classifyMediaType(mediaType) === kind);
    if (candidates.length === 0) continue;
    const exact = candidates.find(
      (mediaType) => mediaType.split(';')[0].trim().toLowerCase() === 'application/json',
    );
    const chosen = exact ?? candidates[0];
    const base = chosen.split(';')[0].trim();
    const contentType = base.includes('*') || base === 'json' ? 'application/json' : chosen;
    return { mediaType: chosen, contentType, kind };
  }
  return undefined;
}
