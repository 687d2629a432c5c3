// Persistence behind one interface, on SQLite and PostgreSQL; migrations; secret encryption.
export { hashToken } from './access-repository.js';
export type { CreateAgentInput, IdentitySettingsInput, UpdateAgentInput } from './agent-repository.js';
export {
  type BindIdentityResult,
  type CommitTurnInput,
  type CommitTurnResult,
  InvalidCursorError,
  type ListConversationsOptions,
  type ReleaseTurnInput,
  type TurnHandle,
  TurnLostError,
} from './conversation-repository.js';
export { type CreateStoreOptions, createStore, type Store } from './create-store.js';
export type {
  AddVersionInput,
  CreateIntegrationInput,
  IntegrationCatalog,
  UpdateIntegrationInput,
} from './integration-repository.js';
export type {
  CreateKnowledgeSourceInput,
  KnowledgeDocumentInput,
  KnowledgeRepository,
  SearchPassagesInput,
  UpdateKnowledgeSourceInput,
} from './knowledge-repository.js';
export { newId, newToken } from './new-id.js';
export type { RateLimitHit } from './rate-limit-repository.js';
export type * from './records.js';
export type { ListRequestLogsOptions } from './request-log-repository.js';
export { createSecretBox, loadSecretKey, maskSecret, type SecretBox } from './secret-box.js';
export type { WebhookDeliveryRepository } from './webhook-delivery-repository.js';
