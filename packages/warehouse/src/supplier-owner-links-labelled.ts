/**
 * The labelled sample of suppliers (supplier-owner-links-labelled.json) scored against the
 * `supplier_owner_links` table of a build. A reader labelled each supplier name, from the name
 * and Ofsted's owner list and before the matcher's answer was seen, as linked to named Ofsted
 * owners (given as name prefixes), not linked, or undecidable.
 *
 * A link the matcher makes is right when every Ofsted owner it links starts with one of the
 * reader's prefixes (after normaliseOrganisationName); a link to any other owner, or to a
 * supplier the reader says is no owner, is wrong. Precision = right links ÷ links made on
 * decidable labels; recall = right links ÷ suppliers the reader links.
 */
import { readFileSync } from "node:fs";
import type { DuckDBConnection } from "@duckdb/node-api";
import { normaliseOrganisationName } from "@lens/core/classify";
import { queryRows } from "./db.js";

export interface SupplierLabel {
  name: string;
  stratum: string;
  /** null: a careful reader cannot tell. */
  linked: boolean | null;
  owners: string[];
  reason: string;
}

export interface SupplierLabelSet {
  seed: number;
  placementSeed: number;
  strata: { stratum: string; population: number; drawn: number }[];
  labels: SupplierLabel[];
}

export interface LabelOutcome {
  label: SupplierLabel;
  confidence: string | null;
  linkedOwners: string[];
  verdict: "right link" | "wrong link" | "missed" | "right none" | "undecidable";
}

export interface LinkageScore {
  labels: number;
  decidable: number;
  links: number;
  rightLinks: number;
  readerLinks: number;
  precision: number;
  recall: number;
  outcomes: LabelOutcome[];
}

export const LABELS_FILE = new URL("./supplier-owner-links-labelled.json", import.meta.url);

export function loadSupplierLabels(): SupplierLabelSet {
  const parsed = JSON.parse(readFileSync(LABELS_FILE, "utf8")) as SupplierLabelSet;
  for (const l of parsed.labels) {
    if (typeof l.name !== "string" || !(l.linked === null || typeof l.linked === "boolean"))
      throw new Error(`label ${JSON.stringify(l.name)}: needs a name and linked true, false or null`);
    if (l.linked === true && l.owners.length === 0)
      throw new Error(`label ${JSON.stringify(l.name)}: linked but no owners`);
  }
  return parsed;
}

/** Scores labels against supplier_owner_links; a label whose name is not in the table is an error naming it. */
export async function scoreSupplierLabels(
  connection: DuckDBConnection,
  labels: readonly SupplierLabel[],
): Promise<LinkageScore> {
  const rows = await queryRows<{ supplier_name: string; confidence: string; owner_name: string | null }>(
    connection,
    "SELECT supplier_name, confidence, owner_name FROM supplier_owner_links",
  );
  const byName = new Map<string, { confidence: string; owners: string[] }>();
  for (const r of rows) {
    const e = byName.get(r.supplier_name) ?? { confidence: r.confidence, owners: [] };
    if (r.owner_name) e.owners.push(r.owner_name);
    byName.set(r.supplier_name, e);
  }
  const outcomes: LabelOutcome[] = labels.map((label) => {
    const link = byName.get(label.name);
    if (!link) throw new Error(`labelled supplier ${JSON.stringify(label.name)} is not in supplier_owner_links`);
    const prefixes = label.owners.map((p) => normaliseOrganisationName(p));
    const accepted = (owner: string): boolean => prefixes.some((p) => normaliseOrganisationName(owner).startsWith(p));
    const made = link.owners.length > 0;
    const verdict: LabelOutcome["verdict"] =
      label.linked === null
        ? "undecidable"
        : made
          ? label.linked && link.owners.every(accepted)
            ? "right link"
            : "wrong link"
          : label.linked
            ? "missed"
            : "right none";
    return { label, confidence: link.confidence, linkedOwners: link.owners, verdict };
  });
  const decidable = outcomes.filter((o) => o.verdict !== "undecidable");
  const links = decidable.filter((o) => o.verdict === "right link" || o.verdict === "wrong link").length;
  const rightLinks = decidable.filter((o) => o.verdict === "right link").length;
  const readerLinks = decidable.filter((o) => o.label.linked).length;
  return {
    labels: labels.length,
    decidable: decidable.length,
    links,
    rightLinks,
    readerLinks,
    precision: links === 0 ? Number.NaN : rightLinks / links,
    recall: readerLinks === 0 ? Number.NaN : rightLinks / readerLinks,
    outcomes,
  };
}

const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;

export function formatLinkageScore(score: LinkageScore): string {
  const lines = [
    `labelled suppliers ${score.labels} (decidable ${score.decidable}); links made ${score.links}, right ${score.rightLinks}; reader's links ${score.readerLinks}`,
    `precision ${pct(score.precision)} (${score.rightLinks}/${score.links}), recall ${pct(score.recall)} (${score.rightLinks}/${score.readerLinks})`,
  ];
  for (const o of score.outcomes.filter((x) => x.verdict === "wrong link" || x.verdict === "missed"))
    lines.push(
      `  ${o.verdict}: ${JSON.stringify(o.label.name)} → ${o.linkedOwners.slice(0, 3).join(" | ") || "none"} (reader: ${o.label.reason})`,
    );
  return lines.join("\n");
}
