// Maps what the API did to an outcome class, a sentence for the model and a sentence safe for the customer.
import { STATUS_CODES } from 'node:http';
import type { ToolDefinition } from '../tools/index.js';

/** How a tool call ended, as the agent and the request log see it. */
export const TOOL_CALL_OUTCOMES = [
  'ok',
  'not-found',
  'client-error',
  'server-error',
  'timeout',
  'network',
  'blocked',
  'invalid-arguments',
  'unusable-response',
] as const;

/** How a tool call ended (one of TOOL_CALL_OUTCOMES). */
export type ToolCallOutcome = (typeof TOOL_CALL_OUTCOMES)[number];

const couldNotRetrieve =
  'We could not retrieve that information right now. Please try again in a little while.';
const maxApiMessage = 300;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstText(...candidates: unknown[]): string | undefined {
  for (const candidate of candidates) {
    if (typeof candidate === 'string' && candidate.trim()) return candidate.trim();
  }
  return undefined;
}

/**
 * The API's own explanation in an error or empty response: `message`, `error` (a string),
 * `error.message`, `detail`, `title` or `errors[0].message`, or a short plain-text body. Cut to 300
 * characters.
 */
export function extractApiMessage(body: unknown): string | undefined {
  let message: string | undefined;
  if (isRecord(body)) {
    const error = body.error;
    const errors = Array.isArray(body.errors) ? body.errors : [];
    message = firstText(
      body.message,
      error,
      isRecord(error) ? error.message : undefined,
      body.detail,
      body.title,
      isRecord(errors[0]) ? errors[0].message : errors[0],
    );
  } else if (typeof body === 'string' && body.length <= 500 && !/^\s*</.test(body)) {
    message = firstText(body.replace(/\s+/g, ' '));
  }
  return message && message.length > maxApiMessage ? `${message.slice(0, maxApiMessage - 1)}…` : message;
}

/** True for an empty search result: `[]`, or an object whose only array is empty (`{items: [], total: 0}`). */
export function isEmptyResult(body: unknown): boolean {
  if (Array.isArray(body)) return body.length === 0;
  if (!isRecord(body)) return false;
  const arrays = Object.values(body).filter(Array.isArray);
  return arrays.length === 1 && arrays[0].length === 0;
}

/** The outcome of an HTTP response. Empty results count as not found only for read-only tools. */
export function classifyResponse(tool: ToolDefinition, status: number, body: unknown): ToolCallOutcome {
  if (status === 404 || status === 410) return 'not-found';
  if (status >= 500) return 'server-error';
  if (status >= 400) return 'client-error';
  if (status >= 300) return 'server-error';
  if (tool.readOnly && (status === 204 || body === '' || isEmptyResult(body))) return 'not-found';
  return 'ok';
}

/** What the model and the customer are told about a call that did not return data. */
export interface OutcomeSentences {
  /** For the model: what happened, with enough detail to decide the next step. */
  modelText: string;
  /** For the customer: a plain sentence, never technical detail. */
  customerMessage: string;
}

/** What is known when describing a failed or empty call. */
export interface DescribeFailureOptions {
  /** The outcome class (not `ok`). */
  outcome: Exclude<ToolCallOutcome, 'ok'>;
  /** The response status, if the API answered. */
  status?: number;
  /** The API's own message (secrets already scrubbed). */
  apiMessage?: string;
  /** The call's time budget, for timeouts. */
  timeoutMs: number;
  /** For invalid arguments: the validation message. */
  inputMessage?: string;
  /** For an unusable response: what the body was instead of data (`an HTML page, not JSON`). */
  unusableBody?: string;
  /** For an unusable response: whether the operation only reads (else it may have changed something). */
  readOnly?: boolean;
}

/** Sentences for every outcome but `ok`. */
export function describeFailure(options: DescribeFailureOptions): OutcomeSentences {
  const { status, apiMessage } = options;
  const statusText = status === undefined ? '' : `${status} ${STATUS_CODES[status] ?? ''}`.trim();
  switch (options.outcome) {
    case 'not-found':
      return {
        modelText: `Not found${statusText ? ` (${statusText})` : ''}: ${apiMessage ?? 'the API returned no matching results.'}`,
        customerMessage: apiMessage ?? 'We could not find anything matching that.',
      };
    case 'client-error':
      return {
        modelText: `The API refused the request (${statusText})${apiMessage ? `: ${apiMessage}` : '.'}`,
        customerMessage: apiMessage ?? 'That request could not be completed.',
      };
    case 'server-error':
      return {
        modelText: `Could not retrieve that information: the API failed${statusText ? ` (${statusText})` : ''}.`,
        customerMessage: couldNotRetrieve,
      };
    case 'timeout':
      return {
        modelText: `Could not retrieve that information: the API did not answer within ${options.timeoutMs / 1000} seconds.`,
        customerMessage: couldNotRetrieve,
      };
    case 'network':
      return {
        modelText: 'Could not retrieve that information: the API could not be reached.',
        customerMessage: couldNotRetrieve,
      };
    case 'blocked':
      return {
        modelText: 'Could not retrieve that information: the request was refused by the network guard.',
        customerMessage: couldNotRetrieve,
      };
    case 'unusable-response': {
      const answered = `the API answered${statusText ? ` ${statusText}` : ''} with ${options.unusableBody ?? 'a body that cannot be read'}`;
      // A write whose answer cannot be read may still have happened: say so rather than invite a retry.
      return options.readOnly === false
        ? {
            modelText: `Could not confirm the result: ${answered}. Whether the change was made cannot be told from it.`,
            customerMessage:
              'I could not confirm whether that went through. Please check with our team before trying again.',
          }
        : {
            modelText: `Could not retrieve that information: ${answered}.`,
            customerMessage: couldNotRetrieve,
          };
    }
    case 'invalid-arguments':
      return {
        modelText: options.inputMessage ?? 'The arguments do not fit the tool.',
        customerMessage: 'Some of the details needed for that are missing or not valid.',
      };
  }
}
