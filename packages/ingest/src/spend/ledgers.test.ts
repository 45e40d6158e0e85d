import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { queryRows } from "../query.js";
import { runIngesters } from "../testing/build-fixture.js";
import { sharedDataDir } from "../testing/shared-data.js";
import { derivedClaSpendIngester } from "./derived-cla-spend.js";
import { devonGrantsIngester, monthFirstShapes, parseAwardMonth } from "./devon-grants.js";
import { devonSpendIngester } from "./devon-spend.js";

const shared = sharedDataDir();
const tmpDirs: string[] = [];
afterAll(async () => {
  for (const d of tmpDirs) await rm(d, { recursive: true, force: true });
});
async function fixture(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "lens-ledger-"));
  tmpDirs.push(dir);
  for (const [name, body] of Object.entries(files)) await writeFile(join(dir, name), body);
  return dir;
}

const LEDGER_HEADER =
  "Body,Name of Body,Date,Transaction Number,Invoice Number,Amount,Supplier Name,Supplier ID,VAT Reg No,Expense Area,Expense Type,Expense Code,Creditor Type,Costcuk,source_file";

describe.skipIf(!shared)("spend ledgers and panels on the real files", () => {
  it("Devon spend over £500: every payment, £1.25bn, months and financial years", async () => {
    const run = await runIngesters(join(shared!, "procurement/devon-cc-spend-over-500-childrens"), [
      devonSpendIngester,
    ]);
    try {
      expect(run.stats.map((s) => [s.file, s.rowsRead, s.rowsKept, s.rowsRejected])).toEqual([
        ["spend_childrens_services_2011_2026.csv", 145200, 145200, 0],
      ]);
      const [t] = await queryRows(
        run.connection,
        `SELECT count(*)::INT n, round(sum(amount_gbp) / 1e6, 1)::DOUBLE m, min(period) p0, max(period) p1,
                min(year)::INT y0, max(year)::INT y1, count(DISTINCT la_code)::INT las, any_value(la_code) la,
                count(supplier_category)::INT cat, count(provider_ownership)::INT own, count(service)::INT svc,
                min(source_line)::INT l0, max(source_line)::INT l1, count(*) FILTER (WHERE amount_gbp < 0)::INT neg
         FROM spend`,
      );
      expect(t).toEqual({
        n: 145200,
        m: 1251.2,
        p0: "2011-01",
        p1: "2026-03",
        y0: 2011,
        y1: 2026,
        las: 1,
        la: "878",
        cat: 145200,
        own: 0,
        svc: 57804,
        l0: 2,
        l1: 145201,
        neg: 2791,
      });
      const [first] = await queryRows(
        run.connection,
        "SELECT period, year, supplier_name, supplier_category, service_line, service, amount_gbp FROM spend WHERE source_line = 2",
      );
      expect(first).toEqual({
        period: "2011-01",
        year: 2011,
        supplier_name: "3-DIMENSIONS CARE LTD",
        supplier_category: "LTD",
        service_line: "Childcare Residential - Independent",
        service: "residential care",
        amount_gbp: 13550,
      });
    } finally {
      await run.close();
    }
  });

  it("Devon grants: per-file counts, mixed date orders resolved, unreadable dates rejected", async () => {
    const run = await runIngesters(join(shared!, "procurement/devon-cc-grants"), [devonGrantsIngester]);
    try {
      expect(run.stats.map((s) => [s.file, s.rowsRead, s.rowsKept, s.rowsRejected])).toEqual([
        ["grants_paid_2014.csv", 782, 781, 1],
        ["grants_paid_2015.csv", 673, 670, 3],
        ["grants_paid_2016.csv", 751, 749, 2],
        ["grants_paid_2017.csv", 590, 578, 12],
      ]);
      const [t] = await queryRows(
        run.connection,
        "SELECT count(*)::INT n, round(sum(amount_gbp))::DOUBLE m, min(period) p0, max(period) p1, any_value(source) s FROM spend",
      );
      expect(t).toEqual({ n: 2778, m: 11779471, p0: "2006-05", p1: "2017-12", s: "devon-grants" });
      expect(run.rejects.every((r) => r.reason.startsWith("award date"))).toBe(true);
    } finally {
      await run.close();
    }
  });

  it("research panel: LA-year ownership rows marked derived, units in pounds", async () => {
    const run = await runIngesters(join(shared!, "derived-research"), [derivedClaSpendIngester]);
    try {
      expect(run.stats.map((s) => [s.file, s.rowsRead, s.rowsKept, s.rowsRejected])).toEqual([
        ["goodair2023_placement_data_final.csv", 1827, 1653, 174],
      ]);
      const [t] = await queryRows(
        run.connection,
        `SELECT count(*)::INT n, bool_and(is_derived) d, count(DISTINCT la_code)::INT las, min(year)::INT y0,
                max(year)::INT y1, any_value(source) s
         FROM spend`,
      );
      expect(t).toEqual({ n: 6612, d: true, las: 154, y0: 2011, y1: 2021, s: "derived-cla-spend" });
      // Hartlepool 2010-11: own £3,924,658 + private £2,530,955 + voluntary £379,297 = £6.83491m.
      const [h] = await queryRows(
        run.connection,
        "SELECT round(sum(amount_gbp))::DOUBLE total, any_value(period) p FROM spend WHERE la_code = '805' AND year = 2011",
      );
      expect(h).toEqual({ total: 6834910, p: "2010-11" });
    } finally {
      await run.close();
    }
  });
});

