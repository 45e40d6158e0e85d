/**
 * Supplier ownership, decided once per supplier and reused on every row of it, in contracts
 * and in spend. A supplier is its normalised name (case, punctuation, spaces, legal suffixes,
 * "t/a" folded by organisationMatchKey), joined with every other name that shares a registry
 * number a source gives. The evidence of all its rows is pooled (any VCSE flag, any
 * registry number, the ledger's usual supplier category), so one supplier cannot be
 * for-profit on one row and unknown on the next. Placeholders ("TBC", "Various …", "Not
 * awarded") are not suppliers: they get no ownership and are flagged.
 *
 * Writes the `suppliers` table (one row per supplier) and returns the decision per name as
 * written, for the contract and spend passes.
 */
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import {
  classifySupplierOwnership,
  isPlaceholderSupplier,
  type OfstedOwnerLookup,
  type OwnershipDecision,
  organisationMatchKey,
} from "@lens/core/classify";

export interface SupplierDecision {
  key: string;
  placeholder: boolean;
  /** null for placeholders. */
  ownership: OwnershipDecision | null;
}

interface NameEvidence {
  name: string;
  rows: number;
  companyNumber: string | null;
  charityNumber: string | null;
  vcseTrue: number;
  vcseFalse: number;
  ledger: string | null;
  transport: boolean;
  /** The name's rows come from a source that records charity numbers. */
  charitySource: boolean;
}

const SUPPLIERS_DDL = `
CREATE OR REPLACE TABLE suppliers (
  supplier_key VARCHAR PRIMARY KEY,
  supplier_name VARCHAR NOT NULL,
  name_variants INTEGER NOT NULL,
  rows INTEGER NOT NULL,
  supplier_is_placeholder BOOLEAN NOT NULL,
  supplier_ownership VARCHAR,
  ownership_rule VARCHAR,
  ownership_reason VARCHAR,
  ownership_conflict VARCHAR
)`;

const str = (v: DuckDBValue | undefined): string | null => (v == null ? null : String(v));
const num = (v: DuckDBValue | undefined): number => Number(v ?? 0);

/** Union-find over supplier keys: names sharing a registry number are one supplier. */
class Keys {
  private readonly parent = new Map<string, string>();
  find(k: string): string {
    let p = this.parent.get(k) ?? k;
    while (p !== (this.parent.get(p) ?? p)) p = this.parent.get(p) ?? p;
    this.parent.set(k, p);
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller key is the root, so the result does not depend on the order names arrive in.
    if (ra < rb) this.parent.set(rb, ra);
    else if (rb < ra) this.parent.set(ra, rb);
  }
}

