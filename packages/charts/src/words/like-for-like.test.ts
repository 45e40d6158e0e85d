import { describe, expect, it } from "vitest";
import {
  type GroupValues,
  likeForLikeLabel,
  likeForLikeWords,
  mergeExcluded,
  recordedOnlyWords,
  stratumInWords,
  supportWords,
} from "./like-for-like.js";

const group = (
  label: string,
  recorded: [number, number, number] | null,
  adjusted: [number, number, number] | null,
): GroupValues => ({
  label,
  recorded: recorded?.[0] ?? null,
  recordedLow: recorded?.[1] ?? null,
  recordedHigh: recorded?.[2] ?? null,
  adjusted: adjusted?.[0] ?? null,
  adjustedLow: adjusted?.[1] ?? null,
  adjustedHigh: adjusted?.[2] ?? null,
});

const base = {
  format: "percent" as const,
  adjustedFor: ["service", "source"] as const,
  excluded: [],
  noun: "contracts",
};

describe("likeForLikeWords", () => {
  it("says when the order of the groups reverses (a Simpson's-paradox answer), in one sentence", () => {
    const words = likeForLikeWords({
      ...base,
      groups: [
        group("Market-led", [0.467, 0.44, 0.49], [0.7, 0.66, 0.74]),
        group("Cooperative", [0.726, 0.7, 0.75], [0.652, 0.6, 0.7]),
      ],
    });
    expect(words).toBe(
      "Like for like, Market-led is above Cooperative (70.0% against 65.2%), the reverse of as recorded (46.7% against 72.6%).",
    );
  });

  it("counts further reversals rather than naming them", () => {
    const words = likeForLikeWords({
      ...base,
      groups: [
        group("Market-led", [0.3, 0.28, 0.32], [0.7, 0.66, 0.74]),
        group("Cooperative", [0.6, 0.58, 0.62], [0.5, 0.45, 0.55]),
        group("In-house", [0.5, 0.45, 0.55], [0.4, 0.35, 0.45]),
      ],
    });
    expect(words).toBe(
      "Like for like, Market-led is above Cooperative (70.0% against 50.0%), the reverse of as recorded (30.0% against 60.0%) (1 more pair change order).",
    );
  });

  it("claims no reversal between values that print the same", () => {
    const words = likeForLikeWords({
      ...base,
      format: "gbp",
      groups: [
        group("In-house", [144_400, 0, 0], [165_000, 0, 0]),
        group("Cooperative", [143_900, 0, 0], [169_000, 0, 0]),
      ],
    });
    expect(words).toBe("Level as recorded, but like for like Cooperative is above In-house (£169k against £165k).");
  });

  it("says when the lead shrinks by more than half and the intervals overlap (the headline's shape)", () => {
    const words = likeForLikeWords({
      ...base,
      groups: [
        group("Market-led", [0.413, 0.39, 0.44], [0.406, 0.379, 0.432]),
        group("Cooperative", [0.717, 0.65, 0.78], [0.495, 0.326, 0.665]),
      ],
    });
    expect(words).toBe("Like for like, the cooperative lead shrinks from 30 to 9 points and the intervals overlap.");
  });

  it("says when the lead grows by more than half, in the metric's unit", () => {
    const words = likeForLikeWords({
      ...base,
      format: "months",
      groups: [group("In-house", [30, 28, 32], [20, 18, 22]), group("Cooperative", [40, 38, 42], [50, 48, 52])],
    });
    expect(words).toBe("Like for like, the cooperative lead grows from 10 mo to 30 mo.");
  });

  it("says that the lead holds when order and size agree", () => {
    const words = likeForLikeWords({
      ...base,
      groups: [
        group("Market-led", [0.4, 0.38, 0.42], [0.42, 0.4, 0.44]),
        group("Cooperative", [0.6, 0.58, 0.62], [0.57, 0.55, 0.59]),
      ],
    });
    expect(words).toBe("Like for like, the cooperative lead holds (from 20 to 15 points).");
  });

  it("says when a lead of about the same size stops separating the intervals", () => {
    const words = likeForLikeWords({
      ...base,
      groups: [
        group("Market-led", [0.4, 0.38, 0.42], [0.42, 0.3, 0.54]),
        group("Cooperative", [0.6, 0.58, 0.62], [0.57, 0.45, 0.69]),
      ],
    });
    expect(words).toBe(
      "Like for like, the cooperative lead holds roughly (from 20 to 15 points) but the intervals now overlap.",
    );
  });

  it("names the lower group when more than two are compared", () => {
    const words = likeForLikeWords({
      ...base,
      groups: [
        group("Private", [0.4, 0.38, 0.42], [0.45, 0.43, 0.47]),
        group("Voluntary", [0.5, 0.48, 0.52], [0.5, 0.48, 0.52]),
        group("Local Authority", [0.8, 0.78, 0.82], [0.6, 0.58, 0.62]),
      ],
    });
    expect(words).toBe("Like for like, the local authority lead over private shrinks from 40 to 15 points.");
  });

  it("has nothing to compare with one group, and says so when only one group has an estimate", () => {
    expect(
      likeForLikeWords({ ...base, groups: [group("Market-led", [0.4, 0.38, 0.42], [0.42, 0.4, 0.44])] }),
    ).toBeNull();
    const words = likeForLikeWords({
      ...base,
      groups: [group("Market-led", [0.4, 0.38, 0.42], [0.42, 0.4, 0.44]), group("In-house", [0.6, 0.5, 0.7], null)],
    });
    expect(words).toMatch(/fewer than two groups have an estimate/);
  });
});

