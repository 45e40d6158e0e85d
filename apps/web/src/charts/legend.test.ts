import { longSpec } from "@lens/charts/spec-fixtures";
import { THEME } from "@lens/charts/theme";
import { describe, expect, it } from "vitest";
import { legendItems } from "./legend.js";

describe("the legend, as the page and the export both draw it", () => {
  it("names the highlighted council in the theme's colour and the others muted", () => {
    const spec = longSpec("bar", {
      horizontal: true,
      highlight: ["In-house"],
      highlightCouncil: { code: "886", label: "In-house" },
      referenceLines: [],
    });
    const items = legendItems(spec);
    expect(items).toContainEqual({ label: "In-house (highlighted)", colour: THEME.highlight, glyph: "square" });
    expect(items).toContainEqual({ label: "Other councils", colour: THEME.muted, glyph: "square" });
  });

  it("keys a scatter's points, the highlighted council by name", () => {
    const spec = longSpec("scatter");
    const highlighted = spec.points!.find((p) => p.highlight)!;
    const items = legendItems(spec);
    expect(items[0]).toEqual({ label: "Council", colour: THEME.muted, glyph: "dot" });
    expect(items[1]).toEqual({ label: `${highlighted.label} (highlighted)`, colour: THEME.highlight, glyph: "dot" });
  });

  it("gives reference lines their value and the theme's dash", () => {
    const spec = longSpec("line", { referenceLines: [{ value: 0.5, label: "Target" }] });
    expect(legendItems(spec).at(-1)).toEqual({ label: "Target: 50.0%", colour: THEME.reference.colour, glyph: "dash" });
  });
});
