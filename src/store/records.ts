// The records the store hands out: camelCase, parsed JSON, secrets decrypted (callers mask them).

/** A property (website or brand). */
export interface Property {
  id: string;
  name: string;
  /** ISO 8601 time. */
  createdAt: string;
  /** ISO 8601 time. */
  updatedAt: string;
}

/** Which model an agent uses. */
export interface AgentModelSettings {
  /** `embedded` (offline), `openai`, `anthropic` or `openai-compatible`; absent: the server's default model. */
  provider?: 'embedded' | 'openai' | 'anthropic' | 'openai-compatible';
  /** Model name, e.g. `gpt-4o-mini`; the provider's default when absent. */
  model?: string;
  /** Server URL for `openai-compatible` (Ollama, vLLM, LM Studio, llama.cpp). */
  baseUrl?: string;
  /** Sampling temperature, 0 to 2. */
  temperature?: number;
  /** The provider API key, decrypted; never returned by the API in clear. */
  apiKey?: string;
}

/**
 * How an agent checks the identity tokens of signed-in customers. `none`: it does not (every visitor
 * is anonymous); `secret`: HS256 with the secret Concierge generated; `publicKey`: RS256 or ES256
 * with `publicKey`; `jwks`: RS256 or ES256 with the keys published at `jwksUrl`.
 */
export interface AgentIdentitySettings {
  method: 'none' | 'secret' | 'publicKey' | 'jwks';
  /** PEM (SPKI) public key for `publicKey`. */
  publicKey?: string;
  /** The business's JWKS URL for `jwks`. */
  jwksUrl?: string;
  /** The `aud` tokens must carry; default the agent's public key. */
  audience?: string;
  /** The `iss` tokens must carry, when set. */
  issuer?: string;
  /** Where the business's customers sign in, given to a visitor who must sign in first. */
  signInUrl?: string;
  /** When the current secret was generated (ISO 8601). */
  secretCreatedAt?: string;
  /** Until when the secret before it is still accepted (ISO 8601), after a rotation with a grace period. */
  previousSecretValidUntil?: string;
}

/** An AI agent. */
export interface Agent {
  id: string;
  propertyId: string;
  name: string;
  /** The business's instructions, placed before the built-in rules. */
  basePrompt: string;
  model: AgentModelSettings;
  /** Public key the widget uses in `data-agent`. */
  publicKey: string;
  /** Most tool calls in one turn. Default 4. */
  maxToolSteps: number;
  /** URL that receives a POST when a conversation is handed to a human. */
  handoffWebhookUrl: string | null;
  /** How identity tokens of signed-in customers are checked. */
  identity: AgentIdentitySettings;
  /** The HS256 identity secret, decrypted; never returned by the API after it is generated. */
  identitySecret?: string;
  /** The previous secret, while `identity.previousSecretValidUntil` lasts. */
  previousIdentitySecret?: string;
  createdAt: string;
  updatedAt: string;
}

/** How Concierge authenticates to a business API. */
export type StoredAuth =
  | { type: 'none' }
  | { type: 'apiKey'; in: 'header' | 'query'; name: string; value: string }
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password: string };

/** Where an identity-bound value goes: a parameter, or a property of the JSON body. */
export type IdentityBindingLocation = 'path' | 'query' | 'header' | 'cookie' | 'body';

/** An operation input set from a claim of the verified customer. */
export interface StoredIdentityBinding {
  in: IdentityBindingLocation;
  /** The parameter's name on the wire, or the body property's name. */
  name: string;
  /** The claim: `sub`, `email`, `name` or a custom claim. */
  claim: string;
}

/** A header sent with every call of an integration, from a claim of the verified customer. */
export interface StoredIdentityHeader {
  name: string;
  claim: string;
}

/** Per-operation settings (absent fields: the defaults). */
export interface OperationSettings {
  /** Whether the agent may call it (default true). */
  enabled: boolean;
  /** Ask the customer first; null: the operation's default. */
  needsConfirmation: boolean | null;
  /** Inputs set from the verified customer's claims. */
  identityBindings: StoredIdentityBinding[];
  /** Only for a verified customer; null: the default (true when an input is bound). */
  requiresIdentity: boolean | null;
}

