// The baseline model of the engine benchmarks: it answers at once without reading anything, so a
// benchmark's engine time can be set against the cost of the AI SDK call around it.
import type { LanguageModelV3 } from '@ai-sdk/provider';

/** A model that answers "ok" at once. */
export const floorModel: LanguageModelV3 = {
  specificationVersion: 'v3',
  provider: 'bench',
  modelId: 'floor',
  supportedUrls: {},
  async doGenerate() {
    return {
      content: [{ type: 'text', text: 'ok' }],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: {
        inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined },
        outputTokens: { total: 1, text: 1, reasoning: undefined },
      },
      warnings: [],
    };
  },
  async doStream() {
    throw new Error('not used');
  },
};
