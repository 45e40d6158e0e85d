import { describe, expect, it } from "vitest";
import { groupByFor, readExploreState, writeExploreState } from "./explore-state.js";

describe("Explore state in the URL", () => {
  it("defaults to a bar by model", () => {
    expect(readExploreState(new URLSearchParams(""))).toMatchObject({
      metric: "share_36_months",
      by: "model",
      chart: "bar",
    });
  });
  it("repairs invalid combinations instead of failing", () => {
    const s = readExploreState(new URLSearchParams("metric=procedure_mix&chart=box&by=procedure"));
    expect(s.chart).toBe("stacked-bar");
    expect(s.by).toBe(null);
    expect(readExploreState(new URLSearchParams("metric=nope")).metric).toBe("share_36_months");
  });
  it("puts years first for lines and keeps the group as the lines", () => {
    const s = readExploreState(new URLSearchParams("metric=median_duration_months&chart=line&by=model"));
    expect(groupByFor(s)).toEqual(["year", "model"]);
  });
  it("round-trips", () => {
    const s = readExploreState(new URLSearchParams("metric=contracts&chart=grouped-bar&by=region&by2=model"));
    const p = new URLSearchParams();
    writeExploreState(p, s);
    expect(readExploreState(p)).toEqual(s);
  });
});
