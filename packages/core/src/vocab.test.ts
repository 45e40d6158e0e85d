import { describe, expect, it } from "vitest";
import { buildOfstedOwnerLookup } from "./classification/evidence.js";
import { normaliseSector } from "./vocab.js";

describe("normaliseSector", () => {
  it("reads every spelling Ofsted has used, in any case and spacing", () => {
    expect(normaliseSector("Local Authority")).toBe("Local Authority");
    expect(normaliseSector("  local   authority ")).toBe("Local Authority");
    expect(normaliseSector("PRIVATE")).toBe("Private");
    expect(normaliseSector("Voluntary")).toBe("Voluntary");
    expect(normaliseSector("Health Authority")).toBe("Health Authority");
    expect(normaliseSector("Academy")).toBe("Academy");
  });

  it("leaves 'Public sector' (CAFCASS, not a council) unclassified, blank as null, and an unseen spelling undefined", () => {
    expect(normaliseSector("Public sector")).toBeNull();
    expect(normaliseSector(null)).toBeNull();
    expect(normaliseSector("Charity")).toBeUndefined();
  });

  it("is the reading the owner evidence uses: a 'Public sector' owner is no local authority", () => {
    const lookup = buildOfstedOwnerLookup([
      { ownerName: "Cafcass", sector: "Public sector" },
      { ownerName: "Kent County Council", sector: "local authority" },
    ]);
    expect([...lookup.values()]).toEqual(["Local Authority"]);
  });
});
