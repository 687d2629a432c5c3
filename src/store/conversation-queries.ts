// The conversation repository's queries that every chat turn runs, prepared once (`prepare-query.ts`).

import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Param, QueryPreparer } from './prepare-query.js';
import { rowParams } from './prepare-query.js';
import type { ConversationTable, Database, MessageTable, TurnTraceTable } from './schema.js';

/** Every column of `messages`: an insert's values bound from a whole row. */
export const MESSAGE_COLUMNS: Record<keyof MessageTable, true> = {
  id: true,
  conversation_id: true,
  role: true,
  text: true,
  reply_state: true,
  lease_expires_at: true,
  reply_to: true,
  created_at: true,
};

const TRACE_COLUMNS: Record<keyof TurnTraceTable, true> = {
  id: true,
  conversation_id: true,
  message_id: true,
  customer_message_id: true,
  outcome: true,
  dropped_reply: true,
  steps_json: true,
  created_at: true,
};

/**
 * `'pending'` as a literal of the SQL, never a parameter: only then do SQLite and PostgreSQL use the
 * partial index `messages_pending` for it (SQLite would also plan a statement with the parameter again
 * at every run).
 */
export const PENDING = sql.lit('pending');

/** A running turn's keys, as the queries name them. */
type TurnKeys = { conversationId: string; turnId: string; messageId: string };

/** The first message a person wrote in the conversation after the turn's message: the turn is taken over. */
function personReplySince(
  eb: ExpressionBuilder<Database, 'conversations'>,
  param: Param<{ conversationId: string; messageId: string }>,
) {
  return eb
    .selectFrom('messages')
    .select('messages.id')
    .where('messages.conversation_id', '=', param('conversationId'))
    .where('messages.role', '=', 'human')
    .where('messages.id', '>', param('messageId'))
    .limit(1);
}

/** What `listHistory` reads by. */
type HistoryKeys = { conversationId: string; messageId: string; limit: number; before?: string };

/** The history of a turn as `listHistory` reads it, newest first; `bounded`: only before `before`. */
function historyQuery(db: Kysely<Database>, param: Param<HistoryKeys>, bounded: boolean) {
  let query = db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', param('conversationId'))
    .where('id', '!=', param('messageId'))
    .where('role', '!=', 'system')
    .where((eb) => eb.or([eb('role', '!=', 'customer'), eb('id', '<', param('messageId'))]));
  // Only the bounded query reads `before`, which is then always given.
  if (bounded) query = query.where('id', '<', param('before') as string);
  // Not a bare parameter: SQLite (3.53) plans a statement whose LIMIT is one again at every run, to
  // read the value bound; the cast leaves it a value like any other, planned once.
  return query.orderBy('id', 'desc').limit(sql<number>`cast(${param('limit')} as integer)`);
}

/** What taking a turn binds: the turn's keys, its lease's end, and the time now. */
type AcquireKeys = TurnKeys & { expiresAt: string; time: string };

/**
 * Takes the conversation for a turn when it is free (no turn, or one whose lease ran out) and no
 * older customer message is still waited for; `touch`: also sets `updated_at` to `time`.
 */
function acquireTurnQuery(db: Kysely<Database>, param: Param<AcquireKeys>, touch: boolean) {
  return db
    .updateTable('conversations')
    .set({
      turn_id: param('turnId'),
      turn_expires_at: param('expiresAt'),
      ...(touch ? { updated_at: param('time') } : {}),
    })
    .where('id', '=', param('conversationId'))
    .where((eb) => eb.or([eb('turn_id', 'is', null), eb('turn_expires_at', '<', param('time'))]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('messages')
            .select('messages.id')
            .where('messages.conversation_id', '=', param('conversationId'))
            // A literal, as the partial index `messages_pending` has it (see PENDING).
            .where('messages.reply_state', '=', PENDING)
            .where('messages.id', '<', param('messageId'))
            .where('messages.lease_expires_at', '>', param('time')),
        ),
      ),
    )
    .returningAll();
}

/** What the end of a turn writes to its conversation besides freeing it. */
type FinishedTurn = Pick<
  ConversationTable,
  | 'status'
  | 'updated_at'
  | 'pending_action_json'
  | 'pending_action_id'
  | 'pending_action_claimed_at'
  | 'pending_action_claimed_by'
>;

/** What the end of a turn that leaves the status as it is writes (see `finishedTurn`). */
type FinishedTurnInPlace = Omit<FinishedTurn, 'status' | 'updated_at'>;

/**
 * The conversation's columns at the end of a turn: free, with the pending action given; `moved`:
 * also the status and time given. Without them nothing indexed changes: no index entry is written
 * on SQLite, and PostgreSQL can update the row in place (HOT).
 */
function finishedTurn(param: Param<FinishedTurn>, moved: boolean) {
  return {
    turn_id: null,
    turn_expires_at: null,
    ...(moved ? { status: param('status'), updated_at: param('updated_at') } : {}),
    pending_action_json: param('pending_action_json'),
    pending_action_id: param('pending_action_id'),
    pending_action_claimed_at: param('pending_action_claimed_at'),
    pending_action_claimed_by: param('pending_action_claimed_by'),
  };
}

/**
 * Commits an answered turn's conversation in one write: frees it and sets its pending action (and,
 * `moved`, its status and time), when the turn still holds it, it is open and no person replied since
 * the turn's message. Returns the row as written; no row otherwise.
 */
function finishAnsweredTurnQuery(
  db: Kysely<Database>,
  param: Param<TurnKeys & FinishedTurn>,
  moved: boolean,
) {
  return db
    .updateTable('conversations')
    .set(finishedTurn(param, moved))
    .where('id', '=', param('conversationId'))
    .where('turn_id', '=', param('turnId'))
    .where('status', '=', 'open')
    .where((eb) => eb.not(eb.exists(personReplySince(eb, param))))
    .returningAll();
}

