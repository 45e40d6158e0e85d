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
import { type CsvRecord, cell, dataRecords, parseAmount } from "../csv.js";
import { defineSource } from "../source-frame.js";
import { csvHeaderHas, readSpendCsv } from "./spend-common.js";

export const DERIVED_CLA_SPEND_SOURCE_ID = "derived-cla-spend";

const OWNERSHIP_COLUMNS: readonly [string, string][] = [
  ["own", "la_own_spend"],
  ["private", "private_spend"],
  ["other public", "other_public_spend"],
  ["voluntary", "voluntary_spend"],
];
const REQUIRED = ["new_geog_code", "year", ...OWNERSHIP_COLUMNS.map(([, c]) => c)];

const na = (v: string | null) => (v === null || v === "NA" ? null : v);

export const derivedClaSpendIngester = defineSource<"spend", CsvRecord>({
  id: DERIVED_CLA_SPEND_SOURCE_ID,
  label: "Looked-after children's spend by ownership (research panel, derived)",
  table: "spend",
  // The 2022 wave has no spend (all NA): about 10 % of the panel's rows.
  maxRejectRate: 0.15,
  recognise: (file) => csvHeaderHas(file, REQUIRED, 8192),
  async open(file) {
    const { columns, records } = await readSpendCsv(file, REQUIRED);
    return {
      records: dataRecords(records),
      toRow(record, { source, line }) {
        const ons = cell(record, columns, "new_geog_code");
        const yearText = cell(record, columns, "year");
        const laCode = ons ? laCodeForOnsCode(ons) : undefined;
        if (!laCode) return { reject: `ONS code '${ons ?? ""}' is not a known council` };
        if (!yearText || !/^\d{4}$/.test(yearText)) return { reject: `year '${yearText ?? ""}' is not a year` };
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
        if (bad.length > 0) return { reject: `not a number: ${bad.join(", ")}` };
        if (amounts.every(([, , raw]) => raw === null)) return { reject: `no spend figures for ${year} (all NA)` };
        return amounts
          .filter(([, , raw]) => raw !== null)
          .map(([ownership, amount]) => ({
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
            source_line: line,
          }));
      },
    };
  },
});
