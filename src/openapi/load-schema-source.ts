// Gets schema text from a URL (bounded, no private hosts), a file, or pasted text.
import { lookup } from 'node:dns/promises';
import { readFile, stat } from 'node:fs/promises';
import { isIP } from 'node:net';
import { classifyAddress } from './classify-address.js';
import { SchemaImportError, type SchemaResult } from './schema-import-error.js';

/** Where a schema comes from: a public http(s) URL, a local file, or text pasted or uploaded. */
export type SchemaSource = { url: string } | { text: string } | { path: string };

/** Limits and hooks for `loadSchemaSource`. */
export interface LoadSchemaSourceOptions {
  /** The fetch to use (default: the global one). It is called with `redirect: 'manual'`. */
  fetch?: typeof fetch;
  /** Time for the whole download, redirects included, in milliseconds (default 10,000). */
  timeoutMs?: number;
  /** Largest schema accepted, in bytes (default 20 MiB). */
  maxBytes?: number;
  /** Redirects followed at most (default 5). */
  maxRedirects?: number;
  /** True for a URL that may be fetched although its host resolves to a non-public address. */
  isHostAllowed?: (url: URL) => boolean;
  /** The `Accept` header (default: JSON and YAML first); knowledge pages ask for HTML. */
  accept?: string;
}

/** The loaded text, and the URL it finally came from (after redirects). */
export interface LoadedSchemaSource {
  text: string;
  sourceUrl?: string;
  /** The response's `Content-Type`, when it came from a URL that sent one. */
  contentType?: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;

/** Loads schema text; fails (never throws) with codes `invalid-url`, `host-not-allowed`, `fetch-failed`, `fetch-timeout`, `too-many-redirects`, `too-large`, `unreadable-file`. */
export async function loadSchemaSource(
  source: SchemaSource,
  options: LoadSchemaSourceOptions = {},
): Promise<SchemaResult<LoadedSchemaSource>> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if ('text' in source) {
    const bytes = Buffer.byteLength(source.text);
    return bytes > maxBytes
      ? tooLarge('the pasted schema', bytes, maxBytes)
      : { ok: true, value: { text: source.text } };
  }
  if ('path' in source) return loadFile(source.path, maxBytes);
  return loadUrl(source.url, { ...options, maxBytes });
}

async function loadFile(path: string, maxBytes: number): Promise<SchemaResult<LoadedSchemaSource>> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return fail('unreadable-file', `cannot read ${path}: not a file`);
    if (info.size > maxBytes) return tooLarge(path, info.size, maxBytes);
    return { ok: true, value: { text: await readFile(path, 'utf8') } };
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return fail('unreadable-file', `cannot read ${path}: ${reason}`);
  }
}

async function loadUrl(
  address: string,
  options: LoadSchemaSourceOptions & { maxBytes: number },
): Promise<SchemaResult<LoadedSchemaSource>> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return fail('invalid-url', `'${address}' is not a URL`);
  }
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const signal = AbortSignal.timeout(timeoutMs);
  for (let redirects = 0; ; redirects++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return fail('invalid-url', `${url.href}: only http and https URLs can be imported`);
    }
    const refusal = await checkHost(url, options.isHostAllowed);
    if (refusal) return { ok: false, error: refusal };
    let response: Response;
    try {
      response = await fetchImpl(url, {
        redirect: 'manual',
        signal,
        headers: { accept: options.accept ?? 'application/json, application/yaml, text/yaml, */*;q=0.5' },
      });
    } catch (error) {
      return signal.aborted
        ? fail('fetch-timeout', `GET ${url.href} timed out after ${timeoutMs / 1000} s`)
        : fail('fetch-failed', `GET ${url.href} failed: ${describeFetchError(error)}`);
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel().catch(() => undefined);
      if (redirects >= maxRedirects) {
        return fail('too-many-redirects', `GET ${address} was redirected more than ${maxRedirects} times`);
      }
      url = new URL(location, url);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return fail(
        'fetch-failed',
        `GET ${url.href} failed with ${response.status} ${response.statusText}`.trimEnd(),
      );
    }
    try {
      const text = await readCapped(response, options.maxBytes);
      if (text === undefined) return tooLarge(url.href, undefined, options.maxBytes);
      const contentType = response.headers.get('content-type') ?? undefined;
      return { ok: true, value: { text, sourceUrl: url.href, ...(contentType ? { contentType } : {}) } };
    } catch (error) {
      return signal.aborted
        ? fail('fetch-timeout', `GET ${url.href} timed out after ${timeoutMs / 1000} s`)
        : fail('fetch-failed', `GET ${url.href} failed while reading: ${describeFetchError(error)}`);
    }
  }
}

/** A refusal when the URL's host is, or resolves to, a non-public address and is not allowed explicitly. */
async function checkHost(
  url: URL,
  isHostAllowed?: (url: URL) => boolean,
): Promise<SchemaImportError | undefined> {
  if (isHostAllowed?.(url)) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
    } catch (error) {
      return new SchemaImportError(
        'fetch-failed',
        `GET ${url.href} failed: cannot resolve ${host} (${describeFetchError(error)})`,
      );
    }
  }
  for (const address of addresses) {
    const kind = classifyAddress(address);
    if (kind === 'public') continue;
    const resolved = address === host ? '' : ` (it resolves to ${address})`;
    return new SchemaImportError(
      'host-not-allowed',
      `refusing to fetch ${url.href}: ${host}${resolved} is a ${kind} address; add "${url.host}" to CONCIERGE_ALLOW_HOSTS (comma-separated) to import from it`,
    );
  }
  return undefined;
}

async function readCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

function tooLarge(what: string, bytes: number | undefined, maxBytes: number): SchemaResult<never> {
  const size = bytes === undefined ? 'more than' : `${(bytes / 1024 / 1024).toFixed(1)} MiB, over`;
  return fail('too-large', `${what} is ${size} the limit of ${(maxBytes / 1024 / 1024).toFixed(0)} MiB`);
}

function fail(code: string, message: string): SchemaResult<never> {
  return { ok: false, error: new SchemaImportError(code, message) };
}