/** Prepares the turn's queries of one store. */
export function prepareConversationQueries(prepare: QueryPreparer) {
  return {
    byId: prepare<{ id: string }, ConversationTable>((db, param) =>
      db.selectFrom('conversations').selectAll().where('id', '=', param('id')),
    ),
    insertMessage: prepare<MessageTable, never>((db, param) =>
      db.insertInto('messages').values(rowParams(param, MESSAGE_COLUMNS)),
    ),
    insertTrace: prepare<TurnTraceTable, never>((db, param) =>
      db.insertInto('turn_traces').values(rowParams(param, TRACE_COLUMNS)),
    ),
    touch: prepare<{ id: string; time: string }, never>((db, param) =>
      db
        .updateTable('conversations')
        .set({ updated_at: param('time') })
        .where('id', '=', param('id')),
    ),
    markUnanswered: prepare<{ id: string }, never>((db, param) =>
      db
        .updateTable('conversations')
        .set({ has_unanswered: 1 })
        .where('id', '=', param('id'))
        .where('has_unanswered', '=', 0),
    ),
    setReplyState: prepare<{ id: string; replyState: string }, never>((db, param) =>
      db
        .updateTable('messages')
        .set({ reply_state: param('replyState'), lease_expires_at: null })
        .where('id', '=', param('id')),
    ),
    /** Takes a free conversation for a turn: the row as taken, none when it is not free. */
    acquireTurn: prepare<AcquireKeys, ConversationTable>((db, param) => acquireTurnQuery(db, param, false)),
    /** As `acquireTurn`, also setting the conversation's `updated_at` to `time` (its new message's). */
    acquireTurnTouching: prepare<AcquireKeys, ConversationTable>((db, param) =>
      acquireTurnQuery(db, param, true),
    ),
    /** Extends a running turn's lease; no row changed when the turn lost the conversation. */
    renewTurn: prepare<{ conversationId: string; turnId: string; until: string }, never>((db, param) =>
      db
        .updateTable('conversations')
        .set({ turn_expires_at: param('until') })
        .where('id', '=', param('conversationId'))
        .where('turn_id', '=', param('turnId')),
    ),
    /** Extends a waiting customer message's lease (a message answered meanwhile keeps none). */
    renewMessageLease: prepare<{ messageId: string; until: string }, never>((db, param) =>
      db
        .updateTable('messages')
        .set({ lease_expires_at: param('until') })
        .where('id', '=', param('messageId'))
        .where('reply_state', '=', 'pending'),
    ),
    /** Claims the pending action for the turn: one row changed for the one turn that wins it. */
    claimPendingAction: prepare<
      { conversationId: string; turnId: string; actionId: string; time: string },
      never
    >((db, param) =>
      db
        .updateTable('conversations')
        .set({ pending_action_claimed_at: param('time'), pending_action_claimed_by: param('turnId') })
        .where('id', '=', param('conversationId'))
        .where('turn_id', '=', param('turnId'))
        .where('status', '=', 'open')
        .where('pending_action_id', '=', param('actionId'))
        .where('pending_action_claimed_at', 'is', null),
    ),
    /** Whether a running turn may go on: the conversation's status and turn, and a person's reply since. */
    readTurn: prepare<TurnKeys, { status: string; turn_id: string | null; human_since: string | null }>(
      (db, param) =>
        db
          .selectFrom('conversations')
          .select(['status', 'turn_id'])
          .select((eb) => personReplySince(eb, param).as('human_since'))
          .where('id', '=', param('conversationId')),
    ),
    /**
     * Takes the conversation's row lock for the rest of a commit's transaction (a write first: it locks
     * the row on PostgreSQL and takes SQLite's write lock, so a concurrent writer waits instead of
     * failing the transaction later); no row when the turn lost it. Returns the row with a person's
     * reply since the turn's message, if any.
     */
    holdTurn: prepare<TurnKeys & { time: string }, ConversationTable & { human_since: string | null }>(
      (db, param) =>
        db
          .updateTable('conversations')
          .set({ updated_at: param('time') })
          .where('id', '=', param('conversationId'))
          .where('turn_id', '=', param('turnId'))
          .returningAll()
          .returning((eb) => personReplySince(eb, param).as('human_since')),
    ),
    /** Ends a commit: frees the conversation and writes its status, time and pending action as `row` has them. */
    finishTurn: prepare<ConversationTable, never>((db, param) =>
      db.updateTable('conversations').set(finishedTurn(param, true)).where('id', '=', param('id')),
    ),
    /**
     * Commits an answered turn that leaves the conversation open (`finishAnsweredTurnQuery`): its time
     * stays its customer message's, which took the turn. No row when the commit must take `holdTurn`'s way.
     */
    finishAnsweredTurn: prepare<TurnKeys & FinishedTurnInPlace, ConversationTable>((db, param) =>
      finishAnsweredTurnQuery(db, param as Param<TurnKeys & FinishedTurn>, false),
    ),
    /** As `finishAnsweredTurn`, also setting the status and time (a hand-off). */
    finishAnsweredTurnMoving: prepare<TurnKeys & FinishedTurn, ConversationTable>((db, param) =>
      finishAnsweredTurnQuery(db, param, true),
    ),
    latestHistory: prepare<HistoryKeys, MessageTable>((db, param) => historyQuery(db, param, false)),
    historyBefore: prepare<HistoryKeys, MessageTable>((db, param) => historyQuery(db, param, true)),
  };
}
