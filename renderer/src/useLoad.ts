import { useEffect, useState, type DependencyList } from 'react';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
}

/**
 * Runs `load` whenever `deps` change (nothing when it is null) and keeps its latest answer.
 * The previous data stays on screen while a new load runs; an answer that arrives after the
 * deps changed again is dropped.
 */
export function useLoad<T>(load: (() => Promise<T>) | null, deps: DependencyList): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: load !== null });
  useEffect(() => {
    if (!load) {
      setState({ data: null, error: null, loading: false });
      return undefined;
    }
    let current = true;
    setState((previous) => ({ data: previous.data, error: null, loading: true }));
    load().then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: unknown) => current && setState({ data: null, error, loading: false }),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure on every render; `deps` says when it means something new.
  }, deps);
  return state;
}
