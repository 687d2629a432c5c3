// Builds the Fastify application over a store: admin API, docs, health. No listening, no config reading.
import swagger from '@fastify/swagger';
import type { LanguageModel } from 'ai';
import { Ajv } from 'ajv';
import formats from 'ajv-formats';
import Fastify, { type FastifyInstance } from 'fastify';
import { createExecutor } from '../executor/index.js';
import type { HostedProviderName, ModelSettings } from '../providers/index.js';
import type { Store } from '../store/index.js';
import { registerAuthentication } from './authenticate.js';
import { checkResponses } from './check-responses.js';
import { createCatalogReader } from './create-catalog-reader.js';
import { createModelFactory } from './create-model-factory.js';
import {
  type HandoffDeliveries,
  type HandoffDeliveryOptions,
  startHandoffDeliveries,
} from './deliver-handoffs.js';
import { registerDemoApiRoutes } from './demo/demo-api-routes.js';
import { registerDemoModeRoutes } from './demo/demo-mode-routes.js';
import { registerDemoPageRoutes } from './demo/demo-page-routes.js';
import { createOwnDemoHosts } from './demo/own-demo-hosts.js';
import { handleError } from './error-handler.js';
import { registerInputGuard } from './guard-input.js';
import { DEFAULT_TURN_LEASE_MS } from './hold-turn.js';
import { createIdentityVerifier } from './identity/verify-identity-token.js';
import { saveRequestLog } from './integration-calls.js';
import { createConversationStreams, createLiveEvents, publishConversationChanges } from './live/index.js';
import { createScopedLoaders } from './load-scoped.js';
import { createMemoryCounter, createStoreCounter, type RateLimitCounter } from './rate-limit.js';
import { startRecovery } from './recover-unanswered.js';
import { ref, responseSchemas } from './response-schemas.js';
import { registerAgentRoutes } from './routes/agent-routes.js';
import { registerChatRoutes } from './routes/chat-routes.js';
import { registerConversationRoutes } from './routes/conversation-routes.js';
import { registerIdentityRoutes } from './routes/identity-routes.js';
import { registerIntegrationRoutes } from './routes/integration-routes.js';
import { registerKnowledgeRoutes } from './routes/knowledge-routes.js';
import { registerPropertyRoutes } from './routes/property-routes.js';
import { registerRequestLogRoutes } from './routes/request-log-routes.js';
import { registerWebRoutes } from './routes/web-routes.js';
import { registerWidgetRoutes, type WidgetLimits } from './routes/widget-routes.js';
import type { ConversationTurnContext } from './run-conversation-turn.js';
import { warmUp } from './warm-up.js';

/** What the application is built from. */
export interface CreateAppOptions {
  store: Store;
  /** `CONCIERGE_ADMIN_TOKEN`; when absent, the hash stored at first start is used. */
  adminToken?: string;
  /** Largest accepted JSON body in bytes for ordinary routes. Default 1 MiB. */
  bodyLimit?: number;
  /** Hosts the server may call although they are private (`CONCIERGE_ALLOW_HOSTS`). */
  allowHosts?: string[];
  /** The model of agents that name no provider; default the embedded engine. */
  defaultModel?: ModelSettings;
  /** The server's own provider keys (`OPENAI_API_KEY`, `ANTHROPIC_API_KEY`); never sent where an agent points. */
  providerKeys?: Partial<Record<HostedProviderName, string>>;
  /** Builds models from settings (default: through the network guard); tests pass local wire-protocol fakes. */
  createModel?: (settings: ModelSettings) => LanguageModel;
  /** Per-minute limits of the public widget API. */
  widgetLimits?: Partial<WidgetLimits>;
  /**
   * Where the widget API's requests are counted; closed with the app. Default: the database on
   * PostgreSQL (shared by the servers using it), memory on SQLite. The server passes Redis when
   * `CONCIERGE_REDIS_URL` is set.
   */
  rateLimits?: RateLimitCounter;
  /** Serve the demo store API under /demo (default true; `CONCIERGE_DEMO=off` turns it off). */
  demo?: boolean;
  /**
   * Which proxies' `X-Forwarded-For` sets `request.ip` (what rate limits count by): Fastify's
   * `trustProxy` (`CONCIERGE_TRUST_PROXY`). Default none: the connection's address.
   */
  trustProxy?: boolean | number | string[];
  /** Fastify logger setting; default off (the CLI turns it on). */
  logger?: boolean | { level: string };
  /** Check every JSON answer against its route's response schema, failing with 500 on a mismatch (tests). */
  checkResponses?: boolean;
  /** Lease of a running turn in ms (a crashed server's turn frees its conversation after this). Default 30 s. */
  turnLeaseMs?: number;
  /** Longest wait in ms for an earlier message's turn in the same conversation. Default 120 s. */
  turnWaitMs?: number;
  /**
   * Answer the messages a crash left unanswered (or hand them over): once when ready, then every
   * `intervalMs` (default the turn lease). Off by default; `startServer` turns it on.
   */
  recovery?: { intervalMs?: number };
  /**
   * Prepare the engine and the catalogs of the `agents` most recently active agents before the server
   * takes requests (`warm-up.ts`). Off by default; `startServer` turns it on.
   */
  warmUp?: { agents?: number };
  /** How hand-off webhooks are retried (attempts, delays, how often each server looks for due ones). */
  handoffDeliveries?: HandoffDeliveryOptions;
  /** Live event streams: ms between heartbeats (default 15 s), open streams per visitor and per address. */
  liveStreams?: { heartbeatMs?: number; perVisitor?: number; perAddress?: number };
}

