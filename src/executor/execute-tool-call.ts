// One tool call end to end: validate, build, send through the guard, map the outcome, log it redacted.
import { randomUUID } from 'node:crypto';
import type { Dispatcher } from 'undici';
import { applyBoundInputs, readClaim } from '../tools/index.js';
import { buildRequest, type HttpRequest, joinUrl } from './build-request.js';
import { createRedactor, findSecretValues, type Redactor } from './create-redactor.js';
import {
  classifyResponse,
  describeFailure,
  extractApiMessage,
  type ToolCallOutcome,
} from './describe-outcome.js';
import { BlockedHostError, ToolInputError, UpstreamApiError } from './errors.js';
import { dropIdempotencyKeys, fillIdempotencyKeys } from './fill-idempotency-keys.js';
import { findUnusableBody } from './find-unusable-body.js';
import { fitToBudget } from './fit-to-budget.js';
import { redirectCredentials } from './follow-redirect.js';
import { parseResponseBody } from './read-response-body.js';
import { type SendFailure, type SentResponse, sendRequest } from './send-request.js';
import { encodeHeaderValue } from './serialize-parameter.js';
import type {
  RedactedRequest,
  RequestIdentity,
  RequestLogEntry,
  ToolCallRequest,
  ToolCallResponse,
  ToolCallResult,
} from './tool-call.js';
import { validateToolArguments } from './validate-tool-arguments.js';

/** What executeToolCall needs from the executor that runs it. */
export interface ExecutionContext {
  /** The guarded dispatcher for a call, given the integration's extra allowed hosts. */
  dispatcherFor(allowHosts: readonly string[] | undefined): Dispatcher;
  /** More hosts allowed for calls to an integration at this base URL. */
  allowHostsFor?: (baseUrl: string) => string[];
  /** Response bytes read at most. */
  maxResponseBytes: number;
  /** Characters of response the model reads at most. */
  modelBudgetChars: number;
  /** Receives each log entry. */
  onLog?: (entry: RequestLogEntry) => void | Promise<void>;
  /** Receives a failure of `onLog`. */
  onLogError?: (error: unknown) => void;
}

const defaultTimeoutMs = 10_000;
const maxTimeoutMs = 60_000;
const logBodyChars = 4096;
const logExcerptChars = 2048;
const keptResponseHeaders =
  /^(content-type|content-length|location|retry-after|date|etag|x-request-id|request-id|x-correlation-id|(x-)?ratelimit-.*)$/;

/** The integration's budget: 10 s by default, capped at 60 s (the server enforces the 1 s minimum). */
function timeoutOf(call: ToolCallRequest): number {
  const value = call.integration.timeoutMs;
  if (value === undefined || !Number.isFinite(value) || value <= 0) return defaultTimeoutMs;
  return Math.min(value, maxTimeoutMs);
}

