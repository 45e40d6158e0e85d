/**
 * Organisation-name normalisation: the ONE function every matcher uses (supplier ↔ buyer,
 * supplier ↔ Ofsted owner, legal-form detection), so two spellings of one body always compare
 * equal. Legal forms are canonicalised (limited → ltd, public limited company → plc,
 * community interest company → cic) but kept, because ownership rules read them.
 */
import { decodeHtmlEntities } from "../html-entities.js";

/** Trailing notice noise that is not part of the name: " - AWARD", " (award notice)", "****5215", "*33*". */
const TRAILING_NOISE = /\s+[-–—:]\s*(contract\s+)?(award(ed)?|award notice|lot\s*\d+)\b.*$/i;
const PARENTHESISED_NOISE = /\((award(ed)?|award notice|finance|fees account)\)/gi;
const STAR_NOISE = /\*+\s*\d*\s*\*?/g;

const LEGAL_FORM_CANON: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bpublic limited company\b/g, "plc"],
  [/\bp l c\b/g, "plc"],
  [/\bcommunity interest company\b/g, "cic"],
  [/\bc i c\b/g, "cic"],
  [/\blimited liability partnership\b/g, "llp"],
  [/\bl l p\b/g, "llp"],
  [/\blimited\b/g, "ltd"],
  [/\bltd\b/g, "ltd"],
  [/\bco operative\b/g, "cooperative"],
  [/\bco op\b/g, "coop"],
];

/**
 * Lower-case, ASCII, punctuation-free, single-spaced; "&"/"+" → "and"; "the" dropped (Devon's
 * ledger writes "LEAVING CARE COMPANY THE"); legal forms canonicalised; notice noise removed.
 * Returns "" for missing names.
 */
export function normaliseOrganisationName(name: string | null | undefined): string {
  if (name == null) return "";
  let s = decodeHtmlEntities(name)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’‘`´]/g, "'");
  s = s.replace(TRAILING_NOISE, "").replace(PARENTHESISED_NOISE, " ").replace(STAR_NOISE, " ");
  s = s.toLowerCase();
  s = s.replace(/[&+]/g, " and ");
  s = s.replace(/'s\b/g, "s").replace(/'/g, "");
  s = s.replace(/\bt\s*\/\s*a\b/g, " trading as ");
  s = s.replace(/[^a-z0-9]+/g, " ");
  for (const [pattern, canon] of LEGAL_FORM_CANON) s = s.replace(pattern, canon);
  s = s.replace(/\bthe\b/g, " ");
  return s.replace(/\s+/g, " ").trim();
}

const LEGAL_FORM_WORDS = /\b(ltd|plc|llp|cic|inc|llc|gmbh|uk|group|holdings|services|company|co)\b/g;

/**
 * A matching key: the normalised name without legal-form and generic company words, for
 * comparing "Acme Care Ltd" with "ACME CARE LIMITED" or "Acme Care Services". Built on
 * normaliseOrganisationName, never instead of it.
 */
export function organisationMatchKey(name: string | null | undefined): string {
  return normaliseOrganisationName(name).replace(LEGAL_FORM_WORDS, " ").replace(/\s+/g, " ").trim();
}
