import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateSample } from "@lens/sample";
import { afterAll, describe, expect, it } from "vitest";
import { queryRows } from "../query.js";
import { runIngesters } from "../testing/build-fixture.js";
import { sharedDataDir } from "../testing/shared-data.js";
import { parseS251, s251OutturnIngester, s251PeriodFromName } from "./s251-outturn.js";

const shared = sharedDataDir();
const tmpDirs: string[] = [];
afterAll(async () => {
  for (const d of tmpDirs) await rm(d, { recursive: true, force: true });
});

async function fixture(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "lens-s251-"));
  tmpDirs.push(dir);
  for (const [name, body] of Object.entries(files)) {
    await mkdir(join(dir, name, ".."), { recursive: true });
    await writeFile(join(dir, name), body);
  }
  return dir;
}

const HEADER_1314 =
  "LA,LA Name,LineNumber,CYPServiceDescription,ReportGroup,OwnProvision,PrivateProvision,OtherPublic,Voluntary,TotalExpenditure,Income,NetCurrentExpenditure,GovGrantsInsideAEF,GovGrantsOutsideAEF,LEANetRevenueExpenditure";

describe.skipIf(!shared)("s251 outturn on the real files", () => {
  it("reads every file with exact counts, totals and memoranda logged, 2013-14 matching the published check", async () => {
    const run = await runIngesters(join(shared!, "s251-outturn"), [s251OutturnIngester]);
    try {
      expect(run.stats.map((s) => [s.file, s.rowsRead, s.rowsKept, s.rowsRejected])).toEqual([
        ["outturn_0809.csv", 7050, 5700, 1350],
        ["outturn_0910.csv", 6688, 5472, 1216],
        ["outturn_1011.csv", 7904, 6080, 1824],
        ["outturn_1112.csv", 6232, 4560, 1672],
        ["outturn_1213.csv", 5320, 3952, 1368],
        ["outturn_1314.csv", 5472, 4104, 1368],
      ]);
      const perFile = await queryRows<{ f: string; n: number; amounts: number; las: number; period: string }>(
        run.connection,
        `SELECT source_file f, count(*)::INT n, count(amount_gbp)::INT amounts, count(DISTINCT la_code)::INT las,
                any_value(period) period
         FROM spend GROUP BY 1 ORDER BY 1`,
      );
      expect(perFile).toEqual([
        { f: "outturn_0809.csv", n: 16800, amounts: 16799, las: 150, period: "2008-09" },
        { f: "outturn_0910.csv", n: 21250, amounts: 21248, las: 152, period: "2009-10" },
        { f: "outturn_1011.csv", n: 23864, amounts: 23863, las: 152, period: "2010-11" },
        { f: "outturn_1112.csv", n: 17328, amounts: 17327, las: 152, period: "2011-12" },
        { f: "outturn_1213.csv", n: 14896, amounts: 14896, las: 152, period: "2012-13" },
        { f: "outturn_1314.csv", n: 15504, amounts: 15504, las: 152, period: "2013-14" },
      ]);
      const [table] = await queryRows<{ n: number }>(run.connection, "SELECT count(*)::INT n FROM spend");
      expect(table?.n).toBe(109642);
      // PROVENANCE's England check: 2013-14 residential care own £339.5m, private £624.4m, …
      const residential = await queryRows<{ o: string; m: number }>(
        run.connection,
        `SELECT provider_ownership o, round(sum(amount_gbp) / 1e6, 1)::DOUBLE m FROM spend
         WHERE year = 2014 AND service_line = 'Residential care' GROUP BY 1 ORDER BY 1`,
      );
      expect(residential).toEqual([
        { o: "other public", m: 13.9 },
        { o: "own", m: 339.5 },
        { o: "private", m: 624.4 },
        { o: "voluntary", m: 43.3 },
      ]);
      // 2008-09 has no own-provision column: public = own + other public.
      const owners = await queryRows<{ o: string }>(
        run.connection,
        "SELECT DISTINCT provider_ownership o FROM spend WHERE year = 2009 AND provider_ownership IS NOT NULL ORDER BY 1",
      );
      expect(owners.map((r) => r.o)).toEqual(["own or other public", "private", "voluntary"]);
      // Windows-1252 curly quote decoded; numbered prefixes and embedded line breaks removed.
      const lines = await queryRows<{ l: string }>(
        run.connection,
        "SELECT DISTINCT service_line l FROM spend WHERE year = 2014 AND service_line LIKE 'Spend on local authority provided%'",
      );
      expect(lines.map((r) => r.l)).toEqual([
        "Spend on local authority provided or commissioned area-wide services delivered through Sure Start Children\u2019s Centres",
      ]);
      const [breaks] = await queryRows<{ n: number }>(
        run.connection,
        "SELECT count(*)::INT n FROM spend WHERE service_line LIKE '%\n%' OR service_line SIMILAR TO '[0-9].*'",
      );
      expect(breaks?.n).toBe(0);
      // Every reject is a total or memorandum line, never a lost detail line.
      const reasons = new Set(run.rejects.map((r) => r.reason.replace(/'.*'/, "…")));
      expect([...reasons].sort()).toEqual([
        "memorandum line … not stored: already counted in other lines",
        "total line … not stored: it sums lines above (no double counting)",
      ]);
    } finally {
      await run.close();
    }
  });

  it("own + private + other public + voluntary = total expenditure on every line that has both", async () => {
    const mismatches: string[] = [];
    const budgetMismatches: string[] = [];
    for (const name of ["0809", "0910", "1011", "1112", "1213", "1314"]) {
      const file = `outturn_${name}.csv`;
      const bytes = await readFile(join(shared!, "s251-outturn", file));
      const text = new TextDecoder(name >= "1011" ? "windows-1252" : "utf-8").decode(bytes);
      const parsed = parseS251(text, file);
      const byLa = new Map<string, { detail: number; budget: number | null }>();
      for (const l of parsed.lines) {
        const parts = l.split.filter(([, v]) => v !== null);
        if (parts.length > 0 && l.total !== null) {
          const sum = parts.reduce((a, [, v]) => a + (v ?? 0), 0);
          if (Math.abs(sum - l.total) > 1) mismatches.push(`${file}:${l.line} ${l.laCode} ${l.kind} ${l.description}`);
        }
        const la = byLa.get(l.laCode) ?? { detail: 0, budget: null };
        if (l.kind === "detail") la.detail += l.total ?? 0;
        if (/services budget.*including/i.test(l.description)) la.budget = l.total;
        byLa.set(l.laCode, la);
      }
      for (const [la, { detail, budget }] of byLa)
        if (budget === null || Math.abs(detail - budget) > 2) budgetMismatches.push(`${file} ${la}`);
    }
    // The only two exceptions are lines not stored (a memo line and a budget total in 2010-11).
    expect(mismatches).toEqual([
      "outturn_1011.csv:573 211 memo Youth work - (memorandum expenditure Included in lines 41 and 42 above)",
      "outturn_1011.csv:4990 841 total TOTAL CHILDREN AND YOUNG PEOPLE'S SERVICES BUDGET (including CERA)",
    ]);
    expect(budgetMismatches).toEqual([]);
  });
});

