// The description a model reads for a tool: summary and description, within provider limits.

/** Longest tool description kept (characters); the common limit among providers. */
export const MAX_DESCRIPTION_LENGTH = 1024;

/** `GET /orders/{id}`: what a tool is called in messages and when its document describes nothing. */
export function routeLabel(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

/**
 * Summary + blank line + description (markdown kept), cut at a word boundary to 1,024 characters;
 * the route label when both are missing.
 */
export function describeOperation(options: {
  summary?: string;
  description?: string;
  method: string;
  path: string;
}): string {
  const summary = options.summary?.trim() ?? '';
  const description = options.description?.trim() ?? '';
  const parts = [summary, description].filter(
    (part, index, all) => part !== '' && all.indexOf(part) === index,
  );
  const text = parts.length > 0 ? parts.join('\n\n') : routeLabel(options.method, options.path);
  return cutAtWord(text, MAX_DESCRIPTION_LENGTH);
}

/** `text` shortened to at most `limit` characters, ending at a word boundary with an ellipsis. */
export function cutAtWord(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const room = text.slice(0, limit - 1);
  const boundary = room.search(/\s\S*$/);
  return `${(boundary > limit / 2 ? room.slice(0, boundary) : room).trimEnd()}…`;
}
