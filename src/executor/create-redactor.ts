// Removes credentials from everything the executor reports: URLs, headers, bodies, excerpts, messages.
import { encodeBasicAuth, type IntegrationAuth } from './integration-auth.js';

/** What replaces a secret. */
export const redacted = '[redacted]';

// Name parts that mark a query parameter or header as secret. Matched against whole words of the
// name (`api_key`, `apiKey`, `X-Auth-Token`), so `keyword` or `author` are left readable.
const secretWords = new Set([
  'key',
  'apikey',
  'token',
  'accesstoken',
  'authtoken',
  'secret',
  'password',
  'passwd',
  'pwd',
  'signature',
  'sig',
  'auth',
  'authorization',
  'credential',
  'credentials',
  'cookie',
  'jwt',
]);

// Names with a secret-looking word that carry no secret: idempotency keys (`Idempotency-Key`,
// `X-Idempotency-Key`, `?idempotency_key=`), which Concierge makes up itself for each action.
const publicName = /^(?:x-(?:[a-z0-9]+-)?)?idempotency[-_]?(?:key|token)$/;

// Names repeat from call to call (the same headers, the same parameters): remember the verdicts.
const verdicts = new Map<string, boolean>();
const maxVerdicts = 2000;

/** True when a query parameter or header name looks like it carries a secret. */
export function isSecretName(name: string): boolean {
  let verdict = verdicts.get(name);
  if (verdict === undefined) {
    const words = name
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/);
    verdict =
      !publicName.test(name.toLowerCase()) &&
      (words.some((word) => secretWords.has(word)) || secretWords.has(words.join('')));
    if (verdicts.size >= maxVerdicts) verdicts.clear();
    verdicts.set(name, verdict);
  }
  return verdict;
}

/** Scrubs one integration's credentials out of what is logged and returned. */
export interface Redactor {
  /** Replaces every occurrence of a credential (raw, URL-encoded, JSON-escaped, Basic-encoded). */
  scrub(text: string): string;
  /** Scrubs every string inside a JSON-like value; returns the value itself when nothing changed. */
  scrubValue<T>(value: T): T;
  /** Redacts the values of the API-key query parameter and of any secret-looking query parameter. */
  url(url: string): string;
  /** Redacts auth headers, the API-key header and secret-looking headers. */
  headers(headers: Record<string, string>): Record<string, string>;
}

function secretsOf(auth: IntegrationAuth): string[] {
  switch (auth.type) {
    case 'apiKey':
      return [auth.value];
    case 'bearer':
      return [auth.token];
    case 'basic':
      return [auth.password, encodeBasicAuth(auth.username, auth.password).slice('Basic '.length)];
    default:
      return [];
  }
}

// Values of secret-looking parameters the model filled are scrubbed only from this length on, so a
// short value like `auth=1` does not blank out every `1` of a response.
const minParameterSecretLength = 6;

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Values of secret-looking query parameters and headers of a request (`?session_token=...`, `X-Auth: ...`). */
export function findSecretValues(pathAndQuery: string, headers: Record<string, string>): string[] {
  const values: string[] = [];
  const queryStart = pathAndQuery.indexOf('?');
  if (queryStart !== -1) {
    for (const pair of pathAndQuery.slice(queryStart + 1).split('&')) {
      const equals = pair.indexOf('=');
      if (equals !== -1 && isSecretName(decodeComponent(pair.slice(0, equals)))) {
        values.push(decodeComponent(pair.slice(equals + 1)));
      }
    }
  }
  for (const [name, value] of Object.entries(headers)) {
    if (isSecretName(name)) values.push(value);
  }
  return values.filter((value) => value.length >= minParameterSecretLength);
}

/** Creates the redactor for `auth`, also scrubbing `extraSecrets` (see findSecretValues). */
export function createRedactor(auth: IntegrationAuth, extraSecrets: readonly string[] = []): Redactor {
  const forms = new Set<string>();
  for (const secret of [...secretsOf(auth), ...extraSecrets]) {
    if (!secret) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  // Longest first, so a secret that contains another is replaced whole.
  const secrets = [...forms].sort((a, b) => b.length - a.length);
  const authQueryName = auth.type === 'apiKey' && auth.in === 'query' ? auth.name : undefined;
  const authHeaderName = auth.type === 'apiKey' && auth.in === 'header' ? auth.name.toLowerCase() : undefined;

  const scrub = (text: string): string => {
    let result = text;
    for (const secret of secrets) {
      if (result.includes(secret)) result = result.split(secret).join(redacted);
    }
    return result;
  };

  const scrubValue = <T>(value: T): T => {
    if (secrets.length === 0) return value;
    if (typeof value === 'string') return scrub(value) as T;
    if (Array.isArray(value)) {
      const items = value.map(scrubValue);
      return (items.some((item, index) => item !== value[index]) ? items : value) as T;
    }
    if (typeof value === 'object' && value !== null) {
      let changed = false;
      const entries = Object.entries(value).map(([key, item]) => {
        const cleanKey = scrub(key);
        const cleanItem = scrubValue(item);
        changed ||= cleanKey !== key || cleanItem !== item;
        return [cleanKey, cleanItem];
      });
      return (changed ? Object.fromEntries(entries) : value) as T;
    }
    return value;
  };

  const url = (text: string): string => {
    const queryStart = text.indexOf('?');
    if (queryStart === -1) return scrub(text);
    const fragmentStart = text.indexOf('#', queryStart);
    const end = fragmentStart === -1 ? text.length : fragmentStart;
    const pairs = text
      .slice(queryStart + 1, end)
      .split('&')
      .map((pair) => {
        const equals = pair.indexOf('=');
        const rawName = equals === -1 ? pair : pair.slice(0, equals);
        const name = decodeComponent(rawName);
        return equals !== -1 && (name === authQueryName || isSecretName(name))
          ? `${rawName}=${redacted}`
          : pair;
      });
    return scrub(`${text.slice(0, queryStart)}?${pairs.join('&')}${text.slice(end)}`);
  };

  const headers = (values: Record<string, string>): Record<string, string> => {
    const result: Record<string, string> = {};
    for (const [name, value] of Object.entries(values)) {
      const lower = name.toLowerCase();
      result[name] = lower === authHeaderName || isSecretName(lower) ? redacted : scrub(value);
    }
    return result;
  };

  return { scrub, scrubValue, url, headers };
}
