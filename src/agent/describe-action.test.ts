import { describe, expect, it } from 'vitest';
import { defineTool, jsonBody } from '../executor/test-support/define-tool.js';
import { confirmationQuestion, describeAction } from './describe-action.js';

const createReturn = defineTool({
  name: 'createReturn',
  method: 'post',
  path: '/returns',
  summary: 'Create a return',
});

describe('describeAction', () => {
  it('says what will happen from the summary and the arguments', () => {
    const action = describeAction(createReturn, { orderId: '12345', reason: 'too small' });
    expect(confirmationQuestion(action)).toBe(
      'I\'m about to create a return with order ID 12345 and reason "too small". Shall I go ahead? (yes / no)',
    );
  });

  it('uses a short first sentence of the description in the base form when there is no summary', () => {
    const tool = defineTool({
      name: 'cancelOrder',
      method: 'post',
      path: '/orders/{id}/cancel',
      description: 'Cancels an order. Only before shipping.',
    });
    expect(describeAction(tool, { id: 77 })).toBe('cancel an order with ID 77');
    const pushes = defineTool({
      name: 'pushNote',
      method: 'post',
      path: '/notes',
      description: 'Pushes a note to the courier.',
    });
    expect(describeAction(pushes, {})).toBe('push a note to the courier');
  });

  it('falls back to the operation name when the description is guidance for the model', () => {
    const tool = defineTool({
      name: 'update_shipping_address',
      method: 'put',
      path: '/address',
      description: 'Use when the customer moved.',
    });
    expect(describeAction(tool, { city: 'Lyon', lines: ['1 rue de la Paix', 'Bât. B'] })).toBe(
      'update shipping address with city Lyon and lines "1 rue de la Paix", "Bât. B"',
    );
  });

  it("lists a wrapped body's fields in its place and keeps acronyms", () => {
    const tool = defineTool({
      name: 'rotateKey',
      method: 'post',
      path: '/keys',
      summary: 'API key rotation',
      requestBody: { ...jsonBody({}), mode: 'wrapped', inputName: 'body' },
    });
    expect(describeAction(tool, { body: { keyName: 'shop', expiresInDays: 30 } })).toBe(
      'API key rotation with key name shop and expires in days 30',
    );
  });
});
