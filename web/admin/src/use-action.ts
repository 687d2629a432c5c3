// Runs a form's action and keeps what the form shows about it: busy, the error, or done.
import { useCallback, useState } from 'react';

/** The state of an action and `run` to start it; a thrown error lands in `error`. */
export function useAction() {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const run = useCallback(async (action: () => Promise<void>) => {
    setError(undefined);
    setDone(false);
    setBusy(true);
    try {
      await action();
      setDone(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }, []);
  return { error, busy, done, run };
}
