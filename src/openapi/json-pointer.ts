// RFC 6901 JSON pointers: build them, follow them through a parsed document, and say them in words.

/** Escapes one reference token (`~` -> `~0`, `/` -> `~1`). */
export function escapePointerToken(token: string | number): string {
  const text = String(token);
  // Most tokens have neither character; skipping the replacements is a tenth of a large import.
  if (!text.includes('~') && !text.includes('/')) return text;
  return text.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Appends reference tokens to a pointer: `joinPointer('/paths', '/orders')` is `/paths/~1orders`. */
export function joinPointer(pointer: string, ...tokens: (string | number)[]): string {
  let result = pointer;
  for (const token of tokens) result += `/${escapePointerToken(token)}`;
  return result;
}

/** Splits a pointer into its unescaped reference tokens. */
export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** The value at `pointer` inside `root`, or undefined when any step is missing. */
export function resolveJsonPointer(root: unknown, pointer: string): unknown {
  let node = root;
  for (const token of splitPointer(pointer)) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
      node = node[Number(token)];
    } else if (node !== null && typeof node === 'object' && Object.hasOwn(node, token)) {
      node = (node as Record<string, unknown>)[token];
    } else {
      return undefined;
    }
  }
  return node;
}

/** A pointer as people read it in messages: `/paths/~1orders~1{id}/get` -> `paths./orders/{id}.get`. */
export function describePointer(pointer: string): string {
  return pointer === '' ? '(document)' : splitPointer(pointer).join('.');
}

/** The pointer a local `$ref` (`#/components/schemas/Pet`) targets; undefined for external or anchor refs. */
export function pointerOfRef(ref: string): string | undefined {
  if (!ref.startsWith('#')) return undefined;
  let decoded = ref.slice(1);
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // A stray '%' is kept literally.
  }
  return decoded === '' || decoded.startsWith('/') ? decoded : undefined;
}
