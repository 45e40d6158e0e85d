/**
 * The researcher panel (Goodair, Bach-Mortensen & Barlow 2023): per council and year, the s251
 * "Total Children Looked After" line split by provider ownership, 2011–2021. Derived, not
 * official: rows are stored with is_derived = true and source 'derived-cla-spend'.
 * Recognised by its header (New_geog_code, year, LA_own_spend … Voluntary_spend).
 * `Total_spend` is in £ million (the splits are in £), so it is not stored: the four
 * ownership rows sum to it. LA-years without any spend figure (all NA, e.g. 2022) are
 * rejected with that reason.
 */
import { laCodeForOnsCode } from "@lens/core";
import { cell, parseAmount } from "../csv.js";
import { sourceLabel } from "../source-frame.js";
import type { SourceIngester } from "../types.js";
import { discoverCsvWithHeader, ingestSpendCsvs } from "./spend-common.js";

export const DERIVED_CLA_SPEND_SOURCE_ID = "derived-cla-spend";

const OWNERSHIP_COLUMNS: readonly [string, string][] = [
  ["own", "la_own_spend"],
  ["private", "private_spend"],
  ["other public", "other_public_spend"],
  ["voluntary", "voluntary_spend"],
];
const REQUIRED = ["new_geog_code", "year", ...OWNERSHIP_COLUMNS.map(([, c]) => c)];

export const derivedClaSpendIngester: SourceIngester = {
  id: DERIVED_CLA_SPEND_SOURCE_ID,
  label: "Looked-after children's spend by ownership (research panel, derived)",
  tables: ["spend"],
  // The 2022 wave has no spend (all NA): about 10 % of the panel's rows.
  maxRejectRate: 0.15,
  discover: (files) => discoverCsvWithHeader(files, REQUIRED, 8192),
  ingest(ctx, files) {
    const source = sourceLabel(ctx, DERIVED_CLA_SPEND_SOURCE_ID);
    const na = (v: string | null) => (v === null || v === "NA" ? null : v);
    return ingestSpendCsvs(ctx, files, REQUIRED, (file, columns, _records, writer) => (record, tally) => {
      const ons = cell(record, columns, "new_geog_code");
      const yearText = cell(record, columns, "year");
      const laCode = ons ? laCodeForOnsCode(ons) : undefined;
      if (!laCode) {
        tally.reject(record.line, `ONS code '${ons ?? ""}' is not a known council`);
        return;
      }
      if (!yearText || !/^\d{4}$/.test(yearText)) {
        tally.reject(record.line, `year '${yearText ?? ""}' is not a year`);
        return;
      }
      const year = Number(yearText);
      const bad: string[] = [];
      const amounts = OWNERSHIP_COLUMNS.map(([ownership, column]): [string, number | null, string | null] => {
        const raw = na(cell(record, columns, column));
        const value = parseAmount(raw);
        if (value === undefined) {
          // Suppression markers (c, x, z, ..) pass through from DfE: missing, kept as such.
          if (!/^(c|x|z|\.\.)$/i.test(raw ?? "")) bad.push(`${column} '${raw}'`);
          return [ownership, null, raw];
        }
        return [ownership, value, raw];
      });
      if (bad.length > 0) {
        tally.reject(record.line, `not a number: ${bad.join(", ")}`);
        return;
      }
      if (amounts.every(([, , raw]) => raw === null)) {
        tally.reject(record.line, `no spend figures for ${year} (all NA)`);
        return;
      }
      for (const [ownership, amount, raw] of amounts) {
        if (raw === null) continue;
        writer.append({
          la_code: laCode,
          period: `${year - 1}-${String(year).slice(2)}`,
          year,
          source,
          service_line: "Total Children Looked After",
          service: null,
          provider_ownership: ownership,
          amount_gbp: amount,
          is_derived: true,
          source_file: file.relativePath,
          source_line: record.line,
        });
      }
      tally.kept++;
    });
  },
};
