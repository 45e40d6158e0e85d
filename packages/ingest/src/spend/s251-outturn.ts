/**
 * Section 251 (formerly s52) outturn, children's and young people's services: one record per
 * council × budget line, spend split by ownership of the provider. Three layouts:
 *  - 2008-09: PRIVATE (x), VOLUNTARY (y), PUBLIC (z) — public = own provision + other public,
 *    so it becomes provider_ownership 'own or other public' (not one of the four);
 *  - 2009-10, 2010-11: Own Provision (y), Private (z(i)), Other Public (z(ii)), Voluntary (z(iii));
 *  - 2011-12 onwards (and the generated sample): OwnProvision, PrivateProvision, OtherPublic, Voluntary.
 * The files carry no year: the financial year comes from the name (`outturn_1314.csv` = 2013-14).
 *
 * Invariant: summing amount_gbp over s251 rows never double counts. Total lines ("Total
 * Children Looked After", "… SERVICES BUDGET …") and memorandum lines (already included in
 * other lines) are not stored; each is logged as a reject naming why. A detail line becomes
 * one spend row per non-blank ownership column; a line without any ownership split (CERA,
 * Youth Justice from 2011-12) becomes one row with provider_ownership NULL and the total.
 */
import { type CsvRecord, cell, dataRecords, findHeaderIndex, headerIndex, parseAmount, parseCsv } from "../csv.js";
import { readHead } from "../files.js";
import { defineSource } from "../source-frame.js";
import { SourceError } from "../types.js";
import { cleanLineDescription, isKnownCouncilCode, readSourceText, serviceColumns } from "./spend-common.js";

export const S251_SOURCE_ID = "s251-outturn";

interface Layout {
  name: "2008-09" | "2009-11" | "2011-on";
  laCode: string[];
  description: string[];
  lineNumber: string[];
  /** Ownership label → header names. */
  ownership: [string, string][];
  total: string;
}

const LAYOUTS: readonly Layout[] = [
  {
    name: "2008-09",
    laCode: ["lea number:"],
    description: ["s52 line reference:"],
    lineNumber: [],
    ownership: [
      ["private", "private (x)"],
      ["voluntary", "voluntary (y)"],
      ["own or other public", "public (z)"],
    ],
    total: "total expenditure (k)",
  },
  {
    name: "2009-11",
    laCode: ["lea", "la"],
    description: ["s52 line reference"],
    lineNumber: ["line"],
    ownership: [
      ["own", "own provision (y)"],
      ["private", "private (z(i))"],
      ["other public", "other public (z(ii))"],
      ["voluntary", "voluntary (z(iii))"],
    ],
    total: "total expenditure (k)",
  },
  {
    name: "2011-on",
    laCode: ["la"],
    description: ["cypservicedescription"],
    lineNumber: ["linenumber"],
    ownership: [
      ["own", "ownprovision"],
      ["private", "privateprovision"],
      ["other public", "otherpublic"],
      ["voluntary", "voluntary"],
    ],
    total: "totalexpenditure",
  },
];

function layoutHeader(layout: Layout): string[] {
  return [layout.description[0]!, layout.total, ...layout.ownership.map(([, h]) => h)];
}

/** The layout whose columns a header line carries, if any. */
export function detectS251Layout(headerLine: string): Layout | undefined {
  const keys = new Set(headerLine.split(",").map((c) => c.replace(/\s+/g, " ").trim().toLowerCase()));
  return LAYOUTS.find((l) => layoutHeader(l).every((h) => keys.has(h)));
}

/** `outturn_1314.csv` → period '2013-14', year 2014 (the year the financial year ends). */
export function s251PeriodFromName(relativePath: string): { period: string; year: number } | undefined {
  const m = /(?:^|[^0-9])(\d{2})(\d{2})\.csv$/i.exec(relativePath);
  if (!m) return undefined;
  const start = 2000 + Number(m[1]);
  const end = 2000 + Number(m[2]);
  if (end !== start + 1) return undefined;
  return { period: `${start}-${m[2]}`, year: end };
}

export type S251LineKind = "detail" | "total" | "memo";

/**
 * Which lines are sums or memoranda, by their text. Memo lines are those DfE labels
 * "memorandum" / "included in lines …", plus 2010-11's line 47 "Unknown", which the budget
 * total excludes (verified: detail lines sum to "budget excluding CERA" for every council
 * only without it), and lines numbered after the budget total lines (2011-12, 2012-13).
 */
export function s251LineKind(description: string, lineNumber: number | null, budgetLine: number | null): S251LineKind {
  if (/^total\b/i.test(description) || /services budget/i.test(description)) return "total";
  if (/memorandum|included in lines?/i.test(description) || /^unknown$/i.test(description)) return "memo";
  if (lineNumber !== null && budgetLine !== null && lineNumber > budgetLine) return "memo";
  return "detail";
}

export interface S251Line {
  line: number;
  laCode: string;
  lineNumber: number | null;
  description: string;
  kind: S251LineKind;
  /** Ownership label → amount (null = blank / NULL in the file). */
  split: [string, number | null][];
  total: number | null;
}

