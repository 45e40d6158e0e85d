/**
 * Text measurement and wrapping for the export composer. The composer is pure, so it measures
 * with Arial/Helvetica advance widths (the export's font stack is metric-compatible: Arial,
 * Liberation Sans, Helvetica); in a browser a canvas measurer can be passed instead. Widths are
 * rounded up by a safety margin so a slightly wider fallback font still fits its box.
 */

export interface FontSpec {
  size: number;
  weight?: "normal" | "bold";
}

/** Width in px of `text` set in `font`. */
export type MeasureText = (text: string, font: FontSpec) => number;

export const FONT_STACK = "Arial, 'Liberation Sans', 'Helvetica Neue', Helvetica, sans-serif";

// Helvetica AFM advance widths (1/1000 em) for ASCII 32..126, regular and bold.
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611,
  556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389,
  280, 389, 584,
];
const EXTRA: Record<string, number> = {
  "—": 1000,
  "–": 556,
  "£": 556,
  "€": 556,
  "≥": 549,
  "≤": 549,
  "−": 584,
  "×": 584,
  "·": 278,
  "•": 350,
  "…": 1000,
  "‘": 222,
  "’": 222,
  "“": 333,
  "”": 333,
  " ": 278,
};
const SAFETY = 1.04;

/** Deterministic width estimate from Helvetica metrics (unknown glyphs count as wide). */
export const approximateMeasure: MeasureText = (text, font) => {
  const table = font.weight === "bold" ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 32 && code <= 126) units += table[code - 32] ?? 600;
    else units += EXTRA[ch] ?? (code > 0x2e80 ? 1000 : 620);
  }
  return (units / 1000) * font.size * SAFETY;
};

/**
 * A measurer backed by a 2D canvas (the fonts the rasteriser will really use), never narrower
 * than the Helvetica estimate so the SVG still fits where only Arial is installed.
 */
export function canvasMeasure(ctx: { font: string; measureText(t: string): { width: number } }): MeasureText {
  return (text, font) => {
    ctx.font = `${font.weight === "bold" ? "bold " : ""}${font.size}px ${FONT_STACK}`;
    return Math.max(ctx.measureText(text).width * 1.02, approximateMeasure(text, font));
  };
}

/**
 * Greedy word wrap to `maxWidth`. Words wider than the line are broken by characters (URLs,
 * long council names), so no line is ever wider than maxWidth. `breakAll` wraps at any
 * character, for permalinks.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  font: FontSpec,
  measure: MeasureText,
  options: { breakAll?: boolean } = {},
): string[] {
  const lines: string[] = [];
  const paragraphs = text.split(/\r?\n/);
  for (const paragraph of paragraphs) {
    const tokens = options.breakAll ? splitUrl(paragraph) : paragraph.split(/\s+/).filter(Boolean);
    const joiner = options.breakAll ? "" : " ";
    let line = "";
    for (const token of tokens) {
      const candidate = line ? `${line}${joiner}${token}` : token;
      if (measure(candidate, font) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = "";
      // A token wider than the line on its own is broken by characters.
      let rest = token;
      while (measure(rest, font) > maxWidth && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && measure(rest.slice(0, cut), font) > maxWidth) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    if (line || tokens.length === 0) lines.push(line);
  }
  return lines.filter((l, i) => l !== "" || (i > 0 && i < lines.length - 1));
}

/** URL pieces that keep their separator at the end, so a wrapped link breaks after / ? & =. */
function splitUrl(url: string): string[] {
  return url.match(/[^/?&=,]*[/?&=,]?/g)?.filter(Boolean) ?? [url];
}
