// HTTP: admin API, chat API, docs and health, over a store.
export { createApp, type CreateAppOptions } from './create-app.js';
export { openConfiguredStore } from './open-configured-store.js';
export { ConfigError, readServerConfig, type ServerConfig } from './server-config.js';
export { type RunningServer, startServer } from './start-server.js';
export { DEMO_SETTING, type DemoIds } from './demo/seed-demo.js';
export { saveRequestLog } from './integration-calls.js';
export { type ConversationTurnContext, runConversationTurn } from './run-conversation-turn.js';
