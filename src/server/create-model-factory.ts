// Builds agents' models the way the server may: through the network guard, with the server's own
// provider keys sent only to the provider's endpoint or the operator's configured base URL.
import type { LookupFunction } from 'node:net';
import type { LanguageModel } from 'ai';
import { createGuardedFetch } from '../executor/index.js';
import { createLanguageModel, type HostedProviderName, type ModelSettings } from '../providers/index.js';

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

/** Creates the factory; every model call goes through one guarded connection pool. */
export function createModelFactory(options: ModelFactoryOptions): ModelFactory {
  const operatorBaseUrls = options.defaultModel.baseUrl ? [options.defaultModel.baseUrl] : [];
  const operatorHost = hostOf(options.defaultModel.baseUrl);
  const guarded = createGuardedFetch({
    allowHosts: [...options.allowHosts, ...(operatorHost ? [operatorHost] : [])],
    lookup: options.lookup,
  });
  const connection = { fetch: guarded.fetch, serverKeys: options.providerKeys ?? {}, operatorBaseUrls };
  return {
    createModel: (settings) => createLanguageModel(settings, connection),
    close: guarded.close,
  };
}
