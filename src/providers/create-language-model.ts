// Builds the language model an agent uses from its settings: the embedded engine (default), OpenAI,
// Anthropic, or any OpenAI-compatible server (Ollama, vLLM, LM Studio, llama.cpp).
import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import { createEmbeddedModel } from '../engine/index.js';

/** Which provider serves the model. */
export type ProviderName = 'embedded' | 'openai' | 'anthropic' | 'openai-compatible';

/** The provider names accepted in settings, in the order `--help` lists them. */
export const PROVIDER_NAMES: readonly ProviderName[] = [
  'embedded',
  'openai',
  'anthropic',
  'openai-compatible',
];

/** An agent's model settings. */
export interface ModelSettings {
  /** Defaults to `embedded`. */
  provider?: ProviderName;
  /** The provider's model id; defaults per hosted provider, required for `openai-compatible`. */
  model?: string;
  /** The API's base URL; required for `openai-compatible` (e.g. `http://127.0.0.1:11434/v1`). */
  baseUrl?: string;
  /** The API key; hosted providers fall back to their usual environment variables when absent. */
  apiKey?: string;
}

const DEFAULT_MODELS: Record<Exclude<ProviderName, 'embedded' | 'openai-compatible'>, string> = {
  openai: 'gpt-4o-mini',
  anthropic: 'claude-haiku-4-5',
};

/** Creates the model for `settings`; throws with a clear message for unusable settings. */
export function createLanguageModel(settings: ModelSettings = {}): LanguageModel {
  const provider = settings.provider ?? 'embedded';
  switch (provider) {
    case 'embedded':
      return createEmbeddedModel(settings.model ? { modelId: settings.model } : {});
    case 'openai':
      return createOpenAI({ apiKey: settings.apiKey, baseURL: settings.baseUrl }).chat(
        settings.model ?? DEFAULT_MODELS.openai,
      );
    case 'anthropic':
      return createAnthropic({ apiKey: settings.apiKey, baseURL: settings.baseUrl })(
        settings.model ?? DEFAULT_MODELS.anthropic,
      );
    case 'openai-compatible': {
      if (!settings.baseUrl) {
        throw new Error("provider 'openai-compatible' needs a base URL (e.g. http://127.0.0.1:11434/v1)");
      }
      if (!settings.model) throw new Error("provider 'openai-compatible' needs a model name (e.g. llama3.1)");
      const compatible = createOpenAICompatible({
        name: 'openai-compatible',
        baseURL: settings.baseUrl,
        apiKey: settings.apiKey,
      });
      return compatible.chatModel(settings.model);
    }
    default:
      throw new Error(
        `unknown model provider '${String(provider)}'; use one of ${PROVIDER_NAMES.join(', ')}`,
      );
  }
}
