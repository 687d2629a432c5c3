// One abort signal for two: a turn stops when its client leaves or its lease is lost.

/** A signal aborted when either input is, and `release` to stop listening to them once done. */
export interface EitherSignal {
  signal: AbortSignal;
  release: () => void;
}

/**
 * `first` or `second`, as one signal. Node's `AbortSignal.any` keeps weak references to every signal
 * it makes for as long as its inputs live, which cost a chat turn more than the rest of its signal
 * handling; two listeners, removed by `release`, do the same for a signal used once.
 */
export function eitherSignal(first: AbortSignal, second: AbortSignal): EitherSignal {
  const controller = new AbortController();
  const aborted = first.aborted ? first : second.aborted ? second : undefined;
  if (aborted) {
    controller.abort(aborted.reason);
    return { signal: controller.signal, release: () => {} };
  }
  const onFirst = () => controller.abort(first.reason);
  const onSecond = () => controller.abort(second.reason);
  first.addEventListener('abort', onFirst, { once: true });
  second.addEventListener('abort', onSecond, { once: true });
  return {
    signal: controller.signal,
    release() {
      first.removeEventListener('abort', onFirst);
      second.removeEventListener('abort', onSecond);
    },
  };
}
