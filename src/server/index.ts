// HTTP: admin API, chat API, docs and health, over a store.
export { type CreateAppOptions, createApp } from './create-app.js';
export { type CatalogReader, createCatalogReader } from './create-catalog-reader.js';
export { createModelFactory, type ModelFactory } from './create-model-factory.js';
export { DEMO_API_KEY } from './demo/demo-api-routes.js';
export { createOwnDemoHosts } from './demo/own-demo-hosts.js';
export { DEMO_SETTING, type DemoIds } from './demo/seed-demo.js';
export { saveRequestLog } from './integration-calls.js';
export { createKnowledgeSearch } from './knowledge-sources.js';
export { openConfiguredStore } from './open-configured-store.js';
export { type ConversationTurnContext, runConversationTurn } from './run-conversation-turn.js';
export { ConfigError, readServerConfig, type ServerConfig } from './server-config.js';
export { type RunningServer, startServer } from './start-server.js';
