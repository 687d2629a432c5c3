// Reads the server's configuration from the environment and command-line flags, with defaults.
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { splitAllowHosts } from '../executor/index.js';
import {
  type HostedProviderName,
  type ModelSettings,
  PROVIDER_NAMES,
  type ProviderName,
} from '../providers/index.js';

/** Everything the server is configured with. */
export interface ServerConfig {
  /** TCP port (`PORT`, `--port`). Default 3000. */
  port: number;
  /** Interface to listen on (`HOST`). Default 0.0.0.0. */
  host: string;
  /** Data directory for SQLite and the generated secret key (`CONCIERGE_DATA_DIR`, `--data`). Default ./data. */
  dataDir: string;
  /** PostgreSQL URL (`DATABASE_URL`); SQLite in the data dir when absent. */
  databaseUrl?: string;
  /** PostgreSQL schema to use (`DATABASE_SCHEMA`), for sharing one database; default `public`. */
  databaseSchema?: string;
  /** Master key for secrets at rest (`CONCIERGE_SECRET_KEY`); generated into the data dir when absent. */
  secretKey?: string;
  /** Admin token (`CONCIERGE_ADMIN_TOKEN`); generated, printed once and stored hashed when absent. */
  adminToken?: string;
  /** Hosts the server may call even when private (`CONCIERGE_ALLOW_HOSTS`, comma-separated). */
  allowHosts: string[];
  /**
   * Redis (`CONCIERGE_REDIS_URL`, `redis://…`) for the widget API's rate limits, shared by every server
   * using it. Without it: the database on PostgreSQL, memory on SQLite.
   */
  redisUrl?: string;
  /** Days request logs are kept (`CONCIERGE_LOG_RETENTION_DAYS`). Default 30. */
  logRetentionDays: number;
  /** Days turn traces are kept (`CONCIERGE_TRACE_RETENTION_DAYS`). Default 30. */
  traceRetentionDays: number;
  /**
   * Days a conversation is kept after its last activity, with its messages and traces
   * (`CONCIERGE_CONVERSATION_RETENTION_DAYS`); undefined (the default, or `off`): kept for good.
   */
  conversationRetentionDays?: number;
  /**
   * The model of agents that name none: `CONCIERGE_MODEL_PROVIDER` (embedded, openai, anthropic,
   * openai-compatible), `CONCIERGE_MODEL`, `CONCIERGE_MODEL_BASE_URL`, `CONCIERGE_MODEL_API_KEY`.
   * Default the embedded engine.
   */
  defaultModel: ModelSettings;
  /**
   * The server's own provider keys (`OPENAI_API_KEY`, `ANTHROPIC_API_KEY`), used by hosted models
   * without a key of their own, and only sent to the provider's endpoint or `CONCIERGE_MODEL_BASE_URL`.
   */
  providerKeys: Partial<Record<HostedProviderName, string>>;
  /** Create and serve the demo store (`CONCIERGE_DEMO`; `off` disables it). Default on. */
  demo: boolean;
  /** Server log level (`CONCIERGE_LOG_LEVEL`: info logs every request; warn, error, silent). Default warn. */
  logLevel: string;
  /**
   * Which proxies' `X-Forwarded-For` to believe for the client's address (`CONCIERGE_TRUST_PROXY`), as
   * Fastify's `trustProxy`: `true` (any), a number of hops, or proxy addresses and CIDR ranges. Rate
   * limits count by that address. Undefined (the default, or `off`): the connection's own address.
   */
  trustProxy?: boolean | number | string[];
}

/** Thrown for a configuration value that cannot be used; the message names the variable. */
export class ConfigError extends Error {}

