import { describe, expect, it } from 'vitest';
import { isHostAllowed } from './is-host-allowed.js';

describe('isHostAllowed', () => {
  const target = (hostname: string, port = '', protocol = 'http:') => ({ hostname, port, protocol });

  it('matches a host name on any port, case-insensitively', () => {
    expect(isHostAllowed(target('Demo.Local', '8080'), ['demo.local'])).toBe(true);
    expect(isHostAllowed(target('demo.local.', ''), ['demo.local'])).toBe(true);
  });

  it('matches host:port only on that port, counting the scheme default', () => {
    expect(isHostAllowed(target('127.0.0.1', '3000'), ['127.0.0.1:3000'])).toBe(true);
    expect(isHostAllowed(target('127.0.0.1', '3001'), ['127.0.0.1:3000'])).toBe(false);
    expect(isHostAllowed(target('api.test', '', 'https:'), ['api.test:443'])).toBe(true);
    expect(isHostAllowed(target('api.test', '', 'http:'), ['api.test:443'])).toBe(false);
  });

  it('understands IPv6 entries with and without brackets', () => {
    expect(isHostAllowed(target('::1', '8080'), ['[::1]:8080'])).toBe(true);
    expect(isHostAllowed(target('::1', '8080'), ['::1'])).toBe(true);
    expect(isHostAllowed(target('::1', '8081'), ['[::1]:8080'])).toBe(false);
    expect(isHostAllowed(target('[::1]', '8080'), ['0:0:0:0:0:0:0:1'])).toBe(true);
    expect(isHostAllowed(target('[fe80::1:2]', '1'), ['FE80:0::1:2'])).toBe(true);
    expect(isHostAllowed(target('[fe80::1:2]', '1'), ['fe80::1'])).toBe(false);
  });

  it('never matches by address: a name is not allowed because its address is', () => {
    expect(isHostAllowed(target('localhost', '80'), ['127.0.0.1'])).toBe(false);
    expect(isHostAllowed(target('localhost', '80'), [])).toBe(false);
  });
});
