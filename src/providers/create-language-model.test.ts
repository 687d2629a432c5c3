import { generateText } from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import { createLanguageModel } from './create-language-model.js';

const describeModel = (model: ReturnType<typeof createLanguageModel>) =>
  typeof model === 'string' ? model : { provider: model.provider, modelId: model.modelId };

describe('createLanguageModel', () => {
  it('uses the embedded engine by default', () => {
    expect(describeModel(createLanguageModel())).toEqual({
      provider: 'concierge.embedded',
      modelId: 'concierge-embedded',
    });
  });

  it('builds hosted and OpenAI-compatible models from their settings', () => {
    expect(
      describeModel(createLanguageModel({ provider: 'openai', model: 'gpt-4.1-mini', apiKey: 'k' })),
    ).toEqual({
      provider: 'openai.chat',
      modelId: 'gpt-4.1-mini',
    });
    expect(
      describeModel(createLanguageModel({ provider: 'anthropic', model: 'claude-sonnet-4-5', apiKey: 'k' })),
    ).toMatchObject({
      modelId: 'claude-sonnet-4-5',
    });
    expect(
      describeModel(
        createLanguageModel({
          provider: 'openai-compatible',
          baseUrl: 'http://127.0.0.1:11434/v1',
          model: 'llama3.1',
        }),
      ),
    ).toMatchObject({ modelId: 'llama3.1' });
  });

  it('says what is missing for an OpenAI-compatible server', () => {
    expect(() => createLanguageModel({ provider: 'openai-compatible', model: 'llama3.1' })).toThrow(
      /needs a base URL/,
    );
    expect(() =>
      createLanguageModel({ provider: 'openai-compatible', baseUrl: 'http://127.0.0.1:1/v1' }),
    ).toThrow(/needs a model name/);
  });

  describe('keys', () => {
    const saved = { openai: process.env.OPENAI_API_KEY, anthropic: process.env.ANTHROPIC_API_KEY };
    afterEach(() => {
      for (const [name, value] of [
        ['OPENAI_API_KEY', saved.openai],
        ['ANTHROPIC_API_KEY', saved.anthropic],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    });

    it('never reads a key from the environment: only the settings and the server keys given', async () => {
      process.env.OPENAI_API_KEY = 'sk-from-the-environment';
      process.env.ANTHROPIC_API_KEY = 'sk-ant-from-the-environment';
      for (const provider of ['openai', 'anthropic'] as const) {
        await expect(
          generateText({ model: createLanguageModel({ provider }), prompt: 'hi', maxRetries: 0 }),
        ).rejects.toThrow(`provider '${provider}' has no API key`);
        await expect(
          generateText({
            model: createLanguageModel(
              { provider, baseUrl: 'http://127.0.0.1:9/v1' },
              { serverKeys: { openai: 'sk-server', anthropic: 'sk-ant-server' } },
            ),
            prompt: 'hi',
            maxRetries: 0,
          }),
        ).rejects.toThrow(/needs its own apiKey/);
      }
    });
  });
});
