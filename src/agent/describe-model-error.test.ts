import { APICallError, RetryError } from 'ai';
import { describe, expect, it } from 'vitest';
import { describeModelError } from './describe-model-error.js';

const unauthorized = new APICallError({
  message:
    'Incorrect API key provided: sk-proj-abcdef1234567890. You can find your API key at the dashboard.',
  url: 'https://api.openai.com/v1/chat/completions',
  requestBodyValues: {},
  statusCode: 401,
});

describe('describeModelError', () => {
  it('keeps the status and the reason but not the key', () => {
    const message = describeModelError(unauthorized);
    expect(message).toMatch(/^401: Incorrect API key provided: \[redacted\]/);
    expect(message).not.toContain('abcdef1234567890');
  });

  it('reports the last failure after retries', () => {
    const error = new RetryError({
      message: 'Failed after 2 attempts',
      reason: 'maxRetriesExceeded',
      errors: [unauthorized, unauthorized],
    });
    expect(describeModelError(error)).toMatch(/^401: /);
  });

  it('removes bearer tokens and long opaque strings, and stays short', () => {
    const message = describeModelError(
      new Error(`Authorization: Bearer eyJhbGciOi.payload failed ${'z'.repeat(400)}`),
    );
    expect(message).not.toContain('eyJhbGciOi');
    expect(message.length).toBeLessThanOrEqual(300);
  });
});
