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
import { cell, findHeaderIndex, headerIndex, isBlankRecord, parseAmount, parseCsv } from "../csv.js";
import { FileTally } from "../file-tally.js";
import { readHead } from "../files.js";
import { TableWriter } from "../table-writer.js";
import { type FileStats, SourceError, type SourceFile, type SourceIngester } from "../types.js";
import { readSourceText } from "./spend-common.js";

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
  async discover(files) {
    const found: SourceFile[] = [];
    for (const f of files) {
      if (!f.relativePath.toLowerCase().endsWith(".csv")) continue;
      const head = (await readHead(f.path, 8192)).split(/\r?\n/)[0] ?? "";
      const cells = head.split(",").map((c) => c.replace(/"/g, "").trim().toLowerCase());
      if (REQUIRED.every((r) => cells.includes(r))) found.push(f);
    }
    return found;
  },
  async ingest(ctx, files) {
    const writer = await TableWriter.open(ctx.connection, "spend");
    const stats: FileStats[] = [];
    const source = ctx.isSample ? "sample" : DERIVED_CLA_SPEND_SOURCE_ID;
    try {
      for (const file of files) {
        ctx.progress(`reading ${file.relativePath}`);
        const { text, checksum } = await readSourceText(file.path);
        const records = parseCsv(text);
        const h = findHeaderIndex(records, REQUIRED, 1);
        if (h !== 0) throw new SourceError(file.relativePath, 1, `header with ${REQUIRED.join(", ")} not found`);
        const columns = headerIndex(records[0]!);
        const tally = new FileTally(ctx, file, checksum);
        for (const record of records.slice(1)) {
          if (isBlankRecord(record)) continue;
          tally.read++;
          const na = (v: string | null) => (v === null || v === "NA" ? null : v);
          const ons = cell(record, columns, "new_geog_code");
          const yearText = cell(record, columns, "year");
          const laCode = ons ? laCodeForOnsCode(ons) : undefined;
          if (!laCode) {
            tally.reject(record.line, `ONS code '${ons ?? ""}' is not a known council`);
            continue;
          }
          if (!yearText || !/^\d{4}$/.test(yearText)) {
            tally.reject(record.line, `year '${yearText ?? ""}' is not a year`);
            continue;
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
            continue;
          }
          if (amounts.every(([, , raw]) => raw === null)) {
            tally.reject(record.line, `no spend figures for ${year} (all NA)`);
            continue;
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
        }
        stats.push(tally.stats());
      }
    } finally {
      writer.close();
    }
    return stats;
  },
};
