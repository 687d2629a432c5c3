// One customer message through the agent as one unit of work: store the message, wait for the
// conversation's turn (one at a time, across servers), run the agent, and store reply, trace,
// pending action and status in one transaction, or leave the message marked unanswered.
import { hash } from 'node:crypto';
import type { LanguageModel } from 'ai';
import {
  type AgentCatalog,
  type AgentTool,
  compileAgentCatalog,
  type HistoryMessage,
  type KnowledgeSourceRef,
  type PendingAction,
  readHistoryWindow,
  runTurn,
  type TraceStep,
  type TurnEvent,
} from '../agent/index.js';
import type { Executor } from '../executor/index.js';
import { createLanguageModel, type ModelSettings } from '../providers/index.js';
import {
  type Agent,
  type Conversation,
  type Integration,
  type Message,
  type OperationSettings,
  type Store,
  TurnLostError,
} from '../store/index.js';
import { type CustomerIdentity, resolveBindings } from '../tools/index.js';
import type { Catalog, CatalogReader } from './create-catalog-reader.js';
import {
  DEFAULT_TURN_LEASE_MS,
  DEFAULT_TURN_WAIT_MS,
  holdTurn,
  leaseTakenTurn,
  newTurnId,
  type TurnLease,
} from './hold-turn.js';
import { ClientClosedError, ConflictError } from './http-errors.js';
import { toToolCallIntegration } from './integration-calls.js';
import { loadAgentKnowledge } from './knowledge-sources.js';

/** What the chat routes need to run turns. */
export interface ConversationTurnContext {
  store: Store;
  executor: Executor;
  /** Reads (and caches) the integrations' tool catalogs. */
  catalogs: CatalogReader;
  /** The model used by agents without a provider of their own. */
  defaultModel: ModelSettings;
  /** Builds a model from settings; tests and the server use `createLanguageModel`. */
  createModel?: (settings: ModelSettings) => LanguageModel;
  /** Called after a turn handed the conversation to a person. */
  onHandoff?: (conversation: Conversation, agent: Agent, reason: string) => void;
  /** Lease of a running turn in ms: a crashed server's turn frees its conversation after this. Default 30 s. */
  turnLeaseMs?: number;
  /** Longest wait in ms for the turns of earlier messages of the same conversation. Default 120 s. */
  turnWaitMs?: number;
}

/** The outcome of one customer message. */
export interface ConversationTurnResult {
  /** The agent's reply, or null when a person has the conversation (the message was stored). */
  reply: { id: string; text: string } | null;
  trace: { steps: TraceStep[]; dataSources: string[]; knowledgeSources: KnowledgeSourceRef[] };
  status: Conversation['status'];
  /** What the agent proposed and awaits confirmation for, if anything. */
  pendingAction: { tool: string; summary: string; expiresAt: string } | null;
  /** Set when the visitor was asked to sign in for what they asked: where (the agent's sign-in URL). */
  signIn: { url: string | null } | null;
  /** The stored customer message. */
  message: Message;
}

/**
 * The agent's enabled operations across its enabled integrations (uncallable ones are never offered),
 * compiled once: the same catalog while its integrations, their versions and operation settings stay
 * the same, so every turn shares its names and selection index. Any change makes a new one, which
 * replaces the old in the reader's cache.
 */
export async function loadAgentCatalog(
  { store, catalogs }: Pick<ConversationTurnContext, 'store' | 'catalogs'>,
  agentId: string,
): Promise<AgentCatalog> {
  const enabled = await store.integrations.listEnabledForAgent(agentId);
  const loaded = await Promise.all(
    enabled.map(async ({ integration, settings }) => ({
      integration,
      catalog: await catalogs.read(integration),
      settings,
    })),
  );
  // Everything the tools are made of (secrets included, so only as a digest).
  const fingerprint = hash(
    'sha256',
    JSON.stringify(
      loaded.map(({ integration, catalog, settings }) => [integration, catalog.version, [...settings]]),
    ),
    'base64url',
  );
  return catalogs.reuse(`agent-tools\u0000${agentId}`, fingerprint, () =>
    compileAgentCatalog(loaded.flatMap((entry) => toAgentTools(entry))),
  );
}

/** The agent's enabled operations across its enabled integrations (see `loadAgentCatalog`). */
export async function loadAgentTools(
  context: Pick<ConversationTurnContext, 'store' | 'catalogs'>,
  agentId: string,
): Promise<AgentTool[]> {
  return (await loadAgentCatalog(context, agentId)).tools;
}