export interface S251Parse {
  layout: Layout["name"];
  /** Every non-blank data record in file order: a budget line read, or a reject with its reason. */
  records: { line: number; record: S251Line | { reject: string } }[];
  /** The budget lines read (the records that are not rejects). */
  lines: S251Line[];
}

/** Parses one outturn file's text into budget lines; pure, so tests can check sums directly. */
export function parseS251(text: string, file: string): S251Parse {
  const records = parseCsv(text);
  const first = records[0];
  const layout = first ? detectS251Layout(first.cells.join(",")) : undefined;
  if (!first || !layout) throw new SourceError(file, 1, "not a known s251 outturn header");
  const h = findHeaderIndex(records, layoutHeader(layout), 1);
  if (h !== 0) throw new SourceError(file, 1, "s251 header not on line 1");
  const columns = headerIndex(first);
  const out: S251Parse = { layout: layout.name, records: [], lines: [] };
  for (const { line, record } of dataRecords(records.slice(1))) {
    const read = readS251Record(record, columns, layout, first.cells.length);
    out.records.push({ line, record: read });
    if (!("reject" in read)) out.lines.push(read);
  }
  // Line numbers of the budget-total lines (per file: they move between years).
  let budgetLine: number | null = null;
  for (const l of out.lines)
    if (/services budget/i.test(l.description) && l.lineNumber !== null)
      budgetLine = Math.max(budgetLine ?? 0, l.lineNumber);
  for (const l of out.lines) l.kind = s251LineKind(l.description, l.lineNumber, budgetLine);
  return out;
}

/** One data record as a budget line (its kind decided later, over the whole file), or why it is none. */
function readS251Record(
  record: CsvRecord,
  columns: Map<string, number>,
  layout: Layout,
  width: number,
): S251Line | { reject: string } {
  if (record.cells.length < width)
    return { reject: `record has ${record.cells.length} of ${width} columns (file truncated?)` };
  const laCode = cell(record, columns, ...layout.laCode);
  const rawDescription = cell(record, columns, ...layout.description);
  if (!laCode || !/^\d{3}$/.test(laCode)) return { reject: `LA code '${laCode ?? ""}' is not a 3-digit DfE code` };
  if (!isKnownCouncilCode(laCode)) return { reject: `LA code ${laCode} is not a known council` };
  if (!rawDescription) return { reject: "blank budget line description" };
  const lineText = layout.lineNumber.length > 0 ? cell(record, columns, ...layout.lineNumber) : null;
  const prefix = /^\s*(\d+)/.exec(rawDescription)?.[1];
  const lineNumber = lineText && /^\d+$/.test(lineText) ? Number(lineText) : prefix ? Number(prefix) : null;
  const description = cleanLineDescription(rawDescription);
  const bad: string[] = [];
  const amount = (header: string): number | null => {
    const raw = cell(record, columns, header);
    const value = parseAmount(raw);
    if (value === undefined) {
      bad.push(`${header} '${raw}'`);
      return null;
    }
    return value;
  };
  const split = layout.ownership.map(([label, header]): [string, number | null] => [label, amount(header)]);
  const total = amount(layout.total);
  if (bad.length > 0) return { reject: `not a number: ${bad.join(", ")}` };
  return { line: record.line, laCode, lineNumber, description, kind: "detail", split, total };
}

export const s251OutturnIngester = defineSource<"spend", S251Line | { reject: string }>({
  id: S251_SOURCE_ID,
  label: "Section 251 outturn (children's services spend by provider ownership)",
  table: "spend",
  // Total and memorandum lines (about a quarter of each file) are logged as rejects so that
  // sums never double count; a rate above this means the layout changed.
  maxRejectRate: 0.3,
  async recognise(file) {
    if (!file.relativePath.toLowerCase().endsWith(".csv")) return false;
    return detectS251Layout((await readHead(file.path, 4096)).split(/\r?\n/)[0] ?? "") !== undefined;
  },
  async open(file) {
    const when = s251PeriodFromName(file.relativePath);
    if (!when)
      throw new SourceError(
        file.relativePath,
        null,
        "cannot tell the financial year: s251 files carry none, name must end in e.g. 1314.csv",
      );
    return {
      // Whole file first: which lines are totals or memoranda depends on the file's budget-total line.
      records: parseS251(await readSourceText(file.path), file.relativePath).records,
      toRow(l, { source, line }) {
        if ("reject" in l) return l;
        if (l.kind === "total")
          return { reject: `total line '${l.description}' not stored: it sums lines above (no double counting)` };
        if (l.kind === "memo")
          return { reject: `memorandum line '${l.description}' not stored: already counted in other lines` };
        const base = {
          la_code: l.laCode,
          period: when.period,
          year: when.year,
          source,
          service_line: l.description,
          ...serviceColumns(l.description),
          is_derived: false,
          source_file: file.relativePath,
          source_line: line,
        };
        const present = l.split.filter(([, v]) => v !== null);
        if (present.length === 0) return { ...base, provider_ownership: null, amount_gbp: l.total };
        return present.map(([ownership, amount]) => ({ ...base, provider_ownership: ownership, amount_gbp: amount }));
      },
    };
  },
});
