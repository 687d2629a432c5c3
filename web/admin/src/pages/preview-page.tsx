// Chat with an agent as a customer would: replies stream in, and under each reply the calls it made.
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { callApi } from '../api/client';
import { sendCustomerMessage } from '../api/send-customer-message';
import type { Agent, Conversation, Property, TurnResult } from '../api/types';
import { Badge } from '../components/badge';
import { Field } from '../components/field';
import { ErrorNotice, Loading } from '../components/notice';
import { PageHeader } from '../components/page-header';
import { RequireProperty } from '../components/require-property';
import { type ToolCallView, TurnTrace } from '../components/turn-trace';
import { Link, navigate, useLocation } from '../router';
import { useResource } from '../use-resource';
import {
  ANONYMOUS,
  describeCustomer,
  type PreviewCustomer,
  PreviewCustomerFields,
  toIdentityBody,
} from './preview-customer';

/** One line of the preview chat. */
interface ChatLine {
  key: string;
  role: 'customer' | 'agent';
  text: string;
  streaming?: boolean;
  liveCalls?: ToolCallView[];
  result?: TurnResult;
}

/** The chat of one agent as kept in this tab, so leaving the page and coming back keeps it. */
interface SavedChat {
  conversation?: Conversation;
  lines: ChatLine[];
  /** Who the chat acts as. */
  customer?: PreviewCustomer;
}

const savedChatKey = (agentId: string) => `concierge.preview.${agentId}`;

function loadChat(agentId: string): SavedChat {
  try {
    const saved = JSON.parse(sessionStorage.getItem(savedChatKey(agentId)) ?? 'null') as SavedChat | null;
    // A reply that was still streaming when the page was left is not coming back.
    return {
      conversation: saved?.conversation,
      lines: (saved?.lines ?? []).filter((line) => !line.streaming),
      customer: saved?.customer,
    };
  } catch {
    return { lines: [] };
  }
}

