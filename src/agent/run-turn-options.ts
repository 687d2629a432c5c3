// The inputs and the result of one conversation turn.
import type { LanguageModel } from 'ai';
import type { Executor, ToolCallIntegration } from '../executor/index.js';
import type { BoundInput, CustomerIdentity, IdentityHeader, ToolDefinition } from '../tools/index.js';
import type { AgentCatalog } from './compile-agent-catalog.js';
import type { PendingAction } from './pending-action.js';
import type { TraceStep } from './trace-step.js';
import type { TurnEvent } from './turn-event.js';

/** What of an operation's call comes from the verified customer, and who may use it. */
export interface AgentToolIdentity {
  /** Inputs set from the customer's claims; the model never sees or fills them. */
  inputs: BoundInput[];
  /** Headers the integration sends with every call, from the customer's claims. */
  headers: IdentityHeader[];
  /** Only a verified customer may use it: an anonymous visitor is asked to sign in instead. */
  requiresCustomer: boolean;
  /** Bindings that no longer fit the operation (its schema changed): it is not offered at all. */
  problems?: string[];
}

/** One operation the agent may call, with the integration that serves it. */
export interface AgentTool {
  /** The compiled operation. */
  tool: ToolDefinition;
  /** Where and how to call it; its credentials never reach the model or the trace. */
  integration: ToolCallIntegration;
  /** The integration's name, which qualifies the tool's name when another integration has the same one. */
  integrationName?: string;
  /**
   * Ask the customer before calling it (the operation's setting); default from the schema:
   * `defaultNeedsConfirmation(tool)`.
   */
  needsConfirmation?: boolean;
  /** Inputs and headers from the verified customer; absent when nothing of the call comes from one. */
  identity?: AgentToolIdentity;
  /**
   * Set by the turn on the tool it offers a visitor who must sign in to use the operation: calling it
   * asks them to sign in and sends nothing.
   */
  signIn?: boolean;
  /** Set by the turn when `tool` hides bound inputs from the model: the definition the executor sends. */
  sent?: ToolDefinition;
}

/** One passage a knowledge search found, as the turn reads it. */
export interface KnowledgePassageView {
  /** The knowledge source it belongs to. */
  sourceId: string;
  /** The title of its document (the article, the page, the question). */
  title: string;
  /** The headings above it, joined by ` › `; empty at the top. */
  heading: string;
  /** The document's link, when it has one. */
  url: string | null;
  text: string;
  /** 0 to 1: the share of the question's meaning the passage holds. */
  relevance: number;
}

/** Searches the agent's knowledge sources (articles, pages, FAQs switched on for it). */
export interface KnowledgeSearch {
  /** The best passages for `query`, best first; none when no source covers it. */
  search(query: string, signal?: AbortSignal): Promise<KnowledgePassageView[]>;
}

/** A knowledge source a reply used. */
export interface KnowledgeSourceRef {
  sourceId: string;
  /** The title of the document used. */
  title: string;
  url: string | null;
}

/** One earlier message of the conversation. */
export interface HistoryMessage {
  /** `customer`; `agent` (the AI); `human` (a person of the business, shown to the model as the assistant). */
  role: 'customer' | 'agent' | 'human';
  /** What was said. */
  text: string;
}

/** Everything one turn needs; the caller loads it from the store and saves the result. */
export interface RunTurnOptions {
  /** The agent's model (embedded engine, OpenAI, Anthropic or OpenAI-compatible). */
  model: LanguageModel;
  /** The agent's own instructions; the built-in rules are added after it. */
  basePrompt: string;
  /** Sampling temperature, passed to the provider when given. */
  temperature?: number;
  /** Model calls that may request tools before the answer must be written. Default 4. */
  maxToolSteps?: number;
  /** The enabled operations of the agent's enabled integrations; more than 20 are narrowed per turn. */
  tools: AgentTool[];
  /**
   * `tools` compiled (`compileAgentCatalog`) by a caller that runs many turns with them, so their names
   * and selection index are built once; compiled for this turn when absent.
   */
  catalog?: AgentCatalog;
  /** Runs the tool calls. */
  executor: Executor;
  /** The agent's knowledge sources; when given, the knowledge search tool is offered. */
  knowledge?: KnowledgeSearch;
  /** Earlier messages, oldest first, without the current one. */
  history: HistoryMessage[];
  /** The customer's current message. */
  message: string;
  /** The write action waiting for the customer's yes or no, from the previous turn. */
  pendingAction?: PendingAction | null;
  /** The verified customer the conversation acts for; null or absent for an anonymous visitor. */
  customer?: CustomerIdentity | null;
  /** Where the business's customers sign in, given to a visitor who must sign in first. */
  signInUrl?: string | null;
  /** For the request log. */
  agentId?: string;
  /** For the request log and the events. */
  conversationId?: string;
  /** Tokens of history kept in the prompt (about 4 characters each), newest first. Default 4,000. */
  historyTokenBudget?: number;
  /** Earlier messages kept in the prompt at most, newest first. Default 40. */
  historyMessages?: number;
  /** How long a proposed write action may be confirmed, in ms. Default 10 minutes. */
  confirmationTtlMs?: number;
  /** The clock; tests inject one. Default `() => new Date()`. */
  now?: () => Date;
  /** Receives the turn's events as they happen. */
  onEvent?: (event: TurnEvent) => void;
  /** Stream the model's text as `message-delta` events while it is generated. Default true. */
  stream?: boolean;
  /**
   * Abandons the turn (the customer left): no model or API call starts after it, those in flight are
   * cancelled, and the result says `stopped: 'cancelled'`.
   */
  signal?: AbortSignal;
  /**
   * Claims the pending action just before it runs (a conditional update only one turn can win);
   * false when another turn has it, which then never runs it here. Default: always claimed.
   */
  claimPendingAction?: (action: PendingAction) => Promise<boolean>;
  /**
   * Asked before each model call: false when a person has taken the conversation over (or it closed),
   * which ends the turn at once with `stopped: 'taken-over'`. Default: always go on.
   */
  mayContinue?: () => Promise<boolean>;
}

/** What the turn produced; the caller stores the reply, the trace and the pending action. */
export interface TurnResult {
  /** The reply to show the customer. */
  reply: string;
  /** What happened, in order. */
  steps: TraceStep[];
  /** A write action awaiting the customer's confirmation, to be passed to the next turn; null when none. */
  pendingAction: PendingAction | null;
  /** Set when the model handed the conversation to a person: mark it waiting for a human. */
  handoff?: { reason: string };
  /** Set when the visitor must sign in for what they asked (the reply says so): where to sign in. */
  signIn?: { url: string | null };
  /** Tools whose successful results the reply was written from. */
  dataSources: string[];
  /** Knowledge sources the reply used (cited by title or link, or quoted). */
  knowledgeSources: KnowledgeSourceRef[];
  /** Set when the turn stopped early: its reply (maybe empty) must not reach the customer. */
  stopped?: 'cancelled' | 'taken-over';
}
