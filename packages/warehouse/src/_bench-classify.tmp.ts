import { SCHEMA_SQL } from "@lens/core";
import { classifyWarehouse } from "./classify-step.js";
import { openMemoryWarehouse } from "./db.js";
const w = await openMemoryWarehouse();
const c = await w.connect();
await c.run(SCHEMA_SQL);
await c.run(`INSERT INTO contracts (contract_id, source, buyer_name, supplier_name, procurement_method, procurement_method_detail, title, description, cpv, supplier_is_sme, supplier_is_vcse, source_file)
SELECT 'c'||i, 'sample', 'Council '||(i%153), 'Supplier '||(i%5000)||CASE WHEN i%3=0 THEN ' Ltd' WHEN i%3=1 THEN ' Trust' ELSE '' END,
 ['open','selective','direct',NULL][1+(i%4)], ['Open procedure','Call-off from a framework agreement','Single tender action (below threshold)','Other - '][1+(i%4)],
 ['Residential placements','Fostering service','Home to school transport','Short breaks','Youth service'][1+(i%5)] || ' lot ' || (i%50),
 'Description for service ' || (i % 2000), '85311300', i%2=0, NULL, 'bench'
FROM range(1000000) t(i)`);
await c.run(`INSERT INTO spend (la_code, period, year, source, provider_ownership, supplier_name, amount_gbp, source_file)
SELECT NULL, '2020', 2020, 'ledger', ['LTD','CHTY','INDV'][1+(i%3)], 'Payee '||(i%20000), 1, 'x' FROM range(500000) t(i)`);
const orig = c.run.bind(c);
const origR0 = c.runAndReadAll.bind(c);
(c as any).run = async (sql: string, p?: any) => { if (sql.trim().startsWith("UPDATE contracts")) { const rr = await origR0("EXPLAIN ANALYZE " + sql); console.log(rr.getRows().map(r=>r.join("\n")).join("\n")); process.exit(0); } const t0 = Date.now(); const r = await orig(sql, p); const d = Date.now() - t0; if (d > 200) console.log(d, sql.replace(/\s+/g, " ").slice(0, 90)); return r; };
const origR = c.runAndReadAll.bind(c);
(c as any).runAndReadAll = async (sql: string, p?: any) => { const t0 = Date.now(); const r = await origR(sql, p); const d = Date.now() - t0; if (d > 200) console.log(d, "READ", sql.replace(/\s+/g, " ").slice(0, 90)); return r; };
const t = Date.now();
const s = await classifyWarehouse(c);
console.log(Date.now() - t, "ms", JSON.stringify(s));
