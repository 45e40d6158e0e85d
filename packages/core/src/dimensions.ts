/**
 * The dimension registry: every way a metric can be grouped or filtered, and the fact tables
 * it applies to. Browser-safe: a dimension's SQL expression per table is in
 * packages/queries/src/dimension-sql.ts. Only ids from this registry ever reach SQL as
 * identifiers; filter values are always bound parameters.
 */
import { COUNCIL_TYPES, COUNCILS, REGIONS } from "./councils.js";
import {
  COMMISSIONING_MODELS,
  MODEL_INFO,
  OWNERSHIP_INFO,
  PROCEDURE_INFO,
  PROCEDURE_TYPES,
  RATINGS,
  SECTOR_INFO,
  SECTORS,
  SERVICE_INFO,
  SERVICES,
  SPEND_OWNERSHIPS,
  SUPPLIER_OWNERSHIPS,
} from "./vocab.js";

export const FACT_TABLES = [
  "contracts",
  "provider_snapshots",
  "joiners_leavers",
  "spend",
  "council_indicators",
] as const;
export type FactTable = (typeof FACT_TABLES)[number];

export const DIMENSION_IDS = [
  "model",
  "ownership",
  "provider_ownership",
  "sector",
  "provision_type",
  "rating",
  "service",
  "procedure",
  "council",
  "region",
  "council_type",
  "year",
  "source",
] as const;
export type DimensionId = (typeof DIMENSION_IDS)[number];

export interface DimensionDef {
  id: DimensionId;
  label: string;
  description: string;
  /** The fact tables it applies to (each has an SQL expression in @lens/queries); no other table can use it. */
  tables: readonly FactTable[];
  /** Fixed vocabulary in display order, when there is one. */
  values?: readonly string[];
  labels?: Readonly<Record<string, string>>;
  colours?: Readonly<Record<string, string>>;
}

const labelsOf = <K extends string>(info: Record<K, { label: string }>): Record<string, string> =>
  Object.fromEntries(Object.entries<{ label: string }>(info).map(([k, v]) => [k, v.label]));
const coloursOf = <K extends string>(info: Record<K, { colour: string }>): Record<string, string> =>
  Object.fromEntries(Object.entries<{ colour: string }>(info).map(([k, v]) => [k, v.colour]));

export const DIMENSIONS: Record<DimensionId, DimensionDef> = {
  model: {
    id: "model",
    label: "Commissioning model",
    description: "Market-led, cooperative, in-house or unknown, assigned by the versioned classification rules.",
    tables: ["contracts", "spend"],
    values: COMMISSIONING_MODELS,
    labels: labelsOf(MODEL_INFO),
    colours: coloursOf(MODEL_INFO),
  },
  ownership: {
    id: "ownership",
    label: "Supplier ownership",
    description: "For-profit, not-for-profit, public or unknown, from the best evidence available for the supplier.",
    tables: ["contracts", "spend"],
    values: SUPPLIER_OWNERSHIPS,
    labels: labelsOf(OWNERSHIP_INFO),
    colours: coloursOf(OWNERSHIP_INFO),
  },
  provider_ownership: {
    id: "provider_ownership",
    label: "Provider ownership (spend)",
    description:
      "Who the money went to, as the spend return records it: the council's own provision, private, voluntary or other public providers.",
    tables: ["spend"],
    // The 2008-09 s251 return does not split own from other public provision.
    values: [...SPEND_OWNERSHIPS, "own or other public"],
  },
  sector: {
    id: "sector",
    label: "Provider sector",
    description: "Ofsted's sector of the provider: local authority, private, voluntary, health authority or academy.",
    tables: ["provider_snapshots", "joiners_leavers"],
    values: SECTORS,
    labels: labelsOf(SECTOR_INFO),
    colours: coloursOf(SECTOR_INFO),
  },
  provision_type: {
    id: "provision_type",
    label: "Provision type",
    description: "Ofsted provision type (children's home, independent fostering agency, …), spelling normalised.",
    tables: ["provider_snapshots", "joiners_leavers"],
  },
  rating: {
    id: "rating",
    label: "Overall rating",
    description: "Overall effectiveness at the latest full inspection, on the 2015+ scale; NULL when not inspected.",
    tables: ["provider_snapshots"],
    values: [...RATINGS, "Not yet inspected"],
  },
  service: {
    id: "service",
    label: "Service",
    description: "Service category assigned from CPV codes and titles.",
    tables: ["contracts", "spend"],
    values: SERVICES,
    labels: labelsOf(SERVICE_INFO),
  },
  procedure: {
    id: "procedure",
    label: "Procedure type",
    description: "Open, restricted, negotiated, direct award, framework call-off, grant, other or unknown.",
    tables: ["contracts"],
    values: PROCEDURE_TYPES,
    labels: labelsOf(PROCEDURE_INFO),
    colours: coloursOf(PROCEDURE_INFO),
  },
  council: {
    id: "council",
    label: "Council",
    description: "The buying council (contracts, spend) or the council the provider is located in (Ofsted).",
    tables: ["contracts", "provider_snapshots", "joiners_leavers", "spend", "council_indicators"],
    values: COUNCILS.map((c) => c.laCode),
    labels: Object.fromEntries(COUNCILS.map((c) => [c.laCode, c.name])),
  },
  region: {
    id: "region",
    label: "Region",
    description: "English region of the council.",
    tables: ["contracts", "provider_snapshots", "joiners_leavers", "spend", "council_indicators"],
    values: REGIONS,
  },
  council_type: {
    id: "council_type",
    label: "Council type",
    description: "County, unitary authority, metropolitan district or London borough.",
    tables: ["contracts", "provider_snapshots", "joiners_leavers", "spend"],
    values: COUNCIL_TYPES,
  },
  year: {
    id: "year",
    label: "Year",
    description:
      "Contracts: year of award (else start). Ofsted: year of the 31 March snapshot. Spend: year in which the financial year ends. Council indicators: the year of the DfE return (31 March; workforce: 30 September).",
    tables: ["contracts", "provider_snapshots", "joiners_leavers", "spend", "council_indicators"],
  },
  source: {
    id: "source",
    label: "Source",
    description: "The source dataset the row was read from.",
    tables: ["contracts", "provider_snapshots", "joiners_leavers", "spend", "council_indicators"],
  },
};

export function dimensionAppliesTo(dimension: DimensionId, table: FactTable): boolean {
  return DIMENSIONS[dimension].tables.includes(table);
}

export function labelForValue(dimension: DimensionId, value: string | number | null): string {
  if (value === null) return "Not recorded";
  const labels = DIMENSIONS[dimension].labels;
  return labels?.[String(value)] ?? String(value);
}
