/**
 * A council's comparison group, in the URL: `?group=neighbours` (DfE's ten statistical
 * neighbours, the default), `group=region`, `group=type` (same council type), or
 * `group=custom&with=886,887,…` (any councils). The benchmark draws the council among its group
 * with the group's median and England beside it.
 */
import { COUNCILS, type CouncilFact } from "@lens/core";

export const GROUP_KINDS = ["neighbours", "region", "type", "custom"] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
export const GROUP_PARAM = "group";
export const GROUP_COUNCILS_PARAM = "with";

export interface ComparisonGroup {
  kind: GroupKind;
  /** The custom list's council codes (registry codes only, in the order given, no duplicates). */
  custom: string[];
}

const isCode = (code: string) => COUNCILS.some((c) => c.laCode === code);

/** Reads the group; an unknown kind falls back to statistical neighbours, unknown codes are dropped. */
export function groupFromParams(params: URLSearchParams): ComparisonGroup {
  const raw = params.get(GROUP_PARAM);
  const kind = (GROUP_KINDS as readonly string[]).includes(raw ?? "") ? (raw as GroupKind) : "neighbours";
  const custom = [
    ...new Set(
      params
        .getAll(GROUP_COUNCILS_PARAM)
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter(isCode),
    ),
  ];
  return { kind, custom };
}

/** Writes the group (the default, neighbours, leaves the URL clean). */
export function writeGroup(params: URLSearchParams, group: ComparisonGroup): void {
  if (group.kind === "neighbours") params.delete(GROUP_PARAM);
  else params.set(GROUP_PARAM, group.kind);
  params.delete(GROUP_COUNCILS_PARAM);
  if (group.kind === "custom" && group.custom.length > 0) params.set(GROUP_COUNCILS_PARAM, group.custom.join(","));
}

/** The group's councils other than the council itself, in a stable order (neighbours by DfE's rank). */
export function groupMembers(council: CouncilFact, group: ComparisonGroup): string[] {
  switch (group.kind) {
    case "neighbours":
      return [...council.neighbours];
    case "region":
      return byName(COUNCILS.filter((c) => c.region === council.region && c.laCode !== council.laCode));
    case "type":
      return byName(COUNCILS.filter((c) => c.laType === council.laType && c.laCode !== council.laCode));
    case "custom":
      return group.custom.filter((c) => c !== council.laCode);
  }
}

function byName(councils: readonly CouncilFact[]): string[] {
  return [...councils].sort((a, b) => a.name.localeCompare(b.name)).map((c) => c.laCode);
}

/** "its 10 statistical neighbours", "the other 18 councils in the South East", "the other 20 county councils", "3 chosen councils". */
export function groupInWords(council: CouncilFact, group: ComparisonGroup): string {
  const n = groupMembers(council, group).length;
  switch (group.kind) {
    case "neighbours":
      return `its ${n} statistical neighbours`;
    case "region":
      return `the other ${n} councils in ${council.region}`;
    case "type":
      return `the other ${n} ${typeNoun(council.laType, n)}`;
    case "custom":
      return n === 1 ? "1 chosen council" : `${n} chosen councils`;
  }
}

/** Short names for the group picker. */
export const GROUP_LABELS: Record<GroupKind, string> = {
  neighbours: "Statistical neighbours (DfE)",
  region: "Same region",
  type: "Same council type",
  custom: "Custom list",
};

function typeNoun(type: CouncilFact["laType"], n: number): string {
  const plural = n === 1 ? "" : "s";
  switch (type) {
    case "County":
      return `county council${plural}`;
    case "Unitary Authority":
      return `unitary authorit${n === 1 ? "y" : "ies"}`;
    case "Metropolitan District":
      return `metropolitan district${plural}`;
    case "London Borough":
      return `London borough${plural}`;
  }
}

/** The median of the values given (nulls left out); null for none. */
export function medianOf(values: readonly (number | null)[]): number | null {
  const v = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}
