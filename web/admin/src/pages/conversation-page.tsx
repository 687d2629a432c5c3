// One conversation: the messages with what the agent did for each reply, a reply box for a person,
// and closing it or handing it back to the agent. New messages and status changes show as they happen.
import { type FormEvent, useState } from 'react';
import { callApi } from '../api/client';
import type { ConversationDetail, ConversationIdentity, ConversationStatus, Message } from '../api/types';
import { useLiveConversation } from '../api/watch-conversation';
import { Badge } from '../components/badge';
import { Field } from '../components/field';
import { ErrorNotice, Loading } from '../components/notice';
import { PageHeader } from '../components/page-header';
import { TurnTrace } from '../components/turn-trace';
import { Link } from '../router';
import { useAction } from '../use-action';
import { useResource } from '../use-resource';

const roleLabels: Record<Message['role'], string> = {
  customer: 'Customer',
  agent: 'Agent',
  human: 'You (person)',
  system: 'System',
};

/** The state as a person reads it: once someone of the team replied, the chat is theirs, not waiting. */
export function StatusBadge({ conversation }: { conversation: ConversationDetail }) {
  const answered =
    conversation.status === 'waiting-for-human' &&
    conversation.messages.some((message) => message.role === 'human');
  return answered ? (
    <Badge value="open" label="with a person" />
  ) : (
    <Badge value={conversation.status} label={conversation.status.replace(/-/g, ' ')} />
  );
}

/** Who the conversation acts for: the verified customer, how they were verified, until when. */
function CustomerLine({ identity }: { identity: ConversationIdentity | null | undefined }) {
  if (!identity) return <p className="muted small">Anonymous visitor: no verified identity.</p>;
  const ended = identity.expiresAt !== null && Date.parse(identity.expiresAt) <= Date.now();
  const how = identity.source === 'token' ? 'verified from their identity token' : 'set in the preview';
  const until = identity.expiresAt
    ? `${ended ? 'ended' : 'until'} ${new Date(identity.expiresAt).toLocaleString()}`
    : 'for the whole conversation';
  return (
    <p className="small" data-testid="conversation-customer">
      Signed-in customer <strong>{identity.sub}</strong>
      {identity.name ? `, ${identity.name}` : ''}
      {identity.email ? ` (${identity.email})` : ''}: {how}, {until}.
    </p>
  );
}

/** What the business should know about a customer message the agent did not answer. */
const unansweredNotes: Partial<Record<NonNullable<Message['replyState']>, [tone: string, text: string]>> = {
  pending: ['pending', 'waiting for the agent'],
  failed: ['error', 'not answered: the turn failed and the customer saw an error'],
  cancelled: ['closed', 'not answered: the customer left before the answer'],
  'handed-over': ['waiting-for-human', 'left unanswered by a restart, handed to a person'],
};

/** The conversation page. */
export function ConversationPage({ conversationId }: { conversationId: string }) {
  const conversation = useResource(
    () => callApi<ConversationDetail>('GET', `/conversations/${conversationId}`),
    [conversationId],
  );
  const [text, setText] = useState('');
  const action = useAction();
  const data = conversation.data;
  const status = data?.status;
  const { reload } = conversation;

  useLiveConversation(conversationId, Boolean(status) && status !== 'closed', reload);

  function reply(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    void action.run(async () => {
      await callApi('POST', `/conversations/${conversationId}/human-replies`, { text: text.trim() });
      setText('');
      await reload();
    });
  }

  function setStatus(next: ConversationStatus) {
    void action.run(async () => {
      await callApi('PATCH', `/conversations/${conversationId}`, { status: next });
      await reload();
    });
  }

  const traces = new Map((data?.traces ?? []).map((trace) => [trace.messageId, trace.steps]));
  // Turns that stored no reply (a person took over, the customer left), by the message they answered.
  const replyless = new Map(
    (data?.traces ?? [])
      .filter((trace) => !trace.messageId && trace.customerMessageId)
      .map((trace) => [trace.customerMessageId, trace]),
  );
  return (
    <>
      <PageHeader title="Conversation">
        {status && status !== 'closed' && (
          <button type="button" onClick={() => setStatus('closed')}>
            Close conversation
          </button>
        )}
        {status === 'waiting-for-human' && (
          <button type="button" onClick={() => setStatus('open')}>
            Hand back to the agent
          </button>
        )}
        {status === 'closed' && (
          <button type="button" onClick={() => setStatus('open')}>
            Reopen
          </button>
        )}
      </PageHeader>
      <p>
        <Link href="/conversations">← Conversations</Link>
      </p>
      <ErrorNotice error={conversation.error ?? action.error} />
      {!data && conversation.loading && <Loading what="the conversation" />}
      {data && (
        <div className="stack">
          <p>
            Status: <StatusBadge conversation={data} />{' '}
            <span className="muted small">started {new Date(data.createdAt).toLocaleString()}</span>
          </p>
          <CustomerLine identity={data.identity} />
          <section className="card chat-log" aria-label="Messages" role="log" aria-live="polite">
            {data.messages.length === 0 && <p className="muted">No message yet.</p>}
            {data.messages.map((message) => (
              <div key={message.id} className={`chat-line chat-${message.role}`} data-role={message.role}>
                <div className="bubble">
                  <span className="who">{roleLabels[message.role]}</span>
                  {message.text}
                </div>
                {message.role === 'customer' && message.replyState && unansweredNotes[message.replyState] && (
                  <p className="trace-note small">
                    <Badge
                      value={unansweredNotes[message.replyState]![0]}
                      label={unansweredNotes[message.replyState]![1]}
                    />
                  </p>
                )}
                {message.role === 'customer' && replyless.has(message.id) && (
                  <>
                    {replyless.get(message.id)?.droppedReply && (
                      <p className="trace-note small">
                        Not sent to the customer: {replyless.get(message.id)?.droppedReply}
                      </p>
                    )}
                    <TurnTrace
                      steps={replyless.get(message.id)?.steps}
                      logsHref={(tool) =>
                        `/logs?conversationId=${conversationId}&tool=${encodeURIComponent(tool)}`
                      }
                    />
                  </>
                )}
                {message.role === 'agent' && traces.has(message.id) && (
                  <TurnTrace
                    steps={traces.get(message.id)}
                    logsHref={(tool) =>
                      `/logs?conversationId=${conversationId}&tool=${encodeURIComponent(tool)}`
                    }
                  />
                )}
              </div>
            ))}
          </section>
          {data.status !== 'closed' ? (
            <form className="card chat-form" onSubmit={reply}>
              <Field
                label="Reply as a person"
                hint="The customer sees it in the widget. While a person handles the chat, the agent stays silent."
              >
                {(control) => (
                  <textarea
                    {...control}
                    rows={3}
                    value={text}
                    onChange={(event) => setText(event.target.value)}
                  />
                )}
              </Field>
              <button type="submit" className="button-primary" disabled={!text.trim()}>
                Send reply
              </button>
            </form>
          ) : (
            <p className="muted">This conversation is closed.</p>
          )}
        </div>
      )}
    </>
  );
}
