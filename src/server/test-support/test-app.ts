// Test helper: the app over a fresh store of one dialect, with a known admin token.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import type { Store } from '../../store/index.js';
import type { StoreDialect } from '../../store/test-support/store-dialects.js';
import { type CreateAppOptions, createApp } from '../create-app.js';

/** The admin token the test apps accept. */
export const testAdminToken = 'test-admin-token-0123456789';

/** A running test app and helpers to call it. */
export interface TestApp {
  app: FastifyInstance;
  store: Store;
  /** Where its data is (SQLite file or PostgreSQL schema), for a second server on the same database. */
  location: string;
  /** Injects a request with the given bearer token (the admin's by default). */
  call: (options: InjectOptions & { token?: string | null }) => Promise<LightMyRequestResponse>;
  close: () => Promise<void>;
}

/** Extra options of a test app. */
export type TestAppOptions = Omit<CreateAppOptions, 'store' | 'adminToken'> & {
  /** Kysely plugins of its store (failure injection). */
  storePlugins?: KyselyPlugin[];
};

async function wrap(
  store: Store,
  location: string,
  options: TestAppOptions,
  closeStore: () => Promise<void>,
) {
  const { storePlugins: _plugins, ...appOptions } = options;
  const app = await createApp({ checkResponses: true, ...appOptions, store, adminToken: testAdminToken });
  await app.ready();
  const test: TestApp = {
    app,
    store,
    location,
    call: ({ token = testAdminToken, headers, ...request }) =>
      app.inject({
        ...request,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      }),
    async close() {
      await app.close();
      await closeStore();
    },
  };
  return test;
}

/** Opens a store on `dialect` and builds the app over it. */
export async function openTestApp(dialect: StoreDialect, options: TestAppOptions = {}): Promise<TestApp> {
  const { store, close, location } = await dialect.open({ plugins: options.storePlugins });
  return wrap(store, location, options, close);
}

/** A second server over the database of `first` (close it before the first). */
export async function openSharedTestApp(
  dialect: StoreDialect,
  first: TestApp,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const store = await dialect.openShared(first.location, { plugins: options.storePlugins });
  return wrap(store, first.location, options, () => store.close());
}

/** Starts a widget conversation as an anonymous visitor: its id and visitor token. */
export async function startWidgetConversation(
  test: TestApp,
  agentKey: string,
): Promise<{ id: string; visitorToken: string }> {
  return (
    await test.call({
      method: 'POST',
      url: '/api/v1/widget/conversations',
      payload: { agentKey },
      token: null,
    })
  ).json();
}
