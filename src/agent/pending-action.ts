// A write action the agent proposed and the customer has not yet confirmed.
import { randomUUID } from 'node:crypto';
import type { AgentTool } from './run-turn-options.js';

/** Stored with the conversation between the proposing turn and the customer's answer. */
export interface PendingAction {
  /** Stable for this action: the turn that runs it claims it by this id, and sends it as `Idempotency-Key`. */
  id: string;
  /** The tool's name. */
  tool: string;
  /** The integration the tool belongs to. */
  integrationId: string;
  /** The validated arguments to run it with. */
  args: unknown;
  /** What it will do, as told to the customer, e.g. `create a return with order number 12345`. */
  summary: string;
  /** When it was proposed, ISO 8601. */
  createdAt: string;
  /** After this instant (ISO 8601) a "yes" no longer runs it. */
  expiresAt: string;
  /**
   * When a turn claimed it to run it (ISO 8601). A claimed action never runs again: finding one
   * means the turn that ran it ended without recording the result (a crash, a failed save).
   */
  claimedAt?: string;
}

/** Default time a proposed action may be confirmed: 10 minutes. */
export const DEFAULT_CONFIRMATION_TTL_MS = 10 * 60 * 1000;

/** Creates the pending action for `agentTool` called with `args`. */
export function createPendingAction(options: {
  agentTool: AgentTool;
  args: unknown;
  summary: string;
  now: Date;
  ttlMs: number;
}): PendingAction {
  return {
    id: randomUUID(),
    tool: options.agentTool.tool.name,
    integrationId: options.agentTool.integration.id,
    args: options.args,
    summary: options.summary,
    createdAt: options.now.toISOString(),
    expiresAt: new Date(options.now.getTime() + options.ttlMs).toISOString(),
  };
}

/** True when `action` can no longer be confirmed at `now` (an unreadable expiry counts as expired). */
export function isExpired(action: PendingAction, now: Date): boolean {
  const expiresAt = Date.parse(action.expiresAt);
  return Number.isNaN(expiresAt) || now.getTime() >= expiresAt;
}

/** The agent's tool a pending action refers to, if the agent still has it. */
export function findPendingTool(action: PendingAction, tools: AgentTool[]): AgentTool | undefined {
  return tools.find(
    (candidate) => candidate.tool.name === action.tool && candidate.integration.id === action.integrationId,
  );
}
