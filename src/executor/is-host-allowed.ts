// Matches a URL's host and port against an `allowHosts` list (`name` or `name:port` entries).
import { isIPv6 } from 'node:net';

const defaultPorts: Record<string, string> = { 'http:': '80', 'https:': '443' };

function normalizeHost(host: string): string {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  // One spelling per IPv6 address, the URL's (`0:0:0:0:0:0:0:1` is `::1`).
  return isIPv6(name) ? new URL(`http://[${name}]/`).hostname.slice(1, -1) : name;
}

/**
 * Splits an allowHosts entry into host and optional port: `api.test`, `api.test:8080`, `[::1]:80`, and
 * a bare IPv6 address (`::1`, `fe80::1`), whose last group is never read as a port.
 */
function parseAllowHost(entry: string): { host: string; port?: string } {
  const text = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) return { host: normalizeHost(bracketed[1]), port: bracketed[2] };
  const withPort = /^([^:]+):(\d+)$/.exec(text);
  if (withPort) return { host: normalizeHost(withPort[1]), port: withPort[2] };
  return { host: normalizeHost(text) };
}

/** The entries of a comma-separated allow list (`CONCIERGE_ALLOW_HOSTS`), trimmed, lower case, none empty. */
export function splitAllowHosts(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * True when `hostname` (with `port`, empty for the scheme's default) is listed in `allowHosts`.
 * Entries name a host (any port) or `host:port`; matching is by name as written in the URL, never by
 * resolved address, so a name that resolves to an allowed address is not allowed by that.
 */
export function isHostAllowed(
  target: { hostname: string; port: string; protocol?: string },
  allowHosts: readonly string[],
): boolean {
  if (allowHosts.length === 0) return false;
  const host = normalizeHost(target.hostname);
  const port = target.port || defaultPorts[target.protocol ?? 'http:'] || '';
  return allowHosts.some((entry) => {
    const parsed = parseAllowHost(entry);
    return parsed.host === host && (parsed.port === undefined || parsed.port === port);
  });
}
