import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { describeError } from './feedback';

export interface Loaded<T> {
  data: T | null;
  /** What went wrong and what to do, ready to show. */
  error: string | null;
  loading: boolean;
  reload(): Promise<void>;
}

/**
 * Loads on mount, again whenever `deps` change, and on `reload`; an answer that arrives after a
 * newer request is ignored. While reloading, the previous data stays on screen.
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList = []): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    const request = ++latest.current;
    setLoading(true);
    try {
      const result = await loadRef.current();
      if (request === latest.current) {
        setData(result);
        setError(null);
      }
    } catch (err) {
      if (request === latest.current) setError(describeError(err));
    } finally {
      if (request === latest.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
    // Answers for an unmounted screen (e.g. after the vault locked) must never be kept.
    return () => {
      latest.current++;
    };
    // `load` itself is read through a ref; the caller's deps say when to load again.
  }, [reload, ...deps]);

  return { data, error, loading, reload };
}
