import { getMetric } from "@lens/core";
import { describe, expect, it } from "vitest";
import { ADJUSTED_COLOUR, RECORDED_COLOUR, recordedOnlyNote, withoutOffers } from "./answer-spec.js";
import { buildCompareSpec, type SpecContext } from "./build-spec.js";
import { adjusted, compareRow, comparisonAnswer } from "./fixtures.js";
import { takeaway } from "./takeaway.js";

const ctx: SpecContext = { isSample: false, builtAt: "2026-11-25T09:00:00Z", filtersInWords: "All years" };
const share = getMetric("share_36_months")!;
const stratum = {
  stratum: { service: "fostering", source: "norfolk-register" },
  rows: 40,
  reason: "in one model only",
};
const rows = [
  compareRow({ model: "market-led" }, 0.467, 900, {
    ciLow: 0.44,
    ciHigh: 0.5,
    adjusted: adjusted(0.7, 0.66, 0.74, [stratum]),
  }),
  compareRow({ model: "cooperative" }, 0.726, 1100, {
    ciLow: 0.7,
    ciHigh: 0.75,
    adjusted: adjusted(0.652, 0.6, 0.7, [stratum]),
  }),
];

describe("a comparison answer on a chart", () => {
  const spec = buildCompareSpec({
    id: "t",
    metric: share,
    rows,
    answer: comparisonAnswer(),
    groupBy: ["model"],
    kind: "bar",
    ctx,
  });

  it("draws as recorded and like for like as a pair per group, each with its interval", () => {
    expect(spec.kind).toBe("grouped-bar");
    expect(spec.series.map((s) => [s.label, s.colour])).toEqual([
      ["As recorded", RECORDED_COLOUR],
      ["Like for like (service × source mix)", ADJUSTED_COLOUR],
    ]);
    expect(spec.series[1]!.values).toEqual([0.7, 0.652]);
    expect(spec.series[1]!.ciLow).toEqual([0.66, 0.6]);
    expect(spec.series[1]!.ciHigh).toEqual([0.74, 0.7]);
  });

  it("puts both values and the like-for-like interval in the table (and so the CSV)", () => {
    const labels = spec.table.columns.map((c) => c.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        "≥ 36 months (as recorded)",
        "95% CI low (as recorded)",
        "Like for like (service × source mix)",
        "Like for like (service × source mix): 95% CI low",
        "Strata compared",
      ]),
    );
    expect(spec.table.rows.find((r) => r.model === "Cooperative")).toMatchObject({
      value: 0.726,
      adjusted: 0.652,
      adjustedCiLow: 0.6,
      adjustedCiHigh: 0.7,
      strata: "6 of 7",
    });
  });

  it("says the concentration and the reversal in words beside the subtitle, and the concentration in the notes", () => {
    expect(spec.disclosures?.[0]).toBe(
      "93% of these contracts come from Norfolk County Council's 2015 contract register",
    );
    expect(spec.disclosures?.[1]).toBe(
      "Like for like, Market-led is above Cooperative (70.0% against 65.2%), the reverse of as recorded (46.7% against 72.6%).",
    );
    expect(spec.disclosures?.[2]).toBe(
      "Compared within 6 of 7 service × source strata; 40 contracts in strata not shared by both models were left out.",
    );
    expect(spec.notes[0]).toBe(spec.disclosures?.[0]);
  });

  it("lists exactly the contributing sources, not the metric's static list", () => {
    expect(spec.source).toMatch(/Norfolk County Council contract register \(2015\)/);
    expect(spec.source).toMatch(/Contracts Finder notices/);
    expect(spec.source).not.toMatch(/Find a Tender/);
  });

  it("offers the dominant council for exclusion once, not again as its own register", () => {
    expect(spec.without?.map((w) => [w.dimension, w.value])).toEqual([["council", "926"]]);
  });

  it("offers each dominant contributor that is not the same one, largest first", () => {
    const answer = comparisonAnswer({
      concentration: [
        { dimension: "council", value: "926", label: "Norfolk", share: 0.7, rows: 70, total: 100 },
        { dimension: "source", value: "contracts-finder", label: "Contracts Finder", share: 0.8, rows: 80, total: 100 },
      ],
    });
    expect(withoutOffers(answer, share.sources).map((w) => [w.dimension, w.value])).toEqual([
      ["source", "contracts-finder"],
      ["council", "926"],
    ]);
  });

  it("offers no exclusion of a metric's only possible source, but still of a dominant council", () => {
    const answer = comparisonAnswer({
      concentration: [
        { dimension: "council", value: "926", label: "Norfolk", share: 0.7, rows: 70, total: 100 },
        { dimension: "source", value: "ofsted-providers", label: "Ofsted", share: 0.9, rows: 90, total: 100 },
      ],
    });
    expect(withoutOffers(answer, ["ofsted-providers"]).map((w) => [w.dimension, w.value])).toEqual([
      ["council", "926"],
    ]);
  });

  it("offers no exclusion when no contributor supplies more than half, or when its value is not recorded", () => {
    const answer = comparisonAnswer({
      sentence: null,
      concentration: [
        { dimension: "council", value: "926", label: "Norfolk", share: 0.4, rows: 40, total: 100 },
        { dimension: "source", value: null, label: "Not recorded", share: 0.6, rows: 60, total: 100 },
      ],
    });
    expect(withoutOffers(answer, share.sources)).toEqual([]);
    const only = comparisonAnswer({
      concentration: [{ dimension: "source", value: "sample", label: "Sample", share: 1, rows: 100, total: 100 }],
    });
    expect(withoutOffers(only, share.sources)).toEqual([]);
    const plain = buildCompareSpec({ id: "t", metric: share, rows, answer, groupBy: ["model"], kind: "bar", ctx });
    expect(plain.without).toBeUndefined();
    expect(plain.disclosures).toEqual([
      expect.stringMatching(/^Like for like, Market-led is above Cooperative/),
      expect.stringMatching(/^Compared within 6 of 7 service × source strata; /),
    ]);
  });

  it("keeps one bar per group when the answer is not adjusted (a measure that cannot be)", () => {
    const plainRows = rows.map(({ adjusted: _, ...r }) => r);
    const plain = buildCompareSpec({
      id: "t",
      metric: share,
      rows: plainRows,
      answer: comparisonAnswer({ adjustedFor: [] }),
      groupBy: ["model"],
      kind: "bar",
      ctx,
    });
    expect(plain.kind).toBe("bar");
    expect(plain.series).toHaveLength(1);
    expect(plain.table.columns.map((c) => c.key)).not.toContain("adjusted");
  });

  it("counts implausible values left out, in the notes", () => {
    const answer = comparisonAnswer({
      implausible: { excluded: 88, reason: "annual value far above the service's range" },
    });
    const withFlag = buildCompareSpec({ id: "t", metric: share, rows, answer, groupBy: ["model"], kind: "bar", ctx });
    expect(withFlag.notes).toContain(
      "88 implausible contracts are kept in the data but left out of this measure: annual value far above the service's range.",
    );
    const one = comparisonAnswer({ implausible: { excluded: 1, reason: "a one-day placeholder period" } });
    const single = buildCompareSpec({
      id: "t",
      metric: share,
      rows,
      answer: one,
      groupBy: ["model"],
      kind: "bar",
      ctx,
    });
    expect(single.notes).toContain(
      "1 implausible contract is kept in the data but left out of this measure: a one-day placeholder period.",
    );
  });
});

