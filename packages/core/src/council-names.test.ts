import { describe, expect, it } from "vitest";
import { councilCodeForName, laCodeForOnsCode } from "./council-names.js";

describe("council codes from names and ONS codes", () => {
  it.each([
    ["Kent", "886"],
    ["Kent County Council", "886"],
    ["Bristol, City of", "801"],
    ["Nowhere Shire", undefined],
    [null, undefined],
  ])("name %s → %s", (name, code) => {
    expect(councilCodeForName(name)).toBe(code);
  });

  it.each([
    ["E10000016", "886"], // Kent, current
    ["e10000016", "886"], // case does not matter
    ["E08000020", "390"], // Gateshead before the 2013 recode
    ["E10000021", "928"], // Northamptonshire, abolished 2021
    ["E99999999", undefined],
  ])("ONS %s → %s", (ons, code) => {
    expect(laCodeForOnsCode(ons)).toBe(code);
  });
});
