import { describe, expect, it } from 'vitest';
import { openGuardedDownload } from './guarded-download.js';

describe('openGuardedDownload', () => {
  it('reads allowed IPv6 hosts whole, bare or bracketed, with or without a port', async () => {
    // Nothing listens on port 1: an allowed host gets as far as connecting, a refused one does not.
    const url = 'http://[::1]:1/openapi.json';
    for (const [allowHosts, code] of [
      [['::1'], 'fetch-failed'],
      [['[::1]'], 'fetch-failed'],
      [['[::1]:1'], 'fetch-failed'],
      [['[::1]:2'], 'host-not-allowed'],
      [[], 'host-not-allowed'],
    ] as const) {
      const download = openGuardedDownload({ allowHosts: [...allowHosts], urls: [url] });
      try {
        const result = await download.load(url);
        expect(!result.ok && result.error.code, allowHosts.join()).toBe(code);
      } finally {
        await download.close();
      }
    }
  });
});
