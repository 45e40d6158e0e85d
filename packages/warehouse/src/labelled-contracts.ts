/**
 * The labelled set (labelled-contracts.json) and its scoring against a built warehouse: how
 * often the rules put a contract in or out of children's-services scope, give it the right
 * service and decide its supplier's ownership the way a careful reader does. The labels are
 * the reader's, decided from each row's evidence and not from the classifier's answer, so a
 * score here measures the rules rather than restating them. Definitions and the sampling
 * method are in the JSON's header and in docs/methods.md.
 */
import { readFileSync } from "node:fs";
import type { DuckDBConnection } from "@duckdb/node-api";
import { SERVICES, type Service } from "@lens/core";
import { queryRows } from "./db.js";

/** What a reader says the supplier is; 'placeholder' and 'none' mean there is no real supplier to judge. */
export const LABEL_OWNERSHIPS = ["for-profit", "not-for-profit", "public", "placeholder", "none", "unknown"] as const;
export type LabelOwnership = (typeof LABEL_OWNERSHIPS)[number];

export interface ContractLabel {
  contractId: string;
  source: string;
  sourceFile: string;
  stratum: string;
  inScope: boolean;
  /** null exactly when the row is out of scope. */
  service: Service | null;
  ownership: LabelOwnership;
  /** The supplier is the buying council or a company it owns (a classifier may say 'in-house'). */
  inHouse?: boolean;
  scopeReason: string;
  ownershipReason: string;
}

export interface Stratum {
  source: string;
  stratum: string;
  sourceFile: string | null;
  population: number;
  drawn: number;
}

/**
 * Strata named `holdout:…`, `holdout-2:…` were drawn later, each from a build whose rules had
 * already been revised against the labels before it: a round's labels test the rules of its
 * build out of sample. They are scored with the rest but kept out of the population-weighted
 * estimate, which belongs to the first design.
 */
const HOLDOUT = /^(holdout(?:-\d+)?):/;
export const isHoldout = (label: Pick<ContractLabel, "stratum">): boolean => HOLDOUT.test(label.stratum);
/** The held-out round a label belongs to ('holdout', 'holdout-2', …), or null for the first design. */
export const holdoutRound = (label: Pick<ContractLabel, "stratum">): string | null =>
  HOLDOUT.exec(label.stratum)?.[1] ?? null;

export interface LabelledSet {
  seed: number;
  strata: Stratum[];
  labels: ContractLabel[];
}

/** Checks the file's shape, so a hand edit that breaks a label fails with the label named. */
export function parseLabelledSet(json: unknown): LabelledSet {
  const set = json as LabelledSet;
  if (!set || !Array.isArray(set.labels) || !Array.isArray(set.strata) || typeof set.seed !== "number")
    throw new Error("labelled set: expected { seed, strata[], labels[] }");
  const seen = new Set<string>();
  for (const l of set.labels) {
    const where = `labelled set: ${l?.contractId ?? "(no id)"}`;
    if (typeof l.contractId !== "string" || typeof l.source !== "string" || typeof l.sourceFile !== "string")
      throw new Error(`${where}: contractId, source and sourceFile must be strings`);
    if (seen.has(l.contractId)) throw new Error(`${where}: labelled twice`);
    seen.add(l.contractId);
    if (typeof l.inScope !== "boolean") throw new Error(`${where}: inScope must be true or false`);
    if (l.inScope !== (l.service !== null)) throw new Error(`${where}: service must be set exactly when in scope`);
    if (l.service !== null && !(SERVICES as readonly string[]).includes(l.service))
      throw new Error(`${where}: unknown service '${l.service}'`);
    if (!(LABEL_OWNERSHIPS as readonly string[]).includes(l.ownership))
      throw new Error(`${where}: unknown ownership '${l.ownership}'`);
    if (!l.scopeReason?.trim() || !l.ownershipReason?.trim()) throw new Error(`${where}: both reasons are required`);
  }
  return set;
}

export function loadLabelledSet(): LabelledSet {
  return parseLabelledSet(JSON.parse(readFileSync(new URL("./labelled-contracts.json", import.meta.url), "utf8")));
}

