// The next request of a redirect chain: which redirects are followed, with which method, and with or
// without the integration's credentials.
import type { HttpRequest } from './build-request.js';
import { isSecretName } from './create-redactor.js';
import { isHostAllowed } from './is-host-allowed.js';
import type { ToolCallIntegration } from './tool-call.js';

/** What must not leave the integration's own hosts. */
export interface RedirectCredentials {
  /** Header names (lower case) that carry credentials: auth, API key, cookies. */
  headers: readonly string[];
  /** Query parameter names that carry credentials (an API key sent in the query). */
  query: readonly string[];
  /** True for a URL the credentials may be sent to: the integration's own host or one it lists. */
  mayReceive: (url: URL) => boolean;
}

/**
 * The credentials of a request to `integration`: auth and cookie headers, the API key (header or
 * query), and headers with secret-looking names. They may go to the host of the integration's base
 * URL (any port: hosts are compared by name) and to the hosts it lists in `allowHosts`.
 */
export function redirectCredentials(
  integration: ToolCallIntegration,
  headers: Record<string, string>,
): RedirectCredentials {
  const { auth } = integration;
  const names = [
    'authorization',
    'proxy-authorization',
    'cookie',
    ...Object.keys(headers).filter(isSecretName),
  ];
  if (auth.type === 'apiKey' && auth.in === 'header') names.push(auth.name.toLowerCase());
  const ownHost = new URL(integration.baseUrl).hostname;
  return {
    headers: names,
    query: auth.type === 'apiKey' && auth.in === 'query' ? [auth.name] : [],
    mayReceive: (url) => url.hostname === ownHost || isHostAllowed(url, integration.allowHosts ?? []),
  };
}

/** Where a redirect leads: the request to send next, or why it is not followed. */
export type RedirectStep =
  | { kind: 'follow'; request: HttpRequest }
  | { kind: 'refuse'; to: URL; reason: string };

/** Same scheme, host and port, or the same host name upgraded from http to https. */
function isSameHost(from: URL, to: URL): boolean {
  const upgrade = from.protocol === 'http:' && to.protocol === 'https:' && from.hostname === to.hostname;
  return (from.protocol === to.protocol && from.host === to.host) || upgrade;
}

/** RFC 9110 section 15.4: 303 (but not for HEAD), and 301/302 after POST, continue as GET. */
function methodAfter(method: string, status: number): string {
  if (status === 303 && method !== 'HEAD') return 'GET';
  if ((status === 301 || status === 302) && method === 'POST') return 'GET';
  return method;
}

function withoutQuery(target: URL, names: readonly string[]): URL {
  const url = new URL(target.href);
  for (const name of names) url.searchParams.delete(name);
  // searchParams re-encodes the whole query; keep the server's own encoding when nothing was removed.
  return url.searchParams.toString() === target.searchParams.toString() ? target : url;
}

/**
 * The request that follows a `status` redirect from `request` to `location`. Within the same host
 * every redirect is followed as the RFC says (307 and 308 keep the method and body). To another host
 * only a GET (or HEAD) is followed, which includes 303 and 301/302 after POST; the credentials are
 * removed first unless `credentials.mayReceive` the target, and stay removed for the rest of the
 * chain. Userinfo and fragment of the location are never used. The caller's dispatcher still guards
 * the connection to the new host.
 */
export function followRedirect(options: {
  request: HttpRequest;
  status: number;
  location: string;
  credentials: RedirectCredentials;
}): RedirectStep {
  const { request, status, credentials } = options;
  const from = new URL(`${request.origin}${request.path}`);
  let to: URL;
  try {
    to = new URL(options.location, from);
  } catch {
    return { kind: 'refuse', to: from, reason: `its location "${options.location}" is not a URL` };
  }
  if (to.protocol !== 'http:' && to.protocol !== 'https:') {
    return { kind: 'refuse', to, reason: 'only http and https URLs can be called' };
  }
  const method = methodAfter(request.method, status);
  if (!isSameHost(from, to) && method !== 'GET' && method !== 'HEAD') {
    return {
      kind: 'refuse',
      to,
      reason: `it points to another host, and a ${method} is only followed within the same host`,
    };
  }
  const headers = { ...request.headers };
  if (method !== request.method) {
    delete headers['content-type'];
    delete headers['content-length'];
  }
  // Leaving for http from https would send them in clear text even to a listed host.
  const downgrade = from.protocol === 'https:' && to.protocol === 'http:';
  const keep = credentials.mayReceive(to) && !downgrade;
  if (!keep) {
    for (const name of credentials.headers) delete headers[name];
  }
  const target = keep ? to : withoutQuery(to, credentials.query);
  return {
    kind: 'follow',
    request: {
      ...request,
      origin: target.origin,
      path: `${target.pathname}${target.search}`,
      method,
      headers,
      body: method === request.method ? request.body : undefined,
      bodyValue: method === request.method ? request.bodyValue : undefined,
    },
  };
}
