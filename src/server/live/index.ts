// Live updates: events published after each committed conversation change, and the SSE streams
// that carry them to the widget and the admin UI.
import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '../../store/index.js';
import { createLocalLiveEvents, type LiveEvents } from './live-events.js';
import { createPostgresLiveEvents } from './postgres-live-events.js';

export type { LiveEvent, LiveEvents } from './live-events.js';
export { publishConversationChanges } from './publish-conversation-changes.js';
export {
  type ConversationStreams,
  createConversationStreams,
  eventStreamResponse,
  eventsQuery,
  type StreamCapSettings,
  type StreamConversationOptions,
} from './stream-conversation.js';

/** The live events of `store`: across servers through PostgreSQL when it is one, in process on SQLite. */
export async function createLiveEvents(store: Store, log: FastifyBaseLogger): Promise<LiveEvents> {
  if (store.postgres) return createPostgresLiveEvents(store.postgres, log);
  return createLocalLiveEvents();
}