/** The warehouse's view of one labelled row. */
interface WarehouseRow {
  contract_id: string;
  source: string;
  source_file: string;
  in_scope: boolean | null;
  service: string | null;
  supplier_name: string | null;
  supplier_ownership: string | null;
  ownership_reason: string | null;
  service_reason: string | null;
  title: string | null;
}

/** Decided classes the warehouse can claim; anything else (NULL, unknown, placeholder) is not a claim about a supplier. */
const DECIDED = new Set(["for-profit", "not-for-profit", "public"]);

/** The warehouse's ownership in the label's terms: council-owned ('in-house') is a kind of public. */
function predictedOwnership(value: string | null): string {
  if (value === null) return "unknown";
  if (value === "in-house") return "public";
  return value;
}

export type MismatchKind = "scope-missed" | "scope-extra" | "service" | "ownership-wrong" | "ownership-unknown";

export interface Mismatch {
  kind: MismatchKind;
  contractId: string;
  source: string;
  label: string;
  warehouse: string;
  /** The reader's reason, then the rule's. */
  labelReason: string;
  ruleReason: string | null;
  title: string | null;
  supplier: string | null;
}

export interface Ratio {
  numerator: number;
  denominator: number;
  /** NaN when the denominator is 0. */
  value: number;
}

export interface LabelledScores {
  labels: number;
  perSource: Record<string, { labels: number; inScope: number }>;
  scopePrecision: Ratio;
  scopeRecall: Ratio;
  /** Precision and recall with each label weighted by its stratum's population / drawn (an estimate for all rows). */
  weightedScopePrecision: number;
  weightedScopeRecall: number;
  /** On labelled in-scope rows. */
  serviceAccuracy: Ratio;
  /** On labelled in-scope rows whose supplier a reader could judge (label not 'unknown'). */
  ownershipAccuracy: Ratio;
  /** Decided (for-profit / not-for-profit / public) but not the reader's answer, over labelled in-scope rows. */
  ownershipWrong: Ratio;
  /** Left unknown although the row names a real supplier, over labelled in-scope rows. */
  ownershipUnknown: Ratio;
  /** Ownership accuracy over every labelled row, in scope or not (for information). */
  ownershipAccuracyAll: Ratio;
}

export interface LabelledResult {
  /** Labels whose id is not a row of that source and file in the warehouse. */
  missing: { contractId: string; problem: string }[];
  scores: LabelledScores;
  mismatches: Mismatch[];
}

const ratio = (numerator: number, denominator: number): Ratio => ({
  numerator,
  denominator,
  value: denominator === 0 ? Number.NaN : numerator / denominator,
});

async function readRows(connection: DuckDBConnection, ids: readonly string[]): Promise<Map<string, WarehouseRow>> {
  // service_reason is new with the evidence-ordered service rules; older builds lack it.
  const hasServiceReason =
    (
      await queryRows<{ n: number }>(
        connection,
        "SELECT count(*)::INTEGER AS n FROM information_schema.columns WHERE table_name = 'contracts' AND column_name = 'service_reason'",
      )
    )[0]?.n === 1;
  // The whole table is ~12k rows: reading it beats binding a long id list, and works read-only.
  const rows = await queryRows<WarehouseRow>(
    connection,
    `SELECT c.contract_id, c.source, c.source_file, c.in_scope, c.service, c.supplier_name, c.supplier_ownership,
            c.ownership_reason, ${hasServiceReason ? "c.service_reason" : "NULL::VARCHAR AS service_reason"}, c.title
     FROM contracts c`,
  );
  const wanted = new Set(ids);
  return new Map(rows.filter((r) => wanted.has(r.contract_id)).map((r) => [r.contract_id, r]));
}

