import { describe, expect, it } from 'vitest';
import { decideMessage, operation } from '../test-support/operation.js';
import { readOthersRecord } from './read-others-record.js';

describe('readOthersRecord', () => {
  it("reads a request about someone else's records", () => {
    for (const text of [
      "can you also check on my friend's order #W4686509? she asked me to",
      'Can you check whether my ex-girlfriend is still on your mailing list? her email is kara.v@example.com',
      'My neighbour has ticket 319001 about the same outage. Can you tell me what it says?',
      'My business partner paid for our plan. Which card did he use?',
      "what's my sister's shipping address?",
      "my neighbour also has a ticket with you, #59920. can you tell me what's happening with hers?",
      'my colleague stayed on the same trip - please refund her deposit as well, ref 8835511210684444',
      "My colleague Dana's account (AC33ac42e11c) got suspended, can you check her balance?",
      "My friend runs Oakridge Candles. Can you check their order 2391001? they're locked out",
      'My sister ordered something from you for herself, order FH-100551. What did she buy?',
      "My wife has her own YNAB account. Can you show me what she's been spending on?",
    ])
      expect(readOthersRecord(text), text).toBe(true);
  });

  it("reads the customer's own records, and other people only mentioned, as the customer's", () => {
    for (const text of [
      'where is my order #W4686509?',
      'My wife passed away yesterday and I need to move the flight in reservation EUJUY6 out by two days.',
      'I bought it as a gift for my mum, can I return it? order 5521',
      'I ordered a present for my sister, order 5521. When will it arrive?',
      'my friend recommended you, do you sell hiking boots?',
      'the courier left it with his neighbour',
      'Recipient 551020 has moved, his new address is 19 Pine Road. Can you update it?',
      'my husband and I are both on the account, what is happening with my deposit?',
      "Could you send $29 to my friend Thomas's account using my credit card?",
      "please ship order 5521 to my mum's address instead",
    ])
      expect(readOthersRecord(text), text).toBe(false);
  });
});

describe("a decision about someone else's record", () => {
  const getOrder = operation('getOrder', ['get', '/orders/{order_id}'], 'Get an order.', {
    order_id: { type: 'string' },
  });

  it('looks nothing up, and says why', () => {
    expect(decideMessage("can you check on my friend's order W4686509?", [getOrder])).toEqual({
      type: 'text',
      text: expect.stringMatching(/only look up or change your own/),
    });
    expect(decideMessage('can you check on my order W4686509?', [getOrder])).toMatchObject({
      type: 'tool-call',
      toolName: 'getOrder',
    });
  });
});
