import type { LanguageModelV3Message, LanguageModelV3Prompt } from '@ai-sdk/provider';
import { generateText, jsonSchema, stepCountIs, streamText, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { storeTools } from './__fixtures__/store-tools.js';
import { createEmbeddedModel } from './create-embedded-model.js';

const model = createEmbeddedModel();
const tools = Object.fromEntries(
  storeTools.map((entry) => [
    entry.name,
    tool({ description: entry.description, inputSchema: jsonSchema(entry.inputSchema) }),
  ]),
);
const system =
  'You are the support assistant of Acme. If the customer asks about order status, use the trackOrder API tool call.';

describe('createEmbeddedModel', () => {
  it('implements the v3 language-model interface', () => {
    expect(model.specificationVersion).toBe('v3');
    expect(model.provider).toBe('concierge.embedded');
    expect(model.modelId).toBe('concierge-embedded');
  });

  it('decides a tool call through generateText, with finish reason tool-calls', async () => {
    const result = await generateText({
      model,
      system,
      prompt: 'Where is my order #12345?',
      tools,
      stopWhen: stepCountIs(1),
    });
    expect(result.finishReason).toBe('tool-calls');
    expect(result.toolCalls).toHaveLength(1);
    expect(result.toolCalls[0]).toMatchObject({ toolName: 'trackOrder', input: { orderId: '12345' } });
  });

  it('answers from the tool result after the agent loop runs the tool', async () => {
    const executed = {
      ...tools,
      trackOrder: tool({
        description: storeTools[2].description,
        inputSchema: jsonSchema(storeTools[2].inputSchema),
        execute: async () => ({
          orderId: '12345',
          status: 'shipped',
          trackingUrl: 'https://track.example/12345',
          estimatedDelivery: '2025-03-14',
        }),
      }),
    };
    const result = await generateText({
      model,
      system,
      prompt: 'Where is my order #12345?',
      tools: executed,
      stopWhen: stepCountIs(3),
    });
    expect(result.steps).toHaveLength(2);
    expect(result.finishReason).toBe('stop');
    // In sentences, the status first, the date readable, the link whole.
    expect(result.text).toMatch(/^Your order 12345 has been shipped\./);
    expect(result.text).toContain('March 14, 2025');
    expect(result.text).toContain('https://track.example/12345');
    expect(result.text).not.toMatch(/Status:|Order ID:/);
  });

  it('says the executor sentence when the tool reports not found', async () => {
    const failing = {
      trackOrder: tool({
        description: storeTools[2].description,
        inputSchema: jsonSchema(storeTools[2].inputSchema),
        execute: async () => ({ outcome: 'not-found', message: 'No order found with number 9999' }),
      }),
    };
    const result = await generateText({
      model,
      prompt: 'Where is order 9999?',
      tools: failing,
      stopWhen: stepCountIs(3),
    });
    expect(result.text).toBe('No order found with number 9999');
  });

  it('streams text and tool calls as v3 stream parts', async () => {
    const text = streamText({ model, prompt: 'hello', tools });
    const parts: string[] = [];
    const deltas: string[] = [];
    for await (const part of text.fullStream) {
      parts.push(part.type);
      if (part.type === 'text-delta') deltas.push(part.text);
    }
    expect(await text.text).toBe('Hello! How can I help you today?');
    // Whole sentences, not a part per word.
    expect(deltas).toEqual(['Hello! ', 'How can I help you today?']);
    expect(parts).toEqual(
      expect.arrayContaining(['start', 'text-start', 'text-delta', 'text-end', 'finish']),
    );
    const call = streamText({ model, prompt: 'Show me leather bags', tools, stopWhen: stepCountIs(1) });
    expect(await call.toolCalls).toMatchObject([
      { toolName: 'searchProducts', input: { q: 'leather bags' } },
    ]);
    expect(await call.finishReason).toBe('tool-calls');
    expect((await call.usage).outputTokens).toBeGreaterThan(0);
  });

  it('calls no tool when the tool choice is none', async () => {
    const result = await generateText({
      model,
      prompt: 'Where is my order #12345?',
      tools,
      toolChoice: 'none',
    });
    expect(result.toolCalls).toHaveLength(0);
    expect(result.text).not.toBe('');
  });

  it("counts the prompt's input tokens as the words of its JSON, the same for a system prompt seen before", async () => {
    const user = (text: string): LanguageModelV3Message => ({
      role: 'user',
      content: [{ type: 'text', text }],
    });
    const prompts: LanguageModelV3Prompt[] = [
      [{ role: 'system', content: system }, user('Where is my order #12345?')],
      // The same system prompt again, with more turns and words at the messages' edges.
      [
        { role: 'system', content: system },
        user(' Hello there '),
        { role: 'assistant', content: [{ type: 'text', text: 'Hi!\nHow can I help?' }] },
        user('Where is my order\u00a0#12345? '),
      ],
      [
        { role: 'system', content: ` ${system} `, providerOptions: { concierge: { note: 'a b' } } },
        user('hi'),
      ],
      [user('no system prompt')],
    ];
    for (const prompt of prompts) {
      const result = await model.doGenerate({ prompt });
      expect(result.usage.inputTokens.total).toBe(JSON.stringify(prompt).match(/\S+/g)?.length);
    }
  });
});
