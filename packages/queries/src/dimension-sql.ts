/**
 * Each dimension's SQL expression per fact table (alias `f` for the fact table, `la` for
 * local_authorities joined on la_code). The registry (@lens/core DIMENSIONS) lists the tables a
 * dimension applies to; dimension-sql.test.ts holds the two in step.
 */
import type { DimensionId, FactTable } from "@lens/core";

export const DIMENSION_SQL: Record<DimensionId, Partial<Record<FactTable, string>>> = {
  model: { contracts: "f.commissioning_model", spend: "f.commissioning_model" },
  ownership: { contracts: "f.supplier_ownership", spend: "f.supplier_ownership" },
  provider_ownership: { spend: "f.provider_ownership" },
  sector: { provider_snapshots: "f.sector", joiners_leavers: "f.sector" },
  provision_type: { provider_snapshots: "f.provision_type", joiners_leavers: "f.provision_type" },
  rating: { provider_snapshots: "coalesce(f.overall_rating, 'Not yet inspected')" },
  service: { contracts: "f.service", spend: "f.service" },
  procedure: { contracts: "f.procedure_type" },
  council: {
    contracts: "f.la_code",
    provider_snapshots: "f.la_code",
    joiners_leavers: "f.la_code",
    spend: "f.la_code",
    council_indicators: "f.la_code",
  },
  region: {
    contracts: "la.region",
    provider_snapshots: "la.region",
    joiners_leavers: "la.region",
    spend: "la.region",
    // Published regional rows have no council: their region is the file's own (names aligned at ingest).
    council_indicators: "coalesce(la.region, f.region_name)",
  },
  council_type: {
    contracts: "la.la_type",
    provider_snapshots: "la.la_type",
    joiners_leavers: "la.la_type",
    spend: "la.la_type",
  },
  year: {
    contracts: "f.year",
    provider_snapshots: "f.year",
    joiners_leavers: "f.year",
    spend: "f.year",
    council_indicators: "f.year",
  },
  source: {
    contracts: "f.source",
    provider_snapshots: "f.source",
    joiners_leavers: "f.source",
    spend: "f.source",
    council_indicators: "f.source",
  },
};
