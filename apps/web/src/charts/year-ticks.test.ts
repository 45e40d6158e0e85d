import { describe, expect, it } from "vitest";
import { yearTicks } from "./year-ticks.js";

const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

describe("yearTicks", () => {
  it("labels every year when they fit", () => {
    expect(yearTicks(years(2015, 2025), 12)).toEqual(years(2015, 2025));
  });

  it("thins 1990–2025 and 'Not recorded' to round years, keeping 'Not recorded'", () => {
    const cats = [...years(1990, 2025), "Not recorded"];
    // 2025 sits right before "Not recorded" and would overlap it, so it is left unlabelled.
    expect(yearTicks(cats, 12)).toEqual(["1990", "1995", "2000", "2005", "2010", "2015", "2020", "Not recorded"]);
    expect(yearTicks(cats, 6)).toEqual(["1990", "2000", "2010", "2020", "Not recorded"]);
  });

  it("keeps an end year only when no round year crowds it", () => {
    // Every 5 years: 1995…2020; 1991 is 4 from 1995 (kept), 2024 is 4 from 2020 (kept); 2021 would not be.
    expect(yearTicks(years(1991, 2024), 10)).toEqual(["1991", "1995", "2000", "2005", "2010", "2015", "2020", "2024"]);
    expect(yearTicks(years(1991, 2021), 8)).toEqual(["1991", "1995", "2000", "2005", "2010", "2015", "2020"]);
  });

  it("leaves categories that are not years to the caller", () => {
    expect(yearTicks(["Kent", "Leeds"], 1)).toBeNull();
  });
});
