// Follows one conversation's changes as server-sent events (new messages, status, turns).
import { useEffect } from 'react';
import { readEventStream } from '../../../shared/read-event-stream';
import { authHeaders, toApiError } from './client';

/** Streams the conversation's events to `onEvent` until `signal` aborts or the stream ends. */
export async function watchConversation(
  conversationId: string,
  onEvent: (event: string) => void,
  signal: AbortSignal,
): Promise<void> {
  const response = await fetch(`/api/v1/conversations/${conversationId}/events`, {
    headers: { ...authHeaders(), accept: 'text/event-stream' },
    signal,
  });
  if (!response.ok || !response.body) throw await toApiError(response);
  await readEventStream(response.body, ({ event }) => onEvent(event));
}

/**
 * Calls `reload` whenever the conversation changes while `active`: live from its event stream, or
 * every 5 s once the stream failed three times in a row.
 */
export function useLiveConversation(conversationId: string, active: boolean, reload: () => Promise<void>) {
  useEffect(() => {
    if (!active) return;
    const abort = new AbortController();
    let failures = 0;
    let poller: ReturnType<typeof setInterval> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let pending: ReturnType<typeof setTimeout> | undefined;
    // Events come in bursts (a turn stores several rows): one reload for the burst.
    const changed = () => {
      failures = 0;
      clearTimeout(pending);
      pending = setTimeout(() => void reload(), 100);
    };
    const connect = () =>
      void watchConversation(conversationId, changed, abort.signal)
        .catch(() => undefined)
        .finally(() => {
          if (abort.signal.aborted) return;
          failures++;
          if (failures >= 3) poller = setInterval(() => void reload(), 5000);
          else retry = setTimeout(connect, 1000 * failures);
        });
    connect();
    return () => {
      abort.abort();
      clearInterval(poller);
      clearTimeout(retry);
      clearTimeout(pending);
    };
  }, [conversationId, active, reload]);
}
