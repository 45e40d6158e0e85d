import { describe, expect, it } from "vitest";
import {
  comparisonFinding,
  correlationInWords,
  type GroupEstimate,
  levelFinding,
  relationFinding,
  strengthLine,
} from "./words.js";

const group = (label: string, recorded: number, adjusted: number | null, half = 0.03, n = 400): GroupEstimate => ({
  label,
  recorded,
  recordedLow: recorded - half,
  recordedHigh: recorded + half,
  n,
  adjusted,
  adjustedLow: adjusted === null ? null : adjusted - half,
  adjustedHigh: adjusted === null ? null : adjusted + half,
});

const base = { measure: "contracts lasting at least three years", format: "percent" as const, noun: "contracts" };

describe("comparisonFinding", () => {
  it("says a clear gap with the like-for-like estimate, its interval and n", () => {
    const f = comparisonFinding({
      ...base,
      mix: "service × source mix",
      groups: [group("Cooperative", 0.6, 0.55), group("Market-led", 0.3, 0.32)],
    });
    expect(f.sentences[0]).toBe(
      "As recorded, contracts lasting at least three years is highest for Cooperative, 60.0% (95% interval 57.0%–63.0%, n = 400 contracts), and lowest for Market-led, 30.0% (95% interval 27.0%–33.0%, n = 400 contracts).",
    );
    expect(f.sentences[1]).toBe(
      "Like for like (same service × source mix): Cooperative 55.0% (95% interval 52.0%–58.0%), Market-led 32.0% (95% interval 29.0%–35.0%); the gap holds at 23.0 percentage points, and the intervals do not overlap.",
    );
    expect(f.oneLine).toBe(
      "Like for like, Cooperative 55.0% [52.0%–58.0%] vs Market-led 32.0% [29.0%–35.0%] (n = 800): a clear gap.",
    );
    expect(f.widestInterval).toBeCloseTo(0.06);
  });

  it("gap reverses when adjusted", () => {
    const f = comparisonFinding({
      ...base,
      mix: "service × source mix",
      groups: [group("Market-led", 0.3, 0.5), group("Cooperative", 0.6, 0.4)],
    });
    expect(f.sentences[1]).toContain("the gap reverses when adjusted: Market-led is above Cooperative");
    expect(f.oneLine).toContain("the gap as recorded reverses when adjusted");
  });

  it("interval includes no difference: overlapping like-for-like intervals", () => {
    const f = comparisonFinding({
      ...base,
      mix: "service × source mix",
      groups: [group("Cooperative", 0.72, 0.5, 0.17), group("Market-led", 0.42, 0.4, 0.03)],
    });
    expect(f.sentences[1]).toContain("the two 95% intervals overlap, so these data cannot tell the two apart");
    expect(f.oneLine).toMatch(
      /Cooperative 50\.0% \[33\.0%–67\.0%\] vs Market-led 40\.0% \[37\.0%–43\.0%\].*no clear difference\.$/,
    );
    expect(f.widestInterval).toBeCloseTo(0.34);
  });

  it("a measure with no like-for-like estimate reads as recorded and says so", () => {
    const f = comparisonFinding({
      ...base,
      measure: "children's homes rated Good or Outstanding",
      mix: null,
      noun: "provider records",
      groups: [
        group("Private", 0.72, null, 0.005),
        group("Voluntary", 0.79, null, 0.015),
        group("Local Authority", 0.788, null, 0.01),
      ],
    });
    expect(f.sentences[0]).toContain("highest for Voluntary, 79.0%");
    expect(f.sentences[1]).toBe(
      "The gap is 7.0 percentage points and the intervals do not overlap. This measure is not standardised for mix: the gap is as recorded.",
    );
    expect(f.sentences[2]).toBe("Local Authority 78.8% lies between them as recorded.");
    expect(f.oneLine).toMatch(
      /^As recorded, Voluntary 79\.0% \[77\.5%–80\.5%\] vs Private 72\.0% .*a clear gap as recorded\.$/,
    );
  });

  it("one group only: nothing to compare", () => {
    const f = comparisonFinding({ ...base, mix: null, groups: [group("Cooperative", 0.5, null)] });
    expect(f.oneLine).toMatch(/^Only Cooperative has enough contracts to publish/);
  });
});

