import type { ReactNode } from "react";

/**
 * A horizontally scrollable wrapper for wide tables. It must be focusable so keyboard users
 * can scroll it (WCAG 2.1.1; axe "scrollable-region-focusable"), and named so the focus stop
 * is announced.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a named, focusable scroll container, not a page section
    // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable regions must be reachable by keyboard
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
