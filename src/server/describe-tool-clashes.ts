// The warning shown when an agent gets a second integration whose operations are named like the
// first one's: the agent still works (names are qualified), but the admin should know.
import { type AgentTool, findToolNameClashes } from '../agent/index.js';

const LISTED_NAMES = 3;

function listNames(names: string[]): string {
  const shown = names.slice(0, LISTED_NAMES).join(', ');
  return names.length > LISTED_NAMES ? `${shown} and ${names.length - LISTED_NAMES} more` : shown;
}

/** One sentence per other integration whose operation names clash with `integrationId`'s among the agent's `tools`. */
export function describeToolClashes(tools: AgentTool[], integrationId: string): string[] {
  const namesOf = new Map(tools.map((entry) => [entry.integration.id, entry.integrationName ?? 'an API']));
  const shared = new Map<string, string[]>();
  for (const clash of findToolNameClashes(tools)) {
    if (!clash.integrationIds.includes(integrationId)) continue;
    for (const other of clash.integrationIds.filter((id) => id !== integrationId)) {
      shared.set(other, [...(shared.get(other) ?? []), clash.name]);
    }
  }
  return [...shared].map(
    ([other, names]) =>
      `${namesOf.get(integrationId)} and ${namesOf.get(other)} both have ${names.length === 1 ? 'an operation' : `${names.length} operations`} named ${listNames(names)}. The agent tells them apart by the integration (and uses an operation that calls the same URL only once); switch one off for this agent if it does not need both.`,
  );
}
