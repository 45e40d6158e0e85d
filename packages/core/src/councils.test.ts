import { describe, expect, it } from "vitest";
import { COUNCILS, checkCouncils } from "./councils.js";

const kent = { laCode: "886", onsCode: "E10000016", name: "Kent", region: "South East", laType: "County" };
const medway = {
  laCode: "887",
  onsCode: "E06000035",
  name: "Medway",
  region: "South East",
  laType: "Unitary Authority",
};

describe("council reference data", () => {
  it("holds the 153 councils, each with ten neighbours that are councils", () => {
    expect(COUNCILS).toHaveLength(153);
    const codes = new Set(COUNCILS.map((c) => c.laCode));
    for (const c of COUNCILS) {
      expect(c.neighbours, c.name).toHaveLength(10);
      for (const n of c.neighbours) expect(codes.has(n), `${c.name} → ${n}`).toBe(true);
    }
  });

  it("refuses a mistyped region or type, a repeated code and a neighbour that is no council", () => {
    const ok = [
      { ...kent, neighbours: ["887"] },
      { ...medway, neighbours: ["886"] },
    ];
    expect(checkCouncils(ok).map((c) => c.laCode)).toEqual(["886", "887"]);
    expect(() => checkCouncils([{ ...ok[0]!, region: "South-East" }, ok[1]!])).toThrow(/unknown region 'South-East'/);
    expect(() => checkCouncils([{ ...ok[0]!, laType: "Shire" }, ok[1]!])).toThrow(/unknown council type/);
    expect(() => checkCouncils([ok[0]!, { ...ok[1]!, laCode: "886" }])).toThrow(/appears twice/);
    expect(() => checkCouncils([{ ...ok[0]!, neighbours: ["999"] }, ok[1]!])).toThrow(/neighbours/);
  });
});
