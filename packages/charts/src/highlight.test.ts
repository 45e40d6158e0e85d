import { COUNCILS } from "@lens/core";
import { describe, expect, it } from "vitest";
import type { ChartSpec } from "./chart-spec.js";
import { groupFromParams, groupInWords, groupMembers, medianOf, writeGroup } from "./comparison-group.js";
import {
  highlightFromParams,
  highlightInWords,
  withHighlight,
  withHighlightParam,
  withPageHighlight,
  writeHighlight,
} from "./highlight.js";

const base: Omit<ChartSpec, "kind" | "categories" | "series" | "xLabel"> = {
  id: "t",
  title: "T",
  filtersInWords: "All years",
  format: "percent",
  yLabel: "Share",
  notes: [],
  source: "Source: test",
  licence: "OGL",
  vintage: "",
  n: "n = 4",
  summary: "",
  table: { columns: [], rows: [] },
  isSample: true,
};

// Ranked bars of four councils, highest first, with one suppressed.
const bars: ChartSpec = {
  ...base,
  kind: "bar",
  xLabel: "Council",
  categories: ["Kent", "Leeds", "Bradford", "Wigan"],
  series: [{ key: "value", label: "Share", colour: "#000", values: [0.4, 0.3, 0.113, null] }],
};

const scatter: ChartSpec = {
  ...base,
  kind: "scatter",
  xLabel: "Spend",
  xFormat: "gbp",
  categories: [],
  series: [],
  points: [
    { id: "886", label: "Kent", x: 100, y: 0.2 },
    { id: "380", label: "Bradford", x: 300, y: 0.1 },
    { id: "383", label: "Leeds", x: 200, y: 0.3 },
  ],
};

describe("highlight in the URL", () => {
  it("reads a registry council code and drops anything else", () => {
    expect(highlightFromParams(new URLSearchParams("highlight=886"))).toBe("886");
    expect(highlightFromParams(new URLSearchParams("highlight=999"))).toBeNull();
    expect(highlightFromParams(new URLSearchParams(""))).toBeNull();
    const p = new URLSearchParams("metric=x");
    writeHighlight(p, "886");
    expect(p.toString()).toBe("metric=x&highlight=886");
    writeHighlight(p, null);
    expect(p.toString()).toBe("metric=x");
    expect(withHighlightParam("/explore?chart=scatter", "886")).toBe("/explore?chart=scatter&highlight=886");
  });

  it("marks the council's bar and keeps every other bar", () => {
    const spec = withHighlight(bars, "380");
    expect(spec.highlightCouncil).toEqual({ code: "380", label: "Bradford" });
    expect(spec.highlight).toEqual(["Bradford"]);
    expect(spec.categories).toHaveLength(4);
    expect(highlightInWords(spec, "380")).toBe(
      "Bradford is highlighted: 11.3%, ranked 3rd of 3 councils with a value (highest first).",
    );
    expect(highlightInWords(bars, "359")).toMatch(/^Wigan is highlighted but has no published value/);
    // A council not in the chart mutes nothing.
    expect(withHighlight(bars, "382").highlight).toBeUndefined();
    expect(withHighlight(scatter, "381").points!.some((p) => p.highlight)).toBe(false);
  });

  it("marks the council's point and ranks it on both axes", () => {
    const spec = withHighlight(scatter, "886");
    expect(spec.points!.filter((p) => p.highlight).map((p) => p.id)).toEqual(["886"]);
    expect(spec.points).toHaveLength(3);
    expect(highlightInWords(spec, "886")).toBe(
      "Kent is highlighted: Share 20.0% (2nd of 3), Spend £100 (3rd of 3); ranks among the councils drawn, highest first.",
    );
    expect(highlightInWords(spec, "381")).toMatch(/not drawn/);
  });

  it("applies the page's highlight with its words in the notes, unless the chart has its own", () => {
    const spec = withPageHighlight(bars, "380");
    expect(spec.highlight).toEqual(["Bradford"]);
    expect(spec.notes[0]).toMatch(/^Bradford is highlighted: 11\.3%/);
    const own = { ...bars, highlight: ["Kent"] };
    expect(withPageHighlight(own, "380")).toBe(own);
    expect(withPageHighlight(bars, null)).toBe(bars);
  });

  it("leaves charts without councils alone", () => {
    const byModel: ChartSpec = { ...bars, xLabel: "Commissioning model" };
    expect(withHighlight(byModel, "886")).toBe(byModel);
    expect(highlightInWords(byModel, "886")).toBeNull();
  });
});

describe("comparison groups", () => {
  const kent = COUNCILS.find((c) => c.laCode === "886")!;
  it("defaults to DfE's ten statistical neighbours", () => {
    const g = groupFromParams(new URLSearchParams(""));
    expect(g.kind).toBe("neighbours");
    expect(groupMembers(kent, g)).toEqual(["881", "845", "878", "303", "935", "926", "891", "938", "822", "933"]);
    expect(groupInWords(kent, g)).toBe("its 10 statistical neighbours");
  });
  it("takes the region, the council type or a custom list", () => {
    expect(groupMembers(kent, { kind: "region", custom: [] })).toHaveLength(18);
    expect(groupInWords(kent, { kind: "region", custom: [] })).toBe("the other 18 councils in South East");
    expect(groupMembers(kent, { kind: "type", custom: [] })).toHaveLength(23);
    expect(groupInWords(kent, { kind: "type", custom: [] })).toBe("the other 23 county councils");
    const custom = groupFromParams(new URLSearchParams("group=custom&with=380,999,383,380,886"));
    expect(custom).toEqual({ kind: "custom", custom: ["380", "383", "886"] });
    expect(groupMembers(kent, custom)).toEqual(["380", "383"]);
    const p = new URLSearchParams("metric=m");
    writeGroup(p, custom);
    expect(p.toString()).toBe("metric=m&group=custom&with=380%2C383%2C886");
    writeGroup(p, { kind: "neighbours", custom: [] });
    expect(p.toString()).toBe("metric=m");
  });
  it("takes the median of the group's values, nulls left out", () => {
    expect(medianOf([3, null, 1, 2])).toBe(2);
    expect(medianOf([4, 1, 2, 3])).toBe(2.5);
    expect(medianOf([null])).toBeNull();
  });
});
