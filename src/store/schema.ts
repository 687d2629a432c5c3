// Table types of the Concierge database, shared by the SQLite and PostgreSQL dialects.
//
// Both dialects store the same column types: ids and timestamps as text (time-sortable ids, ISO
// 8601 times), flags as integers 0/1 and structured values as JSON text, so one query layer serves
// both without per-dialect branches.

import type { Generated } from 'kysely';

/** A property: one website or brand, holding agents and integrations. */
export interface PropertyTable {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
}

/** An AI agent of a property. */
export interface AgentTable {
  id: string;
  property_id: string;
  name: string;
  base_prompt: string;
  /** JSON: provider, model, baseUrl, temperature (never the API key). */
  model_json: string;
  /** Encrypted model API key, or null. */
  model_api_key_enc: string | null;
  /** Public key the chat widget uses (`data-agent`). */
  public_key: string;
  max_tool_steps: number;
  handoff_webhook_url: string | null;
  /** JSON: how identity tokens are checked (method, public key or JWKS URL, audience, issuer, sign-in URL). */
  identity_json: string;
  /** The encrypted HS256 identity secret, or null. */
  identity_secret_enc: string | null;
  /** The encrypted previous secret, still accepted until `identity_json.previousSecretValidUntil`. */
  identity_previous_secret_enc: string | null;
  created_at: string;
  updated_at: string;
}

/** An HTTP API connected to a property through an OpenAPI schema. */
export interface IntegrationTable {
  id: string;
  property_id: string;
  name: string;
  base_url: string;
  /** Auth kind in clear (none, apiKey, bearer, basic) for listing without decrypting. */
  auth_type: string;
  /** The whole auth object, encrypted. */
  auth_enc: string;
  timeout_ms: number;
  /** JSON array of extra hosts this integration may call even when they are private. */
  allow_hosts_json: string;
  /** Latest schema version number, 0 when no schema was imported yet. */
  current_version: number;
  /** JSON array of `{name, claim}`: headers sent with every call, from the verified customer's claims. */
  identity_headers_json: string;
  created_at: string;
  updated_at: string;
}

/** One imported schema snapshot of an integration. */
export interface IntegrationVersionTable {
  integration_id: string;
  version: number;
  source_text: string;
  source_url: string | null;
  sha256: string;
  openapi_version: string;
  /** JSON array of ToolDefinition. */
  tools_json: string;
  /** JSON array of lint findings. */
  lint_json: string;
  created_at: string;
}

/** Per-operation settings of an integration (absent row: enabled, confirmation as the schema says). */
export interface OperationSettingTable {
  integration_id: string;
  tool_name: string;
  enabled: number;
  /** 1: ask the customer before calling; 0: do not ask; null: the operation's default. */
  needs_confirmation: number | null;
  /** JSON array of `{in, name, claim}`: inputs set from the verified customer's claims; null for none. */
  identity_bindings_json: string | null;
  /** 1: only for a verified customer; 0: for anyone; null: the default (1 when an input is bound). */
  requires_identity: number | null;
}

/** Link between an agent and an integration of the same property. */
export interface AgentIntegrationTable {
  agent_id: string;
  integration_id: string;
  enabled: number;
  created_at: string;
}

/** A chat between a customer and an agent. */
export interface ConversationTable {
  id: string;
  agent_id: string;
  property_id: string;
  status: string;
  visitor_id: string | null;
  metadata_json: string;
  /** JSON of the write action waiting for the customer's confirmation, or null. */
  pending_action_json: string | null;
  /** The pending action's id (also its Idempotency-Key), for claiming it. */
  pending_action_id: string | null;
  /** When a turn claimed the pending action to run it (it never runs again); null while unclaimed. */
  pending_action_claimed_at: string | null;
  /** The turn that claimed it. */
  pending_action_claimed_by: string | null;
  /** The turn holding the conversation (one at a time), or null. */
  turn_id: string | null;
  /** When that turn's lease ends unless renewed (a crashed server's turn ends this way). */
  turn_expires_at: string | null;
  /** JSON of the verified customer's identity (claims, source, when verified), or null for a visitor. */
  identity_json: string | null;
  /** The customer's `sub`: once set, the conversation never acts for another customer. */
  identity_subject: string | null;
  /** When the identity stops counting (the token's expiry, or a sign-out); null: never. */
  identity_expires_at: string | null;
  /** 1 once a customer message of it went unanswered (failed, cancelled, handed over); never reset. */
  has_unanswered: number;
  created_at: string;
  updated_at: string;
}

/** One message of a conversation. */
export interface MessageTable {
  id: string;
  conversation_id: string;
  role: string;
  text: string;
  /** Customer messages: pending, answered, for-person, cancelled, failed or handed-over; else null. */
  reply_state: string | null;
  /** A pending customer message is waited for by a live request until then. */
  lease_expires_at: string | null;
  /** Agent messages: the customer message they answer. */
  reply_to: string | null;
  created_at: string;
}

/** The steps of one agent turn (model calls, tool calls), for the preview panel. */
export interface TurnTraceTable {
  id: string;
  conversation_id: string;
  /** The agent message the turn produced (null when its reply was dropped or never written). */
  message_id: string | null;
  /** The customer message the turn answered. */
  customer_message_id: string | null;
  /** answered, dropped (a person took over), cancelled (the client left) or handed-over. */
  outcome: string;
  /** The reply a dropped or cancelled turn had written: for the business, never for the customer. */
  dropped_reply: string | null;
  steps_json: string;
  created_at: string;
}

