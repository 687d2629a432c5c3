// Prepares a starting server for its first customers: the engine, and the compiled catalogs (tools,
// names and selection index) of the agents most recently talked to. Without it the first turns after a
// start pay for all of it, and a crowd arriving at once waits seconds behind them.
import type { FastifyBaseLogger } from 'fastify';
import { warmEngine } from '../engine/index.js';
import { type ConversationTurnContext, loadAgentCatalog } from './run-conversation-turn.js';

/** Agents whose catalogs a start prepares, most recently active first. */
const WARM_AGENTS = 20;

/**
 * Readies the engine and the catalogs of up to `agents` recently active agents. An agent whose
 * catalog cannot be built (an integration gone bad) is logged and skipped: its turns will say so.
 * Returns the agents prepared.
 */
export async function warmUp(
  turns: Pick<ConversationTurnContext, 'store' | 'catalogs'>,
  options: { agents?: number; log?: Pick<FastifyBaseLogger, 'warn'> } = {},
): Promise<string[]> {
  warmEngine();
  const prepared: string[] = [];
  let agentIds: string[] = [];
  try {
    agentIds = await turns.store.conversations.listRecentAgentIds(options.agents ?? WARM_AGENTS);
  } catch (error) {
    // Only speed is lost: the first turns prepare what they need.
    options.log?.warn(
      { err: { message: (error as Error).message } },
      'the agents to prepare could not be read',
    );
  }
  for (const agentId of agentIds) {
    try {
      const catalog = await loadAgentCatalog(turns, agentId);
      catalog.forCustomer(null).selection.index();
      prepared.push(agentId);
    } catch (error) {
      options.log?.warn(
        { err: { message: (error as Error).message }, agentId },
        "an agent's tools could not be prepared at start",
      );
    }
  }
  return prepared;
}
