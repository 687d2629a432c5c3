// Conversations with their messages and turn traces, and the turn protocol that makes a turn one
// unit of work: one turn at a time per conversation (a lease on the conversation's row), an atomic
// claim of the pending action, and a turn's results committed in one transaction.

import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { PENDING, prepareConversationQueries } from './conversation-queries.js';
import { newId } from './new-id.js';
import type { QueryTarget } from './prepare-query.js';
import type {
  Conversation,
  ConversationIdentity,
  ConversationStatus,
  Message,
  MessageRole,
  ReplyState,
  TurnOutcome,
  TurnTrace,
} from './records.js';
import type { ConversationTable, Database, MessageTable, TurnTraceTable } from './schema.js';
import { now, parseJson, type StoreContext } from './store-context.js';
import { prepareHandoffDelivery } from './webhook-delivery-repository.js';

/** The hand-off reason of a webhook when the caller gave none. */
const DEFAULT_HANDOFF_REASON = 'the conversation needs a person';

/** Filters of `list`; results are newest first, those waiting for a human before the others. */
export interface ListConversationsOptions {
  propertyId?: string;
  agentId?: string;
  status?: ConversationStatus;
  /** Only conversations with customer messages the agent did not answer (failed, cancelled, handed over). */
  unanswered?: boolean;
  /** Page size, 1 to 200 (default 50). */
  limit?: number;
  /** The `next` cursor of the previous page. */
  cursor?: string;
  /**
   * Skip this many instead (older clients); the page's `next` is then the next offset. Deep offsets
   * cost a scan of the rows skipped: page with `cursor`.
   */
  offset?: number;
}

/** Thrown for a conversation-list cursor this store did not hand out. */
export class InvalidCursorError extends Error {
  constructor() {
    super('cursor is not a `next` value of this list');
    this.name = 'InvalidCursorError';
  }
}

/** Where a page ends: the list's segment (waiting for a person, then the others), and the last row's keys. */
interface ConversationCursor {
  segment: number;
  updatedAt: string;
  id: string;
}

