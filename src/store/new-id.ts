// Time-sortable identifiers: sorting ids sorts by creation time, which keeps paging simple.
import { randomBytes } from 'node:crypto';

let lastTime = 0;
let counter = 0;

/** A 22-character id: 9 base36 characters of milliseconds, a 4-character counter, 9 random. */
export function newId(): string {
  const now = Date.now();
  if (now === lastTime) counter++;
  else {
    lastTime = now;
    counter = 0;
  }
  const random = randomBytes(8).toString('base64url').replace(/[-_]/g, 'x').slice(0, 9).toLowerCase();
  return `${now.toString(36).padStart(9, '0')}${counter.toString(36).padStart(4, '0')}${random}`;
}

/** A random token with a readable prefix, e.g. `ck_live_…` for API keys. */
export function newToken(prefix: string, bytes = 24): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}
