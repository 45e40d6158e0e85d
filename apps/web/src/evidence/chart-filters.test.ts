import { CLAIMS } from "@lens/charts/claims";
import { describe, expect, it } from "vitest";
import { briefChartFilters } from "./chart-filters.js";

const chart = (id: string) => CLAIMS.flatMap((c) => c.charts).find((r) => r.id === id)!;

describe("briefChartFilters", () => {
  const scatter = chart("evidence-staff-social_worker_agency_rate-vs-market-mix");
  const bars = chart("evidence-contract-length-share-36-by-model");

  it("a scatter draws every council and, on a real build, reads the market mix from the s251 outturn", () => {
    expect(briefChartFilters(scatter, { council: ["926"], from: 2018 }, false)).toEqual({
      from: 2018,
      source: ["s251-outturn"],
    });
  });

  it("the sample is never source-restricted, and a chosen source is kept", () => {
    expect(briefChartFilters(scatter, { council: ["926"] }, true)).toEqual({});
    expect(briefChartFilters(scatter, { source: ["devon-spend"] }, false)).toEqual({ source: ["devon-spend"] });
  });

  it("other charts keep the council: it is the council's brief", () => {
    expect(briefChartFilters(bars, { council: ["926"] }, false)).toEqual({ council: ["926"] });
  });

  it("claim 6's council charts draw the councils that have had a trust or company, unless a council is chosen", () => {
    const listed = chart("evidence-commissioning-three-plus-trust-councils");
    expect(briefChartFilters(listed, { from: 2020 }, false).council).toHaveLength(13);
    expect(briefChartFilters(listed, { council: ["926"] }, false)).toEqual({ council: ["926"] });
  });

  it("every claim has two to four charts, each id unique", () => {
    for (const c of CLAIMS) expect(c.charts.length, c.id).toBeGreaterThanOrEqual(2);
    for (const c of CLAIMS) expect(c.charts.length, c.id).toBeLessThanOrEqual(4);
    const ids = CLAIMS.flatMap((c) => c.charts.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(CLAIMS.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
