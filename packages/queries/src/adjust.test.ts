/**
 * Direct standardisation on handmade strata whose answers are worked out by hand in the
 * comments (weights, stratum values, variances), including a Simpson's-paradox reversal.
 */
import { describe, expect, it } from "vitest";
import { MEDIAN_SE_FACTOR, type StratumCell, standardise } from "./adjust.js";

const Z = 1.959963984540054;
const groups = [
  { key: "A", label: "market-led" },
  { key: "B", label: "cooperative" },
];
const share = (group: string, service: string, successes: number, n: number): StratumCell => ({
  group,
  stratum: { service, source: "s" },
  n,
  successes,
});
/** Agresti–Coull stratum variance, written out: p̃ = (x+2)/(n+4), p̃(1−p̃)/(n+4). */
const acVar = (x: number, n: number) => (((x + 2) / (n + 4)) * (1 - (x + 2) / (n + 4))) / (n + 4);

describe("standardise (shares)", () => {
  it("reverses a Simpson's-paradox gap", () => {
    // A: transport 80/100, fostering 2/10  → raw 82/110 = 74.5%
    // B: transport 9/10,   fostering 30/100 → raw 39/110 = 35.5%   (raw: A far above B)
    // Within each service B is higher. Pooled rows: transport 110, fostering 110 → w = ½, ½.
    // A adjusted = ½·0.8 + ½·0.2 = 0.5; B adjusted = ½·0.9 + ½·0.3 = 0.6   (adjusted: B above A)
    const cells = [
      share("A", "transport", 80, 100),
      share("A", "fostering", 2, 10),
      share("B", "transport", 9, 10),
      share("B", "fostering", 30, 100),
    ];
    expect(82 / 110).toBeGreaterThan(39 / 110);
    const out = standardise("share", groups, cells);
    const a = out.get("A")!;
    const b = out.get("B")!;
    expect(a.value).toBeCloseTo(0.5, 12);
    expect(b.value).toBeCloseTo(0.6, 12);
    expect(b.value!).toBeGreaterThan(a.value!);
    // A's variance: ¼·(82/104·22/104/104) + ¼·(4/14·10/14/14) = ¼·(0.0016037… + 0.0145772…) = 0.0040452…
    const varA = 0.25 * acVar(80, 100) + 0.25 * acVar(2, 10);
    expect(varA).toBeCloseTo(0.0040452, 6);
    expect(a.ciLow).toBeCloseTo(0.5 - Z * Math.sqrt(varA), 12);
    expect(a.ciHigh).toBeCloseTo(0.5 + Z * Math.sqrt(varA), 12);
    expect(a.ciLow).toBeCloseTo(0.37534, 4);
    expect(a.strata).toEqual({ used: 2, total: 2, excluded: [] });
    expect(a.reason).toBeNull();
    expect(a.method).toBe("direct-standardisation");
  });

  it("drops a stratum missing from one group, for every group, and says so", () => {
    // A: S1 10/20, S2 5/10, S3 3/3;  B: S1 4/20, S2 6/10, no S3.
    // Support S1, S2: pooled rows 40 and 20 → w = ⅔, ⅓.
    // A = ⅔·0.5 + ⅓·0.5 = 0.5;  B = ⅔·0.2 + ⅓·0.6 = 0.3333…
    const cells = [
      share("A", "S1", 10, 20),
      share("A", "S2", 5, 10),
      share("A", "S3", 3, 3),
      share("B", "S1", 4, 20),
      share("B", "S2", 6, 10),
    ];
    const out = standardise("share", groups, cells);
    expect(out.get("A")!.value).toBeCloseTo(0.5, 12);
    expect(out.get("B")!.value).toBeCloseTo(1 / 3, 12);
    expect(out.get("B")!.strata).toEqual({
      used: 2,
      total: 3,
      excluded: [{ stratum: { service: "S3", source: "s" }, rows: 3, reason: "no rows in cooperative" }],
    });
    // B's variance: (⅔)²·acVar(4,20) + (⅓)²·acVar(6,10)
    const varB = (4 / 9) * acVar(4, 20) + (1 / 9) * acVar(6, 10);
    expect(out.get("B")!.ciHigh).toBeCloseTo(1 / 3 + Z * Math.sqrt(varB), 12);
  });

  it("equals the raw share for a single group (its own mix is the pooled mix)", () => {
    const out = standardise("share", [groups[0]!], [share("A", "S1", 3, 4), share("A", "S2", 1, 6)]);
    expect(out.get("A")!.value).toBeCloseTo(4 / 10, 12);
  });

  it("gives no value when no stratum is in every group", () => {
    const out = standardise("share", groups, [share("A", "S1", 1, 2), share("B", "S2", 1, 2)]);
    expect(out.get("A")).toMatchObject({
      value: null,
      ciLow: null,
      reason: "no stratum has rows in every group compared",
    });
    expect(out.get("A")!.strata.excluded.map((e) => e.reason)).toEqual([
      "no rows in cooperative",
      "no rows in market-led",
    ]);
  });

  it("keeps an interval for a stratum of all successes and clips it to [0, 1]", () => {
    const out = standardise("share", [groups[0]!], [share("A", "S1", 3, 3)]);
    const a = out.get("A")!;
    expect(a.value).toBe(1);
    expect(a.ciHigh).toBe(1);
    // p̃ = 5/7, variance 5/7·2/7/7 = 10/343 → low = 1 − 1.96·√(10/343)
    expect(a.ciLow).toBeCloseTo(1 - Z * Math.sqrt(10 / 343), 12);
  });

  it("ignores cells of groups not compared (e.g. suppressed ones)", () => {
    const out = standardise("share", groups, [share("A", "S1", 1, 2), share("B", "S1", 1, 4), share("C", "S2", 5, 5)]);
    expect(out.has("C")).toBe(false);
    expect(out.get("A")!.strata).toEqual({ used: 1, total: 1, excluded: [] });
  });
});