/** Joins the labels to the warehouse's rows and scores the rules; pure apart from the read. */
export async function scoreLabelledSet(connection: DuckDBConnection, set: LabelledSet): Promise<LabelledResult> {
  const rows = await readRows(
    connection,
    set.labels.map((l) => l.contractId),
  );
  const missing: LabelledResult["missing"] = [];
  const mismatches: Mismatch[] = [];
  const perSource: LabelledScores["perSource"] = {};
  const weightOf = new Map<string, number>();
  for (const s of set.strata) {
    const key = `${s.source}|${s.stratum}|${s.sourceFile ?? ""}`;
    weightOf.set(key, (weightOf.get(key) ?? 0) + (s.drawn > 0 ? s.population / s.drawn : 0));
  }
  const weight = (l: ContractLabel) =>
    weightOf.get(`${l.source}|${l.stratum}|${l.sourceFile}`) ?? weightOf.get(`${l.source}|${l.stratum}|`) ?? 1;

  let tp = 0;
  let fp = 0;
  let fn = 0;
  let wTp = 0;
  let wFp = 0;
  let wFn = 0;
  let inScope = 0;
  let serviceRight = 0;
  let judged = 0;
  let ownershipRight = 0;
  let wrong = 0;
  let unknown = 0;
  let judgedAll = 0;
  let ownershipRightAll = 0;

  for (const l of set.labels) {
    const entry = perSource[l.source] ?? { labels: 0, inScope: 0 };
    entry.labels++;
    if (l.inScope) entry.inScope++;
    perSource[l.source] = entry;
    const row = rows.get(l.contractId);
    if (!row) {
      missing.push({ contractId: l.contractId, problem: "no contracts row with this contract_id" });
      continue;
    }
    if (row.source !== l.source || row.source_file !== l.sourceFile) {
      missing.push({
        contractId: l.contractId,
        problem: `row is now ${row.source} / ${row.source_file}, labelled as ${l.source} / ${l.sourceFile}`,
      });
      continue;
    }
    const mismatch = (
      kind: MismatchKind,
      label: string,
      warehouse: string,
      labelReason: string,
      ruleReason: string | null,
    ) =>
      mismatches.push({
        kind,
        contractId: l.contractId,
        source: l.source,
        label,
        warehouse,
        labelReason,
        ruleReason,
        title: row.title,
        supplier: row.supplier_name,
      });

    const predictedIn = row.in_scope === true;
    const w = isHoldout(l) ? 0 : weight(l);
    if (l.inScope && predictedIn) {
      tp++;
      wTp += w;
    } else if (!l.inScope && predictedIn) {
      fp++;
      wFp += w;
      mismatch("scope-extra", "out of scope", "in scope", l.scopeReason, null);
    } else if (l.inScope && !predictedIn) {
      fn++;
      wFn += w;
      mismatch("scope-missed", "in scope", "out of scope", l.scopeReason, null);
    }

    const predicted = predictedOwnership(row.supplier_ownership);
    const noSupplier = l.ownership === "placeholder" || l.ownership === "none";
    // A placeholder or an unawarded notice is judged right when the rules claim no owner for it.
    const right = noSupplier ? !DECIDED.has(predicted) : predicted === l.ownership;
    if (l.ownership !== "unknown") {
      judgedAll++;
      if (right) ownershipRightAll++;
    }

    if (!l.inScope) continue;
    inScope++;
    if (row.service === l.service) serviceRight++;
    else mismatch("service", l.service ?? "", row.service ?? "NULL", l.scopeReason, row.service_reason);

    if (l.ownership !== "unknown") {
      judged++;
      if (right) ownershipRight++;
    }
    if (DECIDED.has(predicted) && l.ownership !== "unknown" && !right) {
      wrong++;
      mismatch("ownership-wrong", l.ownership, predicted, l.ownershipReason, row.ownership_reason);
    } else if (!noSupplier && !DECIDED.has(predicted)) {
      unknown++;
      mismatch("ownership-unknown", l.ownership, predicted, l.ownershipReason, row.ownership_reason);
    }
  }

  const wp = wTp + wFp === 0 ? Number.NaN : wTp / (wTp + wFp);
  const wr = wTp + wFn === 0 ? Number.NaN : wTp / (wTp + wFn);
  return {
    missing,
    mismatches,
    scores: {
      labels: set.labels.length,
      perSource,
      scopePrecision: ratio(tp, tp + fp),
      scopeRecall: ratio(tp, tp + fn),
      weightedScopePrecision: wp,
      weightedScopeRecall: wr,
      serviceAccuracy: ratio(serviceRight, inScope),
      ownershipAccuracy: ratio(ownershipRight, judged),
      ownershipWrong: ratio(wrong, inScope),
      ownershipUnknown: ratio(unknown, inScope),
      ownershipAccuracyAll: ratio(ownershipRightAll, judgedAll),
    },
  };
}

