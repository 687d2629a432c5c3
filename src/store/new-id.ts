// Time-sortable identifiers: sorting ids sorts by creation time, which keeps paging simple.
import { randomBytes, randomFillSync } from 'node:crypto';

let lastTime = 0;
let counter = 0;

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const RANDOM_CHARACTERS = 9;
// Random bytes drawn 4 KB at a time: a call per id cost five times the rest of the id's making.
const pool = Buffer.alloc(4096);
let used = pool.length;

/** A 22-character id: 9 base36 characters of milliseconds, a 4-character counter, 9 random. */
export function newId(): string {
  const now = Date.now();
  if (now === lastTime) counter++;
  else {
    lastTime = now;
    counter = 0;
  }
  if (used + RANDOM_CHARACTERS > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  let random = '';
  for (let index = 0; index < RANDOM_CHARACTERS; index++) random += ALPHABET[pool[used++] % ALPHABET.length];
  return `${now.toString(36).padStart(9, '0')}${counter.toString(36).padStart(4, '0')}${random}`;
}

/** A random token with a readable prefix, e.g. `ck_live_…` for API keys. */
export function newToken(prefix: string, bytes = 24): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}
