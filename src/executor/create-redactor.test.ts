import { describe, expect, it } from 'vitest';
import { createRedactor, isSecretName } from './create-redactor.js';

describe('isSecretName', () => {
  it.each([
    'api_key',
    'apiKey',
    'apikey',
    'key',
    'access_token',
    'X-Auth-Token',
    'client_secret',
    'password',
    'X-Amz-Signature',
    'sig',
    'auth',
    'Authorization',
    'Proxy-Authorization',
    'Cookie',
  ])('%s is secret', (name) => expect(isSecretName(name)).toBe(true));
  it.each(['q', 'keyword', 'author', 'monkey', 'tokenizer', 'content-type', 'orderId'])('%s is not', (name) =>
    expect(isSecretName(name)).toBe(false),
  );
});

describe('createRedactor', () => {
  it('redacts the API key query parameter and secret-looking ones, leaving the rest readable', () => {
    const redactor = createRedactor({ type: 'apiKey', in: 'query', name: 'k', value: 'S3CR3T/+=' });
    expect(redactor.url('https://api.test/p?q=bags&k=S3CR3T%2F%2B%3D&token=abc&keyword=x')).toBe(
      'https://api.test/p?q=bags&k=[redacted]&token=[redacted]&keyword=x',
    );
  });

  it('scrubs secrets however they are written', () => {
    const redactor = createRedactor({ type: 'basic', username: 'ann', password: 'pa"ss wörd' });
    const basic = Buffer.from('ann:pa"ss wörd').toString('base64');
    const text = `raw pa"ss wörd, encoded ${encodeURIComponent('pa"ss wörd')}, json ${JSON.stringify('pa"ss wörd')}, basic ${basic}`;
    expect(redactor.scrub(text)).toBe(
      'raw [redacted], encoded [redacted], json "[redacted]", basic [redacted]',
    );
  });

  it('redacts auth headers and the API key header, and scrubs other header values', () => {
    const redactor = createRedactor({ type: 'apiKey', in: 'header', name: 'X-Shop', value: 'k-123456' });
    expect(
      redactor.headers({
        'x-shop': 'k-123456',
        authorization: 'Bearer t',
        accept: 'application/json',
        'x-echo': 'is k-123456',
      }),
    ).toEqual({
      'x-shop': '[redacted]',
      authorization: '[redacted]',
      accept: 'application/json',
      'x-echo': 'is [redacted]',
    });
  });

  it('scrubs inside JSON values and returns the same value when nothing is secret', () => {
    const redactor = createRedactor({ type: 'bearer', token: 'tok-999' });
    expect(redactor.scrubValue({ a: ['x tok-999'], b: 1 })).toEqual({ a: ['x [redacted]'], b: 1 });
    const clean = { a: ['x'], b: 1 };
    expect(redactor.scrubValue(clean)).toBe(clean);
  });
});
