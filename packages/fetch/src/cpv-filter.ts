/**
 * The fetcher's children's-services selection is core's one scope definition (childrensScope:
 * the same CPV codes and words, with the same false-friend exclusions, that decide
 * contracts.in_scope in the warehouse), so what the manifest lists as children's is what the
 * warehouse keeps in scope. Neither Contracts Finder nor Find a Tender can filter by CPV, so
 * every page is downloaded and saved as received; this filter only decides which releases (and
 * so which processes) the manifest lists. A process is kept whole: if any of its releases
 * matches, the ocid is listed, so a later award release without items still joins its tender.
 */
import {
  CHILDREN_SCOPE_CPV,
  childrensScope,
  matchesScopeCpv,
  SCOPE_RULES,
  type ScopeCpvRule,
  type ScopeRule,
} from "@lens/core/classify";

export type CpvRule = ScopeCpvRule;

export const CHILDREN_CPV_RULES: readonly CpvRule[] = CHILDREN_SCOPE_CPV;

export interface CpvFilterInfo {
  /** "scope": core's childrensScope (CPV codes, then title and description words). */
  kind: "scope";
  rules: readonly CpvRule[];
  scopeRules: readonly ScopeRule[];
}

export const CHILDREN_CPV_FILTER: CpvFilterInfo = { kind: "scope", rules: CHILDREN_CPV_RULES, scopeRules: SCOPE_RULES };

export function matchesCpv(code: string, rules: readonly CpvRule[]): boolean {
  return matchesScopeCpv(code, rules);
}

/** Whether a release is a children's-services notice, by the warehouse's own scope rules. */
export function releaseIsChildrens(release: unknown): boolean {
  if (!isRecord(release)) return false;
  const tender = isRecord(release.tender) ? release.tender : {};
  const text = (v: unknown): string | null => (typeof v === "string" ? v : null);
  const awards = asArray(release.awards).filter(isRecord);
  const title = text(tender.title) ?? text(release.title) ?? text(awards[0]?.title);
  const description = text(tender.description) ?? text(awards[0]?.description);
  return childrensScope({ cpv: releaseCpvCodes(release), title, description }).childrens;
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
