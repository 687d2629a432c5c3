// Which model an agent uses: the embedded engine, OpenAI, Anthropic, or an OpenAI-compatible server.
export {
  createLanguageModel,
  type ModelSettings,
  PROVIDER_NAMES,
  type ProviderName,
} from './create-language-model.js';
