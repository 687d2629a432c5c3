// Cancels one tool call's pending request and retry wait when its deadline passes or its caller gives up.
import { EventEmitter } from 'node:events';

/**
 * The abort switch of one tool call. An EventEmitter, which undici accepts as a request signal,
 * because an AbortController's EventTarget costs more per request than the rest of the executor's work.
 */
export class CallAbort extends EventEmitter {
  /** True once aborted. */
  aborted = false;
  /** Why it was aborted; undici rejects the pending request with it. */
  reason: Error | undefined;

  /** Aborts pending requests and waits; later calls do nothing. */
  abort(reason: Error): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.emit('abort');
  }

  /** Resolves after `ms`, or rejects with the reason as soon as the call is aborted. */
  sleep(ms: number): Promise<void> {
    if (this.aborted) return Promise.reject(this.reason);
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        reject(this.reason);
      };
      const timer = setTimeout(() => {
        this.off('abort', onAbort);
        resolve();
      }, ms);
      this.once('abort', onAbort);
    });
  }
}
