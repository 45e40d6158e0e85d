import { describe, expect, it } from "vitest";
import {
  type GroupValues,
  likeForLikeLabel,
  likeForLikeWords,
  mergeExcluded,
  recordedOnlyWords,
  stratumInWords,
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
  it("says when the order of the groups reverses (a Simpson's-paradox answer)", () => {
    const words = likeForLikeWords({
      ...base,
      groups: [
        group("Market-led", [0.467, 0.44, 0.49], [0.7, 0.66, 0.74]),
        group("Cooperative", [0.726, 0.7, 0.75], [0.652, 0.6, 0.7]),
      ],
    });
    expect(words).toBe(
      "Like for like (same service × source mix) the order reverses: as recorded Cooperative (72.6%) is above Market-led (46.7%); like for like Market-led (70.0%) is above Cooperative (65.2%).",
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
    expect(words).toBe(
      "As recorded In-house and Cooperative are level (£144k, £144k); like for like (same service × source mix) Cooperative (£169k) is above In-house (£165k).",
    );
  });

  it("says when the gap shrinks by more than half and the intervals stop separating", () => {
    const words = likeForLikeWords({
      ...base,
      groups: [
        group("Market-led", [0.4, 0.38, 0.42], [0.5, 0.45, 0.55]),
        group("Cooperative", [0.6, 0.58, 0.62], [0.55, 0.5, 0.6]),
      ],
    });
    expect(words).toContain(
      "the gap between Cooperative and Market-led shrinks from 20.0 percentage points as recorded to 5.0 percentage points",
    );
    expect(words).toContain("their 95% intervals, apart as recorded, overlap like for like");
    expect(words).toContain("cannot tell the two apart");
  });

  it("says when the gap grows by more than half", () => {
    const words = likeForLikeWords({
      ...base,
      format: "months",
      groups: [group("In-house", [30, 28, 32], [20, 18, 22]), group("Cooperative", [40, 38, 42], [50, 48, 52])],
    });
    expect(words).toMatch(
      /the gap between Cooperative and In-house grows from 10 mo as recorded to 30 mo: Cooperative 50 mo, In-house 20 mo\./,
    );
  });

  it("says that the story holds when order and size agree, with the like-for-like values", () => {
    const words = likeForLikeWords({
      ...base,
      groups: [
        group("Market-led", [0.4, 0.38, 0.42], [0.42, 0.4, 0.44]),
        group("Cooperative", [0.6, 0.58, 0.62], [0.57, 0.55, 0.59]),
      ],
    });
    expect(words).toBe(
      "Like for like (same service × source mix) the order and the size of the gap hold: Cooperative 57.0%, Market-led 42.0%.",
    );
  });

  it("names the strata that could not be compared, largest first, and counts the rest", () => {
    const excluded = mergeExcluded([
      [
        { stratum: { service: "fostering", source: "norfolk-register" }, rows: 80, reason: "found in one model only" },
        { stratum: { service: "residential", source: "contracts-finder" }, rows: 5, reason: "found in one model only" },
      ],
      [
        { stratum: { source: "norfolk-register", service: "fostering" }, rows: 80, reason: "found in one model only" },
        { stratum: { service: "send-transport", source: "find-a-tender" }, rows: 9, reason: "found in one model only" },
        { stratum: { service: "other", source: "find-a-tender" }, rows: 2, reason: "found in one model only" },
      ],
    ]);
    expect(excluded).toHaveLength(4);
    const words = likeForLikeWords({
      ...base,
      excluded,
      strata: { used: 6, total: 10 },
      groups: [
        group("Market-led", [0.4, 0.38, 0.42], [0.42, 0.4, 0.44]),
        group("Cooperative", [0.6, 0.58, 0.62], [0.57, 0.55, 0.59]),
      ],
    });
    expect(words).toMatch(/ It compares 6 of 10 service × source strata\. /);
    expect(words).toMatch(/Not compared, as some groups have none of them: 4 strata \(96 contracts\), the largest /);
    expect(words).toContain(`${stratumInWords({ service: "fostering", source: "norfolk-register" })} (80), `);
    expect(stratumInWords({ service: "fostering", source: "norfolk-register" })).toBe(
      "Fostering · Norfolk County Council's 2015 contract register",
    );
    expect(words).toMatch(/ and 2 more\.$/);
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
