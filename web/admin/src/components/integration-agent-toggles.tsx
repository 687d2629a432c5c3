// One switch per agent: may this agent use this integration?
import type { Agent, Integration } from '../api/types';
import type { useAgentLinks } from '../api/use-agent-links';
import { Link } from '../router';
import { Toggle } from './toggle';

/** The agents' switches for `integration`. */
export function IntegrationAgentToggles({
  integration,
  agents,
  links,
}: {
  integration: Integration;
  agents: Agent[];
  links: ReturnType<typeof useAgentLinks>;
}) {
  if (agents.length === 0)
    return (
      <p className="muted">
        No agent yet: <Link href="/agents">create one</Link> to use this API.
      </p>
    );
  return (
    <ul className="plain-list" aria-label={`Agents using ${integration.name}`}>
      {agents.map((agent) => (
        <li key={agent.id} className="list-row">
          <Link href={`/agents/${agent.id}`}>{agent.name}</Link>
          <Toggle
            label={`${integration.name} on for ${agent.name}`}
            hideLabel
            checked={links.isEnabled(agent.id, integration.id)}
            disabled={links.loading}
            onChange={(enabled) => links.setEnabled(agent.id, integration.id, enabled)}
          />
        </li>
      ))}
    </ul>
  );
}
