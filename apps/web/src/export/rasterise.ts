/**
 * Browser side of the export: compose the SVG (the chart drawn by LensChart offscreen, framed),
 * rasterise it (never a DOM screenshot) through an <img> onto a canvas at the preset's pixel
 * size, and hand files to the browser as downloads.
 */
import type { ChartSpec } from "@lens/charts/chart-spec";
import {
  type ExportLayout,
  type ExportMeta,
  type ExportSize,
  layoutExport,
  SIZE_PRESETS,
  type SizePreset,
} from "./compose-svg.js";
import { canvasMeasure, type MeasureText } from "./measure-text.js";
import { drawChart } from "./render-chart.js";

let measurer: MeasureText | undefined;

/** Measures with the fonts this browser will rasterise with (falls back to the estimate in jsdom). */
export function browserMeasure(): MeasureText | undefined {
  if (measurer) return measurer;
  try {
    const ctx = document.createElement("canvas").getContext("2d");
    if (ctx && typeof ctx.measureText === "function") measurer = canvasMeasure(ctx);
  } catch {
    // jsdom without a canvas implementation: the composer's own estimate is used.
    measurer = undefined;
  }
  return measurer;
}

export function composeForBrowser(
  spec: ChartSpec,
  size: SizePreset,
  meta: Omit<ExportMeta, "measure">,
  custom?: ExportSize,
): Promise<ExportLayout> {
  const measure = browserMeasure();
  return layoutExport(spec, custom ?? SIZE_PRESETS[size], measure ? { ...meta, measure } : meta, drawChart);
}

export async function svgToPng(svg: string, width: number, height: number, density: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const img = new Image();
    img.decoding = "async";
    img.src = url;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * density);
    canvas.height = Math.round(height * density);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("PNG export: this browser gave no 2D canvas");
    ctx.scale(density, density);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error("PNG export: the canvas produced no image"))),
        "image/png",
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Clipboard when allowed; the caller always shows the text too, so copying never fails silently. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