/** An integration's enabled, callable operations as the agent's tools. */
function toAgentTools({
  integration,
  catalog,
  settings,
}: {
  integration: Integration;
  catalog: Catalog;
  settings: Map<string, OperationSettings>;
}): AgentTool[] {
  const callIntegration = toToolCallIntegration(integration);
  const headers = integration.identityHeaders;
  return catalog.tools.flatMap((tool): AgentTool[] => {
    const setting = settings.get(tool.name);
    if (!tool.callable || setting?.enabled === false) return [];
    const needsConfirmation = setting?.needsConfirmation ?? undefined;
    const { inputs, problems } = resolveBindings(tool, setting?.identityBindings ?? [], headers);
    // Only a verified customer may use an operation with a bound input, unless switched off.
    const requiresCustomer = setting?.requiresIdentity ?? inputs.length > 0;
    const identity =
      inputs.length > 0 || problems.length > 0 || headers.length > 0 || requiresCustomer
        ? { inputs, headers, requiresCustomer, problems }
        : undefined;
    return [
      {
        tool,
        integration: callIntegration,
        integrationName: integration.name,
        ...(needsConfirmation === undefined ? {} : { needsConfirmation }),
        ...(identity ? { identity } : {}),
      },
    ];
  });
}

/** The customer a conversation acts for now: its identity while it lasts, else none (an anonymous visitor). */
export function activeCustomer(conversation: Conversation, now = Date.now()): CustomerIdentity | null {
  const identity = conversation.identity;
  if (!identity) return null;
  if (identity.expiresAt !== null && Date.parse(identity.expiresAt) <= now) return null;
  return {
    sub: identity.sub,
    ...(identity.email !== undefined ? { email: identity.email } : {}),
    ...(identity.name !== undefined ? { name: identity.name } : {}),
    claims: identity.claims,
  };
}

/** The stored pending action as the agent reads it (with its claim); null for none or an unreadable one. */
function readPendingAction(conversation: Conversation): PendingAction | null {
  const stored = conversation.pendingAction as PendingAction | null;
  if (!stored || typeof stored.id !== 'string') return null;
  return conversation.pendingActionClaimedAt
    ? { ...stored, claimedAt: conversation.pendingActionClaimedAt }
    : stored;
}

/**
 * Earlier messages the turn for `message` can use: the newest, as far as the history budget goes;
 * and whether a person has replied since `message` (their reply is in the window, newest first).
 */
async function loadHistory(
  store: Store,
  message: Message,
): Promise<{ history: HistoryMessage[]; personReplied: boolean }> {
  let personReplied = false;
  const history = await readHistoryWindow({
    message: message.text,
    readPage: async (limit, before) =>
      (
        await store.conversations.listHistory(message.conversationId, {
          messageId: message.id,
          limit,
          before,
        })
      ).map((entry) => {
        if (entry.role === 'human' && entry.id > message.id) personReplied = true;
        return { id: entry.id, role: entry.role as HistoryMessage['role'], text: entry.text };
      }),
  });
  return { history, personReplied };
}

/** How `answerMessage` ends a turn that fails: marked unanswered (the customer gets the error), or handed to a person. */
export type TurnFailureMode =
  | 'fail'
  | { handover: (error: unknown) => { reply: string; note: string; reason?: string } };

/**
 * Answers the customer message `message` in the turn that holds its conversation (`lease`), then
 * commits. A failure releases the conversation and leaves the message `failed` (or hands it over),
 * the conversation otherwise as it was before the turn.
 */
