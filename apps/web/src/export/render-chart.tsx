/**
 * The chart part of an export: LensChart itself — the component every page and embed draws —
 * rendered at a fixed size into an offscreen container, and its <svg> taken as markup. So the
 * exported picture has exactly the page's marks, colours and ticks. recharts 3 draws nothing
 * in a server render (its marks register after mount), hence a real mount, in the browser or
 * in jsdom.
 */
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import type { ChartSpec } from "../charts/chart-spec.js";
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
    return { svg: new XMLSerializer().serializeToString(svg), width, height };
  } finally {
    root.unmount();
    host.remove();
  }
}
