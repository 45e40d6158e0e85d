/**
 * The 153 English upper-tier councils with children's services duties (reference facts:
 * DfE 3-digit code, ONS code, name, region, council type and the 10 statistical neighbours
 * in rank order). Current boundaries (April 2023).
 */
import councilsJson from "./councils.json";

export interface CouncilFact {
  laCode: string;
  onsCode: string;
  name: string;
  region: Region;
  laType: CouncilType;
  neighbours: readonly string[];
}

export const REGIONS = [
  "North East",
  "North West",
  "Yorkshire and the Humber",
  "East Midlands",
  "West Midlands",
  "East of England",
  "London",
  "South East",
  "South West",
] as const;
export type Region = (typeof REGIONS)[number];
export const COUNCIL_TYPES = ["County", "Unitary Authority", "Metropolitan District", "London Borough"] as const;
export type CouncilType = (typeof COUNCIL_TYPES)[number];

/**
 * The facts themselves are data (councils.json, one object per council); this module types
 * them and checks them once on load, so a mistyped region, an unknown council type, a repeated
 * code or a neighbour that is no council fails loudly instead of reaching a chart.
 */
export function checkCouncils(raw: readonly Record<string, unknown>[]): CouncilFact[] {
  const regions = new Set<string>(REGIONS);
  const types = new Set<string>(COUNCIL_TYPES);
  const codes = new Set(raw.map((c) => c.laCode));
  if (codes.size !== raw.length) throw new Error("councils.json: a DfE code appears twice");
  return raw.map((c, i) => {
    const where = `councils.json entry ${i} (${String(c.laCode)})`;
    const text = (key: string) => {
      const v = c[key];
      if (typeof v !== "string" || v === "") throw new Error(`${where}: ${key} must be text`);
      return v;
    };
    const laCode = text("laCode");
    if (!/^\d{3}$/.test(laCode)) throw new Error(`${where}: laCode must be a 3-digit DfE code`);
    const region = text("region");
    if (!regions.has(region)) throw new Error(`${where}: unknown region '${region}'`);
    const laType = text("laType");
    if (!types.has(laType)) throw new Error(`${where}: unknown council type '${laType}'`);
    const neighbours = c.neighbours;
    if (!Array.isArray(neighbours) || neighbours.some((n) => typeof n !== "string" || !codes.has(n) || n === laCode))
      throw new Error(`${where}: neighbours must be other councils' DfE codes`);
    return {
      laCode,
      onsCode: text("onsCode"),
      name: text("name"),
      region: region as Region,
      laType: laType as CouncilType,
      neighbours: neighbours as string[],
    };
  });
}

export const COUNCILS: readonly CouncilFact[] = checkCouncils(councilsJson);
