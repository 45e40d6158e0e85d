import { describe, expect, it } from "vitest";
import { type CouncilValue, deliveryFinding, SELECTION_CAVEAT, splitByDelivery } from "./delivery-words.js";

// Handmade facts: council A had a trust from 2020 (financial years ending 2020 on), B never.
const hasBody = (laCode: string, year: number) => laCode.startsWith("T") && year >= 2020;
const row = (laCode: string, year: number, value: number): CouncilValue => ({ laCode, year, value });

describe("splitByDelivery", () => {
  it("takes the latest year and splits its councils by the facts for that year", () => {
    const split = splitByDelivery(
      [
        row("T1", 2019, 0.9), // an earlier year is left out
        row("T1", 2021, 0.2),
        row("T2", 2021, 0.4),
        row("O1", 2021, 0.1),
        row("O2", 2021, 0.3),
        row("O3", 2021, 0.5),
        row("O4", 2021, 0.7),
        row("O5", 2021, 0.9),
      ],
      hasBody,
    );
    expect(split.year).toBe(2021);
    expect(split.trust).toEqual({ n: 2, median: expect.closeTo(0.3, 9), low: 0.2, high: 0.4 });
    expect(split.others.n).toBe(5);
    expect(split.others.median).toBeCloseTo(0.5, 9);
    expect(split.others.low).toBeCloseTo(0.3, 9);
    expect(split.others.high).toBeCloseTo(0.7, 9);
  });

  it("counts a council without a body that year among the others, and needs both sides in a year", () => {
    const split = splitByDelivery([row("T1", 2019, 0.5), row("O1", 2019, 0.5)], hasBody);
    expect(split.year).toBeNull();
    expect(split.trust.n).toBe(0);
    expect(split.trust.median).toBeNull();
  });

  it("skips a newer year that only the other councils report", () => {
    const split = splitByDelivery([row("T1", 2022, 0.2), row("O1", 2022, 0.4), row("O1", 2024, 0.9)], hasBody);
    expect(split.year).toBe(2022);
    expect(split.others).toMatchObject({ n: 1, median: 0.4 });
  });

  it("is empty without values", () => {
    expect(splitByDelivery([], hasBody)).toMatchObject({ year: null, trust: { n: 0 }, others: { n: 0 } });
  });
});

describe("deliveryFinding", () => {
  const measure = {
    words: "the share of spend with for-profit providers",
    format: "percent" as const,
    split: {
      year: 2024,
      span: { first: 2020, last: 2024 },
      trust: { n: 11, median: 0.45, low: 0.3, high: 0.6 },
      others: { n: 140, median: 0.4, low: 0.35, high: 0.5 },
    },
  };

  it("words the ILACS split and each measure with n on both sides, then the selection caveat", () => {
    const f = deliveryFinding({
      ilacs: { trust: { judged: 10, goodOrOutstanding: 4 }, others: { judged: 140, goodOrOutstanding: 84 } },
      measures: [measure],
    });
    expect(f.sentences[0]).toBe(
      "At their latest ILACS inspection, 4 of 10 councils whose children's services a trust or company ran at the time were judged Good or Outstanding (40.0%), against 84 of 140 other councils (60.0%).",
    );
    expect(f.sentences[1]).toBe(
      "In 2023-24, the share of spend with for-profit providers was 45.0% at the median of 11 councils whose children's services a trust or company ran (range 30.0%–60.0%), against 40.0% across 140 other councils (middle half 35.0%–50.0%): inside the other councils' middle half.",
    );
    expect(f.sentences.at(-1)).toBe(SELECTION_CAVEAT);
    expect(f.oneLine).toMatch(/^At their latest ILACS inspection, 4 of 10 .* This compares about a dozen councils/);
  });

  it("says when a trust median lies outside the others' middle half, and names a measure with one side empty", () => {
    const f = deliveryFinding({
      ilacs: null,
      measures: [
        { ...measure, split: { ...measure.split, trust: { n: 3, median: 0.7, low: 0.6, high: 0.8 } } },
        {
          ...measure,
          words: "a measure with no trust council",
          split: {
            ...measure.split,
            year: null,
            span: { first: 2023, last: 2024 },
            trust: { n: 0, median: null, low: null, high: null },
          },
        },
      ],
    });
    expect(f.sentences).toHaveLength(3);
    expect(f.sentences[0]).toMatch(/: outside the other councils' middle half\.$/);
    expect(f.sentences[1]).toBe(
      "No year of a measure with no trust council compares: its values (2022-23 to 2023-24) include no council whose children's services a trust or company ran at the time.",
    );
  });

  it("says so when nothing can be compared", () => {
    const f = deliveryFinding({
      ilacs: { trust: { judged: 0, goodOrOutstanding: 0 }, others: { judged: 5, goodOrOutstanding: 2 } },
      measures: [],
    });
    expect(f.sentences[0]).toMatch(/^No measure has values for both/);
    expect(f.sentences[1]).toBe(SELECTION_CAVEAT);
  });
});
