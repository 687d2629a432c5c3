// Holds a conversation for one turn, across every server sharing the database: waits for the turn's
// lease (a conditional update of the conversation's row, never a lock in memory), renews it while
// the turn runs, and signals when it was lost.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Conversation, Store, TurnHandle } from '../store/index.js';
import { BusyError, ClientClosedError } from './http-errors.js';

/** Default lease of a turn (and of a waiting message): a crashed server's turn ends after this. */
export const DEFAULT_TURN_LEASE_MS = 30_000;
/** Default longest wait for the turns of earlier messages of the same conversation. */
export const DEFAULT_TURN_WAIT_MS = 120_000;

/** A turn holding its conversation. */
export interface TurnLease {
  /** The conversation, the turn's id and the customer message it answers. */
  handle: TurnHandle;
  /** The conversation as the turn took it (no other turn can change it until the turn ends). */
  conversation: Conversation;
  /**
   * The turn's one signal: aborted when a renewal found another turn holding the conversation, or
   * with the client's reason when the client's signal given to the lease aborts.
   */
  signal: AbortSignal;
  /** Whether a renewal found another turn holding the conversation. */
  isLost(): boolean;
  /** Stops renewing and following the client's signal (the turn committed or gave up). */
  stop(): void;
}

/** What waiting for a turn needs. */
export interface HoldTurnOptions {
  store: Store;
  conversationId: string;
  /** The stored customer message (state `pending`) the turn will answer. */
  messageId: string;
  /** Lease length in ms, renewed every third of it. */
  leaseMs: number;
  /** Longest wait in ms before giving up with BusyError. */
  maxWaitMs: number;
  /** The client's cancellation: waiting stops with ClientClosedError; the lease's signal follows it. */
  signal?: AbortSignal;
  /** The turn's id, when the caller already tried to take the conversation with one; default a new one. */
  turnId?: string;
}

/**
 * The lease of a turn that holds its conversation, renewed every third of `leaseMs`. One controller
 * stops the turn for either of its reasons, the client's leaving (`signal`) and the lease lost: a
 * signal of the lease's own joined with the client's by a third cost a chat turn more than renewing.
 */
function startRenewing(
  store: Store,
  handle: TurnHandle,
  conversation: Conversation,
  leaseMs: number,
  signal?: AbortSignal,
): TurnLease {
  const controller = new AbortController();
  let lost = false;
  const timer = setInterval(() => {
    store.conversations.renewTurn({ ...handle, leaseMs }).then(
      (held) => {
        if (held || lost) return;
        lost = true;
        controller.abort();
      },
      // A failed renewal is retried at the next tick; a commit after a lost lease stores nothing.
      () => {},
    );
  }, leaseMs / 3);
  timer.unref();
  const onClientAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) onClientAbort();
  else signal?.addEventListener('abort', onClientAbort, { once: true });
  return {
    handle,
    conversation,
    signal: controller.signal,
    isLost: () => lost,
    stop() {
      clearInterval(timer);
      signal?.removeEventListener('abort', onClientAbort);
    },
  };
}

function newHandle(options: HoldTurnOptions): TurnHandle {
  const turnId = options.turnId ?? randomUUID();
  return { conversationId: options.conversationId, messageId: options.messageId, turnId };
}

/** A new turn's id. */
export function newTurnId(): string {
  return randomUUID();
}

/**
 * The lease of a turn that has just taken `conversation` (`addMessageAndTakeTurn`), renewed from now
 * on; its signal also follows the client's `signal`.
 */
export function leaseTakenTurn(options: {
  store: Store;
  handle: TurnHandle;
  conversation: Conversation;
  leaseMs: number;
  signal?: AbortSignal;
}): TurnLease {
  return startRenewing(options.store, options.handle, options.conversation, options.leaseMs, options.signal);
}

/** Takes the conversation for a turn answering `messageId` if it is free now; undefined otherwise. */
export async function tryHoldTurn(
  options: Omit<HoldTurnOptions, 'maxWaitMs'>,
): Promise<TurnLease | undefined> {
  const handle = newHandle({ ...options, maxWaitMs: 0 });
  const taken = await options.store.conversations.takeTurn({ ...handle, leaseMs: options.leaseMs });
  return taken ? startRenewing(options.store, handle, taken, options.leaseMs, options.signal) : undefined;
}

/**
 * Takes the conversation for a turn answering `messageId`, waiting while another turn holds it or
 * an older message of the conversation is still waited for (so messages are answered in order). The
 * waiting message's lease is renewed meanwhile, which keeps younger messages behind it.
 */
export async function holdTurn(options: HoldTurnOptions): Promise<TurnLease> {
  const { store, leaseMs, signal } = options;
  const handle = newHandle(options);
  const deadline = Date.now() + options.maxWaitMs;
  let renewedAt = Date.now();
  let delayMs = 20;
  for (;;) {
    if (signal?.aborted) throw new ClientClosedError();
    const taken = await store.conversations.takeTurn({ ...handle, leaseMs });
    if (taken) return startRenewing(store, handle, taken, leaseMs, signal);
    if (Date.now() >= deadline)
      throw new BusyError(
        'this conversation is still busy with an earlier message: send this one again later',
      );
    if (Date.now() - renewedAt >= leaseMs / 3) {
      await store.conversations.renewMessageLease(options.messageId, leaseMs);
      renewedAt = Date.now();
    }
    // Jitter keeps waiters on several servers from polling in step.
    await sleep(delayMs * (0.75 + Math.random() / 2), undefined, { signal }).catch(() => {});
    delayMs = Math.min(delayMs * 1.5, 250);
  }
}
