/**
 * Draws a chart only once it comes near the viewport. Drawing is most of a page's work on the
 * main thread (recharts lays out every chart on mount), so charts below the fold wait until the
 * reader scrolls towards them and the first chart appears sooner. Until then a placeholder of the
 * chart's height holds its place, so the page does not jump when it is drawn. Charts that come
 * near together are drawn one a frame, so the first is on screen before the next is laid out
 * (drawn in one go, none shows until all are done). Printing draws every chart first, and where
 * IntersectionObserver is missing everything is drawn at once.
 */
import { type ReactNode, useEffect, useRef, useState } from "react";

/** How far outside the viewport a chart starts drawing: about a screen ahead of the reader's scroll. */
export const NEAR_MARGIN_PX = 600;

/** Charts waiting to be drawn, in the order they came near; one is drawn per frame. */
const waiting: (() => void)[] = [];
let drawing = false;

function nextFrame(then: () => void): void {
  // A frame, then a task: the browser paints the chart just drawn before the next is laid out.
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(then, 0));
  else setTimeout(then, 16);
}

function drawInTurn(draw: () => void): void {
  waiting.push(draw);
  if (drawing) return;
  drawing = true;
  // The turn passes only after a frame, even to a chart that comes near in the same moment.
  const step = () => {
    const next = waiting.shift();
    if (!next) {
      drawing = false;
      return;
    }
    next();
    nextFrame(step);
  };
  step();
}

function printing(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia("print").matches;
}

export function DrawWhenNear({ height, label, children }: { height: number; label: string; children: ReactNode }) {
  const placeholder = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === "undefined" || printing());

  useEffect(() => {
    if (near) return;
    let queued = false;
    const draw = () => setNear(true);
    const observer = new IntersectionObserver(
      (entries) => {
        if (queued || !entries.some((e) => e.isIntersecting)) return;
        queued = true;
        drawInTurn(draw);
      },
      { rootMargin: `${NEAR_MARGIN_PX}px 0px` },
    );
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
