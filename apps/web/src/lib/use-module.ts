/**
 * Code loaded on demand without React.lazy. A lazy component behind <Suspense> is revealed no
 * sooner than about 300 ms after its fallback was shown (React throttles reveals so boundaries
 * appear together), which held every first chart back by that much after its data and code were
 * already in. A hook that renders the fallback itself until the module is in has no such wait.
 */
import { useEffect, useState } from "react";

export interface ModuleLoader<M> {
  /** Starts loading (once) and resolves with the module. */
  start(): Promise<M>;
  /** The module if it is in, else undefined. */
  current(): M | undefined;
}

export function moduleLoader<M>(load: () => Promise<M>): ModuleLoader<M> {
  let value: M | undefined;
  let promise: Promise<M> | undefined;
  return {
    start() {
      promise ??= load().then((m) => {
        value = m;
        return m;
      });
      return promise;
    },
    current: () => value,
  };
}

/** The module once loaded (undefined until then); a failed load is thrown to the nearest error boundary. */
export function useModule<M>(loader: ModuleLoader<M>): M | undefined {
  const [state, setState] = useState<{ module?: M; error?: unknown }>(() => ({ module: loader.current() }));
  useEffect(() => {
    if (state.module) return;
    let live = true;
    loader.start().then(
      (module) => live && setState({ module }),
      (error: unknown) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
  }, [loader, state.module]);
  if (state.error) throw state.error;
  return state.module;
}