export async function answerMessage(
  context: ConversationTurnContext,
  options: {
    lease: TurnLease;
    message: Message;
    onEvent?: (event: TurnEvent) => void;
    /** The conversation's agent, when the caller has just read it. */
    agent?: Agent;
    /** Steps put first in the stored trace (a recovery says so). */
    leadingSteps?: unknown[];
    onFailure?: TurnFailureMode;
  },
): Promise<ConversationTurnResult> {
  const { store } = context;
  const { lease, message } = options;
  const handle = lease.handle;
  try {
    const conversation = lease.conversation;
    const agent =
      options.agent?.id === conversation.agentId
        ? options.agent
        : await store.agents.get(conversation.agentId);
    if (!agent) throw new ConflictError('the agent of this conversation no longer exists');
    if (conversation.status !== 'open') {
      // A person took over (or closed it) while this message waited for its turn.
      await store.conversations.releaseTurn({ ...handle, replyState: 'for-person' });
      return {
        reply: null,
        trace: { steps: [], dataSources: [], knowledgeSources: [] },
        status: conversation.status,
        pendingAction: null,
        signIn: null,
        message,
      };
    }
    const { apiKey, ...settings } = agent.model.provider ? agent.model : { ...context.defaultModel };
    const model = (context.createModel ?? createLanguageModel)({ ...settings, apiKey });
    // Stops the turn when its client leaves or its lease is lost.
    const signal = lease.signal;
    const catalog = await loadAgentCatalog(context, agent.id);
    const knowledge = await loadAgentKnowledge(store, agent);
    const { history, personReplied } = await loadHistory(store, message);
    const pendingAction = readPendingAction(conversation);
    // With no pending action to run first, the turn asks whether it may go on right after reading
    // its history, which shows a person's reply since its message (the status was read when it took
    // the conversation): that first answer needs no statement; later ones read the conversation.
    let firstAnswer = pendingAction ? undefined : !personReplied;
    const mayContinue = async () => {
      if (firstAnswer !== undefined) {
        const answer = firstAnswer;
        firstAnswer = undefined;
        return answer;
      }
      return (await store.conversations.readTurn(handle)) === 'open';
    };
    const result = await runTurn({
      model,
      basePrompt: agent.basePrompt,
      temperature: agent.model.provider ? agent.model.temperature : undefined,
      maxToolSteps: agent.maxToolSteps,
      tools: catalog.tools,
      catalog,
      executor: context.executor,
      knowledge,
      history,
      message: message.text,
      pendingAction,
      customer: activeCustomer(conversation),
      signInUrl: agent.identity.signInUrl ?? null,
      agentId: agent.id,
      conversationId: conversation.id,
      onEvent: options.onEvent,
      // A JSON answer shows no text before the end: the model's answer whole costs a third as much.
      stream: options.onEvent !== undefined,
      signal,
      claimPendingAction: (action) =>
        store.conversations.claimPendingAction({ ...handle, actionId: action.id }),
      mayContinue,
    });
    if (lease.isLost()) throw new TurnLostError(handle.conversationId);
    const committed = await store.conversations.commitTurn({
      ...handle,
      reply: result.stopped ? result.reply || null : result.reply,
      steps: [
        ...(options.leadingSteps ?? []),
        ...result.steps,
        { type: 'data-sources', tools: result.dataSources, knowledge: result.knowledgeSources },
      ],
      pendingAction: result.pendingAction,
      handoff: Boolean(result.handoff),
      handoffReason: result.handoff?.reason,
      note: result.handoff && `Handed to a person: ${result.handoff.reason}`,
      cancelled: result.stopped === 'cancelled',
    });
    if (result.handoff && committed.outcome === 'answered')
      context.onHandoff?.(committed.conversation, agent, result.handoff.reason);
    const pending = committed.outcome === 'answered' ? result.pendingAction : null;
    return {
      reply: committed.reply && { id: committed.reply.id, text: committed.reply.text },
      trace: {
        steps: result.steps,
        dataSources: result.dataSources,
        knowledgeSources: result.knowledgeSources,
      },
      status: committed.conversation.status,
      pendingAction: pending && {
        tool: pending.tool,
        summary: pending.summary,
        expiresAt: pending.expiresAt,
      },
      signIn: committed.outcome === 'answered' ? (result.signIn ?? null) : null,
      message,
    };
  } catch (error) {
    const onFailure = options.onFailure ?? 'fail';
    // When even this fails, the message stays pending and the recovery finds it once the lease ends.
    await store.conversations
      .releaseTurn(
        onFailure === 'fail'
          ? { ...handle, replyState: 'failed' }
          : {
              ...handle,
              replyState: 'handed-over',
              handover: { ...onFailure.handover(error), steps: options.leadingSteps ?? [] },
            },
      )
      .catch(() => {});
    if (error instanceof TurnLostError)
      throw new ConflictError('another turn took this conversation over: send the message again');
    throw error;
  } finally {
    lease.stop();
  }
}

/**
 * Runs the agent on `text` in `conversation`: stores the message, waits for the conversation's turn,
 * answers and commits. A person's conversation only gets the message stored.
 */
export async function runConversationTurn(
  context: ConversationTurnContext,
  options: {
    conversation: Conversation;
    text: string;
    onEvent?: (event: TurnEvent) => void;
    signal?: AbortSignal;
  },
): Promise<ConversationTurnResult> {
  const { store } = context;
  const { conversation, text } = options;
  if (conversation.status === 'closed')
    throw new ConflictError('this conversation is closed: start a new one');
  const agent = await store.agents.get(conversation.agentId);
  if (!agent) throw new ConflictError('the agent of this conversation no longer exists');
  const leaseMs = context.turnLeaseMs ?? DEFAULT_TURN_LEASE_MS;
  if (conversation.status === 'waiting-for-human') {
    const message = await store.conversations.addMessage(conversation.id, {
      role: 'customer',
      text,
      replyState: 'for-person',
    });
    return {
      reply: null,
      trace: { steps: [], dataSources: [], knowledgeSources: [] },
      status: conversation.status,
      pendingAction: null,
      signIn: null,
      message,
    };
  }
  // The message is stored, and the conversation taken when it is free, in one transaction.
  const turnId = newTurnId();
  const added = await store.conversations.addMessageAndTakeTurn({
    conversationId: conversation.id,
    turnId,
    text,
    leaseMs,
  });
  const message = added.message;
  const handle = { conversationId: conversation.id, messageId: message.id, turnId };
  let lease: TurnLease;
  try {
    lease = added.conversation
      ? leaseTakenTurn({ store, handle, conversation: added.conversation, leaseMs, signal: options.signal })
      : await holdTurn({
          store,
          ...handle,
          leaseMs,
          maxWaitMs: context.turnWaitMs ?? DEFAULT_TURN_WAIT_MS,
          signal: options.signal,
        });
  } catch (error) {
    const state = error instanceof ClientClosedError ? 'cancelled' : 'failed';
    await store.conversations.setReplyState(message.id, state).catch(() => {});
    throw error;
  }
  return answerMessage(context, { lease, message, agent, onEvent: options.onEvent });
}
