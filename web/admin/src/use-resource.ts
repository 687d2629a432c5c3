// Loads data for a component and keeps loading, error and a reload function beside it.
import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

/** The state of a load. */
export interface Resource<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  /** Loads again, keeping the current data on screen meanwhile. */
  reload: () => Promise<void>;
  /** Replaces the data locally (after a change the server confirmed). */
  setData: (data: T) => void;
}

/** Runs `load` now and whenever `deps` change; answers of superseded loads are dropped. */
export function useResource<T>(load: () => Promise<T>, deps: DependencyList): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(async () => {
    const run = ++latest.current;
    setLoading(true);
    try {
      const value = await loadRef.current();
      if (run === latest.current) {
        setData(value);
        setError(undefined);
      }
    } catch (caught) {
      if (run === latest.current) setError(caught as Error);
    } finally {
      if (run === latest.current) setLoading(false);
    }
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when to load
  useEffect(() => void reload(), deps);
  return { data, error, loading, reload, setData };
}
