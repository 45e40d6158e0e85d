import { SCHEMA_SQL } from "@lens/core";
import { openMemoryWarehouse } from "./db.js";
const w = await openMemoryWarehouse();
const c = await w.connect();
await c.run(SCHEMA_SQL);
await c.run(`INSERT INTO contracts (contract_id, source, buyer_name, supplier_name, title, description, cpv, source_file)
SELECT 'c'||i, 'sample', 'Council '||(i%153), 'Supplier '||(i%5000), 'T'||(i%50), 'D' || (i % 2000), '85311300', 'bench' FROM range(1000000) t(i)`);
async function time(label: string, sql: string) { const t = Date.now(); await c.run(sql); console.log(label, Date.now() - t); }
await time("rows", `CREATE TEMP TABLE r AS SELECT rowid AS rid, dense_rank() OVER (ORDER BY supplier_name) AS eid FROM contracts`);
await time("res", `CREATE TEMP TABLE res AS SELECT DISTINCT eid, 'x'||eid AS v FROM r`);
await time("update-rowid", `UPDATE contracts SET model_reason = x.v FROM (SELECT r.rid, res.v FROM r JOIN res USING (eid)) x WHERE contracts.rowid = x.rid`);
await time("update-pk", `UPDATE contracts SET model_rule = x.v FROM (SELECT c.contract_id, res.v FROM contracts c JOIN r ON r.rid = c.rowid JOIN res USING (eid)) x WHERE contracts.contract_id = x.contract_id`);
await time("update-col", `UPDATE contracts SET model_rule = x.v FROM (SELECT DISTINCT c.supplier_name, 'y' || res.v AS v FROM contracts c JOIN r ON r.rid = c.rowid JOIN res USING (eid)) x WHERE contracts.supplier_name = x.supplier_name`);
await time("res2", `CREATE TEMP TABLE res2 AS SELECT DISTINCT eid, 'open' AS p, 'for-profit' AS o, 'supplier long reason text ' || eid AS orr, 'market-led' AS m, 'model reason long text ' || eid AS mr, 'M1' AS ru FROM r`);
await time("update-7", `UPDATE contracts SET procedure_type = x.p, supplier_ownership = x.o, ownership_reason = x.orr, commissioning_model = x.m, model_reason = x.mr, model_rule = x.ru FROM (SELECT r.rid, res2.* FROM r JOIN res2 USING (eid)) x WHERE contracts.rowid = x.rid`);
await time("update-7-again", `UPDATE contracts SET procedure_type = x.p, supplier_ownership = x.o, ownership_reason = x.orr, commissioning_model = x.m, model_reason = x.mr, model_rule = x.ru, service = coalesce(contracts.service, 'x') FROM (SELECT r.rid, res2.* FROM r JOIN res2 USING (eid)) x WHERE contracts.rowid = x.rid`);
