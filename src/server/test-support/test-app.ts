// Test helper: the app over a fresh store of one dialect, with a known admin token.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Store } from '../../store/index.js';
import type { StoreDialect } from '../../store/test-support/store-dialects.js';
import { type CreateAppOptions, createApp } from '../create-app.js';

/** The admin token the test apps accept. */
export const testAdminToken = 'test-admin-token-0123456789';

/** A running test app and helpers to call it. */
export interface TestApp {
  app: FastifyInstance;
  store: Store;
  /** Injects a request with the given bearer token (the admin's by default). */
  call: (options: InjectOptions & { token?: string | null }) => Promise<LightMyRequestResponse>;
  close: () => Promise<void>;
}

/** Opens a store on `dialect` and builds the app over it. */
export async function openTestApp(
  dialect: StoreDialect,
  options: Omit<CreateAppOptions, 'store' | 'adminToken'> = {},
): Promise<TestApp> {
  const { store, close } = await dialect.open();
  const app = await createApp({ checkResponses: true, ...options, store, adminToken: testAdminToken });
  await app.ready();
  return {
    app,
    store,
    call: ({ token = testAdminToken, headers, ...options }) =>
      app.inject({
        ...options,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      }),
    async close() {
      await app.close();
      await close();
    },
  };
}
