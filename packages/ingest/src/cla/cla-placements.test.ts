import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { queryRows } from "../query.js";
import { runIngesters } from "../testing/build-fixture.js";
import { sharedDataDir } from "../testing/shared-data.js";
import { claPlacementsIngester } from "./cla-placements.js";

const shared = sharedDataDir();
const tmpDirs: string[] = [];
afterAll(async () => {
  for (const d of tmpDirs) await rm(d, { recursive: true, force: true });
});

async function fixture(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "lens-cla-"));
  tmpDirs.push(dir);
  for (const [name, body] of Object.entries(files)) {
    await mkdir(join(dir, name, ".."), { recursive: true });
    await writeFile(join(dir, name), body);
  }
  return dir;
}

const SFR_HEADER =
  "New_geog_code,geog_l,geog_c,geog_n,CLA_Mar2016,CLA_Fost,CLA_OwnP,CLA_OthLA,CLA_OthPP,CLA_Priv,CLA_Vol,CLA_Par,CLA_Nrep";
const EES_HEADER =
  "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,cla_group,characteristic,number,percentage";
const crlf = (lines: string[]) => `${lines.join("\r\n")}\r\n`;

type Row = Record<string, unknown>;
const ROW_SQL =
  "SELECT la_code, year, provider, placement_type, children, marker, source, source_file, source_line FROM cla_placements";

