/**
 * Shared pieces for the tabular contract sources parsed row by row in JS (small files: CSV
 * exports, registers, scraped pages): value and date parsing with "unknown is NULL, never 0",
 * durations computed exactly as the OCDS path does, and the warehouse row they become.
 */
import { decodeHtmlEntities } from "@lens/core";
import type { ScopeDecision } from "@lens/core/classify";
import type { WarehouseRow } from "@lens/core/schema";

export interface ContractRow {
  contract_id: string;
  source: string;
  ocid?: string | null;
  stage: "award" | "tender" | "register";
  buyer_name: string | null;
  /** council, children's trust, portal, procurement consortium, lower-tier council, other (core's classifyBuyer). */
  buyer_kind?: string | null;
  title: string | null;
  description?: string | null;
  cpv?: string | null;
  /** The source's own category (a register's procurement category label): the first service evidence. */
  source_category?: string | null;
  /** The source's contract type as written (a register's "grant agreement", "Framework agreement"). */
  contract_type?: string | null;
  procurement_method?: string | null;
  procurement_method_detail?: string | null;
  value_gbp?: number | null;
  value_is_shared?: boolean | null;
  start_date?: string | null;
  end_date?: string | null;
  /** A stated duration, used only when start and end dates do not give one. */
  stated_duration_months?: number | null;
  award_date?: string | null;
  tender_published_date?: string | null;
  tender_end_date?: string | null;
  number_of_tenderers?: number | null;
  supplier_name?: string | null;
  /** Registry numbers a source gives for the supplier (Companies House, Charity Commission), as written. */
  supplier_company_number?: string | null;
  supplier_charity_number?: string | null;
  supplier_is_sme?: boolean | null;
  supplier_is_vcse?: boolean | null;
  notice_url?: string | null;
  /** Set by sources that decide council and scope themselves; others get them from resolveBuyersAndScope. */
  la_code?: string | null;
  in_scope?: boolean;
  /** Why in_scope is what it is: core's scope rule id, and its reason with the buyer test. */
  scope_rule?: string | null;
  scope_reason?: string | null;
  source_file: string;
  source_line: number;
}

const MONTH_DAYS = 30.4375;

/** scope_reason: the scope rule's reason, or why the buyer keeps a children's notice out. */
export function scopeReason(buyerIsCouncil: boolean, buyer: string | null, scope: ScopeDecision): string {
  if (buyerIsCouncil || !scope.childrens) return scope.reason;
  return `buyer '${buyer ?? ""}' is not an English council with children's services duties → out of scope (${scope.reason})`;
}

/** Months between two ISO dates to one decimal, as DURATION_MONTHS_SQL computes it; null if unknown or negative. */
export function monthsBetween(start: string | null | undefined, end: string | null | undefined): number | null {
  if (!start || !end) return null;
  const days = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000;
  if (!Number.isFinite(days) || days < 0) return null;
  return Math.round((days / MONTH_DAYS) * 10) / 10;
}

/** A positive amount or null: the sources write 0 (and "£0") for unknown. */
export function knownMoney(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === "number" ? value : Number(value.replace(/[£,\s]/g, ""));
  return Number.isFinite(n) && n > 1 ? Math.round(n * 100) / 100 : null;
}

/** Decodes every HTML entity (named, decimal, hex; twice-escaped too), trims; blank → null. */
export function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const s = decodeHtmlEntities(value).trim();
  return s === "" ? null : s;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function iso(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * Dates as the contract sources write them: ISO (with or without time), dd/mm/yyyy, dd/mm/yy,
 * 01-Apr-2013, "15 June 2015". Null when blank; undefined when present but unreadable.
 */
export function parseContractDate(value: string | null | undefined): string | null | undefined {
  if (value === null || value === undefined) return null;
  const v = value.trim();
  if (v === "") return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:\s|$)/.exec(v);
  if (m) return iso(m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[- ]([A-Za-z]{3,9})[- ](\d{2}|\d{4})$/.exec(v);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
    if (month < 0) return undefined;
    return iso(m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]), month + 1, Number(m[1]));
  }
  return undefined;
}

/** Yes/No/True/False/1/0 → boolean; blank → null; anything else (e.g. "£0") → undefined. */
export function parseYesNo(value: string | boolean | null | undefined): boolean | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value;
  const v = value.trim().toLowerCase();
  if (v === "") return null;
  if (["yes", "y", "true", "1"].includes(v)) return true;
  if (["no", "n", "false", "0"].includes(v)) return false;
  return undefined;
}

/** The warehouse row: duration from the dates (else the stated one), annual value only when both known. */
export function toWarehouseRow(row: ContractRow): WarehouseRow<"contracts"> {
  const { stated_duration_months, ...rest } = row;
  const fromDates = monthsBetween(row.start_date, row.end_date);
  const duration = fromDates ?? (stated_duration_months && stated_duration_months > 0 ? stated_duration_months : null);
  const value = row.value_gbp ?? null;
  const yearFrom = row.award_date ?? row.start_date ?? row.tender_published_date ?? null;
  return {
    ...rest,
    value_is_shared: row.value_is_shared ?? false,
    duration_months: duration,
    annual_value_gbp: value !== null && duration !== null && duration > 0 ? value / (duration / 12) : null,
    year: yearFrom ? Number(yearFrom.slice(0, 4)) : null,
    in_scope: row.in_scope ?? false,
  };
}
