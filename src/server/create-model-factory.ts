// Builds agents' models the way the server may: through the network guard, with the server's own
// provider keys sent only to the provider's endpoint or the operator's configured base URL.
import type { LookupFunction } from 'node:net';
import type { LanguageModel } from 'ai';
import { createGuardedFetch } from '../executor/index.js';
import {
  createLanguageModel,
  type HostedProviderName,
  type ModelSettings,
  normalizeBaseUrl,
} from '../providers/index.js';

/** What the server's models are built with. */
export interface ModelFactoryOptions {
  /** `CONCIERGE_ALLOW_HOSTS`: private or loopback hosts the server may call. */
  allowHosts: readonly string[];
  /** The operator's default model; its base URL (e.g. a local Ollama) is reachable and trusted. */
  defaultModel: ModelSettings;
  /** The server's own provider keys (`OPENAI_API_KEY`, `ANTHROPIC_API_KEY`). */
  providerKeys?: Partial<Record<HostedProviderName, string>>;
  /** Name resolution for the guard; tests inject one. */
  lookup?: LookupFunction;
}

/** A model builder plus `close()` for its connection pool. */
export interface ModelFactory {
  createModel: (settings: ModelSettings) => LanguageModel;
  close: () => Promise<void>;
}

/** The host (`name:port`) of a URL, or undefined when it is not one. */
function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Creates the factory. Every model call goes through the network guard; the host of the operator's
 * base URL (a local Ollama, say) is allowed for models at exactly that base URL, not for agents that
 * point elsewhere on the same host.
 */
export function createModelFactory(options: ModelFactoryOptions): ModelFactory {
  const operatorBaseUrl = options.defaultModel.baseUrl;
  const operatorBaseUrls = operatorBaseUrl ? [operatorBaseUrl] : [];
  const operatorTarget = operatorBaseUrl ? normalizeBaseUrl(operatorBaseUrl) : undefined;
  const operatorHost = hostOf(operatorBaseUrl);
  const guarded = createGuardedFetch({ allowHosts: options.allowHosts, lookup: options.lookup });
  const toOperator = operatorHost
    ? createGuardedFetch({ allowHosts: [...options.allowHosts, operatorHost], lookup: options.lookup })
    : guarded;
  const serverKeys = options.providerKeys ?? {};
  return {
    createModel(settings) {
      const atOperatorUrl =
        operatorTarget !== undefined &&
        settings.baseUrl !== undefined &&
        normalizeBaseUrl(settings.baseUrl) === operatorTarget;
      return createLanguageModel(settings, {
        fetch: atOperatorUrl ? toOperator.fetch : guarded.fetch,
        serverKeys,
        operatorBaseUrls,
      });
    },
    async close() {
      await Promise.all([guarded.close(), ...(toOperator === guarded ? [] : [toOperator.close()])]);
    },
  };
}
