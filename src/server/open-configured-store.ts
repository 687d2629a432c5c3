// Opens the store the configuration names (SQLite in the data dir, or PostgreSQL), with its master key.
import { createStore, loadSecretKey, type Store } from '../store/index.js';
import type { ServerConfig } from './server-config.js';

/** Opens and migrates the configured store; the secret key is generated into the data dir when absent. */
export async function openConfiguredStore(config: ServerConfig): Promise<Store> {
  const { key } = loadSecretKey({ configured: config.secretKey, dataDir: config.dataDir });
  return createStore({
    databaseUrl: config.databaseUrl,
    postgresSchema: config.databaseSchema,
    dataDir: config.dataDir,
    secretKey: key,
  });
}