describe("supportWords", () => {
  const two = [
    group("Market-led", [0.4, 0.38, 0.42], [0.42, 0.4, 0.44]),
    group("Cooperative", [0.6, 0.58, 0.62], [0.57, 0.55, 0.59]),
    group("In-house", [0.6, 0.5, 0.7], null),
  ];

  it("counts the strata compared and the rows left out in strata one model lacks, deduplicated", () => {
    const excluded = mergeExcluded([
      [
        { stratum: { service: "fostering", source: "norfolk-register" }, rows: 80, reason: "no rows in Cooperative" },
        { stratum: { service: "residential", source: "contracts-finder" }, rows: 5, reason: "no rows in Market-led" },
      ],
      [
        { stratum: { source: "norfolk-register", service: "fostering" }, rows: 80, reason: "no rows in Cooperative" },
        { stratum: { service: "other", source: "find-a-tender" }, rows: 360, reason: "no rows in Market-led" },
      ],
    ]);
    expect(excluded).toHaveLength(3);
    expect(supportWords({ ...base, groups: two, excluded, strata: { used: 13, total: 18 }, groupNoun: "models" })).toBe(
      "Compared within 13 of 18 service × source strata; 445 contracts in strata not shared by both models were left out.",
    );
  });

  it("says all strata were compared when none was left out, and nothing without strata", () => {
    expect(supportWords({ ...base, groups: two, strata: { used: 4, total: 4 } })).toBe(
      "Compared within all 4 service × source strata.",
    );
    expect(supportWords({ ...base, groups: two })).toBeNull();
  });

  it("names a stratum in words for the table and the CSV", () => {
    expect(stratumInWords({ service: "fostering", source: "norfolk-register" })).toBe(
      "Fostering · Norfolk County Council's 2015 contract register",
    );
  });
});

describe("labels", () => {
  it("labels the estimate by what it holds equal", () => {
    expect(likeForLikeLabel(["service", "source"])).toBe("Like for like (service × source mix)");
  });

  it("says why groups outside the compared pair are shown as recorded only", () => {
    expect(recordedOnlyWords(["In-house", "Unknown"], ["Market-led", "Cooperative"], ["service", "source"])).toBe(
      "In-house and Unknown are shown as recorded only: like for like compares Market-led and Cooperative over the service × source strata both have, as holding every model to the strata all share would leave few or none.",
    );
    expect(recordedOnlyWords([], ["Market-led", "Cooperative"], ["service", "source"])).toBeNull();
  });
});
