// One switch per agent: may this agent use this integration?
import type { Agent, Integration } from '../api/types';
import type { useAgentLinks } from '../api/use-agent-links';
import { Link } from '../router';
import { Toggle } from './toggle';

/** The clash warnings of one switched-on link. */
export function LinkWarnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="notice notice-warn small" role="status">
      {warnings.map((warning) => (
        <p key={warning}>{warning}</p>
      ))}
    </div>
  );
}

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
        <li key={agent.id}>
          <div className="list-row">
            <Link href={`/agents/${agent.id}`}>{agent.name}</Link>
            <Toggle
              label={`${integration.name} on for ${agent.name}`}
              hideLabel
              checked={links.isEnabled(agent.id, integration.id)}
              disabled={links.loading}
              onChange={(enabled) => links.setEnabled(agent.id, integration.id, enabled)}
            />
          </div>
          <LinkWarnings warnings={links.warningsOf(agent.id, integration.id)} />
        </li>
      ))}
    </ul>
  );
}