/** The chat with one agent. */
function PreviewChat({ agent }: { agent: Agent }) {
  const [saved] = useState(() => loadChat(agent.id));
  const [conversation, setConversation] = useState<Conversation | undefined>(saved.conversation);
  const [lines, setLines] = useState<ChatLine[]>(saved.lines);
  const [customer, setCustomer] = useState<PreviewCustomer>(saved.customer ?? ANONYMOUS);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const logEnd = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const counter = useRef(saved.lines.length);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll whenever the lines change
  useEffect(() => {
    logEnd.current?.scrollIntoView({ block: 'nearest' });
  }, [lines]);
  useEffect(() => {
    const key = savedChatKey(agent.id);
    if (lines.length === 0 && !customer.signedIn) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify({ conversation, lines, customer } satisfies SavedChat));
  }, [agent.id, conversation, lines, customer]);

  const update = (key: string, change: (line: ChatLine) => ChatLine) =>
    setLines((current) => current.map((line) => (line.key === key ? change(line) : line)));

  async function send(event: FormEvent) {
    event.preventDefault();
    const message = text.trim();
    if (!message || busy) return;
    let identity: Record<string, unknown> | undefined;
    try {
      identity = toIdentityBody(customer);
    } catch (caught) {
      setError(caught);
      return;
    }
    setBusy(true);
    setError(undefined);
    setText('');
    const key = String(++counter.current);
    setLines((current) => [
      ...current,
      { key: `c${key}`, role: 'customer', text: message },
      { key: `a${key}`, role: 'agent', text: '', streaming: true, liveCalls: [] },
    ]);
    try {
      const active =
        conversation ??
        (await callApi<Conversation>('POST', `/agents/${agent.id}/conversations`, {
          metadata: { source: 'preview' },
          ...(identity ? { identity } : {}),
        }));
      setConversation(active);
      const result = await sendCustomerMessage(active.id, message, {
        onToolCallStart: ({ tool, args }) =>
          update(`a${key}`, (line) => ({ ...line, liveCalls: [...(line.liveCalls ?? []), { tool, args }] })),
        onToolCallEnd: (end) =>
          update(`a${key}`, (line) => ({
            ...line,
            liveCalls: (line.liveCalls ?? []).map((call) =>
              call.tool === end.tool && !call.outcome
                ? {
                    ...call,
                    outcome: end.outcome,
                    status: end.status,
                    durationMs: end.durationMs,
                    excerpt: end.excerpt,
                  }
                : call,
            ),
          })),
        onDelta: (delta) => update(`a${key}`, (line) => ({ ...line, text: line.text + delta })),
      });
      update(`a${key}`, (line) => ({
        ...line,
        text: result.reply?.text ?? '',
        streaming: false,
        result,
      }));
    } catch (caught) {
      setError(caught);
      setLines((current) => current.filter((line) => line.key !== `a${key}`));
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  }

  function reset() {
    setConversation(undefined);
    setLines([]);
    setError(undefined);
    input.current?.focus();
  }

  /** Another customer (or none): the next message starts a new conversation as them. */
  function actAs(next: PreviewCustomer) {
    setCustomer(next);
    setConversation(undefined);
    setLines([]);
    setError(undefined);
  }

  const logsHref = (tool: string) =>
    `/logs?conversationId=${conversation?.id ?? ''}&tool=${encodeURIComponent(tool)}`;
  return (
    <section className="card chat" aria-label={`Chat with ${agent.name}`}>
      <div className="section-header">
        <h2 className="row-title">{agent.name}</h2>
        <div className="actions">
          {conversation && (
            <Link className="button" href={`/conversations/${conversation.id}`}>
              Open conversation
            </Link>
          )}
          <button type="button" onClick={reset} disabled={busy}>
            Reset
          </button>
        </div>
      </div>
      <PreviewCustomerFields customer={customer} onChange={actAs} disabled={busy} />
      <p className="muted small" data-testid="preview-as">
        Chatting as {describeCustomer(customer)}.
      </p>
      <div className="chat-log" role="log" aria-live="polite" aria-relevant="additions text" aria-busy={busy}>
        {lines.length === 0 && (
          <p className="muted">
            Write as a customer would, e.g. “Show me leather bags” or “Where is my order #12345?”.
          </p>
        )}
        {lines.map((line) => (
          <div key={line.key} className={`chat-line chat-${line.role}`} data-role={line.role}>
            <div className="bubble">
              <span className="visually-hidden">
                {line.role === 'customer' ? 'Customer: ' : `${agent.name}: `}
              </span>
              {line.text || (line.streaming ? <span className="muted">Thinking…</span> : null)}
              {line.result && !line.result.reply && (
                <span className="muted">(No reply: the conversation waits for a person.)</span>
              )}
            </div>
            {line.role === 'agent' && (
              <>
                <TurnTrace
                  steps={line.result?.trace.steps}
                  dataSources={line.result?.trace.dataSources}
                  knowledgeSources={line.result?.trace.knowledgeSources}
                  liveCalls={line.liveCalls}
                  logsHref={logsHref}
                />
                {line.result?.pendingAction && (
                  <p className="notice notice-warn small">
                    <Badge value="pending" label="pending confirmation" /> {line.result.pendingAction.summary}{' '}
                    — waits for the customer's yes or no.
                  </p>
                )}
                {line.result?.status === 'waiting-for-human' && (
                  <p className="notice notice-warn small">
                    Handed to a person: reply from{' '}
                    <Link href={`/conversations/${conversation?.id}`}>Conversations</Link>.
                  </p>
                )}
              </>
            )}
          </div>
        ))}
        <div ref={logEnd} />
      </div>
      <ErrorNotice error={error} />
      <form className="chat-form" onSubmit={send}>
        <Field label="Message as the customer">
          {(control) => (
            <textarea
              {...control}
              ref={input}
              rows={2}
              value={text}
              onChange={(event) => setText(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && !event.shiftKey) send(event);
              }}
            />
          )}
        </Field>
        <button type="submit" className="button-primary" disabled={busy || !text.trim()}>
          {busy ? 'Answering…' : 'Send'}
        </button>
      </form>
    </section>
  );
}

/** Agent choice and the chat for `property`. */
function Preview({ property }: { property: Property }) {
  const { query } = useLocation();
  const selectId = useId();
  const agents = useResource(
    () => callApi<{ items: Agent[] }>('GET', `/properties/${property.id}/agents`),
    [property.id],
  );
  if (agents.error) return <ErrorNotice error={agents.error} />;
  if (!agents.data) return <Loading what="agents" />;
  const list = agents.data.items;
  if (list.length === 0)
    return (
      <p className="card">
        No agent yet. <Link href="/agents">Create an agent</Link> to try it here.
      </p>
    );
  const agent = list.find((entry) => entry.id === query.get('agent')) ?? list[0];
  return (
    <>
      <div className="field inline-field">
        <label htmlFor={selectId}>Agent</label>
        <select
          id={selectId}
          value={agent.id}
          onChange={(event) => navigate(`/preview?agent=${event.target.value}`, { replace: true })}
        >
          {list.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name}
            </option>
          ))}
        </select>
      </div>
      <PreviewChat key={agent.id} agent={agent} />
    </>
  );
}

/** The preview page. */
export function PreviewPage() {
  return (
    <>
      <PageHeader
        title="Preview"
        lead="Chat with your agent as a customer. Under each reply: the API calls it made and the data it used."
      />
      <RequireProperty>{(property) => <Preview property={property} />}</RequireProperty>
    </>
  );
}
