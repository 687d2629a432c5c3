// Which integrations each agent may use, with a switch that saves at once.
import { useState } from 'react';
import { useResource } from '../use-resource';
import { callApi } from './client';
import type { Agent, AgentIntegrationLink } from './types';

/** Links of `agents`, as `isEnabled(agentId, integrationId)`, and `setEnabled` to switch one. */
export function useAgentLinks(agents: Agent[] | undefined) {
  const ids = (agents ?? []).map((agent) => agent.id).join(',');
  const links = useResource(async () => {
    const entries = await Promise.all(
      (agents ?? []).map(async (agent) => {
        const { items } = await callApi<{ items: AgentIntegrationLink[] }>(
          'GET',
          `/agents/${agent.id}/integrations`,
        );
        return items;
      }),
    );
    return entries.flat();
  }, [ids]);
  const [error, setError] = useState<unknown>();

  /** Operation-name clashes the server reported for this switched-on link. */
  const warningsOf = (agentId: string, integrationId: string) =>
    (links.data ?? []).find((link) => link.agentId === agentId && link.integrationId === integrationId)
      ?.warnings ?? [];

  const isEnabled = (agentId: string, integrationId: string) =>
    (links.data ?? []).some(
      (link) => link.agentId === agentId && link.integrationId === integrationId && link.enabled,
    );

  async function setEnabled(agentId: string, integrationId: string, enabled: boolean) {
    setError(undefined);
    try {
      const link = await callApi<AgentIntegrationLink>(
        'PUT',
        `/agents/${agentId}/integrations/${integrationId}`,
        {
          enabled,
        },
      );
      const others = (links.data ?? []).filter(
        (entry) => !(entry.agentId === agentId && entry.integrationId === integrationId),
      );
      links.setData([...others, link]);
      // Switching one API changes the clash warnings of the others of this agent.
      await links.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  return { isEnabled, warningsOf, setEnabled, error: error ?? links.error, loading: links.loading };
}
