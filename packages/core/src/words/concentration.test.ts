import { describe, expect, it } from "vitest";
import {
  type Concentration,
  concentrationSentence,
  contributorLabel,
  disclosedConcentration,
  shareInWords,
} from "./concentration.js";

const entry = (
  dimension: Concentration["dimension"],
  value: string | null,
  rows: number,
  total: number,
): Concentration => ({
  dimension,
  value,
  label: contributorLabel(dimension, value),
  share: rows / total,
  rows,
  total,
});

describe("concentrationSentence", () => {
  it("names the register alone when it is one council's and the council's share reads the same", () => {
    const c = [entry("source", "norfolk-register", 1915, 2068), entry("council", "926", 1920, 2068)];
    expect(concentrationSentence(c, "contracts")).toBe(
      "93% of these contracts come from Norfolk County Council's 2015 contract register",
    );
  });

  it("adds the council when its share differs from the source's", () => {
    const c = [entry("source", "norfolk-register", 60, 100), entry("council", "926", 75, 100)];
    expect(concentrationSentence(c, "contracts")).toBe(
      "60% of these contracts come from Norfolk County Council's 2015 contract register; 75% from Norfolk",
    );
  });

  it("names a council alone when no source dominates", () => {
    const c = [entry("source", "contracts-finder", 40, 100), entry("council", "886", 51, 100)];
    expect(concentrationSentence(c, "contracts")).toBe("51% of these contracts come from Kent");
  });

  it("is null at exactly half and below, and for rows with no council recorded", () => {
    expect(concentrationSentence([entry("source", "contracts-finder", 50, 100)], "contracts")).toBeNull();
    expect(concentrationSentence([entry("council", null, 90, 100)], "contracts")).toBeNull();
    expect(concentrationSentence([], "spend")).toBeNull();
  });

  it("uses the table's own noun", () => {
    expect(concentrationSentence([entry("council", "926", 7, 10)], "provider_snapshots")).toBe(
      "70% of these provider records come from Norfolk",
    );
  });
});

describe("shareInWords", () => {
  it("never rounds past the threshold or to all", () => {
    expect(shareInWords(0.503)).toBe("Just over half");
    expect(shareInWords(0.9996)).toBe("Over 99%");
    expect(shareInWords(1)).toBe("All");
    expect(shareInWords(0.926)).toBe("93%");
  });
});

describe("disclosedConcentration", () => {
  it("leaves out the source when the metric can draw on one source only, and keeps the council", () => {
    const c = [entry("council", "926", 70, 100), entry("source", "ofsted-providers", 100, 100)];
    expect(disclosedConcentration(c, ["ofsted-providers"])).toEqual([c[0]]);
    expect(concentrationSentence(disclosedConcentration(c, ["ofsted-providers"]), "provider_snapshots")).toBe(
      "70% of these provider records come from Norfolk",
    );
    expect(disclosedConcentration(c, ["contracts-finder", "norfolk-register"])).toEqual(c);
  });
});