describe("ledger edge cases (handmade)", () => {
  it("reads a Windows-1252 ledger via a transcoded copy and rejects bad dates and amounts by line", async () => {
    const body = [
      LEDGER_HEADER,
      '18,Devon County Council,2015-04-01 00:00:00,T1,I1,"1,200.50",Caf\u00e9 \u2019Homes\u2019 Ltd,1,,Children\'s Services,Residential Care - Private (3rd),1,LTD,,x.csv',
      "18,Devon County Council,31/13/2015,T2,I2,10,A,1,,Children's Services,Independent Fostering (3rd),1,CHTY,,x.csv",
      "18,Devon County Council,01/05/2015,T3,I3,ten,A,1,,Children's Services,Independent Fostering (3rd),1,CHTY,,x.csv",
      "18,Nowhere Council,01/05/2015,T4,I4,10,A,1,,Children's Services,Independent Fostering (3rd),1,CHTY,,x.csv",
      "",
    ].join("\r\n");
    const cp1252 = Uint8Array.from(
      [...body].map((ch) => (ch === "\u2019" ? 0x92 : ch === "\u00e9" ? 0xe9 : ch.charCodeAt(0))),
    );
    const dir = await fixture({ "ledger.csv": cp1252 });
    const run = await runIngesters(dir, [devonSpendIngester]);
    try {
      expect(run.rejects).toEqual([
        { file: "ledger.csv", line: 3, reason: "payment date '31/13/2015' not a date" },
        { file: "ledger.csv", line: 4, reason: "amount 'ten' not a number" },
        { file: "ledger.csv", line: 5, reason: "council 'Nowhere Council' (Name of Body) not recognised" },
      ]);
      const rows = await queryRows(run.connection, "SELECT supplier_name, amount_gbp, period, year FROM spend");
      expect(rows).toEqual([
        { supplier_name: "Caf\u00e9 \u2019Homes\u2019 Ltd", amount_gbp: 1200.5, period: "2015-04", year: 2016 },
      ]);
    } finally {
      await run.close();
    }
  });

  it("fails a truncated ledger with the file and line", async () => {
    const dir = await fixture({
      "ledger.csv": `${LEDGER_HEADER}\r\n18,Devon County Council,01/05/2015,T3,I3,10,"A cut off`,
    });
    await expect(runIngesters(dir, [devonSpendIngester])).rejects.toThrow(/^ledger\.csv(:\d+)?: /);
  });

  it("grant dates: day-first, month-first per shape, month names", () => {
    const shapes = monthFirstShapes(["11/27/2014", "28/02/13", "5/4/2014"]);
    expect([...shapes]).toEqual([4]);
    expect(parseAwardMonth("5/4/2014", shapes)).toEqual({ year: 2014, month: 5 });
    expect(parseAwardMonth("28/02/13", shapes)).toEqual({ year: 2013, month: 2 });
    expect(parseAwardMonth("09-Mar-2017")).toEqual({ year: 2017, month: 3 });
    expect(parseAwardMonth("01 March 2017")).toEqual({ year: 2017, month: 3 });
    expect(parseAwardMonth("Mar-2017")).toEqual({ year: 2017, month: 3 });
    expect(parseAwardMonth("42979")).toBeUndefined();
  });

  it("panel: NA rows rejected, blank cells never become 0", async () => {
    const dir = await fixture({
      "panel.csv": [
        '"","New_geog_code","year","LA_own_spend","Private_spend","Other_Public_spend","Voluntary_spend","Total_spend"',
        '"1","E10000008","2015","10","NA","x","0",1e-05',
        '"2","E10000008","2022",NA,NA,NA,NA,NA',
        '"3","E99999999","2015","1","1","1","1",4e-06',
        "",
      ].join("\r\n"),
    });
    const run = await runIngesters(dir, [derivedClaSpendIngester]);
    try {
      expect(run.rejects.map((r) => [r.line, r.reason])).toEqual([
        [3, "no spend figures for 2022 (all NA)"],
        [4, "ONS code 'E99999999' is not a known council"],
      ]);
      const rows = await queryRows(
        run.connection,
        "SELECT la_code, provider_ownership, amount_gbp FROM spend ORDER BY provider_ownership",
      );
      expect(rows).toEqual([
        { la_code: "878", provider_ownership: "other public", amount_gbp: null },
        { la_code: "878", provider_ownership: "own", amount_gbp: 10 },
        { la_code: "878", provider_ownership: "voluntary", amount_gbp: 0 },
      ]);
    } finally {
      await run.close();
    }
  });
});
