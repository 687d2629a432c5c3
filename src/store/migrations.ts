// Schema migrations, applied on start by Kysely's Migrator (tracked and locked, so running them twice,
// or from two servers at once, is safe).
import { type Kysely, type Migration, type MigrationProvider, SqliteAdapter, sql } from 'kysely';

async function createInitialTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('properties')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('agents')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('property_id', 'text', (column) =>
      column.notNull().references('properties.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('base_prompt', 'text', (column) => column.notNull())
    .addColumn('model_json', 'text', (column) => column.notNull())
    .addColumn('model_api_key_enc', 'text')
    .addColumn('public_key', 'text', (column) => column.notNull().unique())
    .addColumn('max_tool_steps', 'integer', (column) => column.notNull())
    .addColumn('handoff_webhook_url', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('agents_property').on('agents').column('property_id').execute();
  await db.schema
    .createTable('integrations')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('property_id', 'text', (column) =>
      column.notNull().references('properties.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('base_url', 'text', (column) => column.notNull())
    .addColumn('auth_type', 'text', (column) => column.notNull())
    .addColumn('auth_enc', 'text', (column) => column.notNull())
    .addColumn('timeout_ms', 'integer', (column) => column.notNull())
    .addColumn('allow_hosts_json', 'text', (column) => column.notNull())
    .addColumn('current_version', 'integer', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('integrations_property').on('integrations').column('property_id').execute();
  await db.schema
    .createTable('integration_versions')
    .addColumn('integration_id', 'text', (column) =>
      column.notNull().references('integrations.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('source_text', 'text', (column) => column.notNull())
    .addColumn('source_url', 'text')
    .addColumn('sha256', 'text', (column) => column.notNull())
    .addColumn('openapi_version', 'text', (column) => column.notNull())
    .addColumn('tools_json', 'text', (column) => column.notNull())
    .addColumn('lint_json', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('integration_versions_pk', ['integration_id', 'version'])
    .execute();
  await db.schema
    .createTable('operation_settings')
    .addColumn('integration_id', 'text', (column) =>
      column.notNull().references('integrations.id').onDelete('cascade'),
    )
    .addColumn('tool_name', 'text', (column) => column.notNull())
    .addColumn('enabled', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('operation_settings_pk', ['integration_id', 'tool_name'])
    .execute();
  await db.schema
    .createTable('agent_integrations')
    .addColumn('agent_id', 'text', (column) => column.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('integration_id', 'text', (column) =>
      column.notNull().references('integrations.id').onDelete('cascade'),
    )
    .addColumn('enabled', 'integer', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('agent_integrations_pk', ['agent_id', 'integration_id'])
    .execute();
  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('agent_id', 'text', (column) => column.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('property_id', 'text', (column) =>
      column.notNull().references('properties.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('visitor_id', 'text')
    .addColumn('metadata_json', 'text', (column) => column.notNull())
    .addColumn('pending_action_json', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('conversations_property_status')
    .on('conversations')
    .columns(['property_id', 'status', 'updated_at'])
    .execute();
  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('conversation_id', 'text', (column) =>
      column.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('text', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('messages_conversation')
    .on('messages')
    .columns(['conversation_id', 'id'])
    .execute();
  await db.schema
    .createTable('turn_traces')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('conversation_id', 'text', (column) =>
      column.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('message_id', 'text')
    .addColumn('steps_json', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('turn_traces_conversation')
    .on('turn_traces')
    .columns(['conversation_id', 'id'])
    .execute();
  await db.schema
    .createTable('request_logs')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('integration_id', 'text', (column) =>
      column.notNull().references('integrations.id').onDelete('cascade'),
    )
    .addColumn('agent_id', 'text')
    .addColumn('conversation_id', 'text')
    .addColumn('tool', 'text', (column) => column.notNull())
    .addColumn('operation_id', 'text')
    .addColumn('method', 'text', (column) => column.notNull())
    .addColumn('url', 'text', (column) => column.notNull())
    .addColumn('request_headers_json', 'text', (column) => column.notNull())
    .addColumn('request_body', 'text')
    .addColumn('status', 'integer')
    .addColumn('duration_ms', 'integer', (column) => column.notNull())
    .addColumn('response_excerpt', 'text')
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('error', 'text')
    .addColumn('attempts', 'integer', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('request_logs_integration')
    .on('request_logs')
    .columns(['integration_id', 'id'])
    .execute();
  await db.schema.createIndex('request_logs_created').on('request_logs').column('created_at').execute();
  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('property_id', 'text', (column) =>
      column.notNull().references('properties.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('key_hash', 'text', (column) => column.notNull().unique())
    .addColumn('prefix', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (column) => column.primaryKey())
    .addColumn('value', 'text', (column) => column.notNull())
    .execute();
}

/**
 * A turn as one unit of work: the conversation's turn lease and pending-action claim, each customer
 * message's reply state, the trace's outcome, and the per-operation confirmation setting.
 */
async function addTurnState(db: Kysely<unknown>): Promise<void> {
  const columns: [table: string, column: string][] = [
    ['conversations', 'turn_id'],
    ['conversations', 'turn_expires_at'],
    ['conversations', 'pending_action_id'],
    ['conversations', 'pending_action_claimed_at'],
    ['conversations', 'pending_action_claimed_by'],
    ['messages', 'reply_state'],
    ['messages', 'lease_expires_at'],
    ['messages', 'reply_to'],
    ['turn_traces', 'customer_message_id'],
    ['turn_traces', 'dropped_reply'],
  ];
  // One column per statement: SQLite's ALTER TABLE adds one at a time.
  for (const [table, column] of columns)
    await db.schema.alterTable(table).addColumn(column, 'text').execute();
  await db.schema
    .alterTable('turn_traces')
    .addColumn('outcome', 'text', (column) => column.notNull().defaultTo('answered'))
    .execute();
  await db.schema.alterTable('operation_settings').addColumn('needs_confirmation', 'integer').execute();
  await db.schema.createIndex('messages_reply_state').on('messages').columns(['reply_state', 'id']).execute();
  // Proposals stored before they had an id cannot be claimed: drop them (they expire in minutes anyway).
  await sql`UPDATE conversations SET pending_action_json = NULL`.execute(db);
  // Earlier customer messages count as answered, except the trailing unanswered ones of open
  // conversations (left by a crash), which the recovery on start answers or hands to a person.
  await sql`UPDATE messages SET reply_state = 'answered' WHERE role = 'customer'`.execute(db);
  await sql`
    UPDATE messages SET reply_state = 'pending'
    WHERE role = 'customer'
      AND conversation_id IN (SELECT id FROM conversations WHERE status = 'open')
      AND NOT EXISTS (
        SELECT 1 FROM messages later
        WHERE later.conversation_id = messages.conversation_id
          AND later.id > messages.id
          AND later.role IN ('agent', 'human')
      )`.execute(db);
}

/** Rate-limit counters, so several servers on one database share their limits. */
async function createRateLimits(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (column) => column.primaryKey())
    .addColumn('count', 'integer', (column) => column.notNull())
    .addColumn('expires_at', 'bigint', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_expires').on('rate_limits').column('expires_at').execute();
}

/**
 * Knowledge sources (articles, websites, question/answer files), their documents and passages, each
 * source's switch per agent, and the full-text index: FTS5 on SQLite (an external-content table kept
 * by triggers), a weighted `tsvector` with a GIN index on PostgreSQL. `knowledge_terms` counts the
 * passages of a property holding each word stem (the empty stem: all of them), for the ranking.
 */
async function createKnowledge(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable('knowledge_sources')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('property_id', 'text', (column) =>
      column.notNull().references('properties.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('content', 'text')
    .addColumn('format', 'text')
    .addColumn('url', 'text')
    .addColumn('urls_json', 'text', (column) => column.notNull())
    .addColumn('max_pages', 'integer')
    .addColumn('refreshed_at', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('knowledge_sources_property')
    .on('knowledge_sources')
    .column('property_id')
    .execute();
  await db.schema
    .createTable('knowledge_documents')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('source_id', 'text', (column) =>
      column.notNull().references('knowledge_sources.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (column) => column.notNull())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('url', 'text')
    .addColumn('text', 'text', (column) => column.notNull())
    .addColumn('error', 'text')
    .addColumn('fetched_at', 'text')
    .execute();
  await db.schema
    .createIndex('knowledge_documents_source')
    .on('knowledge_documents')
    .columns(['source_id', 'position'])
    .execute();
  // An integer key: FTS5 addresses the passages by rowid.
  await db.schema
    .createTable('knowledge_passages')
    .addColumn('id', sqlite ? 'integer' : 'bigserial', (column) => column.primaryKey())
    .addColumn('source_id', 'text', (column) =>
      column.notNull().references('knowledge_sources.id').onDelete('cascade'),
    )
    .addColumn('document_id', 'text', (column) =>
      column.notNull().references('knowledge_documents.id').onDelete('cascade'),
    )
    .addColumn('property_id', 'text', (column) => column.notNull())
    .addColumn('position', 'integer', (column) => column.notNull())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('heading', 'text', (column) => column.notNull())
    .addColumn('url', 'text')
    .addColumn('text', 'text', (column) => column.notNull())
    .addColumn('terms', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('knowledge_passages_source')
    .on('knowledge_passages')
    .columns(['source_id', 'position'])
    .execute();
  await db.schema
    .createIndex('knowledge_passages_document')
    .on('knowledge_passages')
    .column('document_id')
    .execute();
  if (sqlite) {
    await sql`CREATE VIRTUAL TABLE knowledge_passages_fts USING fts5(
      title, heading, text, content='knowledge_passages', content_rowid='id',
      tokenize='porter unicode61 remove_diacritics 2')`.execute(db);
    await sql`CREATE TRIGGER knowledge_passages_fts_insert AFTER INSERT ON knowledge_passages BEGIN
      INSERT INTO knowledge_passages_fts(rowid, title, heading, text)
      VALUES (new.id, new.title, new.heading, new.text);
    END`.execute(db);
    await sql`CREATE TRIGGER knowledge_passages_fts_delete AFTER DELETE ON knowledge_passages BEGIN
      INSERT INTO knowledge_passages_fts(knowledge_passages_fts, rowid, title, heading, text)
      VALUES ('delete', old.id, old.title, old.heading, old.text);
    END`.execute(db);
    await sql`CREATE TRIGGER knowledge_passages_fts_update AFTER UPDATE ON knowledge_passages BEGIN
      INSERT INTO knowledge_passages_fts(knowledge_passages_fts, rowid, title, heading, text)
      VALUES ('delete', old.id, old.title, old.heading, old.text);
      INSERT INTO knowledge_passages_fts(rowid, title, heading, text)
      VALUES (new.id, new.title, new.heading, new.text);
    END`.execute(db);
  } else {
    await sql`ALTER TABLE knowledge_passages ADD COLUMN search tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('english', title || ' ' || heading), 'A') ||
      setweight(to_tsvector('english', text), 'B')) STORED`.execute(db);
    await sql`CREATE INDEX knowledge_passages_search ON knowledge_passages USING gin (search)`.execute(db);
  }
  await db.schema
    .createTable('knowledge_terms')
    .addColumn('property_id', 'text', (column) =>
      column.notNull().references('properties.id').onDelete('cascade'),
    )
    .addColumn('term', 'text', (column) => column.notNull())
    .addColumn('passages', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('knowledge_terms_pk', ['property_id', 'term'])
    .execute();
  await db.schema
    .createTable('agent_knowledge_sources')
    .addColumn('agent_id', 'text', (column) => column.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('source_id', 'text', (column) =>
      column.notNull().references('knowledge_sources.id').onDelete('cascade'),
    )
    .addColumn('enabled', 'integer', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('agent_knowledge_sources_pk', ['agent_id', 'source_id'])
    .execute();
}

/**
 * Verified customers: how each agent checks identity tokens (its secret encrypted), the identity a
 * conversation is bound to, identity-bound operation inputs and integration headers, and which
 * values of a logged call came from the identity.
 */
async function addVerifiedCustomers(db: Kysely<unknown>): Promise<void> {
  const columns: [table: string, column: string][] = [
    ['agents', 'identity_secret_enc'],
    ['agents', 'identity_previous_secret_enc'],
    ['conversations', 'identity_json'],
    ['conversations', 'identity_subject'],
    ['conversations', 'identity_expires_at'],
    ['operation_settings', 'identity_bindings_json'],
    ['request_logs', 'identity_json'],
  ];
  // One column per statement: SQLite's ALTER TABLE adds one at a time.
  for (const [table, column] of columns)
    await db.schema.alterTable(table).addColumn(column, 'text').execute();
  await db.schema
    .alterTable('agents')
    .addColumn('identity_json', 'text', (column) => column.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .alterTable('integrations')
    .addColumn('identity_headers_json', 'text', (column) => column.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('operation_settings').addColumn('requires_identity', 'integer').execute();
}

/**
 * Indexes for every list the admin UI and API offer, at any data size: conversations by property
 * (or agent, or status) and recency, the unanswered count per conversation, request logs of a
 * property by each filter, newest first; and the times retention deletes by.
 */
async function addListIndexes(db: Kysely<unknown>): Promise<void> {
  const indexes: [name: string, table: string, columns: string[]][] = [
    ['conversations_property_recency', 'conversations', ['property_id', 'updated_at', 'id']],
    ['conversations_property_status_recency', 'conversations', ['property_id', 'status', 'updated_at', 'id']],
    ['conversations_agent_recency', 'conversations', ['agent_id', 'updated_at', 'id']],
    [
      'conversations_unanswered_recency',
      'conversations',
      ['property_id', 'has_unanswered', 'updated_at', 'id'],
    ],
    [
      'conversations_unanswered_status_recency',
      'conversations',
      ['property_id', 'has_unanswered', 'status', 'updated_at', 'id'],
    ],
    ['conversations_updated', 'conversations', ['updated_at']],
    ['messages_conversation_reply_state', 'messages', ['conversation_id', 'reply_state']],
    ['turn_traces_created', 'turn_traces', ['created_at']],
    ['request_logs_property_conversation', 'request_logs', ['property_id', 'conversation_id', 'id']],
    ['request_logs_property', 'request_logs', ['property_id', 'id']],
    ['request_logs_property_status', 'request_logs', ['property_id', 'status', 'id']],
    ['request_logs_property_outcome', 'request_logs', ['property_id', 'outcome', 'id']],
    ['request_logs_property_tool', 'request_logs', ['property_id', 'tool', 'id']],
  ];
  // A log's property (its integration's, which never changes), so a property's logs are one index
  // range each, in id order, instead of a join that sorts all of them.
  await db.schema.alterTable('request_logs').addColumn('property_id', 'text').execute();
  await sql`UPDATE request_logs SET property_id = (
    SELECT integrations.property_id FROM integrations WHERE integrations.id = request_logs.integration_id)`.execute(
    db,
  );
  // Whether a conversation has unanswered customer messages, kept by the turn protocol, so the
  // `unanswered` filter reads an index range instead of probing each conversation's messages.
  await db.schema
    .alterTable('conversations')
    .addColumn('has_unanswered', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
  await sql`UPDATE conversations SET has_unanswered = 1 WHERE EXISTS (
    SELECT 1 FROM messages WHERE messages.conversation_id = conversations.id
      AND messages.reply_state IN ('failed', 'cancelled', 'handed-over'))`.execute(db);
  for (const [name, table, columns] of indexes)
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  // Served by conversations_property_status_recency, which adds the id the keyset pages by.
  await db.schema.dropIndex('conversations_property_status').execute();
}

/**
 * The outbox of hand-off webhooks: a row per hand-off, written in the hand-off's own transaction,
 * claimed by one server at a time and retried until delivered or given up.
 */
async function createWebhookDeliveries(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('conversation_id', 'text', (column) =>
      column.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('agent_id', 'text', (column) => column.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('event', 'text', (column) => column.notNull())
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (column) => column.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  // The worker's look-up: pending deliveries by due time.
  await db.schema
    .createIndex('webhook_deliveries_due')
    .on('webhook_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_conversation')
    .on('webhook_deliveries')
    .columns(['conversation_id', 'id'])
    .execute();
}

/**
 * Fewer index entries written by each chat turn, every list still read from an index in its order:
 * the indexes of the rare states hold only the rows in them (a conversation with unanswered
 * messages, a customer message waiting for its turn or left unanswered), so a turn's rows, in none
 * of them but while the message waits, write none; and no index by `updated_at` alone, which only
 * retention read (it reads each property's conversations by recency instead). With an answered
 * turn no longer moving its conversation's time (the customer's message set it), a turn wrote each
 * of the six conversation indexes holding `updated_at` twice and four indexes per message; now
 * three once, and two per message (three while the customer's waits).
 */
async function narrowTurnIndexes(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('conversations_unanswered_recency').execute();
  await db.schema.dropIndex('conversations_unanswered_status_recency').execute();
  await db.schema.dropIndex('conversations_updated').execute();
  await db.schema.dropIndex('messages_reply_state').execute();
  await db.schema.dropIndex('messages_conversation_reply_state').execute();
  // The conditions are written as the queries write them (literals, never parameters): SQLite and
  // PostgreSQL use a partial index only for a query whose condition is the index's.
  await db.schema
    .createIndex('conversations_unanswered')
    .on('conversations')
    .columns(['property_id', 'updated_at', 'id'])
    .where(sql.ref('has_unanswered'), '=', 1)
    .execute();
  await db.schema
    .createIndex('conversations_unanswered_status')
    .on('conversations')
    .columns(['property_id', 'status', 'updated_at', 'id'])
    .where(sql.ref('has_unanswered'), '=', 1)
    .execute();
  await db.schema
    .createIndex('messages_pending')
    .on('messages')
    .columns(['conversation_id', 'id'])
    .where(sql.ref('reply_state'), '=', 'pending')
    .execute();
  await db.schema
    .createIndex('messages_unanswered')
    .on('messages')
    .column('conversation_id')
    .where(sql.ref('reply_state'), 'in', ['failed', 'cancelled', 'handed-over'])
    .execute();
}

const migrations: Record<string, Migration> = {
  '0001-initial': { up: createInitialTables },
  '0002-turn-state': { up: addTurnState },
  '0003-rate-limits': { up: createRateLimits },
  '0004-verified-customers': { up: addVerifiedCustomers },
  '0005-knowledge-sources': { up: createKnowledge },
  '0006-list-indexes': { up: addListIndexes },
  '0007-webhook-deliveries': { up: createWebhookDeliveries },
  '0008-narrow-turn-indexes': { up: narrowTurnIndexes },
};

/** Provides the migrations in code (no files on disk to find after bundling). */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
