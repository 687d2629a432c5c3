// Live events: what changed in a conversation, published after its transaction committed, to the
// streams open on this server (in process) and, on PostgreSQL, on every server (LISTEN/NOTIFY).

/**
 * What happened, with ids only: receivers load what they show. `resync` (no conversation) says
 * events may have been missed (the connection to PostgreSQL was lost): every stream reads again.
 */
export type LiveEvent =
  | { type: 'message-added'; conversationId: string; messageId: string }
  | { type: 'status-changed'; conversationId: string; status: string }
  | { type: 'handoff'; conversationId: string }
  | { type: 'turn-ended'; conversationId: string }
  | { type: 'resync' };

/** Publishes and delivers live events; one per app. */
export interface LiveEvents {
  /** Sends `event` to the subscribers of its conversation on every server. Never throws. */
  publish: (event: Exclude<LiveEvent, { type: 'resync' }>) => void;
  /** Calls `listener` for each event of `conversationId`, and for every `resync`; returns the unsubscribe. */
  subscribe: (conversationId: string, listener: (event: LiveEvent) => void) => () => void;
  close: () => Promise<void>;
}

/** The subscribers of this process, by conversation: the in-process implementation, and the local half of the other. */
export function createLocalLiveEvents(): LiveEvents & { deliver: (event: LiveEvent) => void } {
  const listeners = new Map<string, Set<(event: LiveEvent) => void>>();
  function deliver(event: LiveEvent): void {
    const targets =
      event.type === 'resync'
        ? [...listeners.values()].flatMap((set) => [...set])
        : [...(listeners.get(event.conversationId) ?? [])];
    for (const listener of targets) listener(event);
  }
  return {
    deliver,
    publish: deliver,
    subscribe(conversationId, listener) {
      const set = listeners.get(conversationId) ?? new Set();
      listeners.set(conversationId, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(conversationId) === set) listeners.delete(conversationId);
      };
    },
    close: async () => listeners.clear(),
  };
}
