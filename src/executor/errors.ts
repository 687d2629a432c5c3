// The executor's errors: each carries what a person needs to see what failed, where, and whether to retry.
import { STATUS_CODES } from 'node:http';
import type { AddressClass } from '../openapi/index.js';

/** One problem with a tool call's arguments. */
export interface ToolInputIssue {
  /** The field, e.g. `orderId` or `items[0].sku`; empty for the arguments as a whole. */
  path: string;
  /** What is wrong, e.g. `must match pattern ^[0-9]+$`. */
  message: string;
}

/** The arguments of a tool call do not fit the tool's input schema; nothing was sent to the API. */
export class ToolInputError extends Error {
  override readonly name = 'ToolInputError';
  /** The tool's name. */
  readonly tool: string;
  /** Every problem found, in schema order. */
  readonly issues: ToolInputIssue[];

  constructor(tool: string, issues: ToolInputIssue[]) {
    const listed = issues
      .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
      .join('; ');
    super(`Invalid arguments for ${tool}: ${listed}`);
    this.tool = tool;
    this.issues = issues;
  }
}

/** What is known about a failed call to the business's API. */
export interface UpstreamApiErrorOptions {
  /** HTTP method, upper case. */
  method: string;
  /** The URL called, with secrets redacted. */
  url: string;
  /** The response status, when the API answered. */
  status?: number;
  /** The start of the response body (secrets scrubbed), when there was one. */
  body?: string;
  /** Whether trying again later may help (timeouts, connection failures, 429, 502, 503, 504). */
  retryable: boolean;
  /** For failures without a response: what happened, e.g. `timed out after 300 ms`. */
  detail?: string;
  /**
   * For a success status whose body cannot be used: what it was instead, e.g. `an HTML page, not
   * JSON`. The message then says the API answered with that rather than that it failed.
   */
  unusableBody?: string;
  /** The underlying error, if any. */
  cause?: unknown;
}

/**
 * The business's API answered with an error status or with a body that cannot be used, did not answer
 * in time, or could not be reached.
 */
export class UpstreamApiError extends Error {
  override readonly name = 'UpstreamApiError';
  /** HTTP method, upper case. */
  readonly method: string;
  /** The URL called, with secrets redacted. */
  readonly url: string;
  /** The response status, when the API answered. */
  readonly status?: number;
  /** The start of the response body (secrets scrubbed). */
  readonly body?: string;
  /** Whether trying again later may help. */
  readonly retryable: boolean;

  constructor(options: UpstreamApiErrorOptions) {
    const statusText =
      options.status === undefined
        ? ''
        : `${options.status} ${STATUS_CODES[options.status] ?? 'Unknown Status'}`;
    const what =
      options.status === undefined
        ? (options.detail ?? 'failed')
        : options.unusableBody
          ? `answered ${statusText} with ${options.unusableBody}`
          : `failed with ${statusText}`;
    super(`${options.method} ${options.url} ${what}`, { cause: options.cause });
    this.method = options.method;
    this.url = options.url;
    this.status = options.status;
    this.body = options.body;
    this.retryable = options.retryable;
  }
}

/** Why a connection was refused by the network guard. */
export type BlockedHostErrorOptions =
  | {
      /** The host name or literal address of the URL. */
      host: string;
      /** The address the host resolved to (the host itself for a literal address). */
      address: string;
      /** What kind of address it is. */
      addressClass: AddressClass;
    }
  | {
      /** The URL whose response redirected elsewhere (secrets redacted). */
      from: string;
      /** Where the redirect pointed (secrets redacted). */
      to: string;
      /** Why it is not followed, e.g. `only http and https URLs can be called`. */
      reason: string;
    }
  | {
      /** The URL whose scheme is not http or https (secrets redacted). */
      url: string;
    };

/**
 * The network guard refused a request: the host resolves to a loopback, private, link-local or
 * metadata address and is not in `allowHosts`, a redirect cannot be followed (a POST to another
 * host, a non-http scheme), or the URL is not http(s).
 */
export class BlockedHostError extends Error {
  override readonly name = 'BlockedHostError';
  /** The refused host name or address, or the redirect's target URL. */
  readonly host: string;
  /** The resolved address that was refused, when the refusal is about an address. */
  readonly address?: string;
  /** The class of the refused address. */
  readonly addressClass?: AddressClass;

  constructor(options: BlockedHostErrorOptions) {
    if ('address' in options) {
      const literal = options.host === options.address;
      const where = literal ? `${options.host} is` : `${options.host} resolves to ${options.address},`;
      super(
        `Refused to connect to ${options.host}: ${where} a ${options.addressClass} address; add "${options.host}" to allowHosts (CONCIERGE_ALLOW_HOSTS) to allow it`,
      );
      this.host = options.host;
      this.address = options.address;
      this.addressClass = options.addressClass;
    } else if ('from' in options) {
      super(`Refused to follow the redirect from ${options.from} to ${options.to}: ${options.reason}`);
      this.host = options.to;
    } else {
      super(`Refused to call ${options.url}: only http and https URLs can be called`);
      this.host = options.url;
    }
  }
}