describe.skipIf(!shared)("DfE placements by provider on the real files", () => {
  it("reads every SFR file with exact counts; 2010 rejected for lack of a provider split", async () => {
    const run = await runIngesters(join(shared!, "dfe-cla-la"), [claPlacementsIngester]);
    try {
      expect(run.stats.map((s) => [s.file, s.rowsRead, s.rowsKept, s.rowsRejected])).toEqual([
        ["SFR20_CLA2012.csv", 163, 152, 11],
        ["SFR21_CLA2011.csv", 163, 152, 11],
        ["SFR27_2010_March.csv", 162, 0, 162],
        ["SFR34_CLA2015.csv", 163, 152, 11],
        ["SFR36_CLA2013.csv", 163, 152, 11],
        ["SFR36_CLA2014.csv", 163, 152, 11],
        ["SFR41_CLA2016.csv", 163, 152, 11],
        ["SFR50_CLA2017.csv", 164, 153, 11],
      ]);
      const perFile = await queryRows(
        run.connection,
        `SELECT source_file f, any_value(year) y, count(*)::INT n, count(children)::INT counts, count(marker)::INT markers,
                count(*) FILTER (WHERE la_code IS NULL)::INT nat, count(DISTINCT la_code)::INT las
         FROM cla_placements GROUP BY 1 ORDER BY 1`,
      );
      expect(perFile).toEqual([
        { f: "SFR20_CLA2012.csv", y: 2012, n: 1064, counts: 755, markers: 309, nat: 7, las: 151 },
        { f: "SFR21_CLA2011.csv", y: 2011, n: 1064, counts: 776, markers: 288, nat: 7, las: 151 },
        { f: "SFR34_CLA2015.csv", y: 2015, n: 1064, counts: 727, markers: 337, nat: 7, las: 151 },
        { f: "SFR36_CLA2013.csv", y: 2013, n: 1064, counts: 751, markers: 313, nat: 7, las: 151 },
        { f: "SFR36_CLA2014.csv", y: 2014, n: 1064, counts: 757, markers: 307, nat: 7, las: 151 },
        { f: "SFR41_CLA2016.csv", y: 2016, n: 1064, counts: 807, markers: 257, nat: 7, las: 151 },
        { f: "SFR50_CLA2017.csv", y: 2017, n: 1071, counts: 777, markers: 294, nat: 7, las: 152 },
      ]);
      const [table] = await queryRows<{ n: number }>(run.connection, "SELECT count(*)::INT n FROM cla_placements");
      expect(table?.n).toBe(7455);
      // Every marker in the SFR provider columns is `x`; none became 0.
      expect(
        await queryRows(run.connection, "SELECT DISTINCT marker FROM cla_placements ORDER BY 1 NULLS FIRST"),
      ).toEqual([{ marker: null }, { marker: "x" }]);
      const [both] = await queryRows<{ n: number }>(
        run.connection,
        "SELECT count(*)::INT n FROM cla_placements WHERE (children IS NULL) = (marker IS NULL)",
      );
      expect(both?.n).toBe(0);
      const devon = await queryRows<Row>(
        run.connection,
        `${ROW_SQL} WHERE la_code = '878' AND year = 2017 ORDER BY provider`,
      );
      expect(devon.map((r: Row) => [r.provider, r.children, r.marker])).toEqual([
        ["not reported", null, "x"],
        ["other LA", null, "x"],
        ["other public", 0, null],
        ["own", 347, null],
        ["parents", 22, null],
        ["private", 263, null],
        ["voluntary", 37, null],
      ]);
      expect(devon[0]).toMatchObject({ placement_type: null, source: "dfe-cla", source_file: "SFR50_CLA2017.csv" });
      // 2017's Isles of Scilly row has a blank geog_l: kept as council 420. Abolished councils keep their codes.
      const [scilly] = await queryRows<{ n: number; line: number }>(
        run.connection,
        "SELECT count(*)::INT n, any_value(source_line)::INT line FROM cla_placements WHERE la_code = '420'",
      );
      expect(scilly).toEqual({ n: 7, line: 83 });
      const [northants] = await queryRows(
        run.connection,
        "SELECT children FROM cla_placements WHERE la_code = '928' AND year = 2011 AND provider = 'private'",
      );
      expect(northants).toEqual({ children: 368 });
      const [england] = await queryRows(
        run.connection,
        "SELECT sum(children)::INT c FROM cla_placements WHERE la_code IS NULL AND year = 2017",
      );
      // 38960 + 900 + 370 + 24180 + 3730 + 4370 + 160 (national figures are rounded to 10; CLA_Mar2017 says 72670).
      expect(england).toEqual({ c: 72670 });
      const reasons = new Map<string, number>();
      for (const r of run.rejects) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
      expect([...reasons]).toEqual([
        ["regional subtotal (sum of its councils)", 77],
        ["no placement-provider split: the 2010 (SFR27) layout gives placement types only", 162],
      ]);
      // Inner and Outer London are regional rows too (lines 10, 11).
      expect(run.rejects.filter((r) => r.file === "SFR50_CLA2017.csv").map((r) => r.line)).toEqual([
        3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
      ]);
    } finally {
      await run.close();
    }
  });

  it("reads the national provider × placement type file; totals and locality subtotals rejected", async () => {
    const run = await runIngesters(join(shared!, "dfe-cla-national"), [claPlacementsIngester]);
    try {
      // The 1994–2024 time series has no provider: not claimed.
      expect(run.stats.map((s) => [s.file, s.rowsRead, s.rowsKept, s.rowsRejected])).toEqual([
        ["national_cla_on_31_march_by_placement_provider_placement_type_and_locality.csv", 720, 560, 160],
      ]);
      const summary = await queryRows(
        run.connection,
        `SELECT count(*)::INT n, count(children)::INT counts, count(*) FILTER (WHERE marker = 'z')::INT z,
                count(*) FILTER (WHERE marker = 'c')::INT c, count(*) FILTER (WHERE la_code IS NULL)::INT nat,
                count(DISTINCT placement_type)::INT kinds, min(year)::INT y0, max(year)::INT y1
         FROM cla_placements`,
      );
      // 15 typed placement types (7 inside + 7 outside the council boundary + "Other placement") besides NULL = all types.
      expect(summary).toEqual([{ n: 560, counts: 321, z: 210, c: 29, nat: 560, kinds: 15, y0: 2020, y1: 2024 }]);
      expect(
        await queryRows(
          run.connection,
          `${ROW_SQL} WHERE year = 2024 AND provider = 'private' AND placement_type IS NULL`,
        ),
      ).toEqual([
        {
          la_code: null,
          year: 2024,
          provider: "private",
          placement_type: null,
          children: 31310,
          marker: null,
          source: "dfe-cla",
          source_file: "national_cla_on_31_march_by_placement_provider_placement_type_and_locality.csv",
          source_line: 8,
        },
      ]);
      const [homes] = await queryRows(
        run.connection,
        "SELECT children, source_line FROM cla_placements WHERE year = 2020 AND provider = 'private' AND placement_type = 'Secure homes and children''s homes (inside council boundary)'",
      );
      expect(homes).toEqual({ children: 1130, source_line: 608 });
      // Per provider-year the all-types row equals the sum of the placement-type leaves where none is suppressed.
      const gaps = await queryRows(
        run.connection,
        `SELECT year, provider FROM cla_placements GROUP BY ALL
         HAVING count(*) FILTER (WHERE marker = 'c') = 0
            AND abs(sum(children) FILTER (WHERE placement_type IS NULL) - sum(children) FILTER (WHERE placement_type IS NOT NULL)) > 30`,
      );
      expect(gaps).toEqual([]);
      const reasons = new Set(run.rejects.map((r) => r.reason));
      expect([...reasons].sort()).toEqual([
        "all-providers total (sum of its provider rows)",
        "locality subtotal (sum of its placement types)",
      ]);
    } finally {
      await run.close();
    }
  });
});

