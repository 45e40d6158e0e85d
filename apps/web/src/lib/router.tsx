/**
 * A small history-API router: the path picks the page, the query string holds the page's
 * state (filters, metric, chart type), so back/forward work and a reload restores the view.
 */
import { type AnchorHTMLAttributes, type ReactNode, useCallback, useSyncExternalStore } from "react";

const listeners = new Set<() => void>();
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}
function notify(): void {
  for (const l of listeners) l();
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  notify();
}

export function useLocation(): { path: string; search: string } {
  const path = useSyncExternalStore(subscribe, () => window.location.pathname);
  const search = useSyncExternalStore(subscribe, () => window.location.search);
  return { path, search };
}

/** Reads and writes URL search parameters as the page's state. */
export function useSearchParams(): [
  URLSearchParams,
  (update: (p: URLSearchParams) => void, replace?: boolean) => void,
] {
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const set = useCallback((update: (p: URLSearchParams) => void, replace = false) => {
    const next = new URLSearchParams(window.location.search);
    update(next);
    const query = next.toString();
    navigate(`${window.location.pathname}${query ? `?${query}` : ""}`, { replace });
  }, []);
  return [params, set];
}

export function Link({
  to,
  children,
  ...rest
}: { to: string; children: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  return (
    <a
      href={to}
      {...rest}
      onClick={(event) => {
        rest.onClick?.(event);
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        navigate(to);
        window.scrollTo(0, 0);
      }}
    >
      {children}
    </a>
  );
}
