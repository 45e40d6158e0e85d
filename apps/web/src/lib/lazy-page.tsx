/**
 * A page loaded with its own chunk, shown as soon as the chunk is in. Not React.lazy: a lazy
 * page behind <Suspense> is revealed no sooner than about 300 ms after its fallback appeared
 * (React throttles reveals), which held every page — and so its first chart — back by that much.
 */
import type { ComponentType, ReactNode } from "react";
import { type PrefetchingPage, startPage } from "./route-prefetch.js";
import { moduleLoader, useModule } from "./use-module.js";

export function lazyPage<P extends object>(
  load: () => Promise<{ default: ComponentType<P> } & PrefetchingPage>,
  fallback: ReactNode,
): ComponentType<P> {
  const loader = moduleLoader(() => startPage(load));
  // biome-ignore lint/correctness/noComponentHookFactories: called once per page at module level (App.tsx), so each page keeps one component identity.
  return function LazyPage(props: P) {
    const module = useModule(loader);
    if (!module) return fallback;
    const Page = module.default;
    return <Page {...props} />;
  };
}
