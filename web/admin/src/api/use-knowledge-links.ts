// Which knowledge sources each agent may search, with a switch that saves at once.
import { useState } from 'react';
import { useResource } from '../use-resource';
import { callApi } from './client';
import type { Agent, AgentKnowledgeLink } from './types';

/** Links of `agents`, as `isEnabled(agentId, sourceId)`, and `setEnabled` to switch one. */
export function useKnowledgeLinks(agents: Agent[] | undefined) {
  const ids = (agents ?? []).map((agent) => agent.id).join(',');
  const links = useResource(async () => {
    const entries = await Promise.all(
      (agents ?? []).map(
        async (agent) =>
          (await callApi<{ items: AgentKnowledgeLink[] }>('GET', `/agents/${agent.id}/knowledge-sources`))
            .items,
      ),
    );
    return entries.flat();
  }, [ids]);
  const [error, setError] = useState<unknown>();

  const isEnabled = (agentId: string, sourceId: string) =>
    (links.data ?? []).some((link) => link.agentId === agentId && link.sourceId === sourceId && link.enabled);

  async function setEnabled(agentId: string, sourceId: string, enabled: boolean) {
    setError(undefined);
    try {
      const link = await callApi<AgentKnowledgeLink>(
        'PUT',
        `/agents/${agentId}/knowledge-sources/${sourceId}`,
        {
          enabled,
        },
      );
      const others = (links.data ?? []).filter(
        (entry) => !(entry.agentId === agentId && entry.sourceId === sourceId),
      );
      links.setData([...others, link]);
    } catch (caught) {
      setError(caught);
    }
  }

  return { isEnabled, setEnabled, error: error ?? links.error, loading: links.loading };
}
