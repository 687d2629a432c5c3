// Finds where JSON pointers sit in JSON text, in one pass that only descends where a pointer leads.
import { escapePointerToken } from './json-pointer.js';

/**
 * Maps each pointer (and each of its ancestors) to the offset of its value in `text`, which must be
 * valid JSON. Pointers that do not exist are left out; their ancestors are still there.
 */
export function locateJsonPointers(text: string, pointers: Iterable<string>): Map<string, number> {
  const wanted = new Set<string>();
  for (const pointer of pointers) {
    for (let end = pointer.length; end > 0; end = pointer.lastIndexOf('/', end - 1)) {
      wanted.add(pointer.slice(0, end));
    }
    wanted.add('');
  }
  const offsets = new Map<string, number>();
  let position = 0;

  const skipWhitespace = () => {
    for (;;) {
      const code = text.charCodeAt(position);
      if (code === 32 || code === 10 || code === 13 || code === 9) position++;
      else return;
    }
  };
  const skipString = () => {
    let index = position + 1;
    for (;;) {
      const code = text.charCodeAt(index);
      if (code === 92) index += 2;
      else if (code === 34 || Number.isNaN(code)) break;
      else index++;
    }
    const raw = text.slice(position, index + 1);
    position = index + 1;
    return raw;
  };
  const skipValue = () => {
    const first = text[position];
    if (first === '"') {
      skipString();
      return;
    }
    if (first !== '{' && first !== '[') {
      while (position < text.length && !',}] \n\r\t'.includes(text[position])) position++;
      return;
    }
    let depth = 0;
    while (position < text.length) {
      const character = text[position];
      if (character === '"') {
        skipString();
        continue;
      }
      if (character === '{' || character === '[') depth++;
      else if (character === '}' || character === ']') depth--;
      position++;
      if (depth === 0) return;
    }
  };
  const visit = (pointer: string): void => {
    skipWhitespace();
    if (!wanted.has(pointer)) {
      skipValue();
      return;
    }
    offsets.set(pointer, position);
    const opening = text[position];
    if (opening !== '{' && opening !== '[') {
      skipValue();
      return;
    }
    const closing = opening === '{' ? '}' : ']';
    position++;
    for (let index = 0; ; index++) {
      skipWhitespace();
      if (text[position] === closing) {
        position++;
        return;
      }
      let token = String(index);
      if (opening === '{') {
        const raw = skipString();
        token = raw.includes('\\') ? JSON.parse(raw) : raw.slice(1, -1);
        skipWhitespace();
        position++; // the ':'
      }
      visit(`${pointer}/${escapePointerToken(token)}`);
      skipWhitespace();
      if (text[position] === ',') position++;
      if (position >= text.length) return;
    }
  };

  visit('');
  return offsets;
}

/** 1-based line numbers of the given offsets in `text`. */
export function linesOfOffsets(text: string, offsets: Iterable<number>): Map<number, number> {
  const sorted = [...new Set(offsets)].sort((left, right) => left - right);
  const lines = new Map<number, number>();
  let line = 1;
  let scanned = 0;
  for (const offset of sorted) {
    for (
      let next = text.indexOf('\n', scanned);
      next !== -1 && next < offset;
      next = text.indexOf('\n', scanned)
    ) {
      line++;
      scanned = next + 1;
    }
    lines.set(offset, line);
  }
  return lines;
}
