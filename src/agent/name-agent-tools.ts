// Names an agent's tools uniquely across its integrations: two integrations may both have
// `searchProducts`, and the model must be able to tell (and call) each by name.
import { joinUrl } from '../executor/index.js';
import { HANDOFF_TOOL_NAME, KNOWLEDGE_TOOL_NAME } from './agent-rules.js';
import { SIGN_IN_PREFIX } from './arrange-for-customer.js';
import type { AgentTool } from './run-turn-options.js';

/** How one tool is offered to the model. */
export interface OfferedName {
  /** Unique among the agent's tools and the built-in ones; at most 64 characters of `[A-Za-z0-9_-]`. */
  name: string;
  /** The operation's description, plus the integration's name when the name had to be qualified. */
  description: string;
}

/** A name clash between integrations, for the warning shown when the second one is switched on. */
export interface ToolNameClash {
  /** The operation name the integrations share. */
  name: string;
  /** The integrations that have it, in the agent's order. */
  integrationIds: string[];
}

// OpenAI and Anthropic both accept at most 64 characters of letters, digits, `_` and `-`.
const MAX_NAME_LENGTH = 64;
const MAX_PREFIX_LENGTH = 24;

/** `Demo Store API 2` -> `demo_store_api_2`; the integration id when the name has no letters or digits. */
function prefixOf(entry: AgentTool): string {
  const slug = (entry.integrationName ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, MAX_PREFIX_LENGTH)
    .replace(/_+$/, '');
  return slug || entry.integration.id.replace(/[^A-Za-z0-9_-]/g, '').slice(0, MAX_PREFIX_LENGTH);
}

/** What makes two operations the same call: method, URL, inputs and description. */
function identityOf(entry: AgentTool): string {
  const { tool } = entry;
  let url: string;
  try {
    url = joinUrl(entry.integration.baseUrl, tool.path);
  } catch {
    url = `${entry.integration.baseUrl}${tool.path}`;
  }
  return JSON.stringify([tool.method, url, tool.description, tool.inputSchema]);
}

function fitName(name: string, taken: Set<string>): string {
  let candidate = name.slice(0, MAX_NAME_LENGTH);
  for (let suffix = 2; taken.has(candidate); suffix += 1) {
    candidate = `${name.slice(0, MAX_NAME_LENGTH - String(suffix).length - 1)}_${suffix}`;
  }
  return candidate;
}

/**
 * The description with the integration named at the end of its summary (the first line when a blank
 * line follows it, as the compiler writes `summary` before `description`), else of its first
 * sentence: `Search the product catalog (Demo Store API 2)\n\nUse this when…`.
 */
function withIntegration(description: string, integrationName: string | undefined): string {
  const label = ` (${integrationName?.trim() || 'another integration'})`;
  const end = /\n\s*\n/.exec(description) ?? /[.!?](?=\s|$)/.exec(description);
  if (!end) return `${description.trim()}${label}`;
  return `${description.slice(0, end.index)}${label}${description.slice(end.index)}`;
}

/**
 * The name each callable tool is offered under. A name only one integration has stays as it is; a
 * name several integrations have is qualified by the integration, `demo_store_api_2__searchProducts`,
 * and its description says which integration it belongs to. The same operation at the same URL
 * through a second integration (the same API connected twice) is left out: offering it twice would
 * only make the model choose between two identical tools.
 */
export function nameAgentTools(tools: AgentTool[]): Map<AgentTool, OfferedName> {
  const seen = new Set<string>();
  const distinct = tools.filter((entry) => {
    if (!entry.tool.callable) return false;
    const identity = identityOf(entry);
    if (seen.has(identity)) return false;
    seen.add(identity);
    return true;
  });
  const counts = new Map<string, number>();
  for (const entry of distinct) counts.set(entry.tool.name, (counts.get(entry.tool.name) ?? 0) + 1);
  const builtIn = new Set([HANDOFF_TOOL_NAME, KNOWLEDGE_TOOL_NAME]);
  const taken = new Set(builtIn);
  const names = new Map<AgentTool, OfferedName>();
  // A stand-in asking the visitor to sign in says so in its name: `sign_in_for_listMyOrders`.
  const nameOf = (entry: AgentTool, name: string) => (entry.signIn ? `${SIGN_IN_PREFIX}${name}` : name);
  // Unclashed names first, so a qualified name can never take one of them.
  for (const entry of distinct) {
    const name = nameOf(entry, entry.tool.name);
    if (counts.get(entry.tool.name) === 1 && !taken.has(name) && name.length <= MAX_NAME_LENGTH) {
      taken.add(name);
      names.set(entry, { name, description: entry.tool.description });
    }
  }
  for (const entry of distinct) {
    if (names.has(entry)) continue;
    const name = fitName(nameOf(entry, `${prefixOf(entry)}__${entry.tool.name}`), taken);
    taken.add(name);
    names.set(entry, { name, description: withIntegration(entry.tool.description, entry.integrationName) });
  }
  return names;
}

/** Operation names that several of the agent's integrations have (identical duplicates included). */
export function findToolNameClashes(tools: AgentTool[]): ToolNameClash[] {
  const owners = new Map<string, string[]>();
  for (const entry of tools) {
    if (!entry.tool.callable) continue;
    const ids = owners.get(entry.tool.name) ?? [];
    if (!ids.includes(entry.integration.id)) ids.push(entry.integration.id);
    owners.set(entry.tool.name, ids);
  }
  return [...owners]
    .filter(([, ids]) => ids.length > 1)
    .map(([name, integrationIds]) => ({ name, integrationIds }));
}