describe("s251 outturn layouts and edge cases (handmade)", () => {
  it("reads the 2008-09 layout: public is own + other public, memo/total lines with blank splits", async () => {
    const dir = await fixture({
      "outturn_0809.csv": [
        "LEA Number:,LA Name:,S52 Line Reference:,PRIVATE (x),VOLUNTARY (y),PUBLIC (z),TOTAL EXPENDITURE (k),INCOME (l),NET Current Expenditure (m)",
        "878,Devon  ,5 Residential care,100,20,30,150,0,150",
        "878,Devon  ,14 Total Children Looked After,100,20,30,150,0,150",
        "878,Devon  ,45 Capital Expenditure from Revenue (CERA) (Childrens and young peoples services,,,,7,0,7",
        "878,Devon  ,46 TOTAL CHILDREN AND YOUNG PEOPLES SERVICES BUDGET (excluding CERA),,,,150,0,150",
        "",
      ].join("\r\n"),
    });
    const run = await runIngesters(dir, [s251OutturnIngester]);
    try {
      expect(run.stats.map((s) => [s.rowsRead, s.rowsKept, s.rowsRejected])).toEqual([[4, 2, 2]]);
      const rows = await queryRows(
        run.connection,
        "SELECT la_code, period, year, service_line, service, provider_ownership, amount_gbp, source, source_line FROM spend ORDER BY source_line, provider_ownership",
      );
      expect(rows).toEqual([
        {
          la_code: "878",
          period: "2008-09",
          year: 2009,
          service_line: "Residential care",
          service: "residential care",
          provider_ownership: "own or other public",
          amount_gbp: 30,
          source: "s251-outturn",
          source_line: 2,
        },
        expect.objectContaining({ provider_ownership: "private", amount_gbp: 100 }),
        expect.objectContaining({ provider_ownership: "voluntary", amount_gbp: 20 }),
        expect.objectContaining({
          service_line: expect.stringMatching(/^Capital/),
          provider_ownership: null,
          amount_gbp: 7,
        }),
      ]);
      expect(run.rejects.map((r) => r.line)).toEqual([3, 5]);
    } finally {
      await run.close();
    }
  });

  it("keeps blank and NULL cells as NULL (never 0), labels the sample, and reads quoted line breaks", async () => {
    const dir = await fixture({
      "s251/outturn_1415.csv": [
        HEADER_1314,
        '878,Devon,6,"6 Residential\r\ncare",CHILDREN LOOKED AFTER,10,,NULL,0,10,0,10,0,0,10',
        "878,Devon,31,31 Youth Justice,YOUTH JUSTICE,,,,,,,,,,",
        "",
      ].join("\r\n"),
    });
    const run = await runIngesters(dir, [s251OutturnIngester], { isSample: true });
    try {
      const rows = await queryRows(
        run.connection,
        "SELECT service_line, provider_ownership, amount_gbp, source, source_line, year FROM spend ORDER BY source_line, provider_ownership",
      );
      expect(rows).toEqual([
        {
          service_line: "Residential care",
          provider_ownership: "own",
          amount_gbp: 10,
          source: "sample",
          source_line: 2,
          year: 2015,
        },
        {
          service_line: "Residential care",
          provider_ownership: "voluntary",
          amount_gbp: 0,
          source: "sample",
          source_line: 2,
          year: 2015,
        },
        {
          service_line: "Youth Justice",
          provider_ownership: null,
          amount_gbp: null,
          source: "sample",
          source_line: 4,
          year: 2015,
        },
      ]);
    } finally {
      await run.close();
    }
  });

  it("fails a truncated file with file:line: reason, and rejects non-numeric amounts by line", async () => {
    const truncated = await fixture({
      "outturn_1314.csv": `${HEADER_1314}\r\n878,Devon,6,"6 Residential care,CHILDREN LOOKED AFTER,1,2,3`,
    });
    await expect(runIngesters(truncated, [s251OutturnIngester])).rejects.toThrow(
      "outturn_1314.csv:2: unterminated quoted field (file truncated?)",
    );
    const short = await fixture({ "outturn_1314.csv": `${HEADER_1314}\r\n878,Devon,6,6 Residential care,CLA,1,2\r\n` });
    const run = await runIngesters(short, [s251OutturnIngester]);
    try {
      expect(run.rejects).toEqual([
        { file: "outturn_1314.csv", line: 2, reason: "record has 7 of 15 columns (file truncated?)" },
      ]);
    } finally {
      await run.close();
    }
    const bad = await fixture({
      "outturn_1314.csv": `${HEADER_1314}\r\n878,Devon,6,6 Residential care,CLA,1,#VALUE!,0,0,1,0,1,0,0,1\r\n`,
    });
    const run2 = await runIngesters(bad, [s251OutturnIngester]);
    try {
      expect(run2.rejects[0]?.reason).toBe("not a number: privateprovision '#VALUE!'");
      expect(run2.stats[0]).toMatchObject({ rowsRead: 1, rowsKept: 0, rowsRejected: 1 });
    } finally {
      await run2.close();
    }
  });

  it("needs the financial year in the file name and ignores other CSVs", async () => {
    expect(s251PeriodFromName("s251/outturn_1314.csv")).toEqual({ period: "2013-14", year: 2014 });
    expect(s251PeriodFromName("s251/outturn_2425.csv")).toEqual({ period: "2024-25", year: 2025 });
    expect(s251PeriodFromName("s251/outturn.csv")).toBeUndefined();
    const dir = await fixture({ "spend.csv": `${HEADER_1314}\r\n`, "other.csv": "a,b\r\n1,2\r\n" });
    await expect(runIngesters(dir, [s251OutturnIngester])).rejects.toThrow(
      /spend\.csv: cannot tell the financial year/,
    );
  });
});

describe("s251 outturn on the generated sample", () => {
  it("reads every sample year with the same parser, labelled sample", async () => {
    const sampleDir = await mkdtemp(join(tmpdir(), "lens-s251-sample-"));
    await generateSample({ outDir: sampleDir, seed: 3, contracts: 10, fromYear: 2015, toYear: 2025 });
    const run = await runIngesters(join(sampleDir, "s251-outturn"), [s251OutturnIngester], { isSample: true });
    try {
      expect(run.stats.length).toBe(11);
      expect(run.rejects).toEqual([]);
      const rows = await queryRows<{ source: string; years: number }>(
        run.connection,
        "SELECT source, count(DISTINCT year)::INT AS years FROM spend GROUP BY 1",
      );
      expect(rows).toEqual([{ source: "sample", years: 11 }]);
    } finally {
      await run.close();
      await rm(sampleDir, { recursive: true, force: true });
    }
  });
});
