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
  const from = window.location.pathname;
  if (options.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  notify();
  if (window.location.pathname !== from) focusHeadingSoon();
}

/**
 * A new page (not a filter change) moves focus to its heading, as a page load would put a
 * screen reader at the top: the heading is announced and Tab continues from there. Pages load
 * lazily, so the heading is waited for (up to 3 s); focus the user has moved meanwhile is kept.
 */
export function focusHeadingSoon(): void {
  const started = document.activeElement;
  // The page being left may still be on screen while the new one loads: wait for a new heading.
  const previous = document.querySelector("main h1");
  const previousText = previous?.textContent;
  const deadline = Date.now() + 3000;
  const attempt = () => {
    const active = document.activeElement;
    // Focus already moved into the new page (an autofocused field, a click) is left where it is.
    if (active && active !== started && active !== document.body && active.closest("main")) return;
    const h1 = document.querySelector<HTMLElement>("main h1");
    // The same page component keeps its heading element and changes its words (one council to another).
    if (!h1 || (h1 === previous && h1.textContent === previousText)) {
      if (Date.now() < deadline) window.setTimeout(attempt, 50);
      return;
    }
    if (!h1.hasAttribute("tabindex")) h1.setAttribute("tabindex", "-1");
    h1.focus({ preventScroll: true });
  };
  window.setTimeout(attempt, 0);
}

if (typeof window !== "undefined") {
  // Back and forward to another page move focus too.
  let shownPath = window.location.pathname;
  window.addEventListener("popstate", () => {
    if (window.location.pathname !== shownPath) focusHeadingSoon();
    shownPath = window.location.pathname;
  });
  listeners.add(() => {
    shownPath = window.location.pathname;
  });
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
