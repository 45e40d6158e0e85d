import type { ChartKind, ChartSpec } from "@lens/charts/chart-spec";
import { longSpec } from "@lens/charts/spec-fixtures";
import { describe, expect, it } from "vitest";
import { composeExportSvg, type ExportLayout, layoutExport, SIZE_PRESETS, type SizePreset } from "./compose-svg.js";
import { approximateMeasure } from "./measure-text.js";
import { drawChart } from "./render-chart.js";
import { boxesOverlap } from "./svg-text.js";

const META = {
  permalink:
    "http://127.0.0.1:4173/explore?metric=share_36_months&groupBy=model&from=2015&to=2025&region=North+East&size=social&build=abc123def",
  exportedAt: new Date("2026-11-25T10:00:00Z"),
};
const KINDS: ChartKind[] = ["bar", "grouped-bar", "stacked-bar", "line", "box", "scatter"];
const PRESETS = Object.keys(SIZE_PRESETS) as SizePreset[];

function checkLayout(layout: ExportLayout): void {
  const { width, height, texts } = layout;
  for (const t of texts) {
    if (t.role === "watermark") {
      // Rotated about its centre: its rotated bounding box must stay inside the plot.
      const rad = ((t.rotate ?? 0) * Math.PI) / 180;
      const bw = Math.abs(t.w * Math.cos(rad)) + Math.abs(t.h * Math.sin(rad));
      const bh = Math.abs(t.w * Math.sin(rad)) + Math.abs(t.h * Math.cos(rad));
      const cx = t.x + t.w / 2;
      const cy = t.y + t.h / 2;
      expect(cx - bw / 2).toBeGreaterThanOrEqual(layout.plot.x);
      expect(cx + bw / 2).toBeLessThanOrEqual(layout.plot.x + layout.plot.w);
      expect(cy - bh / 2).toBeGreaterThanOrEqual(layout.plot.y);
      expect(cy + bh / 2).toBeLessThanOrEqual(layout.plot.y + layout.plot.h);
      continue;
    }
    const where = `${t.role} "${t.text}" at ${t.x.toFixed(1)},${t.y.toFixed(1)} ${t.w.toFixed(1)}×${t.h.toFixed(1)} in ${width}×${height}`;
    expect(t.x, where).toBeGreaterThanOrEqual(-0.01);
    expect(t.y, where).toBeGreaterThanOrEqual(-0.01);
    expect(t.x + t.w, where).toBeLessThanOrEqual(width + 0.01);
    expect(t.y + t.h, where).toBeLessThanOrEqual(height + 0.01);
    // The measured text fits its box (nothing is squeezed into less room than it needs).
    expect(approximateMeasure(t.text, t) - t.w, where).toBeLessThanOrEqual(0.01);
  }
  const boxes = texts.filter((t) => t.role !== "watermark");
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      expect(boxesOverlap(a, b), `${a.role} "${a.text}" overlaps ${b.role} "${b.text}"`).toBe(false);
    }
}

