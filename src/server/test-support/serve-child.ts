// Test helper run as a child process (`node --import tsx`): a Concierge server over the database the
// environment names, which prints `listening <port>` once ready. Tests kill it with SIGKILL to crash
// it in the middle of turns.
import { createStore } from '../../store/index.js';
import { testSecretKey } from '../../store/test-support/store-dialects.js';
import { createApp } from '../create-app.js';
import { testAdminToken } from './test-app.js';

const store = await createStore({
  databaseUrl: process.env.CHILD_DATABASE_URL || undefined,
  postgresSchema: process.env.CHILD_POSTGRES_SCHEMA || undefined,
  sqlitePath: process.env.CHILD_SQLITE_PATH || undefined,
  secretKey: testSecretKey,
});
const app = await createApp({
  store,
  adminToken: testAdminToken,
  allowHosts: ['127.0.0.1'],
  turnLeaseMs: Number(process.env.CHILD_TURN_LEASE_MS ?? 1000),
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : ''}\n`);
