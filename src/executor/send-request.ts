// Sends a built request within a deadline: retries with backoff, redirects, capped body reading.
import type { Dispatcher } from 'undici';
import type { HttpRequest } from './build-request.js';
import { CallAbort } from './call-abort.js';
import { BlockedHostError } from './errors.js';
import { followRedirect, type RedirectCredentials } from './follow-redirect.js';
import { type ResponseBody, readResponseBody } from './read-response-body.js';

/** What sending needs besides the request. */
export interface SendRequestOptions {
  /** The guarded dispatcher to send through. */
  dispatcher: Dispatcher;
  /** The request, credentials included. */
  request: HttpRequest;
  /** Whether the operation may be repeated safely; only then is it retried. */
  idempotent: boolean;
  /** Time budget for everything, retries and redirects included, in ms. */
  timeoutMs: number;
  /** The caller's cancellation. */
  signal?: AbortSignal;
  /** Response bytes read at most. */
  maxResponseBytes: number;
  /** Redacts a URL for error messages. */
  redactUrl: (url: string) => string;
  /** The request's credentials, removed before a redirect leaves the integration's hosts. Default: none. */
  credentials?: RedirectCredentials;
}

const noCredentials: RedirectCredentials = { headers: [], query: [], mayReceive: () => false };

/** The final response, after retries and redirects. */
export interface SentResponse {
  /** Discriminates a response from a failure. */
  kind: 'response';
  /** HTTP status. */
  status: number;
  /** Response headers, lower-case names, repeated ones joined with `, `. */
  headers: Record<string, string>;
  /** The body as read. */
  body: ResponseBody;
  /** The URL that answered (differs from the request's after a redirect); credentials included. */
  url: string;
  /** HTTP attempts (1 plus retries). */
  attempts: number;
}

/** A call that got no usable response. */
export interface SendFailure {
  /** Discriminates a failure from a response. */
  kind: 'failure';
  /** `timeout`: the budget ran out; `network`: connection failure or cancellation; `blocked`: refused by the guard. */
  reason: 'timeout' | 'network' | 'blocked';
  /** What went wrong. */
  error: Error;
  /** HTTP attempts (1 plus retries). */
  attempts: number;
}

/** Retries after the first attempt, at most. */
const maxRetries = 2;
const maxRedirects = 5;
const retryStatuses = new Set([429, 502, 503, 504]);
const retryErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
]);
// A retry is only worth it if it leaves the attempt at least this much of the budget.
const minAttemptMs = 100;

function errorCode(error: unknown): string | undefined {
  const withCode = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = withCode?.code ?? withCode?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** Retry-After in ms (delta-seconds or an HTTP date, RFC 9110 section 10.2.3); undefined when absent or unreadable. */
function parseRetryAfter(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(date - Date.now(), 0);
}

/** Exponential backoff with jitter: about 100 ms, then 200 ms. */
function backoffMs(retry: number): number {
  return 100 * 2 ** retry * (1 + Math.random() * 0.5);
}

/**
 * Sends `request`, retrying idempotent operations (at most twice) on connection errors and on 429,
 * 502, 503 and 504 (honouring Retry-After when it fits the budget), following at most 5 redirects
 * (see followRedirect: to another host only as GET, without the credentials; each new connection is
 * guarded again by the dispatcher) and reading at most `maxResponseBytes` of the final body. Never throws.
 */
export async function sendRequest(options: SendRequestOptions): Promise<SentResponse | SendFailure> {
  const deadline = performance.now() + options.timeoutMs;
  const abort = new CallAbort();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort(new Error(`timed out after ${options.timeoutMs} ms`));
  }, options.timeoutMs);
  const cancel = () => abort.abort(new Error('cancelled by the caller'));
  options.signal?.addEventListener('abort', cancel, { once: true });
  if (options.signal?.aborted) cancel();

  let request = options.request;
  let attempts = 0;
  let redirects = 0;
  let waitMs: number | undefined;
  let newAttempt = true;
  const remaining = () => deadline - performance.now();
  try {
    for (;;) {
      if (waitMs !== undefined) await abort.sleep(waitMs);
      waitMs = undefined;
      if (newAttempt) attempts += 1;
      newAttempt = false;
      const retriesLeft = options.idempotent && attempts <= maxRetries;
      try {
        const response = await options.dispatcher.request({
          origin: request.origin,
          path: request.path,
          method: request.method as Dispatcher.HttpMethod,
          headers: request.headers,
          body: request.body,
          signal: abort,
        });
        const headers = flattenHeaders(response.headers);
        if (
          response.statusCode >= 300 &&
          response.statusCode < 400 &&
          headers.location &&
          redirects < maxRedirects
        ) {
          await response.body.dump();
          const step = followRedirect({
            request,
            status: response.statusCode,
            location: headers.location,
            credentials: options.credentials ?? noCredentials,
          });
          if (step.kind === 'refuse') {
            const error = new BlockedHostError({
              from: options.redactUrl(`${request.origin}${request.path}`),
              to: options.redactUrl(step.to.href),
              reason: step.reason,
            });
            return { kind: 'failure', reason: 'blocked', error, attempts };
          }
          redirects += 1;
          request = step.request;
          continue;
        }
        if (retriesLeft && retryStatuses.has(response.statusCode)) {
          const delay = parseRetryAfter(headers['retry-after']) ?? backoffMs(attempts - 1);
          if (delay + minAttemptMs < remaining()) {
            await response.body.dump();
            waitMs = delay;
            newAttempt = true;
            continue;
          }
        }
        const body = await readResponseBody(response.body, options.maxResponseBytes);
        return {
          kind: 'response',
          status: response.statusCode,
          headers,
          body,
          url: `${request.origin}${request.path}`,
          attempts,
        };
      } catch (error) {
        if (abort.aborted) throw error;
        if (error instanceof BlockedHostError) return { kind: 'failure', reason: 'blocked', error, attempts };
        const code = errorCode(error);
        const delay = backoffMs(attempts - 1);
        if (
          retriesLeft &&
          code !== undefined &&
          retryErrorCodes.has(code) &&
          delay + minAttemptMs < remaining()
        ) {
          waitMs = delay;
          newAttempt = true;
          continue;
        }
        return {
          kind: 'failure',
          reason: 'network',
          error: error instanceof Error ? error : new Error(String(error)),
          attempts,
        };
      }
    }
  } catch (error) {
    // Only an abort gets here: the deadline (timeout) or the caller (network, cancelled).
    return {
      kind: 'failure',
      reason: timedOut ? 'timeout' : 'network',
      error: abort.reason ?? (error instanceof Error ? error : new Error(String(error))),
      attempts,
    };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
  }
}