describe("standardise (medians)", () => {
  const med = (group: string, service: string, n: number, median: number, q1: number, q3: number): StratumCell => ({
    group,
    stratum: { service },
    n,
    median,
    q1,
    q3,
  });

  it("is the pooled-weight mean of stratum medians with an IQR-based interval", () => {
    // A: S1 n 30 median 12 (IQR 6), S2 n 10 median 48 (IQR 12)
    // B: S1 n 10 median 18 (IQR 6), S2 n 30 median 60 (IQR 24)
    // pooled rows S1 40, S2 40 → w = ½, ½. A = 30, B = 39.
    const cells = [
      med("A", "S1", 30, 12, 9, 15),
      med("A", "S2", 10, 48, 42, 54),
      med("B", "S1", 10, 18, 15, 21),
      med("B", "S2", 30, 60, 48, 72),
    ];
    const out = standardise("median", groups, cells);
    expect(out.get("A")!.value).toBeCloseTo(30, 12);
    expect(out.get("B")!.value).toBeCloseTo(39, 12);
    // var A = ¼·(k·6)²/30 + ¼·(k·12)²/10, k = √(π/2)/1.349 = 0.929069…
    const k = Math.sqrt(Math.PI / 2) / 1.349;
    expect(MEDIAN_SE_FACTOR).toBeCloseTo(0.929069, 6);
    const varA = 0.25 * ((k * 6) ** 2 / 30) + 0.25 * ((k * 12) ** 2 / 10);
    expect(out.get("A")!.ciLow).toBeCloseTo(30 - Z * Math.sqrt(varA), 10);
  });

  it("needs three values in a stratum in every group", () => {
    const cells = [
      med("A", "S1", 5, 1, 0, 2),
      med("A", "S2", 2, 9, 8, 10),
      med("B", "S1", 5, 2, 1, 3),
      med("B", "S2", 4, 9, 8, 10),
    ];
    const out = standardise("median", groups, cells);
    expect(out.get("A")!.value).toBe(1);
    expect(out.get("A")!.strata.excluded).toEqual([
      { stratum: { service: "S2" }, rows: 6, reason: "fewer than 3 values in market-led" },
    ]);
  });
});
