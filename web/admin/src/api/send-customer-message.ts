// Sends a customer message in the preview and follows the turn as it streams (server-sent events).
import { readEventStream } from '../../../shared/read-event-stream';
import { ApiError, authHeaders, toApiError } from './client';
import type { TurnResult } from './types';

/** What happens while a turn runs, in order. */
export interface TurnCallbacks {
  onToolCallStart?: (event: { tool: string; args: unknown }) => void;
  onToolCallEnd?: (event: {
    tool: string;
    outcome: string;
    status?: number;
    durationMs: number;
    excerpt: string;
  }) => void;
  onDelta?: (text: string) => void;
}

/** Posts `text` to the conversation and resolves with the finished turn. */
export async function sendCustomerMessage(
  conversationId: string,
  text: string,
  callbacks: TurnCallbacks,
): Promise<TurnResult> {
  const response = await fetch(`/api/v1/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: { ...authHeaders(), 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ text }),
  });
  if (!response.ok || !response.body) throw await toApiError(response);
  let result: TurnResult | undefined;
  let failure: ApiError | undefined;
  await readEventStream(response.body, ({ event, data }) => {
    const payload = data as Record<string, unknown>;
    if (event === 'tool-call-start') callbacks.onToolCallStart?.(payload as { tool: string; args: unknown });
    else if (event === 'tool-call-end')
      callbacks.onToolCallEnd?.(payload as Parameters<NonNullable<TurnCallbacks['onToolCallEnd']>>[0]);
    else if (event === 'message-delta') callbacks.onDelta?.(String(payload.text ?? ''));
    else if (event === 'turn-end') result = payload as unknown as TurnResult;
    else if (event === 'error') {
      const error = payload.error as { code?: string; message?: string } | undefined;
      failure = new ApiError(
        Number(payload.status) || 500,
        error?.code ?? 'error',
        error?.message ?? 'the turn failed',
      );
    }
  });
  if (failure) throw failure;
  if (!result) throw new ApiError(502, 'stream-ended', 'the reply stream ended before the turn finished');
  return result;
}
