import { describe, expect, it } from 'vitest';
import { readReplyExpectation, readResults } from './load-reply-case.js';
import { scoreReply } from './score-reply.js';

const expectation = (value: unknown) =>
  readReplyExpectation(value, 'expect.reply') as NonNullable<ReturnType<typeof readReplyExpectation>>;

describe('scoreReply', () => {
  it('texts match ignoring case; /regular expressions/ as written; anyOf any one', () => {
    const reply = 'Yes, your order 12345 has been SHIPPED. It arrives November 27.';
    expect(
      scoreReply(
        expectation({ includes: ['shipped', '/^Yes\\b/', { anyOf: ['delivered', 'arrives'] }] }),
        reply,
      ),
    ).toEqual([]);
    expect(
      scoreReply(expectation({ includes: ['/^yes/'], excludes: ['/november/i', 'Order 12345'] }), reply),
    ).toEqual(['lacks "/^yes/"', 'contains "/november/i"', 'contains "Order 12345"']);
    expect(scoreReply(expectation({ includes: [{ anyOf: ['refund', 'return'] }] }), reply)).toEqual([
      'lacks one of ["refund","return"]',
    ]);
  });

  it('a text like /v1/refunds is a text, not an expression with flags', () => {
    expect(scoreReply(expectation({ excludes: ['/v1/refunds'] }), 'see /v1/refunds')).toEqual([
      'contains "/v1/refunds"',
    ]);
  });

  it('never passes an empty reply, markup, raw JSON or the executor notes, and checks the length', () => {
    const none = expectation({});
    expect(scoreReply(none, '  ')).toEqual(['the reply is empty']);
    expect(scoreReply(none, '<html><body>Bad Gateway</body></html>')).toEqual(['shows HTML markup']);
    expect(scoreReply(none, 'Here: {"status": "shipped"}')).toEqual(['shows raw JSON']);
    expect(scoreReply(none, 'x\n[Cut to fit: showing the first 3 of 9 items]')).toEqual([
      "shows the executor's note to the model",
    ]);
    expect(scoreReply(none, 'Prices start at $5 (or 4 < 5).')).toEqual([]);
    expect(scoreReply(expectation({ maxLength: 5 }), 'too long')).toEqual([
      'is 8 characters long, more than 5',
    ]);
  });
});

describe('reading reply cases', () => {
  it('says what is wrong and where', () => {
    expect(() => readReplyExpectation({ includes: ['/(unclosed/'] }, 'expect.reply')).toThrow(
      /^expect\.reply\.includes\[0\]: Invalid regular expression/,
    );
    expect(() => readReplyExpectation({ includes: [42] }, 'expect.reply')).toThrow(
      'expect.reply.includes[0] must be a text, a /regular expression/ or {anyOf: [texts]}',
    );
    expect(() => readReplyExpectation({ maxLength: -1 }, 'expect.reply')).toThrow(
      'maxLength must be a positive whole number',
    );
    expect(() => readResults([{ body: {} }], 'results', {})).toThrow(
      "results[0] needs 'call' (the operationId)",
    );
    expect(() => readResults([{ call: 'a', status: 700 }], 'results', {})).toThrow(
      'results[0].status must be an HTTP status',
    );
    expect(() => readResults([{ call: 'a', endless: true, body: {} }], 'results', {})).toThrow(
      'an endless body must be a text',
    );
  });

  it('takes the expected call and its plain arguments as the call made', () => {
    expect(
      readResults([{ body: { a: 1 } }], 'results', { call: 'trackOrder', args: { orderId: '1' } }),
    ).toEqual([{ call: 'trackOrder', args: { orderId: '1' }, status: 200, body: { a: 1 } }]);
    // Alternatives are for matching, not for calling.
    expect(readResults([{}], 'results', { call: 'search', args: { q: ['bags', 'bag'] } })).toEqual([
      { call: 'search', args: {}, status: 200 },
    ]);
  });
});
