// The worker that sends queued hand-off webhooks: every server runs one; each delivery is claimed by
// one of them at a time, retried with exponential backoff and jitter up to a limit, and survives
// restarts (it is a row, not a promise).
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { createGuardedFetch } from '../executor/index.js';
import type { Store, WebhookDelivery } from '../store/index.js';
import { sendHandoff, WEBHOOK_TIMEOUT_MS } from './notify-handoff.js';

/** How hand-off webhooks are retried. */
export interface HandoffDeliveryOptions {
  /** Attempts before a delivery is given up (`failed`). Default 12. */
  maxAttempts?: number;
  /** Delay before the first retry in ms, doubled for each later one (with jitter). Default 5 s. */
  retryDelayMs?: number;
  /** Longest delay between two attempts in ms. Default 15 min. */
  maxRetryDelayMs?: number;
  /** How often each server looks for due deliveries, in ms. Default 2 s. */
  pollMs?: number;
}

/** A running worker. */
export interface HandoffDeliveries {
  /** Looks for due deliveries now (a hand-off was just queued). */
  wake: () => void;
  /** Stops looking and waits for the attempts in flight. */
  stop: () => Promise<void>;
}

/** Deliveries claimed per look-up. */
const BATCH = 10;
/** A claim outlives the attempt (its timeout), so a live worker never loses one it is sending. */
const CLAIM_MS = WEBHOOK_TIMEOUT_MS * 6;

/** The delay before attempt `attempts + 1`: doubling from `base`, at most `max`, the upper half jittered. */
export function retryDelay(attempts: number, base: number, max: number, random = Math.random()): number {
  const delay = Math.min(max, base * 2 ** Math.max(0, attempts - 1));
  return Math.round(delay / 2 + (delay / 2) * random);
}

/** Starts the worker of this server. */
export function startHandoffDeliveries(
  options: HandoffDeliveryOptions & { store: Store; allowHosts: string[]; log: FastifyBaseLogger },
): HandoffDeliveries {
  const { store, log } = options;
  const maxAttempts = options.maxAttempts ?? 12;
  const retryDelayMs = options.retryDelayMs ?? 5_000;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 15 * 60_000;
  const pollMs = options.pollMs ?? 2_000;
  const worker = `worker-${randomUUID()}`;
  const guarded = createGuardedFetch({ allowHosts: options.allowHosts });
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  async function attempt(delivery: WebhookDelivery): Promise<void> {
    const result = await sendHandoff({ store, delivery, fetch: guarded.fetch });
    const target = `hand-off webhook of conversation ${delivery.conversationId}${result.origin ? ` to ${result.origin}` : ''}`;
    if (result.ok) {
      await store.webhookDeliveries.markDelivered(delivery.id, worker);
      if (delivery.attempts > 1) log.info(`${target} delivered on attempt ${delivery.attempts}`);
      return;
    }
    if (!result.retry || delivery.attempts >= maxAttempts) {
      await store.webhookDeliveries.markFailed(delivery.id, worker, { error: result.error });
      log.warn(`${target} given up after ${delivery.attempts} attempts: ${result.error}`);
      return;
    }
    const delay = retryDelay(delivery.attempts, retryDelayMs, maxRetryDelayMs);
    await store.webhookDeliveries.markFailed(delivery.id, worker, {
      error: result.error,
      retryAt: new Date(Date.now() + delay).toISOString(),
    });
    log.warn(
      `${target} failed (attempt ${delivery.attempts} of ${maxAttempts}): ${result.error}; next in ${Math.ceil(delay / 1000)} s`,
    );
  }

  async function sweep(): Promise<void> {
    do {
      again = false;
      const claimed = await store.webhookDeliveries.claimDue({ worker, leaseMs: CLAIM_MS, limit: BATCH });
      await Promise.all(
        claimed.map((delivery) =>
          attempt(delivery).catch((error: Error) =>
            log.warn(`hand-off delivery ${delivery.id} not recorded: ${error.message}`),
          ),
        ),
      );
      if (claimed.length === BATCH) again = true;
    } while (again && !stopped);
  }

  function run(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = sweep()
      .catch((error: Error) => log.warn(`looking for hand-off webhooks to send failed: ${error.message}`))
      .finally(() => {
        running = undefined;
        if (stopped) return;
        // A wake that came after the sweep's last look runs at once; otherwise the next look is in pollMs.
        if (again) return run();
        timer = setTimeout(run, pollMs);
        timer.unref();
      });
  }

  run();
  return {
    wake: run,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await guarded.close();
    },
  };
}