describe("layoutExport", () => {
  for (const preset of PRESETS)
    for (const kind of KINDS)
      it(`keeps every text box inside the ${preset} frame without overlaps (${kind}, long labels)`, async () => {
        const layout = await layoutExport(longSpec(kind), SIZE_PRESETS[preset], META, drawChart);
        expect(layout.width).toBe(SIZE_PRESETS[preset].width);
        if (SIZE_PRESETS[preset].height !== null) expect(layout.height).toBe(SIZE_PRESETS[preset].height);
        checkLayout(layout);
        // The chart keeps a usable plot even in the shortest preset.
        expect(layout.plot.h).toBeGreaterThan(60);
      });

  for (const preset of PRESETS)
    it(`lays out horizontal bars with many councils in the ${preset} frame`, async () => {
      const categories = Array.from({ length: 40 }, (_, i) =>
        i % 5 === 0 ? `Kingston upon Hull, City of (${i})` : `Council ${i}`,
      );
      const spec: ChartSpec = longSpec("bar", {
        horizontal: true,
        categories,
        highlight: ["Council 3"],
        series: [
          {
            key: "v",
            label: "Share",
            colour: "#2a9d8f",
            values: categories.map((_, i) => (i % 9 === 4 ? null : i / 50)),
          },
        ],
      });
      checkLayout(await layoutExport(spec, SIZE_PRESETS[preset], META, drawChart));
    });

  it("fits narrow custom widths (a phone)", async () => {
    for (const kind of KINDS)
      checkLayout(await layoutExport(longSpec(kind), { width: 360, height: null, density: 1 }, META, drawChart));
  });

  it("drops notes before it would clip them, and says so", async () => {
    const layout = await layoutExport(longSpec("grouped-bar"), SIZE_PRESETS.social, META, drawChart);
    const texts = layout.texts.map((t) => t.text).join(" ");
    if (layout.notesShown < 3) expect(texts).toMatch(/more notes? with the chart at the permalink/);
    checkLayout(layout);
  });

  it("grows the standard frame with its content and keeps every note", async () => {
    const layout = await layoutExport(longSpec("bar"), SIZE_PRESETS.standard, META, drawChart);
    expect(layout.notesShown).toBe(3);
    expect(layout.height).toBeGreaterThan(600);
  });
});

