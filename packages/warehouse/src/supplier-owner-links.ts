/**
 * Build step: links every supplier named on a contract or a payment to the Ofsted owners it is
 * (table `supplier_owner_links`), with the pure matcher in supplier-owner-links-match.ts.
 *
 * One row per supplier name as written × Ofsted owner name as written, so the table joins
 * straight to `contracts.supplier_name`, `spend.supplier_name` and
 * `provider_snapshots.owner_name` without re-normalising in SQL. A supplier with no owner keeps
 * one row with NULL owner and confidence `none`; a placeholder ("TBC", "Various") keeps one
 * with confidence `none` and says so. Nothing is dropped: every distinct supplier name of
 * both tables has at least one row.
 *
 * Also writes `owner_groups`: every Ofsted owner spelling with its key and its group (a stem
 * group that a supplier's name confirmed, else the key), for chain sizes.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { isPlaceholderSupplier } from "@lens/core/classify";
import { SUPPLIER_OWNER_LINKS_SQL } from "@lens/core/schema";
import { queryRows } from "./db.js";
import { buildOwnerIndex, type LinkConfidence, matchSupplier } from "./supplier-owner-links-match.js";

export interface LinkSummary {
  /** Distinct supplier names (placeholders included). */
  suppliers: number;
  /** Supplier names linked to at least one owner, by confidence. */
  byConfidence: Record<LinkConfidence, number>;
  /** Ofsted owner spellings read. */
  ownerNames: number;
}

interface SupplierRow {
  supplier_name: string;
  company: string | null;
  charity: string | null;
}

export async function linkSuppliersToOwners(connection: DuckDBConnection): Promise<LinkSummary> {
  // Weight = homes (URNs) behind the spelling, so the spelling shown first is the usual one.
  const owners = await queryRows<{ owner_name: string; weight: number }>(
    connection,
    `SELECT owner_name, count(DISTINCT urn)::INTEGER AS weight FROM provider_snapshots
     WHERE nullif(trim(owner_name), '') IS NOT NULL GROUP BY owner_name`,
  );
  const index = buildOwnerIndex(owners.map((o) => ({ name: o.owner_name, weight: Number(o.weight) })));
  const suppliers = await queryRows<SupplierRow>(
    connection,
    `SELECT supplier_name, max(company) AS company, max(charity) AS charity FROM (
       SELECT supplier_name, supplier_company_number AS company, supplier_charity_number AS charity FROM contracts
       WHERE supplier_name IS NOT NULL
       UNION ALL
       SELECT supplier_name, supplier_company_number, supplier_charity_number FROM spend WHERE supplier_name IS NOT NULL
     ) GROUP BY supplier_name ORDER BY supplier_name`,
  );

  const byConfidence = Object.fromEntries(
    (["company-number", "exact-normalised", "trading-name", "stem-group", "none"] as const).map((c) => [c, 0]),
  ) as Record<LinkConfidence, number>;
  await connection.run(SUPPLIER_OWNER_LINKS_SQL);
  const usedStems = new Set<string>();
  const appender = await connection.createAppender("supplier_owner_links");
  const put = (placeholder: boolean, values: readonly (string | null)[]): void => {
    const [name, company, charity, ...rest] = values;
    for (const v of [name, company, charity]) {
      if (v == null) appender.appendNull();
      else appender.appendVarchar(v);
    }
    appender.appendBoolean(placeholder);
    for (const v of rest) {
      if (v == null) appender.appendNull();
      else appender.appendVarchar(v);
    }
    appender.endRow();
  };
  for (const s of suppliers) {
    const head = [s.supplier_name, s.company, s.charity] as const;
    if (isPlaceholderSupplier(s.supplier_name)) {
      byConfidence.none += 1;
      put(true, [...head, "none", null, null, null, "a placeholder, not a supplier"]);
      continue;
    }
    const link = matchSupplier({ name: s.supplier_name, companyNumber: s.company, charityNumber: s.charity }, index);
    byConfidence[link.confidence] += 1;
    if (link.confidence === "stem-group" && link.group) usedStems.add(link.group);
    if (link.owners.length === 0) {
      put(false, [...head, link.confidence, null, null, null, link.reason]);
      continue;
    }
    for (const owner of link.owners)
      for (const name of owner.names) put(false, [...head, link.confidence, name, owner.key, link.group, link.reason]);
  }
  appender.closeSync();

  // Owner groups for market structure: a stem group counts as one chain only where a supplier
  // named itself that group (a shared first word alone does not make one); otherwise the owner's
  // spellings folded to one key.
  const groups = await connection.createAppender("owner_groups");
  for (const entry of index.byKey.values()) {
    const group = entry.stem && usedStems.has(entry.stem) ? entry.stem : entry.key;
    for (const name of entry.names) {
      groups.appendVarchar(name);
      groups.appendVarchar(entry.key);
      groups.appendVarchar(group);
      groups.endRow();
    }
  }
  groups.closeSync();
  return { suppliers: suppliers.length, byConfidence, ownerNames: owners.length };
}

export interface LinkRate {
  table: "contracts" | "spend";
  source: string;
  /** Distinct supplier names on the source's rows (placeholders left out) and how many are linked. */
  suppliers: number;
  linkedSuppliers: number;
  /** Rows naming a real supplier and how many of them name a linked one. */
  rows: number;
  linkedRows: number;
}

/**
 * The match rate by source, over supplier names and over rows. Placeholders are not suppliers
 * and are left out of both counts (a placeholder row is neither matched nor unmatched).
 */
export async function linkRatesBySource(connection: DuckDBConnection): Promise<LinkRate[]> {
  const rows = await queryRows<{
    tbl: "contracts" | "spend";
    source: string;
    suppliers: number;
    linked_suppliers: number;
    rows: number;
    linked_rows: number;
  }>(
    connection,
    `WITH l AS (
       SELECT supplier_name, bool_or(owner_name IS NOT NULL) AS linked, NOT bool_or(supplier_is_placeholder) AS real
       FROM supplier_owner_links GROUP BY supplier_name
     ), r AS (
       SELECT 'contracts' AS tbl, source, supplier_name FROM contracts WHERE supplier_name IS NOT NULL
       UNION ALL SELECT 'spend', source, supplier_name FROM spend WHERE supplier_name IS NOT NULL
     )
     SELECT tbl, source, count(DISTINCT r.supplier_name)::INTEGER AS suppliers,
            count(DISTINCT r.supplier_name) FILTER (WHERE l.linked)::INTEGER AS linked_suppliers,
            count(*)::INTEGER AS rows, count(*) FILTER (WHERE l.linked)::INTEGER AS linked_rows
     FROM r JOIN l USING (supplier_name) WHERE l.real
     GROUP BY tbl, source ORDER BY tbl, source`,
  );
  return rows.map((r) => ({
    table: r.tbl,
    source: r.source,
    suppliers: Number(r.suppliers),
    linkedSuppliers: Number(r.linked_suppliers),
    rows: Number(r.rows),
    linkedRows: Number(r.linked_rows),
  }));
}