function encodeCursor({ segment, updatedAt, id }: ConversationCursor): string {
  return Buffer.from(`${segment}|${updatedAt}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): ConversationCursor {
  const [segment, updatedAt, id, ...rest] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!['0', '1'].includes(segment) || !updatedAt || !id || rest.length > 0) throw new InvalidCursorError();
  return { segment: Number(segment), updatedAt, id };
}

/** Thrown when a turn commits after losing the conversation (its lease ran out and another turn took it). */
export class TurnLostError extends Error {
  constructor(readonly conversationId: string) {
    super(`the turn no longer holds conversation ${conversationId}: its lease ran out`);
    this.name = 'TurnLostError';
  }
}

/** Identifies a running turn: the conversation it holds, its id, and the customer message it answers. */
export interface TurnHandle {
  conversationId: string;
  turnId: string;
  /** The customer message the turn answers. */
  messageId: string;
}

/** What a turn produced, to be stored at once or not at all. */
export interface CommitTurnInput extends TurnHandle {
  /** The reply for the customer; null when the turn stopped without one. */
  reply: string | null;
  /** The turn's trace steps. */
  steps: unknown[];
  /** The new write action awaiting confirmation (its `id` is what a later turn claims), or null. */
  pendingAction: { id: string } | null;
  /** Hand the conversation to a person (status `waiting-for-human`). */
  handoff?: boolean;
  /** Why it is handed over: queues the agent's hand-off webhook (if it has one) in the same transaction. */
  handoffReason?: string;
  /** A note for the business, stored as a system message after the reply (never shown to the customer). */
  note?: string;
  /** The customer left during the turn: keep the trace, store no reply. */
  cancelled?: boolean;
}

/** What a commit stored. */
export interface CommitTurnResult {
  /** `answered`; `dropped` when a person took over or the conversation closed meanwhile; `cancelled`. */
  outcome: Exclude<TurnOutcome, 'handed-over'>;
  /** The stored reply, when the outcome is `answered`. */
  reply: Message | null;
  /** The conversation after the commit. */
  conversation: Conversation;
}

/** A turn that ends without an ordinary commit: failed, or handed to a person with a note. */
export interface ReleaseTurnInput extends TurnHandle {
  /** What became of the customer message. */
  replyState: Exclude<ReplyState, 'pending' | 'answered'>;
  /** Hand over: tell the customer `reply`, leave `note` for the business, drop the pending action. */
  handover?: { reply: string; note: string; steps: unknown[]; reason?: string };
}

/** What binding an identity to a conversation did. */
export type BindIdentityResult = 'bound' | 'other-customer' | 'missing';

function toIdentity(row: ConversationTable): ConversationIdentity | null {
  const stored = parseJson<Omit<ConversationIdentity, 'expiresAt'> | null>(row.identity_json, null);
  return stored && { ...stored, expiresAt: row.identity_expires_at };
}

/** The columns that hold `identity`. */
function identityColumns(identity: ConversationIdentity) {
  const { expiresAt, ...stored } = identity;
  return {
    identity_json: JSON.stringify(stored),
    identity_subject: identity.sub,
    identity_expires_at: expiresAt,
  };
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
    pendingActionClaimedAt: row.pending_action_claimed_at,
    identity: toIdentity(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toMessage(row: MessageTable): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    role: row.role as MessageRole,
    text: row.text,
    replyState: row.reply_state as ReplyState | null,
    replyTo: row.reply_to,
    createdAt: row.created_at,
  };
}

function toTrace(row: TurnTraceTable): TurnTrace {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    messageId: row.message_id,
    customerMessageId: row.customer_message_id,
    outcome: row.outcome as TurnOutcome,
    droppedReply: row.dropped_reply,
    steps: parseJson<unknown[]>(row.steps_json, []),
    createdAt: row.created_at,
  };
}

/** Reply states of customer messages the agent did not answer, which the business should see. */
const UNANSWERED_STATES: ReplyState[] = ['failed', 'cancelled', 'handed-over'];

/**
 * `UNANSWERED_STATES` as literals of the SQL, in the order of the partial index `messages_unanswered`,
 * which serves a query only when its condition is the index's (parameters would not match).
 */
const UNANSWERED_STATE_LITERALS = UNANSWERED_STATES.map((state) => sql.lit(state));

function later(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}

const noPendingAction = {
  pending_action_json: null,
  pending_action_id: null,
  pending_action_claimed_at: null,
  pending_action_claimed_by: null,
} as const;

/** The prepared queries of one store's conversations. */
type Queries = ReturnType<typeof prepareConversationQueries>;

/** Marks the conversation as having an unanswered customer message, when `state` is one. */
async function markUnanswered(
  queries: Queries,
  from: QueryTarget,
  conversationId: string,
  state: ReplyState | undefined,
): Promise<void> {
  if (!state || !UNANSWERED_STATES.includes(state)) return;
  await queries.markUnanswered.run({ id: conversationId }, from);
}

/**
 * Deletes in batches so no statement holds the database long: `pick` the next batch's ids, `remove`
 * them, until a batch comes back short. Returns how many rows went.
 */
async function deleteInBatches(
  batch: number,
  pick: () => Promise<{ id: string }[]>,
  remove: (ids: string[]) => Promise<{ numDeletedRows: bigint }>,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    const ids = await pick();
    if (ids.length === 0) return deleted;
    deleted += Number((await remove(ids.map((row) => row.id))).numDeletedRows);
    if (ids.length < batch) return deleted;
  }
}

/** What a new message is made of. */
interface MessageInput {
  role: MessageRole;
  text: string;
  replyState?: ReplyState;
  replyTo?: string;
  leaseMs?: number;
}

/** The row of a new message of `conversationId`, not stored yet. */
function messageRow(conversationId: string, input: MessageInput): MessageTable {
  return {
    id: newId(),
    conversation_id: conversationId,
    role: input.role,
    text: input.text,
    reply_state: input.replyState ?? null,
    lease_expires_at: input.leaseMs === undefined ? null : later(input.leaseMs),
    reply_to: input.replyTo ?? null,
    created_at: now(),
  };
}

/** Stores the message `row` (made by `messageRow`), marking its conversation when it is unanswered. */
async function storeMessage(queries: Queries, from: QueryTarget, row: MessageTable): Promise<Message> {
  await queries.insertMessage.run(row, from);
  await markUnanswered(
    queries,
    from,
    row.conversation_id,
    (row.reply_state as ReplyState | null) ?? undefined,
  );
  return toMessage(row);
}

async function insertMessage(
  queries: Queries,
  from: QueryTarget,
  conversationId: string,
  input: MessageInput,
): Promise<Message> {
  return storeMessage(queries, from, messageRow(conversationId, input));
}

async function insertTrace(
  queries: Queries,
  from: QueryTarget,
  input: {
    conversationId: string;
    messageId: string | null;
    customerMessageId: string;
    outcome: TurnOutcome;
    droppedReply?: string | null;
    steps: unknown[];
  },
): Promise<void> {
  await queries.insertTrace.run(
    {
      id: newId(),
      conversation_id: input.conversationId,
      message_id: input.messageId,
      customer_message_id: input.customerMessageId,
      outcome: input.outcome,
      dropped_reply: input.droppedReply || null,
      steps_json: JSON.stringify(input.steps),
      created_at: now(),
    },
    from,
  );
}

/**
 * Takes the conversation's row lock for the rest of the transaction; undefined when `turnId` lost
 * it. The row comes with `human_since`: a person's reply since the turn's message, if any.
 */
function holdTurn(queries: Queries, transaction: QueryTarget, handle: TurnHandle) {
  const { conversationId, turnId, messageId } = handle;
  return queries.holdTurn.first({ conversationId, turnId, messageId, time: now() }, transaction);
}

/** The conversation's columns of `row` (which may carry more). */
function conversationColumns({ human_since: _, ...row }: ConversationTable & { human_since: unknown }) {
  return row;
}

/** Creates the conversation repository over a store context. */
export function createConversationRepository({ db, prepare, transaction: inTransaction }: StoreContext) {
  const queries = prepareConversationQueries(prepare);
  const enqueueHandoffDelivery = prepareHandoffDelivery(prepare);
  /**
   * The usual commit of a turn with a reply, its conversation written first and once: undefined,
   * with nothing written, when the turn lost the conversation, a person took over or it is no
   * longer open (the caller then reads why).
   */
  async function commitAnswered(
    transaction: QueryTarget,
    input: CommitTurnInput,
    text: string,
  ): Promise<CommitTurnResult | undefined> {
    const { conversationId, turnId, messageId } = input;
    const replyRow = messageRow(conversationId, { role: 'agent', text, replyTo: messageId });
    const values = {
      conversationId,
      turnId,
      messageId,
      pending_action_json: input.pendingAction ? JSON.stringify(input.pendingAction) : null,
      pending_action_id: input.pendingAction?.id ?? null,
      pending_action_claimed_at: null,
      pending_action_claimed_by: null,
    };
    // A conversation that stays open keeps its time, its customer message's (set when the message
    // took the turn): its row is written once per turn where the lists' indexes read it.
    const written = input.handoff
      ? await queries.finishAnsweredTurnMoving.first(
          { ...values, status: 'waiting-for-human', updated_at: replyRow.created_at },
          transaction,
        )
      : await queries.finishAnsweredTurn.first(values, transaction);
    if (!written) return undefined;
    const reply = await storeMessage(queries, transaction, replyRow);
    if (input.note)
      await insertMessage(queries, transaction, conversationId, { role: 'system', text: input.note });
    await insertTrace(queries, transaction, {
      conversationId,
      messageId: reply.id,
      customerMessageId: messageId,
      outcome: 'answered',
      steps: input.steps,
    });
    await queries.setReplyState.run({ id: messageId, replyState: 'answered' }, transaction);
    if (input.handoff)
      await enqueueHandoffDelivery(transaction, {
        conversationId,
        reason: input.handoffReason ?? DEFAULT_HANDOFF_REASON,
      });
    return { outcome: 'answered', reply, conversation: toConversation(written) };
  }
  async function get(id: string) {
    const row = await queries.byId.first({ id });
    return row && toConversation(row);
  }

  return {
    async create(input: {
      agentId: string;
      propertyId: string;
      visitorId?: string | null;
      metadata?: Record<string, unknown>;
      /** The verified customer it acts for (never another one afterwards). */
      identity?: ConversationIdentity | null;
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
        pending_action_id: null,
        pending_action_claimed_at: null,
        pending_action_claimed_by: null,
        turn_id: null,
        turn_expires_at: null,
        ...(input.identity
          ? identityColumns(input.identity)
          : { identity_json: null, identity_subject: null, identity_expires_at: null }),
        has_unanswered: 0,
        created_at: time,
        updated_at: time,
      };
      await db.insertInto('conversations').values(row).execute();
      return toConversation(row);
    },
    /**
     * Binds `identity` to the conversation, or refreshes it (claims, expiry) for the same customer: one
     * conditional update, so of two requests with different customers at once only one can win.
     * `other-customer` when the conversation acts for another `sub` (it never changes once set).
     */
    async bindIdentity(conversationId: string, identity: ConversationIdentity): Promise<BindIdentityResult> {
      const result = await db
        .updateTable('conversations')
        .set({ ...identityColumns(identity), updated_at: now() })
        .where('id', '=', conversationId)
        .where((eb) => eb.or([eb('identity_subject', 'is', null), eb('identity_subject', '=', identity.sub)]))
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) > 0) return 'bound';
      return (await get(conversationId)) ? 'other-customer' : 'missing';
    },
    /** Ends the identity now (the customer signed out); the conversation still never acts for another. */
    async endIdentity(conversationId: string): Promise<void> {
      const time = now();
      await db
        .updateTable('conversations')
        .set({ identity_expires_at: time, updated_at: time })
        .where('id', '=', conversationId)
        .where('identity_subject', 'is not', null)
        .where((eb) => eb.or([eb('identity_expires_at', 'is', null), eb('identity_expires_at', '>', time)]))
        .execute();
    },
    get: (id: string): Promise<Conversation | undefined> => get(id),
    /**
     * Conversations with, for each, `unanswered`: its customer messages the agent did not answer.
     * Without a status filter the list has two segments, those waiting for a person then the others,
     * each read newest first from its own index and paged by keyset (no sort of all the rows).
     */
    async list(
      options: ListConversationsOptions = {},
    ): Promise<{ items: (Conversation & { unanswered: number })[]; next?: string | number }> {
      const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
      const after = options.cursor === undefined ? undefined : decodeCursor(options.cursor);
      const offset = after ? 0 : (options.offset ?? 0);
      const unansweredMessages = (eb: ExpressionBuilder<Database, 'conversations'>) =>
        eb
          .selectFrom('messages')
          .whereRef('messages.conversation_id', '=', 'conversations.id')
          .where('messages.reply_state', 'in', UNANSWERED_STATE_LITERALS);
      const segments: ((eb: ExpressionBuilder<Database, 'conversations'>) => Expression<SqlBool>)[] =
        options.status
          ? [(eb) => eb('status', '=', options.status!)]
          : [(eb) => eb('status', '=', 'waiting-for-human'), (eb) => eb('status', '!=', 'waiting-for-human')];
      const filtered = (segment: number) => {
        let query = db.selectFrom('conversations').where(segments[segment]);
        if (options.propertyId) query = query.where('property_id', '=', options.propertyId);
        if (options.agentId) query = query.where('agent_id', '=', options.agentId);
        // A literal, as the partial indexes of unanswered conversations have it.
        if (options.unanswered) query = query.where('has_unanswered', '=', sql.lit(1));
        return query;
      };
      const rows: { segment: number; row: ConversationTable & { unanswered: unknown } }[] = [];
      let skip = offset;
      for (let segment = after?.segment ?? 0; segment < segments.length && rows.length <= limit; segment++) {
        let query = filtered(segment)
          .selectAll()
          .select((eb) => unansweredMessages(eb).select(eb.fn.countAll().as('count')).as('unanswered'));
        if (after && segment === after.segment)
          query = query.where((eb) =>
            eb(eb.refTuple('updated_at', 'id'), '<', eb.tuple(after.updatedAt, after.id)),
          );
        const wanted = limit + 1 - rows.length;
        const page = await query
          .orderBy('updated_at', 'desc')
          .orderBy('id', 'desc')
          .limit(wanted)
          .offset(skip)
          .execute();
        rows.push(...page.map((row) => ({ segment, row })));
        if (skip > 0 && page.length < wanted && segment + 1 < segments.length) {
          // The offset reaches past this segment: skip what is left of it in the next one.
          const counted = await filtered(segment)
            .select((eb) => eb.fn.countAll().as('count'))
            .executeTakeFirstOrThrow();
          skip = Math.max(0, skip - Number(counted.count));
        } else skip = 0;
      }
      const items = rows
        .slice(0, limit)
        .map(({ row }) => ({ ...toConversation(row), unanswered: Number(row.unanswered ?? 0) }));
      if (rows.length <= limit) return { items };
      if (options.cursor === undefined && options.offset !== undefined)
        return { items, next: offset + limit };
      const last = rows[limit - 1];
      return {
        items,
        next: encodeCursor({ segment: last.segment, updatedAt: last.row.updated_at, id: last.row.id }),
      };
    },
    /**
     * Changes status or metadata, or drops the pending action (`pendingAction: null`). A person's
     * change needs no turn lease: a running turn finds it when it commits, and yields.
     */
    async update(
      id: string,
      input: {
        status?: ConversationStatus;
        pendingAction?: null;
        metadata?: Record<string, unknown>;
      },
    ): Promise<Conversation | undefined> {
      const changes: Partial<ConversationTable> = { updated_at: now() };
      if (input.status !== undefined) changes.status = input.status;
      if (input.metadata !== undefined) changes.metadata_json = JSON.stringify(input.metadata);
      if (input.pendingAction === null) Object.assign(changes, noPendingAction);
      await db.updateTable('conversations').set(changes).where('id', '=', id).execute();
      return get(id);
    },
    /** Adds a message; a customer message awaiting its turn is `pending`, waited for until `leaseMs` from now. */
    async addMessage(
      conversationId: string,
      input: { role: MessageRole; text: string; replyState?: ReplyState; leaseMs?: number },
    ): Promise<Message> {
      return inTransaction(async (transaction) => {
        const message = await insertMessage(queries, transaction, conversationId, input);
        await queries.touch.run({ id: conversationId, time: message.createdAt }, transaction);
        return message;
      });
    },
    /**
     * Adds the customer message a turn answers (`pending`, waited for until `leaseMs` from now) and,
     * in the same transaction, takes the conversation for that turn when it is free (as `takeTurn`):
     * `conversation` is the conversation as the turn took it, undefined when the turn must wait.
     */
    async addMessageAndTakeTurn(input: {
      conversationId: string;
      turnId: string;
      text: string;
      leaseMs: number;
    }): Promise<{ message: Message; conversation?: Conversation }> {
      const { conversationId, turnId, leaseMs } = input;
      return inTransaction(async (transaction) => {
        const row = messageRow(conversationId, {
          role: 'customer',
          text: input.text,
          replyState: 'pending',
          leaseMs,
        });
        const message = await storeMessage(queries, transaction, row);
        const keys = { conversationId, turnId, messageId: message.id, time: message.createdAt };
        const taken = await queries.acquireTurnTouching.first(
          { ...keys, expiresAt: later(leaseMs) },
          transaction,
        );
        if (taken) return { message, conversation: toConversation(taken) };
        await queries.touch.run({ id: conversationId, time: message.createdAt }, transaction);
        return { message };
      });
    },
    /** Messages oldest first; with `after`, only those newer than that message id. */
    async listMessages(conversationId: string, options: { after?: string } = {}): Promise<Message[]> {
      let query = db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId);
      if (options.after) query = query.where('id', '>', options.after);
      const rows = await query.orderBy('id').execute();
      return rows.map(toMessage);
    },
    /**
     * The conversation as the turn answering `messageId` sees it, newest first, at most `limit`
     * messages older than `before` (a message id) when given: the customer's, the agent's and
     * people's messages, without system notes or customer messages queued after `messageId` (a reply
     * to an earlier message may come after it). One index range, however long the conversation.
     */
    async listHistory(
      conversationId: string,
      options: { messageId: string; limit: number; before?: string },
    ): Promise<Message[]> {
      const history = options.before ? queries.historyBefore : queries.latestHistory;
      const rows = await history.all({ conversationId, ...options });
      return rows.map(toMessage);
    },
    async addTrace(
      conversationId: string,
      input: { messageId?: string | null; steps: unknown[] },
    ): Promise<TurnTrace> {
      const row: TurnTraceTable = {
        id: newId(),
        conversation_id: conversationId,
        message_id: input.messageId ?? null,
        customer_message_id: null,
        outcome: 'answered',
        dropped_reply: null,
        steps_json: JSON.stringify(input.steps),
        created_at: now(),
      };
      await db.insertInto('turn_traces').values(row).execute();
      return toTrace(row);
    },
    async listTraces(conversationId: string): Promise<TurnTrace[]> {
      const rows = await db
        .selectFrom('turn_traces')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .orderBy('id')
        .execute();
      return rows.map(toTrace);
    },

    /**
     * Starts a turn for `messageId` when the conversation is free (no turn, or one whose lease ran
     * out) and no older customer message is still waited for: one conditional update, which only one
     * caller can win, on every server sharing the database. True when this turn now holds it.
     */
    async acquireTurn(handle: TurnHandle & { leaseMs: number }): Promise<boolean> {
      return (await this.takeTurn(handle)) !== undefined;
    },
    /** As `acquireTurn`, returning the conversation as the turn took it (undefined when it did not). */
    async takeTurn(handle: TurnHandle & { leaseMs: number }): Promise<Conversation | undefined> {
      const { conversationId, turnId, messageId } = handle;
      const row = await queries.acquireTurn.first({
        conversationId,
        turnId,
        messageId,
        expiresAt: later(handle.leaseMs),
        time: now(),
      });
      return row && toConversation(row);
    },
    /** Extends a waiting customer message's lease, so younger messages keep waiting behind it. */
    async renewMessageLease(messageId: string, leaseMs: number): Promise<void> {
      await queries.renewMessageLease.run({ messageId, until: later(leaseMs) });
    },
    /** Extends a running turn's lease (and its message's); false when the turn lost the conversation. */
    async renewTurn(handle: TurnHandle & { leaseMs: number }): Promise<boolean> {
      const until = later(handle.leaseMs);
      const { conversationId, turnId, messageId } = handle;
      const renewed = await queries.renewTurn.run({ conversationId, turnId, until });
      await queries.renewMessageLease.run({ messageId, until });
      return renewed > 0;
    },
    /**
     * Whether a running turn may go on: `open`; `taken-over` when a person replied since its message
     * or the conversation is no longer open; `lost` when another turn holds the conversation.
     */
    async readTurn(handle: TurnHandle): Promise<'open' | 'taken-over' | 'lost'> {
      // One statement: it runs before every model call of every turn.
      const { conversationId, turnId, messageId } = handle;
      const row = await queries.readTurn.first({ conversationId, turnId, messageId });
      if (!row || row.turn_id !== handle.turnId) return 'lost';
      return row.status !== 'open' || row.human_since ? 'taken-over' : 'open';
    },
    /**
     * Claims the pending action `actionId` for the turn, before it runs: a conditional update only
     * one turn can win. A claimed action never runs again, whatever happens to the turn.
     */
    async claimPendingAction(input: { conversationId: string; turnId: string; actionId: string }) {
      const { conversationId, turnId, actionId } = input;
      return (await queries.claimPendingAction.run({ conversationId, turnId, actionId, time: now() })) > 0;
    },
    /**
     * Stores what a turn produced in one transaction: reply, trace, pending action, status, the
     * customer message's state, and the end of the turn's lease. When a person took over (or the
     * conversation closed) since the turn began, the reply is kept in the trace only and the status
     * stays theirs. Throws TurnLostError, storing nothing, when the turn no longer holds the
     * conversation.
     */
    async commitTurn(input: CommitTurnInput): Promise<CommitTurnResult> {
      return inTransaction(async (transaction) => {
        if (!input.cancelled && input.reply !== null) {
          const answered = await commitAnswered(transaction, input, input.reply);
          if (answered) return answered;
        }
        const held = await holdTurn(queries, transaction, input);
        if (!held) throw new TurnLostError(input.conversationId);
        const outcome: CommitTurnResult['outcome'] = input.cancelled
          ? 'cancelled'
          : held.status !== 'open' || held.human_since || input.reply === null
            ? 'dropped'
            : 'answered';
        const reply =
          outcome === 'answered'
            ? await insertMessage(queries, transaction, input.conversationId, {
                role: 'agent',
                text: input.reply ?? '',
                replyTo: input.messageId,
              })
            : null;
        if (reply && input.note)
          await insertMessage(queries, transaction, input.conversationId, {
            role: 'system',
            text: input.note,
          });
        await insertTrace(queries, transaction, {
          conversationId: input.conversationId,
          messageId: reply?.id ?? null,
          customerMessageId: input.messageId,
          outcome,
          droppedReply: reply ? null : input.reply,
          steps: input.steps,
        });
        const replyState: ReplyState =
          outcome === 'answered' ? 'answered' : outcome === 'cancelled' ? 'cancelled' : 'for-person';
        await queries.setReplyState.run({ id: input.messageId, replyState }, transaction);
        await markUnanswered(queries, transaction, input.conversationId, replyState);
        const changes: Partial<ConversationTable> = { turn_id: null, turn_expires_at: null };
        if (outcome === 'answered') {
          if (input.handoff) {
            changes.status = 'waiting-for-human';
            await enqueueHandoffDelivery(transaction, {
              conversationId: input.conversationId,
              reason: input.handoffReason ?? DEFAULT_HANDOFF_REASON,
            });
          }
          Object.assign(
            changes,
            input.pendingAction
              ? {
                  ...noPendingAction,
                  pending_action_json: JSON.stringify(input.pendingAction),
                  pending_action_id: input.pendingAction.id,
                }
              : noPendingAction,
          );
        } else {
          // What this turn proposed or ran is over; nothing of it may run on a later yes.
          Object.assign(changes, noPendingAction);
        }
        if (reply) changes.updated_at = reply.createdAt;
        // The row as held, with this commit's changes: written whole, and no statement to read it again.
        const row = { ...conversationColumns(held), ...changes };
        await queries.finishTurn.run(row, transaction);
        return { outcome, reply, conversation: toConversation(row) };
      });
    },
    /**
     * Ends a turn without an ordinary commit, in one transaction: marks its message (`failed`,
     * `for-person`, `cancelled`, or `handed-over` with a reply for the customer and a note for the
     * business) and frees the conversation. A hand-over needs the turn to still hold it.
     */
    async releaseTurn(input: ReleaseTurnInput): Promise<void> {
      await db.transaction().execute(async (transaction) => {
        const held = await holdTurn(queries, transaction, input);
        await queries.setReplyState.run({ id: input.messageId, replyState: input.replyState }, transaction);
        await markUnanswered(queries, transaction, input.conversationId, input.replyState);
        if (!held) {
          if (input.handover) throw new TurnLostError(input.conversationId);
          return;
        }
        const changes: Partial<ConversationTable> = { turn_id: null, turn_expires_at: null };
        if (input.handover) {
          const reply = await insertMessage(queries, transaction, input.conversationId, {
            role: 'agent',
            text: input.handover.reply,
            replyTo: input.messageId,
          });
          await insertMessage(queries, transaction, input.conversationId, {
            role: 'system',
            text: input.handover.note,
          });
          await insertTrace(queries, transaction, {
            conversationId: input.conversationId,
            messageId: reply.id,
            customerMessageId: input.messageId,
            outcome: 'handed-over',
            steps: input.handover.steps,
          });
          await enqueueHandoffDelivery(transaction, {
            conversationId: input.conversationId,
            reason: input.handover.reason ?? DEFAULT_HANDOFF_REASON,
          });
          Object.assign(changes, noPendingAction, {
            status: 'waiting-for-human',
            updated_at: reply.createdAt,
          });
        }
        await transaction
          .updateTable('conversations')
          .set(changes)
          .where('id', '=', input.conversationId)
          .execute();
      });
    },
    /**
     * Retention: deletes turn traces made before `before` (ISO time), in batches so no statement
     * holds the database long; returns how many.
     */
    async deleteTracesOlderThan(before: string, batch = 1000): Promise<number> {
      return deleteInBatches(
        batch,
        () =>
          db.selectFrom('turn_traces').select('id').where('created_at', '<', before).limit(batch).execute(),
        (ids) => db.deleteFrom('turn_traces').where('id', 'in', ids).executeTakeFirst(),
      );
    },
    /**
     * Retention: deletes the conversations with no activity since `before` (ISO time), with their
     * messages and traces, in batches; a conversation a turn still holds stays. Returns how many.
     */
    async deleteInactiveSince(before: string, batch = 500): Promise<number> {
      // One time per batch, for its choice and its delete alike.
      let time = now();
      const idle = (eb: ExpressionBuilder<Database, 'conversations'>) =>
        eb.and([
          eb('updated_at', '<', before),
          eb.or([eb('turn_id', 'is', null), eb('turn_expires_at', '<', time)]),
        ]);
      // Property by property: each one's inactive conversations are a range of its recency index.
      const properties = await db.selectFrom('properties').select('id').orderBy('id').execute();
      let deleted = 0;
      for (const property of properties)
        deleted += await deleteInBatches(
          batch,
          () => {
            time = now();
            return db
              .selectFrom('conversations')
              .select('id')
              .where('property_id', '=', property.id)
              .where(idle)
              .limit(batch)
              .execute();
          },
          // The condition again: a message or a turn that came meanwhile keeps the conversation.
          (ids) => db.deleteFrom('conversations').where('id', 'in', ids).where(idle).executeTakeFirst(),
        );
      return deleted;
    },
    /** Sets a customer message's state outside a turn (it never got one: the customer left, or it waited too long). */
    async setReplyState(messageId: string, replyState: Exclude<ReplyState, 'pending'>): Promise<void> {
      await db.transaction().execute(async (transaction) => {
        const changed = await transaction
          .updateTable('messages')
          .set({ reply_state: replyState, lease_expires_at: null })
          .where('id', '=', messageId)
          .where('reply_state', '=', 'pending')
          .returning('conversation_id')
          .executeTakeFirst();
        if (changed) await markUnanswered(queries, transaction, changed.conversation_id, replyState);
      });
    },
    /**
     * The agents of the conversations most recently active, newest first, at most `limit` of them:
     * whose catalogs a starting server prepares first.
     */
    async listRecentAgentIds(limit: number): Promise<string[]> {
      const rows = await db
        .selectFrom('conversations')
        .select('agent_id')
        .groupBy('agent_id')
        .orderBy((eb) => eb.fn.max('updated_at'), 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => row.agent_id);
    },
    /**
     * Customer messages left pending by a crash, oldest conversation first and each conversation's
     * oldest first: nobody waits for them (lease over) and no turn holds their conversation (none,
     * or its lease is over).
     */
    async listOrphanedMessages(options: { limit?: number } = {}): Promise<Message[]> {
      const time = now();
      const rows = await db
        .selectFrom('messages')
        .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
        .selectAll('messages')
        .where('messages.reply_state', '=', PENDING)
        .where((eb) =>
          eb.or([eb('messages.lease_expires_at', 'is', null), eb('messages.lease_expires_at', '<', time)]),
        )
        .where((eb) =>
          eb.or([eb('conversations.turn_id', 'is', null), eb('conversations.turn_expires_at', '<', time)]),
        )
        // The order of `messages_pending`: each conversation's in turn, oldest first (ids sort by time).
        .orderBy('messages.conversation_id')
        .orderBy('messages.id')
        .limit(options.limit ?? 100)
        .execute();
      return rows.map(toMessage);
    },
  };
}

/** The conversation repository. */
export type ConversationRepository = ReturnType<typeof createConversationRepository>;