function cut(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}…`;
}

/** Scrubs a secret before cutting, so a secret across the cut cannot leave a visible prefix. */
function scrubAndCut(redactor: Redactor, text: string, limit: number): string {
  return cut(redactor.scrub(text.slice(0, limit * 2)), limit);
}

/** The parts of a call's ending that vary by outcome. */
interface Ending {
  outcome: ToolCallOutcome;
  modelText: string;
  customerMessage?: string;
  data?: unknown;
  error?: ToolInputError | UpstreamApiError | BlockedHostError;
  attempts: number;
  status?: number;
  response?: ToolCallResponse;
  responseText?: string;
  logBody?: string;
}

function describeResponse(
  call: ToolCallRequest,
  sent: SentResponse,
  context: ExecutionContext,
  redactor: Redactor,
): Ending {
  const { tool } = call;
  const cleanText = redactor.scrub(sent.body.text);
  const parsed = parseResponseBody(sent.body.text, sent.headers['content-type']);
  const body = cleanText === sent.body.text ? parsed : redactor.scrubValue(parsed);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(sent.headers)) {
    if (keptResponseHeaders.test(name)) headers[name] = redactor.scrub(value);
  }
  const response: ToolCallResponse = { status: sent.status, headers, body, truncated: sent.body.truncated };
  // A success status with a body that is no data (an HTML error page, broken JSON, a body cut at the
  // cap) is a failure of its own: the model and the customer must never be handed the raw text.
  const unusableBody =
    sent.status >= 200 && sent.status < 300
      ? findUnusableBody({
          text: sent.body.text,
          contentType: sent.headers['content-type'],
          parsed,
          truncated: sent.body.truncated,
          maxBytes: context.maxResponseBytes,
          expectsJson: tool.responseSchema !== undefined,
        })
      : undefined;
  const outcome: ToolCallOutcome = unusableBody
    ? 'unusable-response'
    : classifyResponse(tool, sent.status, body);
  const common = { attempts: sent.attempts, status: sent.status, response, responseText: sent.body.text };
  if (outcome === 'ok') {
    const shown =
      body === ''
        ? `The API answered ${sent.status} with an empty body.`
        : fitToBudget(body, context.modelBudgetChars);
    return { ...common, outcome, data: body, modelText: shown };
  }
  const apiMessage = unusableBody ? undefined : extractApiMessage(body);
  const sentences = describeFailure({
    outcome,
    status: sent.status,
    apiMessage,
    timeoutMs: timeoutOf(call),
    unusableBody,
    readOnly: tool.readOnly,
  });
  const error =
    sent.status >= 300 || unusableBody
      ? new UpstreamApiError({
          method: call.tool.method.toUpperCase(),
          url: redactor.url(sent.url),
          status: sent.status,
          body: cut(cleanText, 500),
          retryable: [429, 502, 503, 504].includes(sent.status),
          unusableBody,
        })
      : undefined;
  return { ...common, outcome, ...sentences, error };
}

function describeSendFailure(call: ToolCallRequest, failure: SendFailure, request: RedactedRequest): Ending {
  const sentences = describeFailure({ outcome: failure.reason, timeoutMs: timeoutOf(call) });
  const error =
    failure.error instanceof BlockedHostError
      ? failure.error
      : new UpstreamApiError({
          method: request.method,
          url: request.url,
          retryable: failure.reason !== 'blocked',
          detail: failure.reason === 'timeout' ? failure.error.message : `failed: ${failure.error.message}`,
          cause: failure.error,
        });
  return { outcome: failure.reason, ...sentences, error, attempts: failure.attempts };
}

function invalidArguments(call: ToolCallRequest, error: ToolInputError): Ending {
  const sentences = describeFailure({
    outcome: 'invalid-arguments',
    timeoutMs: timeoutOf(call),
    inputMessage: error.message,
  });
  let logBody: string | undefined;
  try {
    logBody = JSON.stringify(call.args);
  } catch {
    logBody = String(call.args);
  }
  return { outcome: 'invalid-arguments', ...sentences, error, attempts: 0, logBody };
}

/** The request shown for a call that was never built: the path template under the base URL. */
function templateRequest(call: ToolCallRequest, redactor: Redactor): RedactedRequest {
  let url: string;
  try {
    url = joinUrl(call.integration.baseUrl, call.tool.path);
  } catch {
    url = `${call.integration.baseUrl}${call.tool.path}`;
  }
  return { method: call.tool.method.toUpperCase(), url: redactor.url(url), headers: {} };
}

function redactRequest(request: HttpRequest, redactor: Redactor): RedactedRequest {
  return {
    method: request.method,
    url: redactor.url(`${request.origin}${request.path}`),
    headers: redactor.headers(request.headers),
    body: redactor.scrubValue(request.bodyValue),
  };
}

/** What `send` produced. */
interface Sent {
  request: RedactedRequest;
  ending: Ending;
  redactor: Redactor;
  identity?: RequestIdentity;
}

/** Whether a header value would carry a line break or another control character (RFC 9110 §5.5). */
function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) return true;
  }
  return false;
}

/**
 * Sets the integration's identity headers on a built request: from the customer's claims, and never
 * from anywhere else (a header of that name from the arguments is dropped when there is no value).
 * Values are encoded as header parameters are (`encodeHeaderValue`: text outside ASCII percent-encoded).
 */
function setIdentityHeaders(
  call: ToolCallRequest,
  headers: Record<string, string>,
): ToolInputError | undefined {
  if (!call.identity) return undefined;
  for (const header of call.identity.headers) {
    const name = header.name.toLowerCase();
    const value = readClaim(call.identity.customer, header.claim);
    if (value === undefined) delete headers[name];
    else if (hasControlCharacter(String(value)))
      return new ToolInputError(call.tool.name, [
        { path: header.name, message: `the "${header.claim}" claim cannot be sent in a header` },
      ]);
    else headers[name] = encodeHeaderValue(String(value));
  }
  return undefined;
}

/** Which values came from the customer's identity, for the log; none for an anonymous visitor. */
function describeIdentity(
  call: ToolCallRequest,
  applied: readonly { in: string; name: string; claim: string }[],
) {
  const customer = call.identity?.customer;
  if (!customer || !call.identity) return undefined;
  const headers = call.identity.headers
    .filter((header) => readClaim(customer, header.claim) !== undefined)
    .map((header) => ({ in: 'header', name: header.name, claim: header.claim }));
  const values = [...applied.map(({ in: where, name, claim }) => ({ in: where, name, claim })), ...headers];
  return { subject: customer.sub, values };
}

/** Validates, builds and sends; returns the redacted request, how the call ended, and the redactor that applies. */
async function send(call: ToolCallRequest, context: ExecutionContext): Promise<Sent> {
  let redactor = createRedactor(call.integration.auth);
  if (!call.tool.callable) {
    const reason = call.tool.uncallableReason ?? 'the schema does not say how';
    const error = new ToolInputError(call.tool.name, [
      { path: '', message: `the operation cannot be called (${reason})` },
    ]);
    return { request: templateRequest(call, redactor), ending: invalidArguments(call, error), redactor };
  }
  // Bound inputs come from the verified customer only: whatever the model put there is replaced.
  const bound = call.identity && applyBoundInputs(call.args, call.identity.inputs, call.identity.customer);
  const identity = describeIdentity(call, bound?.applied ?? []);
  // Refused before anything is sent: the request as its template, with what was wrong.
  const refuse = (error: ToolInputError): Sent => ({
    request: templateRequest(call, redactor),
    ending: invalidArguments(call, error),
    redactor,
    identity,
  });
  if (bound && bound.missing.length > 0) {
    const who = call.identity?.customer ? "this customer's identity has" : 'an anonymous visitor has';
    const error = new ToolInputError(
      call.tool.name,
      bound.missing.map((input) => ({
        path: input.property ? `${input.inputName}.${input.property}` : input.inputName,
        message: `comes from the verified customer's "${input.claim}" claim, which ${who} none of`,
      })),
    );
    return refuse(error);
  }
  // The operation's own idempotency-key inputs are hidden from the model and set here, after the
  // check: the confirmed action's key, else one made for this call (the same on each of its retries).
  const keyed = call.tool.idempotencyKeys?.length ?? 0;
  const given = bound ? bound.args : call.args;
  const validation = validateToolArguments(
    call.tool,
    keyed > 0 ? dropIdempotencyKeys(call.tool, given) : given,
  );
  if (!validation.ok) return refuse(validation.error);
  const args =
    keyed > 0
      ? fillIdempotencyKeys(call.tool, validation.value, call.idempotencyKey ?? randomUUID())
      : validation.value;
  let built: HttpRequest;
  try {
    built = buildRequest({
      tool: call.tool,
      args,
      baseUrl: call.integration.baseUrl,
      auth: call.integration.auth,
    });
  } catch (error) {
    if (error instanceof ToolInputError) return refuse(error);
    const request = templateRequest(call, redactor);
    const failure: SendFailure = {
      kind: 'failure',
      reason: 'network',
      // new URL() rejects a malformed base URL with "Invalid URL"; say which one.
      error: new Error(
        `could not be built from base URL "${redactor.url(call.integration.baseUrl)}": ${error instanceof Error ? error.message : String(error)}`,
      ),
      attempts: 0,
    };
    return { request, ending: describeSendFailure(call, failure, request), redactor, identity };
  }
  const headerProblem = setIdentityHeaders(call, built.headers);
  if (headerProblem) return refuse(headerProblem);
  if (call.idempotencyKey && built.headers['idempotency-key'] === undefined)
    built.headers['idempotency-key'] = call.idempotencyKey;
  // Values the model put in secret-looking parameters are scrubbed from here on, like the credentials.
  const parameterSecrets = findSecretValues(built.path, built.headers);
  if (parameterSecrets.length > 0) redactor = createRedactor(call.integration.auth, parameterSecrets);
  const request = redactRequest(built, redactor);
  if (!/^https?:\/\//.test(built.origin)) {
    const failure: SendFailure = {
      kind: 'failure',
      reason: 'blocked',
      error: new BlockedHostError({ url: request.url }),
      attempts: 0,
    };
    return { request, ending: describeSendFailure(call, failure, request), redactor, identity };
  }
  const sent = await sendRequest({
    dispatcher: context.dispatcherFor([
      ...(call.integration.allowHosts ?? []),
      ...(context.allowHostsFor?.(call.integration.baseUrl) ?? []),
    ]),
    request: built,
    // An operation that takes an idempotency key runs once per key: a retry with the same key is safe.
    idempotent: call.tool.idempotent || keyed > 0,
    timeoutMs: timeoutOf(call),
    signal: call.signal,
    maxResponseBytes: context.maxResponseBytes,
    redactUrl: redactor.url,
    credentials: redirectCredentials(call.integration, built.headers),
  });
  const ending =
    sent.kind === 'response'
      ? describeResponse(call, sent, context, redactor)
      : describeSendFailure(call, sent, request);
  return { request, ending: { ...ending, logBody: built.body }, redactor, identity };
}