function createValidator(coerce: boolean) {
  const ajv = new Ajv({
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    removeAdditional: false,
    allErrors: false,
    discriminator: true,
    strict: false,
  });
  // ajv-formats is CommonJS: under NodeNext its default import is the module object.
  formats.default(ajv);
  return ajv;
}

/** Creates the app; call `ready()` (or `listen`) before use, `close()` after. */
export async function createApp(options: CreateAppOptions): Promise<FastifyInstance> {
  const logger = options.logger === true ? { level: 'info' } : options.logger;
  const trustProxy = options.trustProxy ?? false;
  const app = Fastify({
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // A hop count as the function Fastify makes of one (its types take no number): the nearest hops.
    trustProxy:
      typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : trustProxy,
    // Credentials never reach the log: the authorization header is redacted.
    logger: logger
      ? { ...logger, redact: ['req.headers.authorization', 'req.headers["x-identity-token"]'] }
      : false,
    // Malformed and overlong URLs get the same error shape as everything else.
    frameworkErrors: (error, request, reply) => handleError(error, request, reply),
  });
  // Bodies are checked strictly (a number is not a name); query strings and params are coerced.
  const bodyValidator = createValidator(false);
  const textValidator = createValidator(true);
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? bodyValidator : textValidator).compile(schema),
  );
  // Response schemas document the API and type the admin UI; answers are written as they are (a
  // schema-driven serializer would silently drop a field the schema does not list).
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  for (const [id, schema] of Object.entries(responseSchemas)) app.addSchema({ $id: id, ...schema });
  if (options.checkResponses) checkResponses(app);
  app.setErrorHandler(handleError);
  registerInputGuard(app);
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({
      error: { code: 'not-found', message: `no route for ${request.method} ${request.url.split('?')[0]}` },
    });
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Concierge API',
        version: '1',
        description:
          'Admin and chat API of Concierge. Send `Authorization: Bearer <admin token or property API key>`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    // Shared schemas keep their ids as names: components.schemas.Property, not def-0.
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, index) => String(json.$id ?? `def-${index}`),
    },
  });

  app.get(
    '/health',
    { config: { public: true }, schema: { hide: true, response: { 200: ref('Health') } } },
    async () => ({ status: 'ok' }),
  );
  app.get('/api/docs/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  // Every committed change of a conversation is published to the streams of every server.
  const live = await createLiveEvents(options.store, app.log);
  app.addHook('onClose', () => live.close());
  const store = publishConversationChanges(options.store, live);
  const streams = createConversationStreams({ store, live, heartbeatMs: options.liveStreams?.heartbeatMs });
  // Before the server waits for its connections to end: open streams would hold it forever.
  app.addHook('preClose', async () => streams.endAll());
  const streamCaps = { perVisitor: 3, perAddress: 50, ...options.liveStreams };
  registerAuthentication(app, { store, adminToken: options.adminToken });
  const load = createScopedLoaders(store);
  // The demo's own URLs (schema and API) are reachable on this server's exact host and port.
  const allowHostsFor = createOwnDemoHosts(() => (options.demo === false ? null : app.server.address()));
  const executor = createExecutor({
    allowHosts: options.allowHosts,
    allowHostsFor,
    onLog: (entry) => saveRequestLog(store, entry),
    onLogError: (error) =>
      app.log.warn({ err: { message: (error as Error).message } }, 'a request log entry was not saved'),
  });
  app.addHook('onClose', () => executor.close());
  const catalogs = createCatalogReader(store);
  const defaultModel = options.defaultModel ?? { provider: 'embedded' };
  const models = createModelFactory({
    allowHosts: options.allowHosts ?? [],
    defaultModel,
    providerKeys: options.providerKeys,
  });
  app.addHook('onClose', () => models.close());
  const turns: ConversationTurnContext = {
    store,
    executor,
    catalogs,
    defaultModel,
    createModel: options.createModel ?? models.createModel,
    // The hand-off's webhook was queued in its transaction: send it now rather than at the next look.
    onHandoff: () => deliveries?.wake(),
    turnLeaseMs: options.turnLeaseMs,
    turnWaitMs: options.turnWaitMs,
  };
  let deliveries: HandoffDeliveries | undefined;
  app.addHook('onReady', async () => {
    deliveries = startHandoffDeliveries({
      ...options.handoffDeliveries,
      store,
      allowHosts: options.allowHosts ?? [],
      log: app.log,
    });
  });
  const warming = options.warmUp;
  if (warming)
    app.addHook('onReady', async () => {
      await warmUp(turns, { ...warming, log: app.log });
    });
  // Attempts in flight finish (or time out) before the store closes.
  app.addHook('preClose', async () => deliveries?.stop());
  if (options.recovery) {
    const intervalMs = options.recovery.intervalMs ?? options.turnLeaseMs ?? DEFAULT_TURN_LEASE_MS;
    let recovery: ReturnType<typeof startRecovery> | undefined;
    app.addHook('onReady', async () => {
      recovery = startRecovery(turns, { intervalMs, log: app.log });
    });
    // Before the executor closes (hooks run in order): a recovery turn in flight finishes first.
    app.addHook('preClose', async () => recovery?.stop());
  }
  const counter: RateLimitCounter =
    options.rateLimits ?? (store.dialect === 'postgres' ? createStoreCounter(store) : createMemoryCounter());
  app.addHook('onClose', () => counter.close());
  // Identity tokens' JWKS are fetched through the same network guard as everything else.
  const verifier = createIdentityVerifier({ allowHosts: options.allowHosts ?? [] });
  app.addHook('onClose', () => verifier.close());
  await app.register(
    async (api) => {
      await registerPropertyRoutes(api, { store, load });
      await registerAgentRoutes(api, {
        store,
        load,
        catalogs,
        operatorBaseUrls: defaultModel.baseUrl ? [defaultModel.baseUrl] : [],
      });
      await registerIntegrationRoutes(api, {
        store,
        load,
        executor,
        catalogs,
        allowHosts: options.allowHosts ?? [],
        allowHostsFor,
      });
      await registerKnowledgeRoutes(api, {
        store,
        load,
        pages: { allowHosts: options.allowHosts ?? [], allowHostsFor },
      });
      await registerIdentityRoutes(api, { store, load, verifier });
      await registerConversationRoutes(api, { store, load, streams, streamCaps });
      await registerRequestLogRoutes(api, { store, load });
      await registerChatRoutes(api, { store, load, turns });
      if (options.demo !== false) await registerDemoModeRoutes(api, { store });
    },
    { prefix: '/api/v1' },
  );
  if (options.demo !== false) {
    await registerDemoApiRoutes(app, { store });
    await registerDemoPageRoutes(app, { store });
  }
  await app.register(
    async (widget) =>
      registerWidgetRoutes(widget, {
        store,
        turns,
        limits: options.widgetLimits,
        counter,
        verifier,
        streams,
        streamCaps,
      }),
    { prefix: '/api/v1' },
  );
  await app.register(registerWebRoutes);
  return app;
}
