// Which model an agent uses: the embedded engine, OpenAI, Anthropic, or an OpenAI-compatible server.
export {
  createLanguageModel,
  type HostedProviderName,
  type ModelConnection,
  type ModelSettings,
  mayUseServerKey,
  normalizeBaseUrl,
  PROVIDER_NAMES,
  type ProviderName,
  SERVER_KEY_VARIABLES,
} from './create-language-model.js';
