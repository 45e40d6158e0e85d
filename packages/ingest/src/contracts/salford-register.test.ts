/**
 * Salford's 2022 contracts register: exact counts and column totals on the real file
 * (computed independently from the raw CSV with Python's csv module), and a handmade file for
 * its traps (a twice-encoded BOM, placeholders for dates, `Noo`, a literal "\n" in a name).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { queryRows } from "../query.js";
import { runIngesters } from "../testing/build-fixture.js";
import { sharedDataDir } from "../testing/shared-data.js";
import { salfordRegisterIngester } from "./salford-register.js";

const shared = sharedDataDir();
const tmpDirs: string[] = [];
afterAll(async () => {
  for (const d of tmpDirs) await rm(d, { recursive: true, force: true });
});

const HEADER =
  "ï»¿Directorate Name,Process Used,Purchasing Body,Contract Reference,Contract Title,Contract Description,Supplier Company Name,Supplier Postcode,Annual Value,Total Contract Value (including extensions),OJEU/FTS?,Start Date,End Date,Contract Duration (months),Option to extend (months),How many extensions,Extension 1 Taken?,Extension 2 Taken?,Current Expiry Date,SME Supplier?,ProClass Classification,ProClass Description,Company Number,Visibility";

describe.skipIf(!shared)("Salford contracts register on the real file", () => {
  it("360 read, 358 kept, two impossible end dates rejected; procedure, OJEU, terms and extensions", async () => {
    const run = await runIngesters(join(shared!, "procurement/salford-contract-register-2022"), [
      salfordRegisterIngester,
    ]);
    try {
      expect(run.stats.map((s) => [s.file, s.rowsRead, s.rowsKept, s.rowsRejected])).toEqual([
        ["salford_contracts_register_2022-07.csv", 360, 358, 2],
      ]);
      expect(run.rejects.map((r) => [r.line, r.reason])).toEqual([
        [118, 'unreadable End Date "2022-09-31"'],
        [219, 'unreadable End Date "22/04/222"'],
      ]);
      const [t] = await queryRows(
        run.connection,
        `SELECT count(*)::INT n, count(value_gbp)::INT valued, round(sum(value_gbp), 2)::DOUBLE total,
                count(*) FILTER (WHERE ojeu_advertised)::INT ojeu, count(*) FILTER (WHERE NOT ojeu_advertised)::INT not_ojeu,
                count(initial_term_months)::INT terms, round(sum(initial_term_months), 1)::DOUBLE term_months,
                count(extensions_allowed)::INT allowed, count(extension_option_months)::INT option_months,
                count(*) FILTER (WHERE extensions_taken = 0)::INT taken0, count(*) FILTER (WHERE extensions_taken = 1)::INT taken1,
                count(*) FILTER (WHERE extensions_taken = 2)::INT taken2, count(extensions_taken)::INT taken_known,
                count(DISTINCT la_code)::INT las, any_value(la_code) la, any_value(stage) stage, any_value(buyer_name) buyer,
                count(supplier_company_number)::INT company_numbers
         FROM contracts`,
      );
      expect(t).toEqual({
        n: 358,
        valued: 348,
        total: 1597526815.49,
        ojeu: 95,
        not_ojeu: 259,
        terms: 354,
        term_months: 12279.7,
        allowed: 349,
        option_months: 354,
        taken0: 188,
        taken1: 37,
        taken2: 41,
        taken_known: 266,
        las: 1,
        la: "355",
        stage: "register",
        buyer: "Salford City Council",
        company_numbers: 328,
      });
      const procedures = await queryRows(
        run.connection,
        "SELECT procurement_method_detail p, count(*)::INT n FROM contracts GROUP BY 1 ORDER BY 2 DESC, 1",
      );
      expect(procedures).toEqual([
        { p: "CSO Exception", n: 79 },
        { p: "ITT", n: 73 },
        { p: "Mini-Comp", n: 71 },
        { p: "Other", n: 47 },
        { p: "Direct Call-Off", n: 46 },
        { p: "RFQ", n: 42 },
      ]);
      const [fostering] = await queryRows(
        run.connection,
        `SELECT title, supplier_name, value_gbp, start_date, end_date, initial_term_months, extension_option_months,
                extensions_allowed, in_scope
         FROM contracts WHERE source_line = 111`,
      );
      expect(fostering).toEqual({
        title: "Greater Manchester Fostering Framework",
        supplier_name: "Various Providers",
        value_gbp: 7535495.1,
        start_date: "2019-04-01",
        end_date: "2029-03-31",
        initial_term_months: 24,
        extension_option_months: 24,
        extensions_allowed: 4,
        in_scope: true,
      });
    } finally {
      await run.close();
    }
  });
});

describe("Salford contracts register edge cases (handmade)", () => {
  it("placeholders are unknown, Noo is No, a written-out \\n is a space; other bad dates reject", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lens-salford-register-"));
    tmpDirs.push(dir);
    const body = [
      HEADER,
      "People,ITT,Salford City Council,R1,Short Breaks for Disabled Children,Play and respite,Example Care\\nLtd,M1 1AA,1000.00,3000.00,Noo,2020-04-01,TBC,36,12,2,Yes,,X,Yes,321100,Social Community Care Supplies & Services - Children,01234567,Public",
      "Place,RFQ,Salford City Council,R2,Road Gritting,Winter service,Grit Co Ltd,M1 1AA,-,-,,2021-01-01,2021-12-31,12,0,0,N/A,N/A,2021-12-31,No,,,,Public",
      "Place,Other,Salford City Council,R3,Bridge Paint,Paint,Paint Co Ltd,M1 1AA,1.00,2.00,Yes,2021-01-01,31/31/2021,12,0,0,N/A,N/A,2021-12-31,No,,,,Public",
      "",
    ].join("\r\n");
    await writeFile(join(dir, "register.csv"), body);
    const run = await runIngesters(dir, [salfordRegisterIngester]);
    try {
      expect(run.stats.map((s) => [s.rowsRead, s.rowsKept, s.rowsRejected])).toEqual([[3, 2, 1]]);
      expect(run.rejects.map((r) => [r.line, r.reason])).toEqual([[4, 'unreadable End Date "31/31/2021"']]);
      const rows = await queryRows(
        run.connection,
        `SELECT supplier_name, ojeu_advertised, value_gbp, end_date, current_expiry_date, duration_months,
                initial_term_months, extensions_allowed, extensions_taken, supplier_is_sme, procurement_method_detail
         FROM contracts ORDER BY source_line`,
      );
      expect(rows).toEqual([
        {
          supplier_name: "Example Care Ltd",
          ojeu_advertised: false,
          value_gbp: 3000,
          end_date: null,
          current_expiry_date: null,
          // No end date: the register's stated initial term stands in for the duration.
          duration_months: 36,
          initial_term_months: 36,
          extensions_allowed: 2,
          extensions_taken: 1,
          supplier_is_sme: true,
          procurement_method_detail: "ITT",
        },
        {
          supplier_name: "Grit Co Ltd",
          ojeu_advertised: null,
          value_gbp: null,
          end_date: "2021-12-31",
          current_expiry_date: "2021-12-31",
          duration_months: 12,
          initial_term_months: 12,
          extensions_allowed: 0,
          extensions_taken: 0,
          supplier_is_sme: false,
          procurement_method_detail: "RFQ",
        },
      ]);
    } finally {
      await run.close();
    }
  });
});
