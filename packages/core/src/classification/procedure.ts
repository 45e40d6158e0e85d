/**
 * Procedure normalisation: OCDS `procurementMethod` (open / selective / limited / direct) and
 * the free-text labels publishers put in `procurementMethodDetails` (Contracts Finder, Find a
 * Tender, CF CSV "OJEU Procedure Type", scraped award pages, council registers) → one of
 * PROCEDURE_TYPES. The detailed label wins over the coarse method because it is more specific
 * ("selective" + "Call-off from a framework agreement" is a call-off, not a restricted tender).
 */
import type { ProcedureType } from "../vocab.js";

export interface ProcedureResult {
  procedure: ProcedureType;
  /** Which pattern decided it, for the model reason. */
  basis: string;
}

/** Ordered: the first matching pattern wins. Patterns run on a lower-cased, de-camel-cased label. */
const DETAIL_PATTERNS: ReadonlyArray<readonly [RegExp, ProcedureType, string]> = [
  [/\bgrants?\b|grant agreement|grant aid/, "grant", "grant"],
  [
    /call[- ]?off|framework|dynamic purchasing|\bdps\b|mini[- ]?competition|further competition|catalogue|g[- ]?cloud/,
    "framework call-off",
    "call-off from a framework or DPS",
  ],
  [
    /single tender|single source|\bsta\b|direct award|without prior publication|without a call for competition|without competition|negotiated without|exempt|exemption|waiver|spot purchas|spot placement|pre[- ]?placement|crown to crown|novat|contract extension|extension/,
    "direct award",
    "direct award / single tender without competition",
  ],
  [
    /competitive procedure with negotiation|competitive dialog|negotiat|innovation partnership/,
    "negotiated",
    "negotiated competition",
  ],
  [/restricted/, "restricted", "restricted (invited) competition"],
  [/\bopen\b|invitation to tender|\bitt\b|open competition/, "open", "open competition"],
  [
    /quotation|invitation to quote|request for quot|\bquotes?\b|\brfq\b|light touch/,
    "other",
    "quotation or light-touch process",
  ],
  [/^other\b/, "other", "publisher chose 'Other'"],
  [/not specified|not applicable|to be confirmed|unknown|^n ?a$|^none$|^null$/, "unknown", "procedure not stated"],
];

const METHOD_MAP: Record<string, ProcedureType> = {
  open: "open",
  selective: "restricted",
  limited: "negotiated",
  direct: "direct award",
};

function tidyLabel(label: string): string {
  return label
    .replace(/([a-z])([A-Z])/g, "$1 $2") // CF CSV writes "CallOffFromFrameworkAgreement", "OpenNonOJEU"
    .replace(/\s+/g, " ")
    .replace(/procedu\s+re/i, "procedure") // Sell2Wales hand-edit artefact
    .trim()
    .toLowerCase();
}

export function normaliseProcedure(
  method: string | null | undefined,
  detail: string | null | undefined,
): ProcedureResult {
  const label = detail == null ? "" : tidyLabel(detail);
  if (label !== "") {
    for (const [pattern, procedure, basis] of DETAIL_PATTERNS) {
      if (pattern.test(label)) {
        // "Other - " with nothing after it says only that the publisher chose Other; a
        // coarse OCDS method, if present, is better evidence than that.
        if (procedure === "other" && /^other\W*$/.test(label)) break;
        if (procedure === "unknown") break;
        return { procedure, basis };
      }
    }
  }
  const m = method == null ? "" : method.trim().toLowerCase();
  const fromMethod = METHOD_MAP[m];
  if (fromMethod) return { procedure: fromMethod, basis: `OCDS procurementMethod '${m}'` };
  if (/^other\W*$/.test(label)) return { procedure: "other", basis: "publisher chose 'Other'" };
  return { procedure: "unknown", basis: "procedure not stated" };
}

/** Procedures where suppliers competed (for the model rules). */
export function isCompetitive(procedure: ProcedureType): boolean {
  return procedure === "open" || procedure === "restricted" || procedure === "negotiated";
}
