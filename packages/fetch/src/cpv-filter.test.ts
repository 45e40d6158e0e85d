import { describe, expect, it } from "vitest";
import { CHILDREN_CPV_RULES, matchesCpv, releaseCpvCodes } from "./cpv-filter.js";

describe("releaseCpvCodes", () => {
  it("collects CPV codes from tender, items, lots and awards, keeping the 8-digit stem", () => {
    const release = {
      tender: {
        classification: { scheme: "CPV", id: "85311300-5" },
        items: [
          {
            classification: { scheme: "CPV", id: "85312120" },
            additionalClassifications: [{ scheme: "CPV", id: "60130000" }],
          },
        ],
        lots: [{ items: [{ classification: { id: "80340000" } }] }],
      },
      awards: [{ items: [{ classification: { scheme: "CPV", id: "98133110" } }] }],
    };
    expect(releaseCpvCodes(release)).toEqual(["60130000", "80340000", "85311300", "85312120", "98133110"]);
  });

  it("ignores other schemes and malformed values", () => {
    expect(releaseCpvCodes({ tender: { classification: { scheme: "UNSPSC", id: "85311300" } } })).toEqual([]);
    expect(releaseCpvCodes({ tender: { classification: { scheme: "CPV", id: "853" } } })).toEqual([]);
    expect(releaseCpvCodes(null)).toEqual([]);
  });
});

describe("children's CPV rules", () => {
  it.each([
    ["85311300", true],
    ["85312110", true],
    ["85320000", true],
    ["85300000", true],
    ["80340000", true],
    ["85310000", true],
    ["85000000", false],
    ["80100000", false],
    ["85100000", false],
    ["45000000", false],
  ])("%s → %s", (code, expected) => {
    expect(matchesCpv(code, CHILDREN_CPV_RULES)).toBe(expected);
  });
});