function parseInteger(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got '${value}'`);
  }
  return number;
}

/** Names proxy-addr (Fastify's trustProxy) knows for address ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function parseTrustProxy(value: string | undefined): ServerConfig['trustProxy'] {
  const text = (value ?? '').trim().toLowerCase();
  if (['', 'off', 'false', 'no', '0'].includes(text)) return undefined;
  if (['on', 'true', 'yes'].includes(text)) return true;
  if (/^\d+$/.test(text)) return parseInteger('CONCIERGE_TRUST_PROXY', text, 0, 1, 100);
  const entries = text.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split('/');
    const version = isIP(address);
    const prefixFits =
      prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (version === 6 ? 128 : 32));
    if (!PROXY_RANGE_NAMES.has(entry) && (version === 0 || !prefixFits || extra !== undefined)) {
      throw new ConfigError(
        `CONCIERGE_TRUST_PROXY must be on, a number of proxy hops, or proxy addresses and CIDR ranges separated by commas (e.g. 10.0.0.0/8,::1), got '${entry}'`,
      );
    }
  }
  return entries;
}

/** Builds the configuration; flags win over environment variables. */
export function readServerConfig(
  env: NodeJS.ProcessEnv,
  flags: Record<string, string | true> = {},
): ServerConfig {
  const flag = (name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(
      `DATABASE_URL must be a postgres:// URL, got '${databaseUrl.replace(/\/\/[^@]*@/, '//…@')}'`,
    );
  }
  const redisUrl = env.CONCIERGE_REDIS_URL?.trim() || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError(
      `CONCIERGE_REDIS_URL must be a redis:// or rediss:// URL, got '${redisUrl.replace(/\/\/[^@]*@/, '//…@')}'`,
    );
  }
  const provider = (env.CONCIERGE_MODEL_PROVIDER?.trim() || 'embedded') as ProviderName;
  if (!PROVIDER_NAMES.includes(provider)) {
    throw new ConfigError(
      `CONCIERGE_MODEL_PROVIDER must be one of ${PROVIDER_NAMES.join(', ')}, got '${provider}'`,
    );
  }
  const defaultModel: ModelSettings = {
    provider,
    ...(env.CONCIERGE_MODEL?.trim() ? { model: env.CONCIERGE_MODEL.trim() } : {}),
    ...(env.CONCIERGE_MODEL_BASE_URL?.trim() ? { baseUrl: env.CONCIERGE_MODEL_BASE_URL.trim() } : {}),
    ...(env.CONCIERGE_MODEL_API_KEY?.trim() ? { apiKey: env.CONCIERGE_MODEL_API_KEY.trim() } : {}),
  };
  if (provider === 'openai-compatible' && (!defaultModel.baseUrl || !defaultModel.model)) {
    throw new ConfigError(
      'CONCIERGE_MODEL_PROVIDER=openai-compatible needs CONCIERGE_MODEL_BASE_URL and CONCIERGE_MODEL',
    );
  }
  return {
    defaultModel,
    providerKeys: {
      ...(env.OPENAI_API_KEY?.trim() ? { openai: env.OPENAI_API_KEY.trim() } : {}),
      ...(env.ANTHROPIC_API_KEY?.trim() ? { anthropic: env.ANTHROPIC_API_KEY.trim() } : {}),
    },
    demo: !['off', 'false', '0', 'no'].includes((env.CONCIERGE_DEMO ?? '').trim().toLowerCase()),
    port: parseInteger(flag('port') ? '--port' : 'PORT', flag('port') ?? env.PORT, 3000, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir: resolve(flag('data') ?? env.CONCIERGE_DATA_DIR ?? 'data'),
    databaseUrl,
    redisUrl,
    databaseSchema: env.DATABASE_SCHEMA?.trim() || undefined,
    secretKey: env.CONCIERGE_SECRET_KEY?.trim() || undefined,
    adminToken: env.CONCIERGE_ADMIN_TOKEN?.trim() || undefined,
    allowHosts: splitAllowHosts(env.CONCIERGE_ALLOW_HOSTS),
    logRetentionDays: parseInteger(
      'CONCIERGE_LOG_RETENTION_DAYS',
      env.CONCIERGE_LOG_RETENTION_DAYS,
      30,
      1,
      3650,
    ),
    traceRetentionDays: parseInteger(
      'CONCIERGE_TRACE_RETENTION_DAYS',
      env.CONCIERGE_TRACE_RETENTION_DAYS,
      30,
      1,
      3650,
    ),
    conversationRetentionDays: ['', 'off'].includes(
      (env.CONCIERGE_CONVERSATION_RETENTION_DAYS ?? '').trim().toLowerCase(),
    )
      ? undefined
      : parseInteger(
          'CONCIERGE_CONVERSATION_RETENTION_DAYS',
          env.CONCIERGE_CONVERSATION_RETENTION_DAYS?.trim(),
          0,
          1,
          36500,
        ),
    logLevel: env.CONCIERGE_LOG_LEVEL?.trim() || 'warn',
    trustProxy: parseTrustProxy(env.CONCIERGE_TRUST_PROXY),
  };
}
