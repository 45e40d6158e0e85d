/**
 * The default children's-services CPV selection. Neither Contracts Finder nor Find a Tender can
 * filter by CPV, so every page is downloaded and saved as received; this filter only decides which
 * releases (and so which processes) the manifest lists as children's services. A process is kept
 * whole: if any of its releases matches, the ocid is listed, so a later award release without items
 * still joins its tender.
 *
 * Deliberately left out: 80100000 (primary education: mostly school building and running
 * contracts) and 85000000 / 85100000 (health and social work, health services: dominated by NHS
 * buying). Children's contracts coded that broadly are found by the warehouse's title rules instead.
 */

export interface CpvRule {
  code: string;
  match: "prefix" | "exact";
  why: string;
}

export const CHILDREN_CPV_RULES: readonly CpvRule[] = [
  {
    code: "85300000",
    match: "exact",
    why: "social work and related services (parent code councils use for placements)",
  },
  {
    code: "8531",
    match: "prefix",
    why: "social work services with and without accommodation: 85311300 children's residential care, 85312110 child day-care, 85312120 day-care for disabled children, 85312400 welfare services",
  },
  {
    code: "8532",
    match: "prefix",
    why: "social services: 85320000 social services, 85321000 administrative social services, 85322000 community action programmes",
  },
  { code: "80340000", match: "exact", why: "special education services (SEND)" },
  {
    code: "60130000",
    match: "exact",
    why: "special-purpose road passenger transport (home-to-school and SEND transport)",
  },
  { code: "98133110", match: "exact", why: "services provided by youth associations" },
];

export interface CpvFilterInfo {
  kind: "cpv";
  rules: readonly CpvRule[];
}

export const CHILDREN_CPV_FILTER: CpvFilterInfo = { kind: "cpv", rules: CHILDREN_CPV_RULES };

export function matchesCpv(code: string, rules: readonly CpvRule[]): boolean {
  return rules.some((rule) => (rule.match === "exact" ? code === rule.code : code.startsWith(rule.code)));
}

/**
 * Every CPV code a release mentions: tender, lots, items and their additional classifications,
 * award and contract items. OCDS allows codes with a check digit ("85311300-5"), so only the
 * 8-digit stem is kept.
 */
export function releaseCpvCodes(release: unknown): string[] {
  const codes = new Set<string>();
  const addClassification = (value: unknown): void => {
    if (!isRecord(value)) return;
    const scheme = typeof value.scheme === "string" ? value.scheme.toUpperCase() : "CPV";
    if (!scheme.startsWith("CPV")) return;
    const id = typeof value.id === "string" || typeof value.id === "number" ? String(value.id) : "";
    const stem = /^\d{8}/.exec(id.trim());
    if (stem) codes.add(stem[0]);
  };
  const addItems = (items: unknown): void => {
    for (const item of asArray(items)) {
      if (!isRecord(item)) continue;
      addClassification(item.classification);
      for (const extra of asArray(item.additionalClassifications)) addClassification(extra);
    }
  };
  if (!isRecord(release)) return [];
  const tender = release.tender;
  if (isRecord(tender)) {
    addClassification(tender.classification);
    for (const extra of asArray(tender.additionalClassifications)) addClassification(extra);
    addItems(tender.items);
    for (const lot of asArray(tender.lots)) if (isRecord(lot)) addItems(lot.items);
  }
  for (const award of asArray(release.awards)) if (isRecord(award)) addItems(award.items);
  for (const contract of asArray(release.contracts)) if (isRecord(contract)) addItems(contract.items);
  return [...codes].sort();
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}
