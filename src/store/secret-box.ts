// AES-256-GCM encryption of secrets at rest (API keys, tokens, passwords, model keys).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FORMAT = 'v1';

/**
 * Secrets kept decrypted, by their sealed text: every chat turn reads its agent and integrations,
 * and decrypting their secrets again cost as much as a statement. The agent catalogs the server
 * keeps hold the same secrets decrypted already; the oldest are dropped past this many.
 */
const MAX_OPENED = 256;

/** Encrypts and decrypts short secrets under one 32-byte master key. */
export interface SecretBox {
  /** Returns `v1:<iv>:<tag>:<ciphertext>` (base64url parts); a fresh random IV each time. */
  encrypt: (plain: string) => string;
  /** Reverses `encrypt`; throws when the value was not made with this key or was altered. */
  decrypt: (sealed: string) => string;
}

/** Builds a SecretBox from a 32-byte key. */
export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error(`the secret key must be 32 bytes, got ${key.length}`);
  const opened = new Map<string, string>();
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [
        FORMAT,
        iv.toString('base64url'),
        tag.toString('base64url'),
        ciphertext.toString('base64url'),
      ].join(':');
    },
    decrypt(sealed) {
      const known = opened.get(sealed);
      if (known !== undefined) return known;
      const plain = open(key, sealed);
      opened.set(sealed, plain);
      if (opened.size > MAX_OPENED) opened.delete(opened.keys().next().value as string);
      return plain;
    },
  };
}

/** Decrypts `sealed` (`v1:<iv>:<tag>:<ciphertext>`) with `key`. */
function open(key: Buffer, sealed: string): string {
  const [format, iv, tag, ciphertext] = sealed.split(':');
  if (format !== FORMAT || !iv || !tag || ciphertext === undefined) {
    throw new Error('a stored secret is not in the expected format');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new Error('a stored secret cannot be decrypted: was CONCIERGE_SECRET_KEY changed?');
  }
}

/** Options of `loadSecretKey`. */
export interface LoadSecretKeyOptions {
  /** `CONCIERGE_SECRET_KEY`: 64 hex characters, 32 bytes in base64, or any passphrase (hashed). */
  configured?: string;
  /** Data directory where a generated key is kept as `secret.key` (mode 0600). */
  dataDir: string;
}

/** Returns the master key: the configured one, else the one in the data dir, else a new one saved there. */
export function loadSecretKey(options: LoadSecretKeyOptions): { key: Buffer; generated: boolean } {
  const configured = options.configured?.trim();
  if (configured) return { key: parseKey(configured), generated: false };
  const file = join(options.dataDir, 'secret.key');
  if (existsSync(file)) return { key: parseKey(readFileSync(file, 'utf8').trim()), generated: false };
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { key, generated: true };
}

function parseKey(text: string): Buffer {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  const base64 = Buffer.from(text, 'base64');
  if (base64.length === 32 && /^[A-Za-z0-9+/_-]+=*$/.test(text)) return base64;
  // A passphrase: derive a key from it so any non-empty value works.
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Shows a secret as its last four characters only, e.g. `••••••••abcd`. */
export function maskSecret(secret: string): string {
  if (secret.length <= 8) return '••••••••';
  return `••••••••${secret.slice(-4)}`;
}
