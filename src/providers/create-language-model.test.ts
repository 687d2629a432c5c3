import { describe, expect, it } from 'vitest';
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
});