export async function decideSupplierOwnership(
  connection: DuckDBConnection,
  ofstedOwners: OfstedOwnerLookup,
): Promise<Map<string, SupplierDecision>> {
  // Evidence per supplier name as written; spend's ledger category is evidence only on
  // payments to a named supplier (an 'own' line is the council itself).
  const reader = await connection.runAndReadAll(`
    WITH charity_sources AS (
      -- Sources that record charity numbers at all: there, a company number without one is a company.
      SELECT DISTINCT source FROM contracts WHERE supplier_charity_number IS NOT NULL
      UNION SELECT DISTINCT source FROM spend WHERE supplier_charity_number IS NOT NULL
    )
    SELECT supplier_name, sum(n)::BIGINT, max(company), max(charity), sum(vt)::BIGINT, sum(vf)::BIGINT,
           arg_max(ledger, ln) FILTER (WHERE ledger IS NOT NULL), bool_or(transport), bool_or(charity_source)
    FROM (
      SELECT supplier_name, count(*) AS n, max(supplier_company_number) AS company, max(supplier_charity_number) AS charity,
             count(*) FILTER (WHERE supplier_is_vcse) AS vt, count(*) FILTER (WHERE NOT supplier_is_vcse) AS vf,
             NULL::VARCHAR AS ledger, 0 AS ln,
             bool_or(source_category ILIKE 'passenger transport%'
                     OR regexp_matches(lower(coalesce(title, '')), '\\btaxis?\\b|\\btransport\\b|\\broutes?\\b')) AS transport,
             bool_or(source IN (SELECT source FROM charity_sources)) AS charity_source
      FROM contracts WHERE supplier_name IS NOT NULL GROUP BY supplier_name
      UNION ALL
      -- Ledgers that give registry numbers (Wakefield) pass them on like a register's.
      SELECT supplier_name, count(*), max(supplier_company_number), max(supplier_charity_number), 0, 0,
             coalesce(supplier_category, provider_ownership), count(*), false,
             bool_or(source IN (SELECT source FROM charity_sources))
      FROM spend WHERE supplier_name IS NOT NULL AND coalesce(provider_ownership, '') <> 'own'
      GROUP BY supplier_name, coalesce(supplier_category, provider_ownership)
    ) GROUP BY supplier_name`);
  const names: NameEvidence[] = reader.getRows().map((r) => ({
    name: String(r[0]),
    rows: num(r[1]),
    companyNumber: str(r[2]),
    charityNumber: str(r[3]),
    vcseTrue: num(r[4]),
    vcseFalse: num(r[5]),
    ledger: str(r[6]),
    transport: r[7] === true,
    charitySource: r[8] === true,
  }));

  const keys = new Keys();
  const nameKey = new Map<string, string>();
  const byNumber = new Map<string, string>();
  for (const e of names) {
    if (isPlaceholderSupplier(e.name)) continue;
    const k = `name:${organisationMatchKey(e.name) || e.name.trim().toLowerCase()}`;
    nameKey.set(e.name, k);
    for (const [kind, value] of [
      ["co", e.companyNumber],
      ["charity", e.charityNumber],
    ] as const) {
      const id = value?.trim().toUpperCase().replace(/\s+/g, "").replace(/^0+/, "");
      if (!id) continue;
      const seen = byNumber.get(`${kind}:${id}`);
      if (seen) keys.union(seen, k);
      else byNumber.set(`${kind}:${id}`, k);
    }
  }

  // Pool the evidence of every name of one supplier.
  const pooled = new Map<string, NameEvidence[]>();
  for (const e of names) {
    const k = nameKey.get(e.name);
    if (!k) continue;
    const root = keys.find(k);
    const list = pooled.get(root) ?? [];
    list.push(e);
    pooled.set(root, list);
  }

  const out = new Map<string, SupplierDecision>();
  const table: Array<[string, string, number, number, boolean, OwnershipDecision | null]> = [];
  for (const [key, list] of pooled) {
    list.sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name));
    const main = list[0] as NameEvidence;
    const vcseTrue = list.reduce((n, e) => n + e.vcseTrue, 0);
    const vcseFalse = list.reduce((n, e) => n + e.vcseFalse, 0);
    const ledger = list.find((e) => e.ledger)?.ledger ?? null;
    const decision = classifySupplierOwnership({
      supplierName: main.name,
      isVcse: vcseTrue > 0 ? true : vcseFalse > 0 ? false : null,
      ledgerCategory: ledger,
      ofstedOwners,
      companyNumber: list.find((e) => e.companyNumber)?.companyNumber ?? null,
      charityNumber: list.find((e) => e.charityNumber)?.charityNumber ?? null,
      transportOperator: list.some((e) => e.transport),
      // A company number says "company" only where the same source would have given a charity number.
      companyNumberIsTelling: list.some((e) => e.companyNumber && e.charitySource),
    });
    const flagsDisagree =
      vcseTrue > 0 && vcseFalse > 0 ? `its rows disagree on the VCSE flag (${vcseTrue} yes, ${vcseFalse} no)` : null;
    const conflict = [decision.conflict, flagsDisagree].filter(Boolean).join("; ") || null;
    const final = { ...decision, conflict };
    for (const e of list) out.set(e.name, { key, placeholder: false, ownership: final });
    table.push([key, main.name, list.length, list.reduce((n, e) => n + e.rows, 0), false, final]);
  }
  const placeholders = new Map<string, { name: string; variants: number; rows: number }>();
  for (const e of names) {
    if (!isPlaceholderSupplier(e.name)) continue;
    const key = `placeholder:${e.name.trim().toLowerCase()}`;
    out.set(e.name, { key, placeholder: true, ownership: null });
    const p = placeholders.get(key) ?? { name: e.name, variants: 0, rows: 0 };
    p.variants += 1;
    p.rows += e.rows;
    placeholders.set(key, p);
  }
  for (const [key, p] of placeholders) table.push([key, p.name, p.variants, p.rows, true, null]);

  await connection.run(SUPPLIERS_DDL);
  const appender = await connection.createAppender("suppliers");
  for (const [key, name, variants, rows, placeholder, d] of table.sort((a, b) => a[0].localeCompare(b[0]))) {
    appender.appendVarchar(key);
    appender.appendVarchar(name);
    appender.appendInteger(variants);
    appender.appendInteger(rows);
    appender.appendBoolean(placeholder);
    for (const v of [d?.ownership ?? null, d?.rule ?? null, d?.reason ?? null, d?.conflict ?? null]) {
      if (v == null) appender.appendNull();
      else appender.appendVarchar(v);
    }
    appender.endRow();
  }
  appender.closeSync();
  return out;
}