describe("strengthLine", () => {
  const common = { format: "percent" as const, noun: "contracts", isSample: false, coverage: null };

  it("groups chosen by failure: one step weaker, with the reason", () => {
    const line = strengthLine({
      ...common,
      council: null,
      source: null,
      widestInterval: null,
      n: 12,
      noun: "trust or company councils",
      indirect: "proxies",
      selection: "the councils with a trust or company were chosen by their services' failure",
    });
    expect(line).toBe(
      "Strength of evidence: weak — it rests on 12 trust or company councils; the councils with a trust or company were chosen by their services' failure; it uses proxies, not the claim itself.",
    );
  });

  it("one contributor dominates: one council's picture", () => {
    expect(
      strengthLine({
        ...common,
        council: { label: "Norfolk", share: 0.87 },
        source: { label: "Norfolk County Council's 2015 contract register", share: 0.87, councilList: true },
        widestInterval: 0.04,
        n: 1725,
      }),
    ).toBe(
      "Strength of evidence: weak — one council (Norfolk) supplies 87% of the contracts: this is one council's picture.",
    );
  });

  it("a council's own list dominating is one council's picture even when no council code is dominant", () => {
    const line = strengthLine({
      ...common,
      council: { label: "Norfolk", share: 0.4 },
      source: { label: "Norfolk's register", share: 0.6, councilList: true },
      widestInterval: 0.04,
      n: 1725,
    });
    expect(line).toContain("60% of the contracts come from one council's own list (Norfolk's register)");
  });

  it("wide intervals, low coverage and a small base each weaken it", () => {
    const line = strengthLine({
      ...common,
      council: { label: "Kent", share: 0.1 },
      source: null,
      coverage: 0.3,
      widestInterval: 0.34,
      n: 60,
    });
    expect(line).toBe(
      "Strength of evidence: weak — only 30.0% of the contracts record the value measured; the 95% intervals are wide (up to 34.0 percentage points); it rests on 60 contracts.",
    );
  });

  it("spread, narrow and direct reads as fair; the sample says it is not evidence", () => {
    const line = strengthLine({
      ...common,
      isSample: true,
      council: { label: "Kent", share: 0.05 },
      source: { label: "Contracts Finder", share: 0.9, councilList: false },
      widestInterval: 0.02,
      n: 5000,
    });
    expect(line).toBe(
      "Strength of evidence: fair — 5,000 contracts, no single council supplies most of them, and the intervals are narrow. Sample data — not real: these numbers show how the brief reads, not evidence.",
    );
  });

  it("proxies are at most moderate; an unmeasured claim is weak", () => {
    const s = { ...common, council: null, source: null, widestInterval: null, n: 150, noun: "councils" };
    expect(strengthLine({ ...s, indirect: "proxies" })).toBe(
      "Strength of evidence: moderate — it uses proxies, not the claim itself.",
    );
    expect(strengthLine({ ...s, indirect: "not yet" })).toMatch(/^Strength of evidence: weak — the claim itself/);
  });
});

describe("relationFinding", () => {
  it("no proxy moves with the mix", () => {
    const f = relationFinding("the for-profit share of spend", [
      { measure: "three or more placements", r: 0.05, councils: 150 },
      { measure: "placements over 20 miles", r: -0.08, councils: 148 },
    ]);
    expect(f.oneLine).toBe(
      "Across 148 to 150 councils, none of 2 proxies moves with the for-profit share of spend (largest |r| = 0.08); proxies only, not cause.",
    );
    expect(f.sentences[2]).toContain("does not show that one causes the other");
  });

  it("names the closest relation and its direction", () => {
    const f = relationFinding("the for-profit share of spend", [
      { measure: "three or more placements", r: 0.05, councils: 150 },
      { measure: "placements over 20 miles", r: 0.35, councils: 150 },
    ]);
    expect(f.oneLine).toContain("placements over 20 miles shows a moderate tendency to be higher");
    expect(f.sentences[1]).toBe(
      "The closest relation is placements over 20 miles (r = 0.35): where the for-profit share of spend is higher, it shows a moderate tendency to be higher.",
    );
    expect(correlationInWords(-0.6)).toBe("a strong tendency to be lower");
  });
});

describe("levelFinding", () => {
  it("first and last year, in cash", () => {
    const f = levelFinding({
      measure: "placement spend per child looked after",
      format: "gbp",
      first: { year: 2016, value: 40_000, n: 150 },
      last: { year: 2024, value: 61_000, n: 152 },
      cash: true,
      noun: "council-years",
    });
    expect(f.oneLine).toBe(
      "Placement spend per child looked after was £40k in 2016 and £61k in 2024 in cash, not adjusted for inflation (the warehouse holds no deflator) (n = 152 council-years in 2024).",
    );
  });

  it("a claim not measured yet says so before the nearest measure", () => {
    const f = levelFinding({
      measure: "the share of contracts with a single tenderer",
      format: "percent",
      first: null,
      last: { year: 2025, value: 0.21, n: 900, low: 0.184, high: 0.237 },
      notMeasured: "Not measured yet: the notices do not record award criteria.",
      noun: "contracts",
    });
    expect(f.oneLine).toBe(
      "Not measured yet. Nearest measure: the share of contracts with a single tenderer was 21.0% (95% interval 18.4%–23.7%) in 2025 (n = 900 contracts).",
    );
    expect(f.sentences).toHaveLength(2);
  });

  it("no year with a value says how many rows record it", () => {
    const f = levelFinding({
      measure: "the share of contracts with a single tenderer",
      format: "percent",
      first: null,
      last: null,
      known: { n: 0, total: 2138 },
      noun: "contracts",
    });
    expect(f.oneLine).toBe(
      "No year has a published value of the share of contracts with a single tenderer: 0 of 2,138 contracts in this selection record what it needs.",
    );
  });

  it("a source restriction is said after the measure", () => {
    const f = levelFinding({
      measure: "the share of spend with for-profit providers",
      sourceWords: "in councils' s251 outturn returns",
      format: "percent",
      first: { year: 2009, value: 0.208, n: 16650 },
      last: { year: 2014, value: 0.209, n: 15200 },
      noun: "spend records",
    });
    expect(f.oneLine).toMatch(
      /^The share of spend with for-profit providers in councils' s251 outturn returns was 20\.8% in 2009/,
    );
  });
});
