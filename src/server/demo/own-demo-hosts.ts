// This server's own demo API is reachable by its URL without configuration: the exact host and port
// the server listens on, for URLs under /demo/ only. Nothing else on loopback is.
import type { AddressInfo } from 'node:net';
import { isHostAllowed } from '../../executor/index.js';

const anyAddress = new Set(['0.0.0.0', '::']);
const loopback = new Set(['127.0.0.1', '::1']);

/** The `host:port` entries under which this process reaches itself, given where it listens. */
function ownHosts(address: AddressInfo): string[] {
  const port = address.port;
  const bracket = (host: string) => (host.includes(':') ? `[${host}]` : host);
  if (anyAddress.has(address.address) || loopback.has(address.address)) {
    const names = ['127.0.0.1', 'localhost'];
    // Listening on :: or ::1 also answers on the IPv6 loopback; on 0.0.0.0 that may be someone else.
    if (address.address.includes(':')) names.push('[::1]');
    return names.map((name) => `${name}:${port}`);
  }
  return [`${bracket(address.address)}:${port}`];
}

/**
 * The allowance for `url`: this server's own `host:port` when `url` is one of its /demo/ URLs (the
 * demo's schema and API), else none. `address` reads where the server listens (undefined before it
 * does, as under `inject()`); once it has answered, its answer is kept: a server's address does not
 * change while it listens, and reading it is a system call at every API call of every turn.
 */
export function createOwnDemoHosts(
  address: () => AddressInfo | string | null | undefined,
): (url: string) => string[] {
  let known: AddressInfo | string | null | undefined;
  return (url) => {
    known ??= address();
    const listening = known;
    if (!listening || typeof listening === 'string') return [];
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return [];
    }
    if (!/^https?:$/.test(target.protocol) || !target.pathname.startsWith('/demo/')) return [];
    return ownHosts(listening).filter((entry) => isHostAllowed(target, [entry]));
  };
}
