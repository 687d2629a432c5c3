// The store as the app uses it: each committed change of a conversation is published as a live event
// (after its transaction, whatever route, turn or recovery made it).
import type { Store } from '../../store/index.js';
import type { LiveEvents } from './live-events.js';

/** `store` with its conversation writes publishing to `live` once they are committed. */
export function publishConversationChanges(store: Store, live: LiveEvents): Store {
  const conversations = store.conversations;
  return {
    ...store,
    conversations: {
      ...conversations,
      async addMessage(conversationId, input) {
        const message = await conversations.addMessage(conversationId, input);
        live.publish({ type: 'message-added', conversationId, messageId: message.id });
        return message;
      },
      async addMessageAndTakeTurn(input) {
        const added = await conversations.addMessageAndTakeTurn(input);
        const { conversationId } = input;
        live.publish({ type: 'message-added', conversationId, messageId: added.message.id });
        return added;
      },
      async update(id, input) {
        const conversation = await conversations.update(id, input);
        if (conversation && input.status !== undefined)
          live.publish({ type: 'status-changed', conversationId: id, status: conversation.status });
        return conversation;
      },
      async commitTurn(input) {
        const result = await conversations.commitTurn(input);
        const conversationId = input.conversationId;
        if (input.handoff && result.outcome === 'answered') live.publish({ type: 'handoff', conversationId });
        else if (result.reply)
          live.publish({ type: 'message-added', conversationId, messageId: result.reply.id });
        else live.publish({ type: 'turn-ended', conversationId });
        return result;
      },
      async releaseTurn(input) {
        await conversations.releaseTurn(input);
        const conversationId = input.conversationId;
        live.publish(
          input.handover ? { type: 'handoff', conversationId } : { type: 'turn-ended', conversationId },
        );
      },
    },
  };
}
