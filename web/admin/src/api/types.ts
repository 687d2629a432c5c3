// The shapes the admin API returns (see src/server/routes and /api/docs/openapi.json).

/** A property: one website or brand. */
export interface Property {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

/** Model settings of an agent; `apiKey` comes back masked. */
export interface ModelSettings {
  provider?: 'embedded' | 'openai' | 'anthropic' | 'openai-compatible';
  model?: string;
  baseUrl?: string;
  temperature?: number;
  apiKey?: string;
}

/** An AI agent. */
export interface Agent {
  id: string;
  propertyId: string;
  name: string;
  publicKey: string;
  basePrompt: string;
  model: ModelSettings;
  maxToolSteps: number;
  handoffWebhookUrl: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Whether an agent may use an integration. */
export interface AgentIntegrationLink {
  agentId: string;
  integrationId: string;
  enabled: boolean;
}

/** Credentials of an integration as sent (secrets in clear) or shown (masked). */
export type IntegrationAuth =
  | { type: 'none' }
  | { type: 'apiKey'; in: 'header' | 'query'; name: string; value: string }
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password: string };

/** An integration as listed. */
export interface Integration {
  id: string;
  propertyId: string;
  name: string;
  baseUrl: string;
  auth: IntegrationAuth;
  timeoutMs: number;
  allowHosts: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One compiled operation (a tool the agent may call). */
export interface Operation {
  name: string;
  operationId: string | null;
  method: string;
  path: string;
  summary: string | null;
  description: string;
  callable: boolean;
  uncallableReason: string | null;
  readOnly: boolean;
  enabled: boolean;
  /** Whether the agent asks the customer before calling it (the setting, else the default). */
  needsConfirmation: boolean;
  /** The default from the method and the schema's x-openai-isConsequential / x-concierge-safe. */
  needsConfirmationDefault: boolean;
  inputSchema: JsonSchema;
}

/** A JSON Schema object. */
export type JsonSchema = { [key: string]: unknown };

/** One lint finding of a schema. */
export interface LintFinding {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  fix: string;
  pointer: string;
  line?: number;
  tool?: string;
}

/** An integration with its operations and lint report. */
export interface IntegrationDetail extends Integration {
  openapiVersion: string | null;
  operations: Operation[];
  lint: LintFinding[];
}

/** What a re-import would change. */
export interface CatalogDiff {
  added: string[];
  removed: string[];
  changed: { name: string; changes: string[] }[];
  unchanged: number;
}

/** A re-import preview. */
export interface ReimportPreview {
  version: number;
  openapiVersion: string;
  title?: string;
  sha256: string;
  operations: number;
  diff: CatalogDiff;
  lint: LintFinding[];
}

/** A stored schema version as listed. */
export interface IntegrationVersion {
  version: number;
  sha256: string;
  sourceUrl: string | null;
  openapiVersion: string;
  createdAt: string;
}

/** The result of trying an operation. */
export interface TryResult {
  outcome: string;
  durationMs: number;
  attempts?: number;
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  response: { status: number; headers: Record<string, string>; body: string; truncated: boolean } | null;
  customerMessage: string | null;
  error: string | null;
}

/** One logged API call. */
export interface RequestLog {
  id: string;
  integrationId: string;
  agentId: string | null;
  conversationId: string | null;
  tool: string;
  operationId?: string | null;
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody: string | null;
  status: number | null;
  durationMs: number;
  responseExcerpt: string | null;
  outcome: string;
  error: string | null;
  attempts: number;
  createdAt: string;
}

/** Conversation states. */
export type ConversationStatus = 'open' | 'waiting-for-human' | 'closed';

/** A conversation. */
export interface Conversation {
  id: string;
  agentId: string;
  propertyId: string;
  status: ConversationStatus;
  visitorId: string | null;
  metadata: Record<string, unknown>;
  /** In lists: customer messages the agent did not answer (failed, customer left, handed over). */
  unanswered?: number;
  createdAt: string;
  updatedAt: string;
}

/** One message of a conversation. */
export interface Message {
  id: string;
  role: 'customer' | 'agent' | 'human' | 'system';
  text: string;
  /** Customer messages: what became of them. */
  replyState?: 'pending' | 'answered' | 'for-person' | 'cancelled' | 'failed' | 'handed-over' | null;
  /** Agent messages: the customer message they answer. */
  replyTo?: string | null;
  createdAt: string;
}

/** One step of a turn's trace. */
export type TraceStep =
  | {
      type: 'tool-call';
      tool: string;
      operationId?: string;
      integrationId?: string;
      args: unknown;
      status?: number;
      outcome: string;
      durationMs: number;
      responseExcerpt: string;
      error?: string;
    }
  | { type: 'model-call'; durationMs: number; finishReason: string }
  | { type: 'confirmation-requested'; tool: string; args: unknown }
  | { type: 'confirmation-resolved'; decision: string }
  | { type: 'handoff'; reason: string }
  | { type: 'model-error'; message: string }
  | { type: 'turn-stopped'; reason: 'cancelled' | 'taken-over' }
  | { type: 'recovered'; messageAt: string }
  | { type: 'data-sources'; tools: string[] };

/** A tool-call step. */
export type ToolCallStep = Extract<TraceStep, { type: 'tool-call' }>;

/** A stored turn trace (as read with a conversation). */
export interface TurnTrace {
  id: string;
  messageId: string | null;
  /** The customer message the turn answered. */
  customerMessageId?: string | null;
  /** answered, dropped (a person took over), cancelled (the customer left) or handed-over. */
  outcome?: string;
  /** The reply a dropped or cancelled turn had written, never shown to the customer. */
  droppedReply?: string | null;
  steps: TraceStep[];
}

/** A conversation with its messages and traces. */
export interface ConversationDetail extends Conversation {
  messages: Message[];
  traces: TurnTrace[];
}

/** The answer to a customer message. */
export interface TurnResult {
  reply: { id: string; text: string } | null;
  trace: { steps: TraceStep[]; dataSources: string[] };
  status: ConversationStatus;
  pendingAction: { tool: string; summary: string; expiresAt: string } | null;
  messageId: string;
}