/** One HTTP call made to a business API. */
export interface RequestLogTable {
  id: string;
  integration_id: string;
  /** The integration's property (null only for a log whose integration was gone when migrating). */
  property_id: string | null;
  agent_id: string | null;
  conversation_id: string | null;
  tool: string;
  operation_id: string | null;
  method: string;
  url: string;
  request_headers_json: string;
  request_body: string | null;
  status: number | null;
  duration_ms: number;
  response_excerpt: string | null;
  outcome: string;
  error: string | null;
  attempts: number;
  /** JSON `{subject, values}`: the verified customer and which values came from their identity. */
  identity_json: string | null;
  created_at: string;
}

/** A property-scoped API key (stored as a hash). */
export interface ApiKeyTable {
  id: string;
  property_id: string;
  name: string;
  key_hash: string;
  /** First characters of the key, to recognise it in lists. */
  prefix: string;
  created_at: string;
}

/** Instance-wide settings (admin token hash, demo marker). */
export interface SettingTable {
  key: string;
  value: string;
}

/** Every table, as Kysely sees the database. */
/** One rate-limit counter: requests counted under `key` in the window ending at `expires_at`. */
export interface RateLimitTable {
  /** What is counted, e.g. `widget-messages:ip:203.0.113.7`. */
  key: string;
  count: number;
  /** Milliseconds since the epoch when the window ends (the row may then be deleted). */
  expires_at: number;
}

/** A knowledge source of a property: an article, a website's pages, or a question/answer file. */
export interface KnowledgeSourceTable {
  id: string;
  property_id: string;
  /** `article`, `website` or `faq`. */
  kind: string;
  name: string;
  /** An article's body as written or uploaded; a question/answer file's CSV; null for a website. */
  content: string | null;
  /** An article's format (`markdown`, `text`, `html`); `csv` for a question/answer file. */
  format: string | null;
  /** An article's public link; a website's sitemap. */
  url: string | null;
  /** JSON array of a website's page URLs. */
  urls_json: string;
  /** A website's page cap. */
  max_pages: number | null;
  /** When the source was last read into documents (a website: fetched). */
  refreshed_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One document of a source: the article, a page, a question with its answer. */
export interface KnowledgeDocumentTable {
  id: string;
  source_id: string;
  position: number;
  title: string;
  url: string | null;
  /** Knowledge text (empty for a page that could not be fetched). */
  text: string;
  /** Why a page could not be fetched or read; null when it was. */
  error: string | null;
  fetched_at: string | null;
}

/** One passage of a document, the unit the search returns (PostgreSQL adds a generated `search` tsvector). */
export interface KnowledgePassageTable {
  id: Generated<number>;
  source_id: string;
  document_id: string;
  property_id: string;
  position: number;
  /** The document's title. */
  title: string;
  /** The headings above the passage. */
  heading: string;
  url: string | null;
  text: string;
  /** The distinct word stems of title, heading and text, space-separated (kept for the term counts). */
  terms: string;
}

/** Passages of a property holding a word stem; the empty stem counts all of them. */
export interface KnowledgeTermTable {
  property_id: string;
  term: string;
  passages: number;
}

/** Link between an agent and a knowledge source of the same property. */
export interface AgentKnowledgeSourceTable {
  agent_id: string;
  source_id: string;
  enabled: number;
  created_at: string;
}

/** A hand-off webhook to deliver (the outbox of `conversation.handoff` POSTs), retried until it lands. */
export interface WebhookDeliveryTable {
  id: string;
  conversation_id: string;
  agent_id: string;
  /** The event sent, `conversation.handoff`. */
  event: string;
  /** Why the conversation was handed to a person. */
  reason: string;
  /** `pending` (to send, now or at `next_attempt_at`), `delivered`, or `failed` (gave up). */
  status: string;
  /** Attempts made so far. */
  attempts: number;
  /** When the next attempt is due (ISO time). */
  next_attempt_at: string;
  /** The worker that holds it while attempting, and until when (a crashed worker's claim runs out). */
  claimed_by: string | null;
  claimed_until: string | null;
  /** The last failure as the target answered it (status or network error, never the URL). */
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface Database {
  properties: PropertyTable;
  agents: AgentTable;
  integrations: IntegrationTable;
  integration_versions: IntegrationVersionTable;
  operation_settings: OperationSettingTable;
  agent_integrations: AgentIntegrationTable;
  conversations: ConversationTable;
  messages: MessageTable;
  turn_traces: TurnTraceTable;
  request_logs: RequestLogTable;
  api_keys: ApiKeyTable;
  settings: SettingTable;
  rate_limits: RateLimitTable;
  knowledge_sources: KnowledgeSourceTable;
  knowledge_documents: KnowledgeDocumentTable;
  knowledge_passages: KnowledgePassageTable;
  knowledge_terms: KnowledgeTermTable;
  agent_knowledge_sources: AgentKnowledgeSourceTable;
  webhook_deliveries: WebhookDeliveryTable;
}