describe("DfE placements by provider: markers, codes and layouts (handmade)", () => {
  it("keeps every marker as a marker with children NULL, never 0, and rejects what it cannot map", async () => {
    const dir = await fixture({
      "any-name.csv": crlf([
        SFR_HEADER,
        "E92000001,NATIONAL,999,ENGLAND,100,50,40,10,..,30,10,10,0",
        "E12000001,REGION,A,NORTH EAST,20,9,8,2,x,5,2,2,0",
        "E06000047,LA,840,COUNTY DURHAM,9,4,x,..,#VALUE!,-,.,,3",
        "E10000021,LA,,NORTHAMPTONSHIRE,10,5,1,1,1,1,1,1,1",
        "E06000099,LA,,NOWHERE,1,1,1,0,0,0,0,0,0",
        "E09000099,LA,123,NOWHERE,1,1,1,0,0,0,0,0,0",
        "E06000053,,420,Isles of Scilly,0,0,0,0,0,0,0,0,0",
        "E06000047,LA,840,COUNTY DURHAM,9,4,n/a,1,1,1,1,1,1",
        ",,,,,,,,,,,,",
      ]),
    });
    const run = await runIngesters(dir, [claPlacementsIngester]);
    try {
      expect(run.stats.map((s) => [s.file, s.rowsRead, s.rowsKept, s.rowsRejected])).toEqual([
        ["any-name.csv", 8, 4, 4],
      ]);
      expect(run.rejects).toEqual([
        { file: "any-name.csv", line: 3, reason: "regional subtotal (sum of its councils)" },
        { file: "any-name.csv", line: 6, reason: "ONS code 'E06000099' is not a known council" },
        { file: "any-name.csv", line: 7, reason: "LA code '123' is not a known council" },
        { file: "any-name.csv", line: 9, reason: "not a count or known marker: CLA_OwnP 'n/a'" },
      ]);
      const durham = await queryRows<Row>(run.connection, `${ROW_SQL} WHERE la_code = '840' ORDER BY provider`);
      expect(durham.map((r: Row) => [r.provider, r.children, r.marker])).toEqual([
        ["not reported", 3, null],
        ["other LA", null, ".."],
        ["other public", null, "#VALUE!"],
        ["own", null, "x"],
        ["parents", null, null],
        ["private", null, "-"],
        ["voluntary", null, "."],
      ]);
      expect(durham[0]).toMatchObject({ year: 2016, source: "dfe-cla", source_file: "any-name.csv", source_line: 4 });
      const national = await queryRows<Row>(run.connection, `${ROW_SQL} WHERE la_code IS NULL ORDER BY provider`);
      expect(national.map((r: Row) => [r.provider, r.children, r.marker])).toEqual([
        ["not reported", 0, null],
        ["other LA", 10, null],
        ["other public", null, ".."],
        ["own", 40, null],
        ["parents", 10, null],
        ["private", 30, null],
        ["voluntary", 10, null],
      ]);
      // No 3-digit code: the ONS code of the abolished county maps to its DfE code.
      const codes = await queryRows(run.connection, "SELECT DISTINCT la_code FROM cla_placements ORDER BY 1");
      expect(codes).toEqual([{ la_code: "420" }, { la_code: "840" }, { la_code: "928" }, { la_code: null }]);
    } finally {
      await run.close();
    }
  });

  it("reads an EES LA-level characteristics file: header by content, codes, EES markers, sample label", async () => {
    const dir = await fixture({
      "ees/la_cla_by_characteristics.csv": crlf([
        "Children looked after at 31 March,,,",
        "",
        EES_HEADER,
        "2023,Reporting year,National,E92000001,England,,,,,,Place providers,Private provision,31000,37",
        "2023,Reporting year,Regional,E92000001,England,E12000001,North East,,,,Place providers,Private provision,900,30",
        "2023,Reporting year,Local authority,E92000001,England,E12000009,South West,E10000008,878,Devon,Place providers,Own provision (by the LA),400,50",
        "2023,Reporting year,Local authority,E92000001,England,E12000009,South West,E10000008,878,Devon,Place providers,Private provision,c,c",
        '2023,Reporting year,Local authority,E92000001,England,E12000009,South West,E10000008,878,Devon,Place providers,"Other public provision (e.g. by a PCT etc)",k,k',
        "2023,Reporting year,Local authority,E92000001,England,E12000009,South West,E10000008,878,Devon,Place providers,Total,800,100",
        "2023,Reporting year,Local authority,E92000001,England,E12000009,South West,E10000008,878,Devon,Age,Under 1,20,3",
        "2023,Reporting year,Local authority,E92000001,England,E12000004,East Midlands,E06000061,,North Northamptonshire,Place providers,Voluntary/third sector provision,u,u",
        "2023,Reporting year,Local authority,E92000001,England,E12000004,East Midlands,E06000999,,Nowhere,Place providers,Private provision,5,1",
        "2023,Reporting year,Local authority,E92000001,England,E12000009,South West,E10000008,878,Devon,Place providers,Placed in a tent,5,1",
        "202324,Reporting year,Local authority,E92000001,England,E12000009,South West,E10000008,878,Devon,Place providers,Private provision,5,1",
      ]),
      "ees/cla_number_and_rate.csv": crlf([
        "time_period,time_identifier,geographic_level,country_code,country_name,old_la_code,new_la_code,la_name,population_count,number",
        "2023,Reporting year,National,E92000001,England,,,,Children looked after at 31 March,83000",
      ]),
    });
    const run = await runIngesters(dir, [claPlacementsIngester], { isSample: true });
    try {
      // The rate file carries no provider: not claimed.
      expect(run.stats.map((s) => [s.file, s.rowsRead, s.rowsKept, s.rowsRejected])).toEqual([
        ["ees/la_cla_by_characteristics.csv", 11, 5, 6],
      ]);
      expect(run.rejects.map((r) => [r.line, r.reason])).toEqual([
        [5, "regional subtotal (sum of its councils)"],
        [9, "all-providers total (sum of its provider rows)"],
        [10, "cla_group 'Age' is not the placement-provider breakdown"],
        [12, "ONS code 'E06000999' is not a known council"],
        [13, "placement provider 'Placed in a tent' is not a known provider category"],
        [14, "time_period '202324' is not a year"],
      ]);
      const rows = await queryRows<Row>(run.connection, `${ROW_SQL} ORDER BY source_line`);
      expect(rows).toEqual([
        {
          la_code: null,
          year: 2023,
          provider: "private",
          placement_type: null,
          children: 31000,
          marker: null,
          source: "sample",
          source_file: "ees/la_cla_by_characteristics.csv",
          source_line: 4,
        },
        expect.objectContaining({ la_code: "878", provider: "own", children: 400, marker: null, source_line: 6 }),
        expect.objectContaining({ la_code: "878", provider: "private", children: null, marker: "c", source_line: 7 }),
        expect.objectContaining({ la_code: "878", provider: "other public", children: null, marker: "k" }),
        expect.objectContaining({
          la_code: "940",
          provider: "voluntary",
          children: null,
          marker: "u",
          source_line: 11,
        }),
      ]);
    } finally {
      await run.close();
    }
  });

  it("fails a truncated file with file:line: reason", async () => {
    const full = crlf([SFR_HEADER, "E92000001,NATIONAL,999,ENGLAND,100,50,40,10,0,30,10,10,0", "E06000047,LA,840,DUR"]);
    const cut = await fixture({ "sfr.csv": full.slice(0, full.length - 2) });
    await expect(runIngesters(cut, [claPlacementsIngester])).rejects.toThrow(
      "sfr.csv:3: record has 4 of 13 columns: file truncated",
    );
    const quoted = await fixture({
      "ees.csv": `${EES_HEADER}\r\n2023,Reporting year,National,E92000001,England,,,,,,Place providers,"Private provi`,
    });
    await expect(runIngesters(quoted, [claPlacementsIngester])).rejects.toThrow(
      "ees.csv:2: unterminated quoted field (file truncated?)",
    );
  });

  it.skipIf(!shared)("fails a real SFR file cut in half", async () => {
    const bytes = await readFile(join(shared!, "dfe-cla-la", "SFR41_CLA2016.csv"));
    const half = bytes.subarray(0, Math.floor(bytes.length / 2));
    // Written to a tmp folder only: the real file is never copied into the repository.
    const dir = await fixture({ "SFR41_CLA2016.csv": half.toString("utf-8") });
    await expect(runIngesters(dir, [claPlacementsIngester])).rejects.toThrow(
      /^SFR41_CLA2016\.csv:\d+: record has \d+ of 47 columns: file truncated$/,
    );
  });
});
