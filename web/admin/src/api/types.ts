// The shapes the admin API returns, named for the UI. They come from the server's route schemas
// (src/server/response-schemas.ts) through generated.ts (`npm run generate:api-types`), never by hand.
import type { components } from './generated';

type Schemas = components['schemas'];

/** A property: one website or brand. */
export type Property = Schemas['Property'];
/** An AI agent. */
export type Agent = Schemas['Agent'];
/** Model settings of an agent; `apiKey` comes back masked. */
export type ModelSettings = Agent['model'];
/** Whether an agent may use an integration, with the clash warnings of a switched-on link. */
export type AgentIntegrationLink = Schemas['AgentIntegrationLink'];
/** Credentials of an integration as shown (masked), and as sent (the same shape, secrets in clear). */
export type IntegrationAuth = Schemas['ShownAuth'];
/** An integration as listed. */
export type Integration = Schemas['Integration'];
/** One compiled operation (a tool the agent may call). */
export type Operation = Schemas['Operation'];
/** A JSON Schema object (an operation's input). */
export type JsonSchema = Operation['inputSchema'];
/** One lint finding of a schema. */
export type LintFinding = Schemas['LintFinding'];
/** An integration with its operations and lint report. */
export type IntegrationDetail = Schemas['IntegrationDetail'];
/** What the server would import from a schema (POST /properties/:id/integrations/preview). */
export type SchemaPreview = Schemas['SchemaPreview'];
/** The demo's records and how to connect its API (GET /demo). */
export type DemoInfo = Schemas['DemoInfo'];
/** What a re-import would change. */
export type CatalogDiff = Schemas['CatalogDiff'];
/** A re-import preview. */
export type ReimportPreview = Schemas['ReimportPreview'];
/** A stored schema version as listed. */
export type IntegrationVersion = Schemas['IntegrationVersion'];
/** The result of trying an operation: the body sent and received are JSON values (or text). */
export type TryResult = Schemas['TryResult'];
/** One logged API call. */
export type RequestLog = Schemas['RequestLog'];
/** A conversation. */
export type Conversation = Schemas['Conversation'];
/** Conversation states. */
export type ConversationStatus = Conversation['status'];
/** One message of a conversation. */
export type Message = Schemas['Message'];
/** One step of a turn's trace. */
export type TraceStep = Schemas['TraceStep'];
/** A tool-call step. */
export type ToolCallStep = Extract<TraceStep, { type: 'tool-call' }>;
/** A conversation with its messages and traces. */
export type ConversationDetail = Schemas['ConversationDetail'];
/** The answer to a customer message. */
export type TurnResult = Schemas['TurnResult'];
/** A knowledge source as listed: an article, a website or a question/answer file. */
export type KnowledgeSource = Schemas['KnowledgeSource'];
/** A knowledge source with its content and documents (the article, each page, each question). */
export type KnowledgeSourceDetail = Schemas['KnowledgeSourceDetail'];
/** Whether an agent may search a knowledge source. */
export type AgentKnowledgeLink = Schemas['AgentKnowledgeLink'];
/** Passages a test search found. */
export type KnowledgeSearchResult = Schemas['KnowledgeSearchResult'];
/** A source a reply used (or a search found). */
export type KnowledgeSourceRef = Schemas['KnowledgeSourceRef'];
/** A search of the knowledge sources in a turn. */
export type KnowledgeSearchStep = Extract<TraceStep, { type: 'knowledge-search' }>;
/** How an agent checks the identity tokens of signed-in customers (the secret is never shown). */
export type AgentIdentity = Agent['identity'];
/** A newly generated identity secret: shown once. */
export type IdentitySecret = Schemas['IdentitySecret'];
/** The result of checking an identity token. */
export type IdentityCheck = Schemas['IdentityCheck'];
/** The verified customer a conversation acts for. */
export type ConversationIdentity = NonNullable<Conversation['identity']>;
/** An operation input bound to a claim of the verified customer. */
export type IdentityBinding = Operation['identityBindings'][number];
