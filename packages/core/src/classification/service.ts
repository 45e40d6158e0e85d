/**
 * Service category from CPV codes and the notice text. Keywords are tried first, most specific
 * first (a "short breaks for disabled children" notice is also "residential" sometimes); CPV
 * prefixes are the fallback because the children's welfare CPV 85311300 covers everything.
 */
import { decodeHtmlEntities } from "../html-entities.js";
import type { Service } from "../vocab.js";

export interface ServiceResult {
  service: Service;
  basis: string;
}

const KEYWORD_RULES: ReadonlyArray<readonly [RegExp, Service]> = [
  [/short[- ]?breaks?|respite/, "short breaks"],
  [/foster/, "fostering"],
  [
    /care leaver|leaving care|staying (put|close)|semi[- ]independ|supported accommodation|supported lodgings|16 ?\+ accommodation|(16|sixteen)[- ]?(to|-)[- ]?(17|25)|unaccompanied asylum/,
    "care leavers",
  ],
  [
    /children'?s homes?|residential (care|placements?|provision|home|service)|secure (children'?s )?(home|accommodation|welfare)|looked[- ]after (children|provision)|placements? for (children|looked)|spot placements?|emergency (residential )?placements?/,
    "residential care",
  ],
  [
    /\bsend\b|\bsen\b|special educational|special needs|\behcp?s?\b|independent special|special school|alternative provision|home[- ]to[- ]school|school transport|passenger transport|\btaxis?\b|transport for (children|pupils)|travel (assistance|training)|disabled children/,
    "SEND and transport",
  ],
  [
    /youth|young people'?s (service|centre|club)|positive activities|youth offending|youth justice|detached work/,
    "youth",
  ],
  [
    /family support|families first|parenting|early help|family hub|children'?s centre|troubled families|supporting families|edge of care|family (therapy|group conferenc|intervention)|contact (centre|service)|adoption/,
    "family support",
  ],
];

const CPV_RULES: ReadonlyArray<readonly [string, Service, string]> = [
  ["85312120", "short breaks", "85312120 day-care services for handicapped children"],
  ["8531100", "residential care", "85311000 social work services with accommodation"],
  ["60130", "SEND and transport", "60130000 special-purpose road passenger transport"],
  ["60120", "SEND and transport", "60120000 taxi services"],
  ["60140", "SEND and transport", "60140000 non-scheduled passenger transport"],
  ["8034", "SEND and transport", "80340000 special education services"],
  ["85312110", "family support", "85312110 day-care services for children"],
  ["853123", "family support", "85312300 guidance and counselling services"],
  ["853124", "family support", "85312400 welfare services not delivered through residential institutions"],
];

/** CPV field may hold several codes ("85311300 85312000", "85311300-5"). */
function cpvCodes(cpv: string | null | undefined): string[] {
  if (!cpv) return [];
  return cpv.match(/\d{8}/g) ?? [];
}

export function categoriseService(
  cpv: string | null | undefined,
  title: string | null | undefined,
  description?: string | null,
): ServiceResult {
  // The title is the better signal; descriptions are long and mention everything, so they
  // are only consulted when the title says nothing.
  for (const text of [title, description]) {
    if (!text) continue;
    const t = decodeHtmlEntities(text).toLowerCase().replace(/[’‘]/g, "'");
    for (const [pattern, service] of KEYWORD_RULES) {
      const m = pattern.exec(t);
      if (m) return { service, basis: `keyword '${m[0]}'` };
    }
  }
  for (const code of cpvCodes(cpv)) {
    for (const [prefix, service, label] of CPV_RULES) {
      if (code.startsWith(prefix)) return { service, basis: `CPV ${label}` };
    }
  }
  return { service: "other", basis: "no service keyword or CPV" };
}
