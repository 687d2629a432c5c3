// Builds the HTTP request for a tool call: URL from base and path template, parameters, body and auth.
import { randomBytes } from 'node:crypto';
import type { ToolDefinition } from '../tools/index.js';
import { ToolInputError } from './errors.js';
import { encodeBasicAuth, type IntegrationAuth } from './integration-auth.js';
import { serializeParameter } from './serialize-parameter.js';

/** An HTTP request ready to send, credentials included: never log it as is. */
export interface HttpRequest {
  /** Upper-case method. */
  method: string;
  /** `scheme://host[:port]`. */
  origin: string;
  /** Path and query exactly as sent, e.g. `/macros/s/ABC123/exec?q=a%20b`. */
  path: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The encoded body. */
  body?: string;
  /** The body before encoding, for the redacted request shown in try-it. */
  bodyValue?: unknown;
}

/** What a request is built from. */
export interface BuildRequestOptions {
  /** The tool being called. */
  tool: ToolDefinition;
  /** Arguments already validated against the tool's input schema. */
  args: Record<string, unknown>;
  /** The integration's API base URL, e.g. `https://script.google.com/macros/s/ABC123`. */
  baseUrl: string;
  /** The integration's credentials. */
  auth: IntegrationAuth;
}

const acceptHeader = 'application/json, text/plain;q=0.9, */*;q=0.8';
const userAgent = 'Concierge/0.1 (+tool executor)';

function isJsonType(contentType: string): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType);
}

function encodeForm(value: unknown): string {
  return formFields(value)
    .map(([key, item]) => `${encodeURIComponent(key)}=${encodeURIComponent(fieldText(item))}`)
    .join('&');
}

/** The fields of a form body in the order given: a list is one field per item. */
function formFields(value: unknown): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value)
    .flatMap(([key, item]): [string, unknown][] =>
      Array.isArray(item) ? item.map((entry) => [key, entry]) : [[key, item]],
    )
    .filter(([, item]) => item !== undefined);
}

/** A field's text: an object as JSON, anything else as written. */
const fieldText = (item: unknown) =>
  typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item ?? '');

/** A field name in a part's header, quoted as browsers do (RFC 7578, the HTML form encoding). */
const quoteFieldName = (name: string) =>
  name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/**
 * A multipart/form-data body of text fields (RFC 7578) and its Content-Type. The boundary is random,
 * and drawn again in the unlikely case that a value contains it.
 */
function encodeMultipart(value: unknown): { body: string; contentType: string } {
  const fields = formFields(value).map(([key, item]) => [key, fieldText(item)] as const);
  let boundary: string;
  do boundary = `concierge-${randomBytes(12).toString('hex')}`;
  while (fields.some(([key, text]) => key.includes(boundary) || text.includes(boundary)));
  const parts = fields.map(
    ([key, text]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${quoteFieldName(key)}"\r\n\r\n${text}\r\n`,
  );
  return {
    body: `${parts.join('')}--${boundary}--\r\n`,
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

function bodyOf(tool: ToolDefinition, args: Record<string, unknown>): { value: unknown } | undefined {
  const requestBody = tool.requestBody;
  if (!requestBody) return undefined;
  if (requestBody.mode === 'wrapped') {
    const value = args[requestBody.inputName ?? 'body'];
    return value === undefined ? undefined : { value };
  }
  const entries = (requestBody.properties ?? [])
    .filter((name) => args[name] !== undefined)
    .map((name) => [name, args[name]]);
  if (entries.length === 0 && !requestBody.required) return undefined;
  return { value: Object.fromEntries(entries) };
}

/** The URL of `path` under `baseUrl`, joined as written: `https://h/macros/s/ABC123` + `/exec` -> `.../ABC123/exec`. */
export function joinUrl(baseUrl: string, path: string): string {
  const base = new URL(baseUrl);
  const template = path.startsWith('/') ? path : `/${path}`;
  return `${base.origin}${base.pathname.replace(/\/+$/, '')}${template}${base.search}`;
}

/**
 * Builds the request for one tool call. Throws ToolInputError for a path parameter that is missing or
 * would change the path (`.` or `..`, which URL parsers on the way would resolve), and TypeError for a
 * base URL that does not parse.
 */
export function buildRequest(options: BuildRequestOptions): HttpRequest {
  const { tool, args, auth } = options;
  const base = new URL(options.baseUrl);
  const headers: Record<string, string> = { accept: acceptHeader, 'user-agent': userAgent };
  const query: string[] = base.search ? [base.search.slice(1)] : [];
  const cookies: string[] = [];
  const pathValues = new Map<string, string>();
  for (const parameter of tool.parameters) {
    const value = args[parameter.inputName];
    if (value === undefined) {
      if (parameter.in === 'path')
        throw new ToolInputError(tool.name, [{ path: parameter.inputName, message: 'is required' }]);
      continue;
    }
    const text = serializeParameter(parameter, value);
    if (parameter.in === 'path') {
      if (text === '.' || text === '..' || text === '') {
        throw new ToolInputError(tool.name, [
          { path: parameter.inputName, message: 'must not be empty, "." or ".."' },
        ]);
      }
      pathValues.set(parameter.name, text);
    } else if (parameter.in === 'query') {
      if (text) query.push(text);
    } else if (parameter.in === 'header') {
      headers[parameter.name.toLowerCase()] = text;
    } else {
      cookies.push(text);
    }
  }
  if (cookies.length > 0) headers.cookie = cookies.join('; ');

  const body = bodyOf(tool, args);
  let encodedBody: string | undefined;
  if (body && tool.requestBody) {
    const contentType = tool.requestBody.contentType;
    headers['content-type'] = contentType;
    if (/^application\/x-www-form-urlencoded\b/i.test(contentType)) encodedBody = encodeForm(body.value);
    else if (/^multipart\/form-data\b/i.test(contentType)) {
      const multipart = encodeMultipart(body.value);
      encodedBody = multipart.body;
      headers['content-type'] = multipart.contentType;
    } else if (/^text\//i.test(contentType) && !isJsonType(contentType)) encodedBody = String(body.value);
    else encodedBody = JSON.stringify(body.value);
  }

  if (auth.type === 'apiKey' && auth.in === 'query') {
    query.push(`${encodeURIComponent(auth.name)}=${encodeURIComponent(auth.value)}`);
  } else if (auth.type === 'apiKey') {
    headers[auth.name.toLowerCase()] = auth.value;
  } else if (auth.type === 'bearer') {
    headers.authorization = `Bearer ${auth.token}`;
  } else if (auth.type === 'basic') {
    headers.authorization = encodeBasicAuth(auth.username, auth.password);
  }

  const template = tool.path.startsWith('/') ? tool.path : `/${tool.path}`;
  const expanded = template.replace(
    /\{([^}]+)\}/g,
    (placeholder, name: string) => pathValues.get(name) ?? placeholder,
  );
  const queryText = query.join('&');
  return {
    method: tool.method.toUpperCase(),
    origin: base.origin,
    path: `${base.pathname.replace(/\/+$/, '')}${expanded}${queryText ? `?${queryText}` : ''}`,
    headers,
    body: encodedBody,
    bodyValue: body?.value,
  };
}
