// The executor: owns the guarded connection pools and runs tool calls through them.
import type { LookupFunction } from 'node:net';
import type { Agent } from 'undici';
import { createGuardedAgent } from './create-guarded-agent.js';
import { executeToolCall } from './execute-tool-call.js';
import type { RequestLogEntry, ToolCallRequest, ToolCallResult } from './tool-call.js';

/** How the executor is set up; only the server and the CLI read configuration to fill this. */
export interface ExecutorOptions {
  /**
   * Hosts (`name` or `name:port`) that may be called even though they resolve to loopback, private,
   * link-local or metadata addresses, e.g. from `CONCIERGE_ALLOW_HOSTS`. Matched by name, never by
   * address. Default none.
   */
  allowHosts?: string[];
  /** More hosts allowed for calls to an integration at this base URL (the server's own demo). */
  allowHostsFor?: (baseUrl: string) => string[];
  /** Name resolution (`dns.lookup` signature); tests inject one to simulate DNS answers. */
  lookup?: LookupFunction;
  /** Response bytes read at most; past that reading stops and the result is marked truncated. Default 2 MB. */
  maxResponseBytes?: number;
  /** Characters of response the model reads at most (`modelText`). Default 16,000. */
  modelBudgetChars?: number;
  /** Receives every call's log entry; awaited, but its failure never fails the call. */
  onLog?: (entry: RequestLogEntry) => void | Promise<void>;
  /** Receives an error thrown by `onLog`. */
  onLogError?: (error: unknown) => void;
}

/** Runs tool calls against businesses' APIs. */
export interface Executor {
  /** Executes one tool call; never throws (failures are outcomes). */
  executeToolCall(call: ToolCallRequest): Promise<ToolCallResult>;
  /** Closes the connection pools; calls made afterwards fail with outcome `network`. */
  close(): Promise<void>;
}

/** Creates an executor. Connections are pooled per set of allowed hosts, so one integration's extra allowance never reaches another's. */
export function createExecutor(options: ExecutorOptions = {}): Executor {
  const allowHosts = options.allowHosts ?? [];
  const agents = new Map<string, Agent>();
  const dispatcherFor = (extra: readonly string[] | undefined): Agent => {
    const hosts = [...new Set([...allowHosts, ...(extra ?? [])])].sort();
    const key = hosts.join('\n');
    let agent = agents.get(key);
    if (!agent) {
      agent = createGuardedAgent({ allowHosts: hosts, lookup: options.lookup });
      agents.set(key, agent);
    }
    return agent;
  };
  const context = {
    dispatcherFor,
    allowHostsFor: options.allowHostsFor,
    maxResponseBytes: options.maxResponseBytes ?? 2 * 1024 * 1024,
    modelBudgetChars: options.modelBudgetChars ?? 16_000,
    onLog: options.onLog,
    onLogError: options.onLogError,
  };
  return {
    executeToolCall: (call) => executeToolCall(call, context),
    async close() {
      const closing = [...agents.values()].map((agent) => agent.close());
      agents.clear();
      await Promise.all(closing);
    },
  };
}