/** An API connected to a property. */
export interface Integration {
  id: string;
  propertyId: string;
  name: string;
  /** Base URL the operation paths are appended to. */
  baseUrl: string;
  /** Decrypted credentials. */
  auth: StoredAuth;
  /** Per-request timeout in milliseconds (1,000 to 60,000). */
  timeoutMs: number;
  /** Extra hosts this integration may reach even when private (e.g. the demo API). */
  allowHosts: string[];
  /** Headers sent with every call from the verified customer's claims, e.g. `X-Customer-Id` from `sub`. */
  identityHeaders: StoredIdentityHeader[];
  /** Latest imported schema version; 0 when none. */
  currentVersion: number;
  createdAt: string;
  updatedAt: string;
}

/** One imported schema snapshot. `tools` and `lint` are stored as the compiler produced them. */
export interface IntegrationVersion {
  integrationId: string;
  version: number;
  sourceText: string;
  sourceUrl: string | null;
  sha256: string;
  openapiVersion: string;
  tools: unknown[];
  lint: unknown[];
  createdAt: string;
}

/** An agent's link to an integration. */
export interface AgentIntegrationLink {
  agentId: string;
  integrationId: string;
  enabled: boolean;
  createdAt: string;
}

/** Conversation states. */
export type ConversationStatus = 'open' | 'waiting-for-human' | 'closed';

/** The verified customer a conversation acts for. */
export interface ConversationIdentity {
  /** The customer's id at the business. */
  sub: string;
  email?: string;
  name?: string;
  /** Every claim (sub, email, name and custom ones; registered JWT claims left out). */
  claims: Record<string, unknown>;
  /** `token`: verified from an identity token; `admin`: set by an admin or an API key (the preview). */
  source: 'token' | 'admin';
  /** When it was (last) verified, ISO 8601. */
  verifiedAt: string;
  /** When it stops counting: the token's expiry, or a sign-out; null for the whole conversation. */
  expiresAt: string | null;
}

/** A chat between a customer and an agent. */
export interface Conversation {
  id: string;
  agentId: string;
  propertyId: string;
  status: ConversationStatus;
  /** The widget visitor that owns it, when it came through the widget. */
  visitorId: string | null;
  /** Customer metadata given by the widget or the API (page URL, name, email…). */
  metadata: Record<string, unknown>;
  /** The write action waiting for confirmation, as the agent layer stored it. */
  pendingAction: unknown | null;
  /** When a turn claimed the pending action to run it (it never runs again); null while unclaimed. */
  pendingActionClaimedAt: string | null;
  /** The verified customer it acts for (check `expiresAt`), or null for an anonymous visitor. */
  identity: ConversationIdentity | null;
  createdAt: string;
  updatedAt: string;
}

/** Who wrote a message. */
export type MessageRole = 'customer' | 'agent' | 'human' | 'system';

/**
 * What became of a customer message: `pending` (a turn is on it or waiting to be), `answered` (the
 * agent replied), `for-person` (a person has the conversation), `cancelled` (the customer left
 * during the turn), `failed` (the turn failed: unanswered, the customer got an error) or
 * `handed-over` (left unanswered by a crash, then handed to a person with a note).
 */
export type ReplyState = 'pending' | 'answered' | 'for-person' | 'cancelled' | 'failed' | 'handed-over';

/** One message of a conversation. */
export interface Message {
  id: string;
  conversationId: string;
  role: MessageRole;
  text: string;
  /** Customer messages: what became of them; null for the other roles. */
  replyState: ReplyState | null;
  /** Agent messages: the customer message they answer. */
  replyTo: string | null;
  createdAt: string;
}

/** How a turn ended: its reply stored, dropped (a person took over), cancelled, or handed over. */
export type TurnOutcome = 'answered' | 'dropped' | 'cancelled' | 'handed-over';

/** The stored steps of one agent turn. */
export interface TurnTrace {
  id: string;
  conversationId: string;
  /** The agent message the turn produced; null when no reply was stored. */
  messageId: string | null;
  /** The customer message the turn answered. */
  customerMessageId: string | null;
  outcome: TurnOutcome;
  /** The reply a dropped or cancelled turn had written: shown to the business, never to the customer. */
  droppedReply: string | null;
  steps: unknown[];
  createdAt: string;
}

