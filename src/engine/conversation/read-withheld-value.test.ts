import { describe, expect, it } from 'vitest';
import { storeTools } from '../__fixtures__/store-tools.js';
import type { EngineTool } from '../catalog/engine-tool.js';
import { decideTurn } from '../decide-turn.js';
import { readWithheldValue } from './read-withheld-value.js';

describe('readWithheldValue', () => {
  it('reads what the question asked for when the answer gives no value', () => {
    expect(
      readWithheldValue("Let me check. What's the order number?", 'hold on, let me find the email'),
    ).toBe('order number');
    expect(
      readWithheldValue(
        'Sorry about that! Could you share the charge IDs (they start with ch_) or the invoice ID?',
        "i don't know where to find those",
      ),
    ).toBe('charge IDs');
  });

  it('lets an answer through that gives a value of any kind, or a question that asks for none', () => {
    const question = "What's your order number?";
    for (const answer of [
      '#5190',
      "it's order 40127",
      'jo.b@example.com',
      'W8065207',
      'dana.p',
      'I am Mei Kovacs',
    ])
      expect(readWithheldValue(question, answer)).toBeUndefined();
    expect(readWithheldValue('Which size would you like?', 'not sure yet')).toBeUndefined();
  });
});

describe('an answer that withholds the asked value', () => {
  it('waits for the value instead of going ahead without it', () => {
    const decision = decideTurn(
      {
        system: '',
        turns: [
          { role: 'user', text: 'Where is my order?', toolCalls: [] },
          { role: 'assistant', text: "Happy to check. What's your order number?", toolCalls: [] },
          { role: 'user', text: "it's on the receipt at home, I'll look tonight", toolCalls: [] },
        ],
        toolResults: [],
      },
      storeTools,
    );
    expect(decision).toEqual({
      type: 'text',
      text: "No problem. Send me the order number when you have it, and I'll take it from there.",
    });
  });

  it('reads a value given to the question after an offer as the answer, not as taking the offer', () => {
    const id = { type: 'string', description: 'The ID of the subscription' };
    const subscriptions: EngineTool[] = [
      {
        name: 'GetSubscription',
        description: 'Retrieves the subscription with the given ID.',
        inputSchema: { type: 'object', properties: { subscription: id }, required: ['subscription'] },
        operation: {
          method: 'get',
          path: '/v1/subscriptions/{subscription}',
          operationId: 'GetSubscription',
        },
      },
      {
        name: 'CancelSubscription',
        description: "Cancels a customer's subscription immediately.",
        inputSchema: { type: 'object', properties: { subscription: id }, required: ['subscription'] },
        operation: {
          method: 'delete',
          path: '/v1/subscriptions/{subscription}',
          operationId: 'CancelSubscription',
        },
      },
    ];
    const decision = decideTurn(
      {
        system: '',
        turns: [
          { role: 'user', text: 'please cancel my subscription immediately', toolCalls: [] },
          {
            role: 'assistant',
            text: "I can do that. What's the subscription ID? It starts with sub_.",
            toolCalls: [],
          },
          { role: 'user', text: 'sure its sub_1P3gHiLkdIwHu7ixR6sT7uV8', toolCalls: [] },
        ],
        toolResults: [],
      },
      subscriptions,
    );
    expect(decision).toEqual({
      type: 'tool-call',
      toolName: 'CancelSubscription',
      input: { subscription: 'sub_1P3gHiLkdIwHu7ixR6sT7uV8' },
    });
  });
});
