/**
 * Text boxes: every piece of text in an export is a laid-out, one-line box whose rectangle
 * the layout tests check (inside the frame, no two overlapping). Rendering is a pure string
 * function; nothing here touches the DOM.
 */
import { FONT_STACK, type FontSpec, type MeasureText, wrapText } from "./measure-text.js";

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type TextRole =
  | "title"
  | "subtitle"
  | "filters"
  | "disclosure"
  | "legend"
  | "y-label"
  | "x-label"
  | "y-tick"
  | "x-tick"
  | "value-label"
  | "point-label"
  | "note"
  | "n"
  | "source"
  | "licence"
  | "permalink"
  | "sample-band"
  | "watermark";

export interface TextBox extends Rect {
  text: string;
  role: TextRole;
  size: number;
  weight: "normal" | "bold";
  fill: string;
  anchor: "start" | "middle" | "end";
  /** Degrees, about the box centre; only the watermark is rotated. */
  rotate?: number;
}

export const LINE_HEIGHT = 1.28;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Numbers in SVG attributes: two decimals, no trailing zeros. */
export function num(v: number): string {
  return (Math.round(v * 100) / 100).toString();
}

export function renderText(box: TextBox): string {
  const tx = box.anchor === "start" ? box.x : box.anchor === "middle" ? box.x + box.w / 2 : box.x + box.w;
  // Baseline so the glyphs' visual centre sits on the box's centre line (Arial: cap height ≈ 0.72 em).
  const ty = box.y + box.h / 2 + box.size * 0.35;
  const rotate =
    box.rotate !== undefined
      ? ` transform="rotate(${num(box.rotate)} ${num(box.x + box.w / 2)} ${num(box.y + box.h / 2)})"`
      : "";
  const weight = box.weight === "bold" ? ' font-weight="bold"' : "";
  const anchor = box.anchor === "start" ? "" : ` text-anchor="${box.anchor}"`;
  return `<text x="${num(tx)}" y="${num(ty)}" font-size="${num(box.size)}"${weight} fill="${box.fill}"${anchor}${rotate} data-role="${box.role}">${escapeXml(box.text)}</text>`;
}

export function boxesOverlap(a: Rect, b: Rect, tolerance = 0.5): boolean {
  return (
    a.x < b.x + b.w - tolerance &&
    b.x < a.x + a.w - tolerance &&
    a.y < b.y + b.h - tolerance &&
    b.y < a.y + a.h - tolerance
  );
}

export interface TextStyle extends FontSpec {
  fill: string;
  role: TextRole;
}

/**
 * Wraps `text` to `width` and stacks the lines from `top`; returns the boxes (not yet
 * committed anywhere) and the height they take.
 */
export function wrapBlock(
  text: string,
  style: TextStyle,
  area: { x: number; top: number; width: number; align?: "start" | "middle" | "end" },
  measure: MeasureText,
  options: { breakAll?: boolean; lineHeight?: number } = {},
): { boxes: TextBox[]; height: number } {
  const lh = style.size * (options.lineHeight ?? LINE_HEIGHT);
  const lines = wrapText(text, area.width, style, measure, options.breakAll ? { breakAll: true } : {});
  const align = area.align ?? "start";
  const boxes = lines.map((line, i): TextBox => {
    const w = Math.min(area.width, measure(line, style));
    const x = align === "start" ? area.x : align === "middle" ? area.x + (area.width - w) / 2 : area.x + area.width - w;
    return {
      x,
      y: area.top + i * lh,
      w,
      h: lh,
      text: line,
      role: style.role,
      size: style.size,
      weight: style.weight ?? "normal",
      fill: style.fill,
      anchor: align,
    };
  });
  return { boxes, height: lines.length * lh };
}

export const SVG_FONT_FAMILY = FONT_STACK;
