// Conversations with their messages and turn traces.

import { newId } from './new-id.js';
import type { Conversation, ConversationStatus, Message, MessageRole, TurnTrace } from './records.js';
import type { ConversationTable } from './schema.js';
import { now, parseJson, type StoreContext } from './store-context.js';

/** Filters of `list`; results are newest first, those waiting for a human before the others. */
export interface ListConversationsOptions {
  propertyId?: string;
  agentId?: string;
  status?: ConversationStatus;
  /** Page size, 1 to 200 (default 50). */
  limit?: number;
  /** Skip this many (from the previous page's `next`). */
  offset?: number;
}

function toConversation(row: ConversationTable): Conversation {
  return {
    id: row.id,
    agentId: row.agent_id,
    propertyId: row.property_id,
    status: row.status as ConversationStatus,
    visitorId: row.visitor_id,
    metadata: parseJson<Record<string, unknown>>(row.metadata_json, {}),
    pendingAction: parseJson<unknown>(row.pending_action_json, null),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Creates the conversation repository over a store context. */
export function createConversationRepository({ db }: StoreContext) {
  return {
    async create(input: {
      agentId: string;
      propertyId: string;
      visitorId?: string | null;
      metadata?: Record<string, unknown>;
    }): Promise<Conversation> {
      const time = now();
      const row: ConversationTable = {
        id: newId(),
        agent_id: input.agentId,
        property_id: input.propertyId,
        status: 'open',
        visitor_id: input.visitorId ?? null,
        metadata_json: JSON.stringify(input.metadata ?? {}),
        pending_action_json: null,
        created_at: time,
        updated_at: time,
      };
      await db.insertInto('conversations').values(row).execute();
      return toConversation(row);
    },
    async get(id: string): Promise<Conversation | undefined> {
      const row = await db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toConversation(row);
    },
    async list(options: ListConversationsOptions = {}): Promise<{ items: Conversation[]; next?: number }> {
      const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
      const offset = options.offset ?? 0;
      let query = db.selectFrom('conversations').selectAll();
      if (options.propertyId) query = query.where('property_id', '=', options.propertyId);
      if (options.agentId) query = query.where('agent_id', '=', options.agentId);
      if (options.status) query = query.where('status', '=', options.status);
      const rows = await query
        .orderBy((eb) => eb.case().when('status', '=', 'waiting-for-human').then(0).else(1).end())
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .offset(offset)
        .execute();
      const items = rows.slice(0, limit).map(toConversation);
      return rows.length > limit ? { items, next: offset + limit } : { items };
    },
    async update(
      id: string,
      input: {
        status?: ConversationStatus;
        pendingAction?: unknown | null;
        metadata?: Record<string, unknown>;
      },
    ): Promise<Conversation | undefined> {
      const changes: Partial<ConversationTable> = { updated_at: now() };
      if (input.status !== undefined) changes.status = input.status;
      if (input.metadata !== undefined) changes.metadata_json = JSON.stringify(input.metadata);
      if (input.pendingAction !== undefined) {
        changes.pending_action_json =
          input.pendingAction === null ? null : JSON.stringify(input.pendingAction);
      }
      await db.updateTable('conversations').set(changes).where('id', '=', id).execute();
      return this.get(id);
    },
    async addMessage(conversationId: string, input: { role: MessageRole; text: string }): Promise<Message> {
      const row = {
        id: newId(),
        conversation_id: conversationId,
        role: input.role,
        text: input.text,
        created_at: now(),
      };
      await db.insertInto('messages').values(row).execute();
      await db
        .updateTable('conversations')
        .set({ updated_at: row.created_at })
        .where('id', '=', conversationId)
        .execute();
      return { id: row.id, conversationId, role: input.role, text: input.text, createdAt: row.created_at };
    },
    /** Messages oldest first; with `after`, only those newer than that message id. */
    async listMessages(conversationId: string, options: { after?: string } = {}): Promise<Message[]> {
      let query = db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId);
      if (options.after) query = query.where('id', '>', options.after);
      const rows = await query.orderBy('id').execute();
      return rows.map((row) => ({
        id: row.id,
        conversationId: row.conversation_id,
        role: row.role as MessageRole,
        text: row.text,
        createdAt: row.created_at,
      }));
    },
    async addTrace(
      conversationId: string,
      input: { messageId?: string | null; steps: unknown[] },
    ): Promise<TurnTrace> {
      const row = {
        id: newId(),
        conversation_id: conversationId,
        message_id: input.messageId ?? null,
        steps_json: JSON.stringify(input.steps),
        created_at: now(),
      };
      await db.insertInto('turn_traces').values(row).execute();
      return {
        id: row.id,
        conversationId,
        messageId: row.message_id,
        steps: input.steps,
        createdAt: row.created_at,
      };
    },
    async listTraces(conversationId: string): Promise<TurnTrace[]> {
      const rows = await db
        .selectFrom('turn_traces')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        conversationId: row.conversation_id,
        messageId: row.message_id,
        steps: parseJson<unknown[]>(row.steps_json, []),
        createdAt: row.created_at,
      }));
    },
  };
}

/** The conversation repository. */
export type ConversationRepository = ReturnType<typeof createConversationRepository>;