describe("composeExportSvg", () => {
  it("is a standalone, well-formed SVG carrying its own context as text", async () => {
    const spec = longSpec("bar");
    const svg = await composeExportSvg(spec, "standard", META, drawChart);
    const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
    expect(doc.querySelector("parsererror")).toBeNull();
    const text = [...doc.querySelectorAll("text")].map((t) => t.textContent).join(" ");
    // The chart is LensChart's own SVG, nested in the frame.
    expect(doc.querySelector('svg[data-role="chart"] .recharts-bar-rectangle')).not.toBeNull();
    expect(text).toContain("Share of children's services");
    expect(text).toContain("Source: Cabinet Office");
    expect(text).toContain("Licence: Open Government Licence v3.0");
    expect(text).toContain("Sample data — not real");
    expect(text).toContain("Exported 25 Nov 2026");
    expect(text.replace(/ /g, "")).toContain(META.permalink.replace(/&/g, "&"));
    // No external references: no href, no url() beyond the chart's own clip paths, no @import, no <image>.
    expect(svg.replace(/url\(#chart-\d+\)/g, "")).not.toMatch(/href=|url\(|@import|<image|<foreignObject/);
    expect(doc.documentElement.getAttribute("width")).toBe("1200");
  });

  it("has no watermark on real data", async () => {
    const svg = await composeExportSvg(longSpec("line", { isSample: false }), "social", META, drawChart);
    expect(svg).not.toContain("Sample data");
  });

  it("escapes markup in every piece of text", async () => {
    const svg = await composeExportSvg(
      longSpec("bar", { title: "<script>alert(1)</script> & co" }),
      "square",
      META,
      drawChart,
    );
    expect(svg).not.toContain("<script>");
    expect(new DOMParser().parseFromString(svg, "image/svg+xml").querySelector("parsererror")).toBeNull();
  });

  it("draws nothing for suppressed values (a gap, never a zero-height bar)", async () => {
    const svg = await composeExportSvg(longSpec("bar"), "standard", META, drawChart);
    // The category with no value is labelled so on its axis (recharts' tick text).
    const ticks = [...new DOMParser().parseFromString(svg, "image/svg+xml").querySelectorAll("text")].map(
      (t) => t.textContent ?? "",
    );
    expect(ticks.some((t) => t.endsWith("(suppressed)"))).toBe(true);
  });

  const textOf = (svg: string) =>
    [...new DOMParser().parseFromString(svg, "image/svg+xml").querySelectorAll("text")].map((t) => t.textContent);

  it("shades a line chart's 95% confidence interval and keys it in the legend", async () => {
    const spec = longSpec("line");
    for (const size of PRESETS) {
      const svg = await composeExportSvg(spec, size, META, drawChart);
      expect(svg.match(/class="recharts-layer recharts-area ci-band"/g)?.length).toBe(spec.series.length);
      expect(svg).toContain('class="legend-ci-band"');
      expect(textOf(svg).join(" ")).toContain("Shaded: 95% confidence interval");
    }
    const bare = { ...spec, series: spec.series.map(({ ciLow, ciHigh, ...s }) => s) };
    const svg = await composeExportSvg(bare, "standard", META, drawChart);
    expect(svg).not.toContain("ci-band");
    expect(textOf(svg).join(" ")).not.toContain("Shaded:");
  });

  it("draws a box plot's outliers and says once what box, whiskers and circles mean", async () => {
    const spec = longSpec("box");
    const outliers = spec.boxes!.reduce((a, b) => a + b.outliers.length, 0);
    const svg = await composeExportSvg(spec, "standard", META, drawChart);
    // One ring per outlier on the scale; the rest counted at the top.
    const rings = svg.match(/class="box-outlier"/g)?.length ?? 0;
    const above = [...svg.matchAll(/class="box-outliers-above"[\s\S]*?\+(\d+)</g)].reduce(
      (a, m) => a + Number(m[1]),
      0,
    );
    expect(rings + above).toBe(outliers);
    const text = textOf(svg).join(" ");
    expect(text).toContain("Circles: values beyond the whiskers");
    expect(text.match(/middle half/gi)?.length).toBe(1);
    expect(text).not.toContain("Boxes span");
  });

  const DISCLOSURES = [
    "93% of these contracts come from Norfolk County Council's 2015 contract register",
    "The order reverses once service and source are held equal (same service × source mix): as recorded Cooperative (72.6%) is above Market-led (46.7%); like for like Market-led (70.0%) is above Cooperative (65.2%).",
  ];

  it("says the concentration and like-for-like words in the header of every size, once, without overlaps", async () => {
    for (const kind of KINDS)
      for (const size of PRESETS) {
        const spec = longSpec(kind, { disclosures: DISCLOSURES, notes: [DISCLOSURES[0]!, "A caveat."] });
        const layout = await layoutExport(spec, SIZE_PRESETS[size], META, drawChart);
        checkLayout(layout);
        const header = layout.texts.filter((t) => t.role === "disclosure");
        expect(header.map((t) => t.text).join(" ")).toBe(DISCLOSURES.join(" "));
        // Drawn below the title, above the chart.
        const title = layout.texts.find((t) => t.role === "title")!;
        expect(Math.min(...header.map((t) => t.y))).toBeGreaterThan(title.y);
        expect(Math.max(...header.map((t) => t.y + t.h))).toBeLessThanOrEqual(layout.plot.y);
        const footer = layout.texts
          .filter((t) => t.role === "note")
          .map((t) => t.text)
          .join(" ");
        expect(footer).not.toContain("Norfolk");
      }
  });

  it("draws a like-for-like median beside each box and keys the diamond in the legend", async () => {
    const base = longSpec("box");
    const boxes = base.boxes!.map((b, i) =>
      i < 2 ? { ...b, adjusted: { value: b.median + 3, low: b.median, high: b.median + 6 } } : b,
    );
    const svg = await composeExportSvg(
      { ...base, boxes, likeForLike: "Like for like (service × source mix)" },
      "standard",
      META,
      drawChart,
    );
    expect(svg.match(/<g class="box-adjusted"/g)?.length).toBe(2);
    expect(svg.match(/class="box-adjusted-interval"/g)?.length).toBe(2);
    expect(textOf(svg).join(" ")).toContain(
      "Diamond: median like for like (service × source mix); its line: 95% interval",
    );
  });
});
