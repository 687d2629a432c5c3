// HTTP: admin API, chat API, docs and health, over a store.
export { createApp, type CreateAppOptions } from './create-app.js';
