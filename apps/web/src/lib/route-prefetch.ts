/**
 * Starts the page being opened: its chunk and, as soon as the chunk is in, the queries of its
 * first charts — before React has rendered the page. Without this the first query waits for the
 * whole page to render and commit (every card and control): on Overview the first chart's query
 * left at about 535 ms after navigation, and leaves at about 335 ms with this. This module stays tiny because it is in the shell; what to ask is the page chunk's own
 * `prefetch` (through query-inputs.ts, with the hooks' own inputs, so the page finds its queries
 * in flight and asks nothing twice).
 */

/** A page chunk may start its first charts' queries for the address being opened. */
export interface PrefetchingPage {
  prefetch?: (path: string, params: URLSearchParams) => void;
}

/** Loads a page chunk and starts its first charts' queries; the chunk's promise is returned for lazyPage. */
export function startPage<M extends PrefetchingPage>(load: () => Promise<M>): Promise<M> {
  return load().then((module) => {
    try {
      // Read when the chunk is in: the address of the page now being opened.
      module.prefetch?.(window.location.pathname, new URLSearchParams(window.location.search));
    } catch {
      // A bad address is the page's to explain; its own queries run as they would.
    }
    return module;
  });
}
