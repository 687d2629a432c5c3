// HTTP: admin API, chat API, docs and health, over a store.
export { createApp, type CreateAppOptions } from './create-app.js';
export { ConfigError, readServerConfig, type ServerConfig } from './server-config.js';
export { type RunningServer, startServer } from './start-server.js';
