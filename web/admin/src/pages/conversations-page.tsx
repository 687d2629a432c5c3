// The property's conversations, those waiting for a person first.
import { useId, useState } from 'react';
import { callApi, toQuery } from '../api/client';
import type { Agent, Conversation, Property } from '../api/types';
import { Badge } from '../components/badge';
import { ErrorNotice, Loading } from '../components/notice';
import { PageHeader } from '../components/page-header';
import { RequireProperty } from '../components/require-property';
import { Link, navigate, useLocation } from '../router';
import { useResource } from '../use-resource';

const statusLabels: Record<string, string> = {
  open: 'open',
  'waiting-for-human': 'waiting for a person',
  closed: 'closed',
};

/** Conversations a page. */
const PAGE_SIZE = 50;

/** Where a conversation came from, from its metadata. */
function originOf(conversation: Conversation): string {
  const metadata = conversation.metadata;
  if (metadata.source === 'preview') return 'Preview';
  if (typeof metadata.pageUrl === 'string') return metadata.pageUrl;
  return conversation.visitorId ? 'Widget' : 'API';
}

/** The list for `property`. */
function ConversationList({ property }: { property: Property }) {
  const { query } = useLocation();
  const status = query.get('status') ?? '';
  const statusId = useId();
  const [more, setMore] = useState<{ items: Conversation[]; next?: string }>({ items: [] });
  const data = useResource(async () => {
    setMore({ items: [] });
    const [conversations, agents] = await Promise.all([
      callApi<{ items: Conversation[]; next?: string }>(
        'GET',
        `/properties/${property.id}/conversations${toQuery({ status, limit: PAGE_SIZE })}`,
      ),
      callApi<{ items: Agent[] }>('GET', `/properties/${property.id}/agents`),
    ]);
    return {
      conversations: conversations.items,
      next: conversations.next,
      agents: new Map(agents.items.map((agent) => [agent.id, agent.name])),
    };
  }, [property.id, status]);
  const conversations = [...(data.data?.conversations ?? []), ...more.items];
  const next = more.next ?? (more.items.length ? undefined : data.data?.next);
  const [loadingMore, setLoadingMore] = useState<{ error?: unknown; busy: boolean }>({ busy: false });

  async function loadMore() {
    if (!next || loadingMore.busy) return;
    setLoadingMore({ busy: true });
    try {
      const page = await callApi<{ items: Conversation[]; next?: string }>(
        'GET',
        `/properties/${property.id}/conversations${toQuery({ status, limit: PAGE_SIZE, cursor: next })}`,
      );
      setMore({ items: [...more.items, ...page.items], next: page.next });
      setLoadingMore({ busy: false });
    } catch (error) {
      setLoadingMore({ error, busy: false });
    }
  }

  return (
    <>
      <div className="field inline-field">
        <label htmlFor={statusId}>Show</label>
        <select
          id={statusId}
          value={status}
          onChange={(event) =>
            navigate(`/conversations${toQuery({ status: event.target.value })}`, { replace: true })
          }
        >
          <option value="">All conversations</option>
          <option value="waiting-for-human">Waiting for a person</option>
          <option value="open">Open</option>
          <option value="closed">Closed</option>
        </select>
      </div>
      <ErrorNotice error={data.error} />
      {!data.data && data.loading && <Loading what="conversations" />}
      {data.data && conversations.length === 0 && <p className="card muted">No conversation here yet.</p>}
      <ul className="stack">
        {conversations.map((conversation) => (
          <li key={conversation.id} className="card row-card" data-status={conversation.status}>
            <div className="row-main">
              <h2 className="row-title">
                <Link href={`/conversations/${conversation.id}`}>
                  {data.data?.agents.get(conversation.agentId) ?? 'Agent'} · {originOf(conversation)}
                </Link>
              </h2>
              <span className="muted small">
                Started {new Date(conversation.createdAt).toLocaleString()} · last activity{' '}
                {new Date(conversation.updatedAt).toLocaleString()}
              </span>
            </div>
            {Boolean(conversation.unanswered) && (
              <Badge value="error" label={`${conversation.unanswered} unanswered`} />
            )}
            <Badge value={conversation.status} label={statusLabels[conversation.status]} />
          </li>
        ))}
      </ul>
      <ErrorNotice error={loadingMore.error} />
      {next && (
        <button type="button" onClick={loadMore} disabled={loadingMore.busy}>
          {loadingMore.busy ? 'Loading…' : 'Load more'}
        </button>
      )}
    </>
  );
}

/** The conversations page. */
export function ConversationsPage() {
  return (
    <>
      <PageHeader
        title="Conversations"
        lead="Chats with customers. Those handed to a person come first: reply to them here."
      />
      <RequireProperty>{(property) => <ConversationList property={property} />}</RequireProperty>
    </>
  );
}
