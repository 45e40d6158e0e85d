/**
 * Draws a chart only once it comes near the viewport. Drawing is most of a page's work on the
 * main thread (recharts lays out every chart on mount), so charts below the fold wait until the
 * reader scrolls towards them and the first chart appears sooner. Until then a placeholder of the
 * chart's height holds its place, so the page does not jump when it is drawn. Printing draws
 * every chart first, and where IntersectionObserver is missing everything is drawn at once.
 */
import { type ReactNode, useEffect, useRef, useState } from "react";

/** How far outside the viewport a chart starts drawing: about a screen ahead of the reader's scroll. */
export const NEAR_MARGIN_PX = 600;

function printing(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia("print").matches;
}

export function DrawWhenNear({ height, label, children }: { height: number; label: string; children: ReactNode }) {
  const placeholder = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === "undefined" || printing());

  useEffect(() => {
    if (near) return;
    const draw = () => setNear(true);
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && draw(), {
      rootMargin: `${NEAR_MARGIN_PX}px 0px`,
    });
    if (placeholder.current) observer.observe(placeholder.current);
    // A printout has no scrolling: every chart must be drawn before the page is laid out for paper.
    const print = typeof window.matchMedia === "function" ? window.matchMedia("print") : null;
    window.addEventListener("beforeprint", draw);
    print?.addEventListener("change", draw);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", draw);
      print?.removeEventListener("change", draw);
    };
  }, [near]);

  if (near) return children;
  return (
    <div ref={placeholder} className="skeleton chart-placeholder" style={{ height }} data-drawn="later">
      <span className="visually-hidden">{label}: drawn when scrolled into view</span>
    </div>
  );
}