describe("a measure the API cannot compare like for like", () => {
  it("says why in a note, with no like-for-like columns or bars", () => {
    const reason =
      "a mix is itself a split across one dimension: filter by service and source to compare it like for like";
    const none = { ...adjusted(0, 0, 0), value: null, ciLow: null, ciHigh: null, reason };
    const spec = buildCompareSpec({
      id: "t",
      metric: share,
      rows: rows.map((r) => ({ ...r, adjusted: none })),
      answer: comparisonAnswer(),
      groupBy: ["model"],
      kind: "bar",
      ctx,
    });
    expect(spec.series).toHaveLength(1);
    expect(spec.notes).toContain(`Not compared like for like (same service × source mix): ${reason}.`);
  });
});

describe("the takeaway of a recorded/like-for-like pair", () => {
  it("reads the recorded values only, and says so", () => {
    const spec = buildCompareSpec({
      id: "t",
      metric: share,
      rows,
      answer: comparisonAnswer(),
      groupBy: ["model"],
      kind: "bar",
      ctx,
    });
    expect(takeaway(spec)).toBe("Cooperative is highest at 72.6%; Market-led lowest at 46.7% (as recorded).");
  });
});

describe("groups left out of the like-for-like comparison", () => {
  const four = [
    ...rows,
    compareRow({ model: "in-house" }, 0.636, 88, {
      adjusted: { ...adjusted(0, 0, 0), value: null, ciLow: null, ciHigh: null, reason: "shown as recorded only" },
    }),
    compareRow({ model: "unknown" }, 0.49, 96),
  ];
  const answer = comparisonAnswer({ adjustedGroups: { dimension: "model", values: ["market-led", "cooperative"] } });

  it("names them in a note on the chart, in vocabulary order", () => {
    expect(recordedOnlyNote(answer, four)).toMatch(
      /^In-house and Unknown are shown as recorded only: like for like compares Market-led and Cooperative over/,
    );
    const spec = buildCompareSpec({ id: "t", metric: share, rows: four, answer, groupBy: ["model"], kind: "bar", ctx });
    expect(spec.notes.some((n) => n.startsWith("In-house and Unknown are shown as recorded only"))).toBe(true);
  });

  it("says nothing when every group is compared", () => {
    expect(recordedOnlyNote(comparisonAnswer({ adjustedGroups: null }), four)).toBeNull();
    expect(recordedOnlyNote(answer, rows)).toBeNull();
  });
});

describe("an empty answer on a chart", () => {
  it("carries the API's reason, so the card says why there is nothing to draw", () => {
    const reason = "No rows in 2012: this measure has rows in 2016–2020.";
    const spec = buildCompareSpec({
      id: "t",
      metric: share,
      rows: [],
      answer: comparisonAnswer({ empty: { reason, years: { first: 2016, last: 2020 } } }),
      groupBy: ["model"],
      kind: "bar",
      ctx,
    });
    expect(spec.emptyReason).toBe(reason);
    expect(
      buildCompareSpec({
        id: "t",
        metric: share,
        rows,
        answer: comparisonAnswer(),
        groupBy: ["model"],
        kind: "bar",
        ctx,
      }).emptyReason,
    ).toBeUndefined();
  });
});
