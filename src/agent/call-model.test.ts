import type { LanguageModelV3 } from '@ai-sdk/provider';
import { jsonSchema, type ModelMessage, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { createEmbeddedModel } from '../engine/index.js';
import { isInProcessModel } from './call-in-process-model.js';
import { type CallModelOptions, callModel, type ModelCallOutput } from './call-model.js';

const embedded = createEmbeddedModel();
// The same model without its mark: called through the AI SDK's generateText and streamText.
const throughSdk: LanguageModelV3 = {
  specificationVersion: 'v3',
  provider: embedded.provider,
  modelId: embedded.modelId,
  supportedUrls: {},
  doGenerate: (options) => embedded.doGenerate(options),
  doStream: (options) => embedded.doStream(options),
};
const tools = {
  searchProducts: tool({
    description: 'Search the product catalog. Use when the customer asks about products.',
    inputSchema: jsonSchema({
      type: 'object',
      required: ['q'],
      properties: { q: { type: 'string', description: 'Search keyword, for example "leather bags".' } },
    }),
  }),
  trackOrder: tool({
    description: 'Track an order. Use when the customer asks where their order is or when it will arrive.',
    inputSchema: jsonSchema({
      type: 'object',
      required: ['orderId'],
      properties: { orderId: { type: 'string', description: 'The order number, digits only.' } },
    }),
  }),
};
const system =
  'You are the support assistant of Acme. If the customer asks about order status, use the trackOrder API tool call.';
const toolCallId = 'call_1';
const cases: [string, ModelMessage[]][] = [
  ['a tool call', [{ role: 'user', content: 'Where is my order #12345?' }]],
  ['a question back', [{ role: 'user', content: [{ type: 'text', text: 'Where is my order?' }] }]],
  [
    'an answer from a tool result, after earlier turns',
    [
      { role: 'user', content: 'Hello' },
      { role: 'assistant', content: 'Hello! How can I help?' },
      { role: 'user', content: 'Where is my order #12345?' },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: '' },
          { type: 'tool-call', toolCallId, toolName: 'trackOrder', input: { orderId: '12345' } },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId,
            toolName: 'trackOrder',
            output: { type: 'json', value: { orderId: '12345', status: 'shipped' } },
          },
        ],
      },
    ],
  ],
];

async function call(options: Omit<CallModelOptions, 'onText'>) {
  const texts: string[] = [];
  const output = await callModel({ ...options, onText: (text) => texts.push(text) });
  const withoutIds = (result: ModelCallOutput) => ({
    ...result,
    toolCalls: result.toolCalls.map(({ toolCallId: _, ...rest }) => rest),
  });
  return { output: withoutIds(output), texts };
}

describe('callModel with the embedded model', () => {
  it('calls the embedded model directly, and the unmarked one through the SDK', () => {
    expect(isInProcessModel(embedded)).toBe(true);
    expect(isInProcessModel(throughSdk)).toBe(false);
  });

  for (const stream of [false, true])
    for (const [name, messages] of cases)
      it(`reads ${name} as the AI SDK does (${stream ? 'streamed' : 'whole'})`, async () => {
        const options = { system, messages, tools, toolChoice: 'auto' as const, stream };
        const direct = await call({ ...options, model: embedded });
        expect(direct).toEqual(await call({ ...options, model: throughSdk }));
        expect(direct.output.text + direct.output.toolCalls.length).not.toBe('0');
      });

  it('calls no tool when told none', async () => {
    const options = { system, tools, toolChoice: 'none' as const, stream: false };
    const messages: ModelMessage[] = [{ role: 'user', content: 'Where is my order #12345?' }];
    const direct = await call({ ...options, messages, model: embedded });
    expect(direct.output.toolCalls).toEqual([]);
    expect(direct).toEqual(await call({ ...options, messages, model: throughSdk }));
  });

  it('reads an unknown tool and unparsable input as the SDK does', async () => {
    const bad: LanguageModelV3 = {
      ...throughSdk,
      doGenerate: async () => ({
        content: [
          { type: 'tool-call', toolCallId: 'c1', toolName: 'nope', input: '{}' },
          { type: 'tool-call', toolCallId: 'c2', toolName: 'trackOrder', input: '{"orderId": ' },
        ],
        finishReason: { unified: 'tool-calls', raw: undefined },
        usage: {
          inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined },
          outputTokens: { total: 1, text: 1, reasoning: undefined },
        },
        warnings: [],
      }),
    };
    const options = { system, tools, toolChoice: 'auto' as const, stream: false };
    const messages: ModelMessage[] = [{ role: 'user', content: 'Where is my order #12345?' }];
    const marked = Object.assign({ ...bad }, { inProcess: true as const });
    const direct = await call({ ...options, messages, model: marked });
    expect(direct.output.toolCalls.map((entry) => Boolean(entry.invalidReason))).toEqual([true, true]);
    expect(direct).toEqual(await call({ ...options, messages, model: bad }));
  });
});
