// An undici Agent whose connector refuses loopback, private and metadata addresses at connect time.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { classifyAddress } from '../openapi/index.js';
import { BlockedHostError } from './errors.js';
import { isHostAllowed } from './is-host-allowed.js';

/** How the guarded agent connects. */
export interface GuardedAgentOptions {
  /** Hosts (`name` or `name:port`) that may be reached whatever address they resolve to. */
  allowHosts: readonly string[];
  /** Name resolution, `dns.lookup` by default; tests inject one to simulate DNS answers. */
  lookup?: LookupFunction;
}

/**
 * Wraps `resolve` so that a name resolving to any non-public address fails with BlockedHostError.
 * Every address of the answer is checked, so a mixed answer cannot slip a private one past the
 * happy-eyeballs connect that tries them in turn.
 */
export function guardLookup(resolve: LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, options, (error, address, family) => {
      if (error) {
        callback(error, address, family);
        return;
      }
      const answers: LookupAddress[] = Array.isArray(address) ? address : [{ address, family: family ?? 4 }];
      for (const answer of answers) {
        const addressClass = classifyAddress(answer.address) ?? 'reserved';
        if (addressClass !== 'public') {
          callback(
            new BlockedHostError({ host: hostname, address: answer.address, addressClass }),
            address,
            family,
          );
          return;
        }
      }
      callback(null, address, family);
    });
  };
}

/**
 * Creates the dispatcher the executor sends through. The check runs on every new connection, after
 * name resolution, so DNS answers (rebinding, names pointing at 127.0.0.1) cannot get around it;
 * literal IP hosts, which Node connects to without a lookup, are checked here directly.
 */
export function createGuardedAgent(options: GuardedAgentOptions): Agent {
  const resolve = options.lookup ?? (dnsLookup as LookupFunction);
  const connectAllowed = buildConnector({ lookup: resolve });
  const connectGuarded = buildConnector({ lookup: guardLookup(resolve) });
  const connect: buildConnector.connector = (target, callback) => {
    if (isHostAllowed(target, options.allowHosts)) {
      connectAllowed(target, callback);
      return;
    }
    const addressClass = classifyAddress(target.hostname);
    if (addressClass === undefined) {
      connectGuarded(target, callback);
    } else if (addressClass === 'public') {
      connectAllowed(target, callback);
    } else {
      callback(new BlockedHostError({ host: target.hostname, address: target.hostname, addressClass }), null);
    }
  };
  // Our own deadline (an AbortSignal per call) ends requests first; these are only a backstop.
  return new Agent({ connect, headersTimeout: 65_000, bodyTimeout: 65_000 });
}