/** The issue's targets for the rules on this set. */
export const TARGETS = {
  scopePrecision: { atLeast: 0.97 },
  scopeRecall: { atLeast: 0.95 },
  serviceAccuracy: { atLeast: 0.95 },
  ownershipWrong: { atMost: 0.02 },
  ownershipUnknown: { atMost: 0.1 },
} as const;

const pct = (v: number) => (Number.isNaN(v) ? "n/a" : `${(v * 100).toFixed(1)}%`);
const frac = (r: Ratio) => `${pct(r.value)} (${r.numerator}/${r.denominator})`;

/** A small table of the scores against the targets, for the test log and the CLI. */
export function formatScores(s: LabelledScores): string {
  const target = (key: keyof typeof TARGETS) => {
    const t = TARGETS[key];
    return "atLeast" in t ? `≥ ${pct(t.atLeast)}` : `≤ ${pct(t.atMost)}`;
  };
  const lines: [string, string, string][] = [
    ["scope precision", frac(s.scopePrecision), target("scopePrecision")],
    ["scope recall", frac(s.scopeRecall), target("scopeRecall")],
    ["service accuracy (in scope)", frac(s.serviceAccuracy), target("serviceAccuracy")],
    ["ownership accuracy (in scope)", frac(s.ownershipAccuracy), ""],
    ["ownership wrong (in scope)", frac(s.ownershipWrong), target("ownershipWrong")],
    ["ownership unknown (in scope)", frac(s.ownershipUnknown), target("ownershipUnknown")],
    ["ownership accuracy (all rows)", frac(s.ownershipAccuracyAll), ""],
    ["scope precision, weighted", pct(s.weightedScopePrecision), ""],
    ["scope recall, weighted", pct(s.weightedScopeRecall), ""],
  ];
  const w0 = Math.max(...lines.map((l) => l[0].length));
  const w1 = Math.max(...lines.map((l) => l[1].length));
  const sources = Object.entries(s.perSource)
    .sort((a, b) => b[1].labels - a[1].labels)
    .map(([name, n]) => `${name} ${n.labels} (${n.inScope} in scope)`)
    .join(", ");
  return [
    `Labelled set: ${s.labels} contracts — ${sources}`,
    ...lines.map(([a, b, c]) => `  ${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`.trimEnd()),
  ].join("\n");
}

/** One line per mismatch, grouped by kind, for rule authors. */
export function formatMismatches(mismatches: readonly Mismatch[]): string {
  const kinds: MismatchKind[] = ["scope-missed", "scope-extra", "service", "ownership-wrong", "ownership-unknown"];
  const out: string[] = [];
  for (const kind of kinds) {
    const group = mismatches.filter((m) => m.kind === kind);
    if (group.length === 0) continue;
    const bySource = new Map<string, number>();
    for (const m of group) bySource.set(m.source, (bySource.get(m.source) ?? 0) + 1);
    const split = [...bySource].map(([source, n]) => `${source} ${n}`).join(", ");
    out.push(`\n${kind} (${group.length}: ${split})`);
    for (const m of group) {
      const what = [m.title, m.supplier && `supplier '${m.supplier}'`].filter(Boolean).join(" — ");
      out.push(`  ${m.contractId}  [${m.source}]  ${what}`);
      out.push(`    label ${m.label}: ${m.labelReason}`);
      out.push(`    rules ${m.warehouse}${m.ruleReason ? `: ${m.ruleReason}` : ""}`);
    }
  }
  return out.join("\n");
}
