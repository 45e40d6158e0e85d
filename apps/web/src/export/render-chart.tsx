/**
 * The chart part of an export: LensChart itself — the component every page and embed draws —
 * rendered at a fixed size into an offscreen container, and its <svg> taken as markup. So the
 * exported picture has exactly the page's marks, colours and ticks. recharts 3 draws nothing
 * in a server render (its marks register after mount), hence a real mount, in the browser or
 * in jsdom.
 */

import type { ChartSpec } from "@lens/charts/chart-spec";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import type { ChartDrawing } from "./compose-svg.js";

const nextTick = () =>
  new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => resolve());
    else setTimeout(resolve, 16);
  });

/** Attributes meaningful only on a live page: focus, ARIA application role, CSS sizing. */
const LIVE_ONLY = ["style", "tabindex", "role"];

/** recharts settles over a few renders (axes, then marks): wait until two frames agree. */
async function settled(host: HTMLElement): Promise<SVGSVGElement> {
  let last = "";
  for (let i = 0; i < 60; i++) {
    await nextTick();
    const svg = host.querySelector<SVGSVGElement>("svg.recharts-surface");
    const now = svg?.outerHTML ?? "";
    if (svg && now === last) return svg;
    last = now;
  }
  throw new Error("the chart did not finish drawing");
}

/**
 * recharts names its clip paths and layers after React ids, which differ from one page load to
 * the next: they are renumbered in document order (and their url(#…) references with them), so
 * the same chart always exports the same file.
 */
function renumberIds(svg: SVGSVGElement): void {
  const names = new Map<string, string>();
  for (const el of svg.querySelectorAll("[id]")) {
    const next = `chart-${names.size + 1}`;
    names.set(el.id, next);
    el.id = next;
  }
  if (names.size === 0) return;
  for (const el of svg.querySelectorAll("*"))
    for (const attr of [...el.attributes])
      if (attr.value.includes("url(#"))
        el.setAttribute(
          attr.name,
          attr.value.replace(/url\(#([^)]+)\)/g, (whole, id: string) => {
            const renamed = names.get(id);
            return renamed ? `url(#${renamed})` : whole;
          }),
        );
}

export async function drawChart(spec: ChartSpec, width: number, height: number): Promise<ChartDrawing> {
  const { LensChart } = await import("../charts/LensChart.js");
  const host = document.createElement("div");
  host.setAttribute("aria-hidden", "true");
  // In the document (recharts measures text there) but out of sight and out of the tab order.
  host.style.cssText = `position:fixed;left:-${width + 200}px;top:0;width:${width}px;height:${height}px;visibility:hidden;pointer-events:none`;
  document.body.append(host);
  const root = createRoot(host);
  try {
    flushSync(() => root.render(<LensChart spec={spec} width={width} height={height} legend={false} />));
    const live = await settled(host);
    const svg = live.cloneNode(true) as SVGSVGElement;
    for (const a of LIVE_ONLY) svg.removeAttribute(a);
    svg.setAttribute("width", String(width));
    svg.setAttribute("height", String(height));
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.setAttribute("data-role", "chart");
    for (const el of svg.querySelectorAll("[tabindex]")) el.removeAttribute("tabindex");
    renumberIds(svg);
    return { svg: new XMLSerializer().serializeToString(svg), width, height };
  } finally {
    root.unmount();
    host.remove();
  }
}