/** One API call, as logged. */
export interface RequestLog {
  id: string;
  integrationId: string;
  agentId: string | null;
  conversationId: string | null;
  tool: string;
  operationId: string | null;
  method: string;
  /** URL with secret query values redacted. */
  url: string;
  /** Request headers with credentials redacted. */
  requestHeaders: Record<string, string>;
  requestBody: string | null;
  status: number | null;
  durationMs: number;
  responseExcerpt: string | null;
  /** ok, not-found, client-error, server-error, timeout, network, blocked or invalid-arguments. */
  outcome: string;
  error: string | null;
  attempts: number;
  /** For a call made for a verified customer: their `sub`, and which values came from their identity. */
  identity: { subject: string; values: { in: string; name: string; claim: string }[] } | null;
  createdAt: string;
}

/** A property-scoped API key (the key itself is shown once, at creation). */
export interface ApiKey {
  id: string;
  propertyId: string;
  name: string;
  /** First characters of the key. */
  prefix: string;
  createdAt: string;
}

/** What a knowledge source is: one article, a website's pages, or a file of questions and answers. */
export type KnowledgeSourceKind = 'article' | 'website' | 'faq';

/** A knowledge source of a property, with the counts of what it was read into. */
export interface KnowledgeSource {
  id: string;
  propertyId: string;
  kind: KnowledgeSourceKind;
  /** The article's title, or the website's or file's name. */
  name: string;
  /** An article's body as written or uploaded; a question/answer file's CSV; null for a website. */
  content: string | null;
  /** An article's format (`markdown`, `text`, `html`); `csv` for a question/answer file; null for a website. */
  format: string | null;
  /** An article's public link (cited in replies); a website's sitemap. */
  url: string | null;
  /** A website's page URLs (empty for the other kinds). */
  urls: string[];
  /** A website's page cap; null for the other kinds. */
  maxPages: number | null;
  /** When it was last read into documents (a website: fetched). */
  refreshedAt: string | null;
  /** Documents read: 1 for an article, one per page or question. */
  documentCount: number;
  /** Pages that could not be fetched or read. */
  failedDocumentCount: number;
  /** Passages indexed for the search. */
  passageCount: number;
  createdAt: string;
  updatedAt: string;
}

/** One document of a knowledge source: the article, a page, or a question with its answer. */
export interface KnowledgeDocument {
  id: string;
  sourceId: string;
  /** Order within the source. */
  position: number;
  title: string;
  url: string | null;
  /** Knowledge text (blocks, `## headings`, `- items`); empty for a page that failed. */
  text: string;
  /** Why a page could not be fetched or read. */
  error: string | null;
  fetchedAt: string | null;
  /** Passages indexed from it. */
  passages: number;
}

/** A passage the full-text index found, with what the ranking reads. */
export interface KnowledgePassage {
  /** The passage's number (unique in the store). */
  id: number;
  sourceId: string;
  documentId: string;
  /** The document's title. */
  title: string;
  /** The headings above the passage, joined by ` › `. */
  heading: string;
  url: string | null;
  text: string;
  /** Order within the document. */
  position: number;
}

/** An agent's link to a knowledge source. */
export interface AgentKnowledgeLink {
  agentId: string;
  sourceId: string;
  enabled: boolean;
  createdAt: string;
}

/** What became of a hand-off webhook: still to send, delivered, or given up after its last attempt. */
export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One hand-off webhook in the outbox. */
export interface WebhookDelivery {
  id: string;
  conversationId: string;
  agentId: string;
  /** The event sent, `conversation.handoff`. */
  event: string;
  /** Why the conversation was handed to a person. */
  reason: string;
  status: WebhookDeliveryStatus;
  /** Attempts made so far (the one in progress included, once claimed). */
  attempts: number;
  /** When the next attempt is due (ISO time). */
  nextAttemptAt: string;
  /** The last failure: the target's status or the network error (never the URL). */
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}
