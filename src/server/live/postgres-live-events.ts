// Live events across servers: NOTIFY on the store's channel after a commit, LISTEN on a dedicated
// connection that reconnects when lost (and then tells every stream to read again).
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import type { Store } from '../../store/index.js';
import { createLocalLiveEvents, type LiveEvent, type LiveEvents } from './live-events.js';

/** Reconnection delays in ms: doubling from the first, at most the last. */
const RECONNECT_FIRST_MS = 250;
const RECONNECT_MAX_MS = 10_000;

/** The wire form: short keys, ids only, well under PostgreSQL's 8,000-byte payload limit. */
interface Notification {
  /** The publishing server, which delivered the event to its own streams already. */
  o: string;
  e: Exclude<LiveEvent, { type: 'resync' }>;
}

/** Live events over PostgreSQL's LISTEN/NOTIFY; resolves once the first LISTEN was tried. */
export async function createPostgresLiveEvents(
  postgres: NonNullable<Store['postgres']>,
  log: FastifyBaseLogger,
): Promise<LiveEvents> {
  const local = createLocalLiveEvents();
  const origin = randomBytes(6).toString('base64url');
  let client: pg.Client | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let delay = RECONNECT_FIRST_MS;
  let listenedBefore = false;

  function onNotification(message: pg.Notification): void {
    if (message.channel !== postgres.channel || !message.payload) return;
    try {
      const notification = JSON.parse(message.payload) as Notification;
      if (notification.o !== origin) local.deliver(notification.e);
    } catch {
      // Not ours (another program on the channel): ignored.
    }
  }

  function onLost(this: pg.Client, error?: Error): void {
    if (client !== this) return;
    client = undefined;
    this.removeAllListeners('notification');
    this.end().catch(() => {});
    if (closed) return;
    log.warn(`live events: the PostgreSQL connection was lost (${error?.message ?? 'ended'}); reconnecting`);
    schedule();
  }

  function schedule(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void listen(), delay);
    timer.unref();
    delay = Math.min(delay * 2, RECONNECT_MAX_MS);
  }

  async function listen(): Promise<void> {
    let next: pg.Client | undefined;
    try {
      next = await postgres.connect();
      next.on('notification', onNotification);
      next.on('error', onLost);
      next.on('end', onLost);
      await next.query(`LISTEN "${postgres.channel}"`);
      if (closed) {
        await next.end();
        return;
      }
      client = next;
      delay = RECONNECT_FIRST_MS;
      // Whatever was published while no connection listened is read again by every stream.
      if (listenedBefore) local.deliver({ type: 'resync' });
      listenedBefore = true;
    } catch (error) {
      await next?.end().catch(() => {});
      if (closed) return;
      log.warn(`live events: LISTEN failed (${(error as Error).message}); trying again`);
      schedule();
    }
  }

  await listen();
  return {
    publish(event) {
      local.deliver(event);
      const payload: Notification = { o: origin, e: event };
      postgres
        .notify(JSON.stringify(payload))
        .catch((error: Error) => log.warn(`live events: NOTIFY failed: ${error.message}`));
    },
    subscribe: local.subscribe,
    async close() {
      closed = true;
      clearTimeout(timer);
      const current = client;
      client = undefined;
      await current?.end().catch(() => {});
      await local.close();
    },
  };
}