/**
 * Executes one tool call. Never throws: invalid arguments, refusals, HTTP errors, timeouts and
 * connection failures all come back as a result with an outcome, a sentence for the model and one
 * for the customer. Every call, sent or not, produces a redacted log entry handed to `onLog`.
 */
export async function executeToolCall(
  call: ToolCallRequest,
  context: ExecutionContext,
): Promise<ToolCallResult> {
  const started = performance.now();
  const createdAt = new Date().toISOString();
  const { request, ending, redactor, identity } = await send(call, context).catch((error: unknown): Sent => {
    // Nothing in send should throw; if something does, the call still ends as a logged outcome.
    const redactor = createRedactor(call.integration.auth);
    const request = templateRequest(call, redactor);
    const cause = error instanceof Error ? error : new Error(String(error));
    const failure: SendFailure = { kind: 'failure', reason: 'network', error: cause, attempts: 0 };
    return { request, ending: describeSendFailure(call, failure, request), redactor };
  });
  const durationMs = Math.round(performance.now() - started);
  const log: RequestLogEntry = {
    integrationId: call.integration.id,
    agentId: call.agentId,
    conversationId: call.conversationId,
    tool: call.tool.name,
    operationId: call.tool.operationId,
    method: request.method,
    url: request.url,
    requestHeaders: request.headers,
    requestBody:
      ending.logBody === undefined ? undefined : scrubAndCut(redactor, ending.logBody, logBodyChars),
    status: ending.status,
    durationMs,
    responseExcerpt:
      ending.responseText === undefined
        ? undefined
        : scrubAndCut(redactor, ending.responseText, logExcerptChars),
    responseTruncated: ending.response?.truncated,
    outcome: ending.outcome,
    error: ending.error ? redactor.scrub(ending.error.message) : undefined,
    attempts: ending.attempts,
    ...(identity ? { identity } : {}),
    createdAt,
  };
  if (context.onLog) {
    try {
      await context.onLog(log);
    } catch (error) {
      context.onLogError?.(error);
    }
  }
  return {
    outcome: ending.outcome,
    status: ending.status,
    durationMs,
    attempts: ending.attempts,
    data: ending.data,
    modelText: ending.modelText,
    customerMessage: ending.customerMessage,
    request,
    response: ending.response,
    error: ending.error,
    log,
  };
}
