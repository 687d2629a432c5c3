// The widget's calls to the public chat API: start a conversation, send a message (streamed), read.
import { readEventStream, type StreamEvent } from '../shared/read-event-stream';

/** A message as the widget API returns it. */
export interface WidgetMessage {
  id: string;
  role: 'customer' | 'agent' | 'human';
  text: string;
}

/** The end of a turn. */
export interface WidgetTurn {
  reply: { id: string; text: string } | null;
  status: string;
  messageId: string;
}

/**
 * A failed call, with the HTTP status (404: the conversation is gone) and the server's code
 * (`identity-refused`: the identity token did not verify; `identity-mismatch`: another customer's).
 */
export class WidgetApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = '',
  ) {
    super(message);
  }
}

async function fail(response: Response): Promise<never> {
  const body = await response.json().catch(() => null);
  throw new WidgetApiError(
    response.status,
    body?.error?.message ?? `HTTP ${response.status}`,
    body?.error?.code,
  );
}

/** The API of one agent, at `base` (the folder widget.js was loaded from). */
export function createWidgetApi(base: string, agentKey: string) {
  const url = (path: string) => `${base}api/v1/widget/conversations${path}`;
  return {
    /** Starts a conversation, for the customer of `identityToken` when given. */
    async start(identityToken?: string): Promise<{ id: string; visitorToken: string }> {
      const response = await fetch(url(''), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ agentKey, metadata: { pageUrl: location.href.slice(0, 500) }, identityToken }),
      });
      return response.ok ? response.json() : fail(response);
    },

    /** Signs the customer out of the conversation. */
    async logout(id: string, token: string): Promise<void> {
      const response = await fetch(url(`/${id}/identity`), {
        method: 'DELETE',
        headers: { 'x-visitor-token': token },
      });
      if (!response.ok) await fail(response);
    },

    async list(
      id: string,
      token: string,
      after?: string,
    ): Promise<{ status: string; items: WidgetMessage[] }> {
      const response = await fetch(
        url(`/${id}/messages${after ? `?after=${encodeURIComponent(after)}` : ''}`),
        {
          headers: { 'x-visitor-token': token },
        },
      );
      return response.ok ? response.json() : fail(response);
    },

    /**
     * Follows the conversation live (server-sent events: `message` and `status`) from after the
     * message `after`, until `signal` aborts or the stream ends.
     */
    async watch(
      id: string,
      token: string,
      after: string | undefined,
      onEvent: (event: StreamEvent) => void,
      signal: AbortSignal,
    ): Promise<void> {
      const response = await fetch(
        url(`/${id}/events${after ? `?after=${encodeURIComponent(after)}` : ''}`),
        {
          headers: { 'x-visitor-token': token, accept: 'text/event-stream' },
          signal,
        },
      );
      if (!response.ok || !response.body) return fail(response);
      await readEventStream(response.body, onEvent);
    },

    /** Sends `text` (as the customer of `identityToken`); `onDelta` gets the reply as it streams. */
    async send(
      id: string,
      token: string,
      text: string,
      onDelta: (text: string) => void,
      identityToken?: string,
    ): Promise<WidgetTurn> {
      const response = await fetch(url(`/${id}/messages`), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          'x-visitor-token': token,
          ...(identityToken ? { 'x-identity-token': identityToken } : {}),
        },
        body: JSON.stringify({ text }),
      });
      if (!response.ok || !response.body) return fail(response);
      let turn: WidgetTurn | undefined;
      let error: WidgetApiError | undefined;
      await readEventStream(response.body, ({ event, data }) => {
        const payload = data as {
          text?: string;
          status?: number;
          error?: { message?: string; code?: string };
        };
        if (event === 'message-delta') onDelta(payload.text ?? '');
        else if (event === 'turn-end') turn = data as WidgetTurn;
        else if (event === 'error')
          error = new WidgetApiError(
            payload.status ?? 500,
            payload.error?.message ?? '',
            payload.error?.code,
          );
      });
      if (error) throw error;
      if (!turn) throw new WidgetApiError(502, 'the reply stream ended early');
      return turn;
    },
  };
}

/** The API object. */
export type WidgetApi = ReturnType<typeof createWidgetApi>;
