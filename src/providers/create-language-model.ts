// Builds the language model an agent uses from its settings: the embedded engine (default), OpenAI,
// Anthropic, or any OpenAI-compatible server (Ollama, vLLM, LM Studio, llama.cpp).
import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModelV3 } from '@ai-sdk/provider';
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
  /** The API key; without one, hosted providers use the server's key only at their own endpoint. */
  apiKey?: string;
}

/** The hosted providers, whose API keys a server may hold in its environment. */
export type HostedProviderName = 'openai' | 'anthropic';

/** How models reach their providers; only the server and the CLI fill this from configuration. */
export interface ModelConnection {
  /** The fetch every call to a hosted model goes through (the server passes its guarded fetch). */
  fetch?: typeof globalThis.fetch;
  /**
   * The server's own keys (`OPENAI_API_KEY`, `ANTHROPIC_API_KEY`). They are sent only to the
   * provider's own endpoint or to a base URL in `operatorBaseUrls`, never to one an agent chose.
   */
  serverKeys?: Partial<Record<HostedProviderName, string>>;
  /** Base URLs the operator configured (`CONCIERGE_MODEL_BASE_URL`); the server's keys may go there. */
  operatorBaseUrls?: readonly string[];
}

const DEFAULT_MODELS: Record<HostedProviderName, string> = {
  openai: 'gpt-4o-mini',
  anthropic: 'claude-haiku-4-5',
};

/** The providers' own endpoints (what their SDKs use without a base URL). */
const PROVIDER_ENDPOINTS: Record<HostedProviderName, string> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com/v1',
};

/** The variables a server's own keys come from, named in messages. */
export const SERVER_KEY_VARIABLES: Record<HostedProviderName, string> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
};

/** `https://Host:443/v1/` and `https://host/v1` compare equal; a query or fragment makes another URL. */
export function normalizeBaseUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}${parsed.hash}`;
  } catch {
    return undefined;
  }
}

/**
 * True when the server's own key for `provider` may be sent where `baseUrl` points: the provider's
 * own endpoint (no base URL, or that one) or a base URL the operator configured.
 */
export function mayUseServerKey(
  provider: HostedProviderName,
  baseUrl: string | undefined,
  operatorBaseUrls: readonly string[] = [],
): boolean {
  if (baseUrl === undefined || baseUrl === '') return true;
  const target = normalizeBaseUrl(baseUrl);
  if (target === undefined) return false;
  return [PROVIDER_ENDPOINTS[provider], ...operatorBaseUrls].some((url) => normalizeBaseUrl(url) === target);
}

/** A model whose every call fails with `message`: the turn reports it like any provider failure. */
function refusingModel(provider: string, modelId: string, message: string): LanguageModelV3 {
  const fail = () => Promise.reject(new Error(message));
  return {
    specificationVersion: 'v3',
    provider,
    modelId,
    supportedUrls: {},
    doGenerate: fail,
    doStream: fail,
  };
}

/**
 * The key to send to a hosted provider: the settings' own, else the server's when it may go where
 * the model points. A string always, so the SDK never reads the environment by itself.
 */
function hostedKey(
  provider: HostedProviderName,
  settings: ModelSettings,
  connection: ModelConnection,
): { apiKey: string } | { refused: string } {
  if (settings.apiKey) return { apiKey: settings.apiKey };
  if (!mayUseServerKey(provider, settings.baseUrl, connection.operatorBaseUrls)) {
    return {
      refused: `provider '${provider}' with a base URL of its own needs its own apiKey: the server's ${SERVER_KEY_VARIABLES[provider]} is only sent to the provider's endpoint`,
    };
  }
  const serverKey = connection.serverKeys?.[provider];
  if (!serverKey) {
    return {
      refused: `provider '${provider}' has no API key: set the agent's apiKey, or ${SERVER_KEY_VARIABLES[provider]} on the server`,
    };
  }
  return { apiKey: serverKey };
}

/**
 * Creates the model for `settings`; throws with a clear message for unusable settings. A hosted
 * model without a key it may use is still created, and fails its calls saying which key is missing.
 */
export function createLanguageModel(
  settings: ModelSettings = {},
  connection: ModelConnection = {},
): LanguageModel {
  const provider = settings.provider ?? 'embedded';
  const { fetch } = connection;
  switch (provider) {
    case 'embedded':
      return createEmbeddedModel(settings.model ? { modelId: settings.model } : {});
    case 'openai':
    case 'anthropic': {
      const modelId = settings.model ?? DEFAULT_MODELS[provider];
      const key = hostedKey(provider, settings, connection);
      if ('refused' in key) return refusingModel(`${provider}.chat`, modelId, key.refused);
      const baseURL = settings.baseUrl ?? PROVIDER_ENDPOINTS[provider];
      return provider === 'openai'
        ? createOpenAI({ apiKey: key.apiKey, baseURL, fetch }).chat(modelId)
        : createAnthropic({ apiKey: key.apiKey, baseURL, fetch })(modelId);
    }
    case 'openai-compatible': {
      if (!settings.baseUrl) {
        throw new Error("provider 'openai-compatible' needs a base URL (e.g. http://127.0.0.1:11434/v1)");
      }
      if (!settings.model) throw new Error("provider 'openai-compatible' needs a model name (e.g. llama3.1)");
      // This provider never reads the environment: only the settings' own key is sent.
      const compatible = createOpenAICompatible({
        name: 'openai-compatible',
        baseURL: settings.baseUrl,
        apiKey: settings.apiKey,
        fetch,
      });
      return compatible.chatModel(settings.model);
    }
    default:
      throw new Error(
        `unknown model provider '${String(provider)}'; use one of ${PROVIDER_NAMES.join(', ')}`,
      );
  }
}
