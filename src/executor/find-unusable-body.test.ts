import { describe, expect, it } from 'vitest';
import { findUnusableBody } from './find-unusable-body.js';
import { parseResponseBody } from './read-response-body.js';

const check = (text: string, contentType: string | undefined, expectsJson = true, truncated = false) =>
  findUnusableBody({
    text,
    contentType,
    parsed: parseResponseBody(text, contentType),
    truncated,
    maxBytes: 2048,
    expectsJson,
  });

describe('findUnusableBody', () => {
  it('finds the bodies that carry no data', () => {
    expect(check('<!DOCTYPE html><p>Oops</p>', 'text/html')).toBe('an HTML page, not JSON');
    expect(check('\uFEFF  <html><body>x</body></html>', undefined, false)).toBe('an HTML page');
    expect(check('<head><title>x</title></head>', 'application/json')).toBe('an HTML page, not JSON');
    expect(check('{"a": 1,', 'application/json; charset=utf-8')).toMatch(/^invalid JSON \(/);
    expect(check('{"a": 1,', undefined)).toMatch(/^invalid JSON \(/);
    expect(check('<order><id>1</id></order>', 'application/xml')).toBe(
      'an application/xml body, not the JSON the operation declares',
    );
    expect(check('ok', undefined)).toBe('a body without a content type, not the JSON the operation declares');
    expect(check('{"a": 1}', 'application/json', true, true)).toBe(
      'a body larger than the 2048-byte limit, cut there and left unread',
    );
  });

  it('leaves usable bodies alone', () => {
    expect(check('{"a": 1}', 'application/json')).toBeUndefined();
    expect(check('"shipped"', 'application/json')).toBeUndefined();
    expect(check('[]', 'application/vnd.api+json')).toBeUndefined();
    expect(check('', 'application/json')).toBeUndefined();
    expect(check('pong', 'text/plain', false)).toBeUndefined();
    expect(check('<xml/>', 'application/xml', false)).toBeUndefined();
  });
});
