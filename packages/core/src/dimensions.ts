/**
 * The dimension registry: every way a metric can be grouped or filtered. A dimension maps to
 * one SQL expression per fact table (alias `f` for the fact table, `la` for
 * local_authorities joined on la_code). Only ids from this registry ever reach SQL as
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
  /** SQL expression per fact table; a table without an entry cannot use this dimension. */
  expr: Partial<Record<FactTable, string>>;
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
    expr: { contracts: "f.commissioning_model", spend: "f.commissioning_model" },
    values: COMMISSIONING_MODELS,
    labels: labelsOf(MODEL_INFO),
    colours: coloursOf(MODEL_INFO),
  },
  ownership: {
    id: "ownership",
    label: "Supplier ownership",
    description: "For-profit, not-for-profit, public or unknown, from the best evidence available for the supplier.",
    expr: { contracts: "f.supplier_ownership", spend: "f.supplier_ownership" },
    values: SUPPLIER_OWNERSHIPS,
    labels: labelsOf(OWNERSHIP_INFO),
    colours: coloursOf(OWNERSHIP_INFO),
  },
  provider_ownership: {
    id: "provider_ownership",
    label: "Provider ownership (spend)",
    description:
      "Who the money went to, as the spend return records it: the council's own provision, private, voluntary or other public providers.",
    expr: { spend: "f.provider_ownership" },
    // The 2008-09 s251 return does not split own from other public provision.
    values: [...SPEND_OWNERSHIPS, "own or other public"],
  },
  sector: {
    id: "sector",
    label: "Provider sector",
    description: "Ofsted's sector of the provider: local authority, private, voluntary, health authority or academy.",
    expr: { provider_snapshots: "f.sector", joiners_leavers: "f.sector" },
    values: SECTORS,
    labels: labelsOf(SECTOR_INFO),
    colours: coloursOf(SECTOR_INFO),
  },
  provision_type: {
    id: "provision_type",
    label: "Provision type",
    description: "Ofsted provision type (children's home, independent fostering agency, …), spelling normalised.",
    expr: { provider_snapshots: "f.provision_type", joiners_leavers: "f.provision_type" },
  },
  rating: {
    id: "rating",
    label: "Overall rating",
    description: "Overall effectiveness at the latest full inspection, on the 2015+ scale; NULL when not inspected.",
    expr: { provider_snapshots: "coalesce(f.overall_rating, 'Not yet inspected')" },
    values: [...RATINGS, "Not yet inspected"],
  },
  service: {
    id: "service",
    label: "Service",
    description: "Service category assigned from CPV codes and titles.",
    expr: { contracts: "f.service", spend: "f.service" },
    values: SERVICES,
    labels: labelsOf(SERVICE_INFO),
  },
  procedure: {
    id: "procedure",
    label: "Procedure type",
    description: "Open, restricted, negotiated, direct award, framework call-off, grant, other or unknown.",
    expr: { contracts: "f.procedure_type" },
    values: PROCEDURE_TYPES,
    labels: labelsOf(PROCEDURE_INFO),
    colours: coloursOf(PROCEDURE_INFO),
  },
  council: {
    id: "council",
    label: "Council",
    description: "The buying council (contracts, spend) or the council the provider is located in (Ofsted).",
    expr: {
      contracts: "f.la_code",
      provider_snapshots: "f.la_code",
      joiners_leavers: "f.la_code",
      spend: "f.la_code",
      council_indicators: "f.la_code",
    },
    values: COUNCILS.map((c) => c.laCode),
    labels: Object.fromEntries(COUNCILS.map((c) => [c.laCode, c.name])),
  },
  region: {
    id: "region",
    label: "Region",
    description: "English region of the council.",
    expr: {
      contracts: "la.region",
      provider_snapshots: "la.region",
      joiners_leavers: "la.region",
      spend: "la.region",
      // Published regional rows have no council: their region is the file's own (names aligned at ingest).
      council_indicators: "coalesce(la.region, f.region_name)",
    },
    values: REGIONS,
  },
  council_type: {
    id: "council_type",
    label: "Council type",
    description: "County, unitary authority, metropolitan district or London borough.",
    expr: {
      contracts: "la.la_type",
      provider_snapshots: "la.la_type",
      joiners_leavers: "la.la_type",
      spend: "la.la_type",
    },
    values: COUNCIL_TYPES,
  },
  year: {
    id: "year",
    label: "Year",
    description:
      "Contracts: year of award (else start). Ofsted: year of the 31 March snapshot. Spend: year in which the financial year ends. Council indicators: the year of the DfE return (31 March; workforce: 30 September).",
    expr: {
      contracts: "f.year",
      provider_snapshots: "f.year",
      joiners_leavers: "f.year",
      spend: "f.year",
      council_indicators: "f.year",
    },
  },
  source: {
    id: "source",
    label: "Source",
    description: "The source dataset the row was read from.",
    expr: {
      contracts: "f.source",
      provider_snapshots: "f.source",
      joiners_leavers: "f.source",
      spend: "f.source",
      council_indicators: "f.source",
    },
  },
};

export function dimensionAppliesTo(dimension: DimensionId, table: FactTable): boolean {
  return DIMENSIONS[dimension].expr[table] !== undefined;
}

export function labelForValue(dimension: DimensionId, value: string | number | null): string {
  if (value === null) return "Not recorded";
  const labels = DIMENSIONS[dimension].labels;
  return labels?.[String(value)] ?? String(value);
}
