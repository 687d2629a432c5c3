// The executor's contract: what a tool call asks for, and what it returns and logs.
import type { BoundInput, CustomerIdentity, IdentityHeader, ToolDefinition } from '../tools/index.js';
import type { ToolCallOutcome } from './describe-outcome.js';
import type { BlockedHostError, ToolInputError, UpstreamApiError } from './errors.js';
import type { IntegrationAuth } from './integration-auth.js';

/** The integration a tool belongs to, with its credentials decrypted for this call only. */
export interface ToolCallIntegration {
  /** The integration's id, copied into the log entry. */
  id: string;
  /** The API base URL; the tool's path is appended as written. */
  baseUrl: string;
  /** Credentials, added at send time and redacted from everything reported. */
  auth: IntegrationAuth;
  /** Time budget for the whole call, retries included, in ms. Default 10,000; at most 60,000. */
  timeoutMs?: number;
  /** Extra hosts (`name` or `name:port`) this integration may reach on private addresses. */
  allowHosts?: string[];
}

/** What the executor sets from the verified customer's identity, whatever the arguments say. */
export interface ToolCallIdentity {
  /** The verified customer; null for an anonymous visitor (bound inputs and headers are then left out). */
  customer: CustomerIdentity | null;
  /** The operation's inputs bound to claims; the model's values for them are never sent. */
  inputs: readonly BoundInput[];
  /** Headers sent with every call of the integration, from claims. */
  headers: readonly IdentityHeader[];
}

/** Which values of a call came from the verified customer's identity (never from the model). */
export interface RequestIdentity {
  /** The customer's `sub`. */
  subject: string;
  /** The inputs and headers set from claims: `{in: 'path', name: 'customerId', claim: 'sub'}`. */
  values: { in: string; name: string; claim: string }[];
}

/** One tool call to execute. */
export interface ToolCallRequest {
  /** The tool the model chose. */
  tool: ToolDefinition;
  /** The model's arguments, validated against `tool.inputSchema` before anything is sent. */
  args: unknown;
  /** Where and how to send it. */
  integration: ToolCallIntegration;
  /** The agent making the call, for the log. */
  agentId?: string;
  /** The conversation the call belongs to, for the log. */
  conversationId?: string;
  /** Cancels the call (the turn was abandoned); the result is then a `network` outcome. */
  signal?: AbortSignal;
  /**
   * Sent as the `Idempotency-Key` header (unless the arguments set one): stable for one confirmed
   * action, so an API that honours it runs the action once however often it is sent.
   */
  idempotencyKey?: string;
  /** Inputs and headers set from the verified customer (the model never fills them). */
  identity?: ToolCallIdentity;
}

/** The request as it may be shown and stored: credentials replaced by `[redacted]`. */
export interface RedactedRequest {
  /** Upper-case method. */
  method: string;
  /** The full URL, secret query values redacted. */
  url: string;
  /** Headers sent, auth and secret-looking headers redacted. */
  headers: Record<string, string>;
  /** The body value sent (JSON value, or text), secrets scrubbed. */
  body?: unknown;
}

/** The API's response as shown in try-it. */
export interface ToolCallResponse {
  /** HTTP status. */
  status: number;
  /** A subset of the response headers (content type, length, location, retry-after, request ids, rate limits). */
  headers: Record<string, string>;
  /** Parsed JSON, or the text for anything else; secrets scrubbed. */
  body: unknown;
  /** True when the body was longer than the response cap (2 MB by default) and was cut. */
  truncated: boolean;
}

/** One entry of the request log, handed to `onLog`; the store assigns its id. */
export interface RequestLogEntry {
  /** The integration called. */
  integrationId: string;
  /** The agent that made the call, when known. */
  agentId?: string;
  /** The conversation, when the call was made in one (not for try-it). */
  conversationId?: string;
  /** The tool's name. */
  tool: string;
  /** The operation's operationId, when it has one. */
  operationId?: string;
  /** Upper-case method. */
  method: string;
  /** The URL called (the path template for calls that never left), secrets redacted. */
  url: string;
  /** Request headers, secrets redacted. */
  requestHeaders: Record<string, string>;
  /** The request body text (or, for invalid arguments, the arguments as JSON), cut to about 4 KB. */
  requestBody?: string;
  /** The final response status, when the API answered. */
  status?: number;
  /** Time from the call's start to its result, in ms. */
  durationMs: number;
  /** The start of the response body (about 2 KB), secrets scrubbed. */
  responseExcerpt?: string;
  /** True when the response was cut at the response cap. */
  responseTruncated?: boolean;
  /** How the call ended. */
  outcome: ToolCallOutcome;
  /** Technical detail of a failure, e.g. `GET https://api.example.com/orders/123 failed with 503 Service Unavailable`. */
  error?: string;
  /** HTTP attempts made (1 plus retries; 0 when nothing was sent). */
  attempts: number;
  /** For a call made for a verified customer: who, and which values came from their identity. */
  identity?: RequestIdentity;
  /** When the call started, ISO 8601. */
  createdAt: string;
}

/** What a tool call produced, for the agent, the customer, try-it and the log. */
export interface ToolCallResult {
  /** How the call ended. */
  outcome: ToolCallOutcome;
  /** The final response status, when the API answered. */
  status?: number;
  /** Time from the call's start to its result, in ms. */
  durationMs: number;
  /** HTTP attempts made (1 plus retries; 0 when nothing was sent). */
  attempts: number;
  /** For `ok`: the parsed JSON or text, for rendering an answer. */
  data?: unknown;
  /** What the model reads: the data as JSON cut to the budget with a note, or a sentence for failures. */
  modelText: string;
  /** For outcomes other than `ok`: a plain sentence safe to show the customer. */
  customerMessage?: string;
  /** The request, redacted. */
  request: RedactedRequest;
  /** The response, when the API answered. */
  response?: ToolCallResponse;
  /** The error behind a non-ok outcome (none for empty results). */
  error?: ToolInputError | UpstreamApiError | BlockedHostError;
  /** The log entry handed to `onLog`. */
  log: RequestLogEntry;
}
