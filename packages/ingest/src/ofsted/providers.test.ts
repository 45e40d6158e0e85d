import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { laReferenceIngester } from "../la-reference/la-reference.js";
import { type IngestRun, runIngesters, runOnFiles } from "../testing/build-fixture.js";
import { sharedDataDir } from "../testing/shared-data.js";
import { ofstedProvidersIngester } from "./providers.js";

const DATA = sharedDataDir();

/** Ingests handmade files with this source: per-file stats, rejects and the rows `sql` selects. */
async function ingest(files: Record<string, string>, sql = "SELECT urn FROM provider_snapshots") {
  const run = await runOnFiles(files, [ofstedProvidersIngester]);
  try {
    const rows = (await run.connection.runAndReadAll(`${sql} ORDER BY source_line, urn`)).getRowsJson();
    return { stats: run.stats, rejects: run.rejects.map(({ line, reason }) => ({ line, reason })), rows };
  } finally {
    await run.close();
  }
}

/** The 2019+ header (as the sample generator writes it), trimmed to the columns that matter. */
const HEADER_2019 =
  "Web link,URN,Provision type,Registration status,Local authority,Sector,Places,Organisation which owns the provider,Event type,Inspection date,Overall experiences and progress of children and young people";

describe("ofsted-providers (handmade fixtures)", () => {
  it("finds the header below title lines, maps councils of every vintage and normalises vocabularies", async () => {
    const text = [
      "Children's social care data in England 2022 - Provider level as at March 2022,,,,,,,,,,",
      ",,,,,,,,,,",
      HEADER_2019,
      "x,SC1,Children's Home,Active,Bristol City,Local authority,4,Acme Ltd,Full inspection,01/02/2021,Requires Improvement to be good",
      "x,SC2,Residential special school (>295 days/year),Suspended,Stoke on Trent,Health authority,,NHS Trust,,,",
      "x,SC3,Children's home,Active,Southend on Sea,Voluntary ,2,,Full inspection,03/03/2020,Adequate",
      ",,,,,,,,,,",
    ].join("\n");
    const p = await ingest(
      { "any/name.csv": text },
      `SELECT urn, la_code, sector, overall_rating, provision_type, source_line, overall_rating_original, places,
              snapshot_date::VARCHAR, covers_all_registered FROM provider_snapshots`,
    );
    expect(p.stats).toMatchObject([{ file: "any/name.csv", rowsRead: 3, rowsKept: 3, rowsRejected: 0 }]);
    expect(p.rejects).toEqual([]);
    expect(p.rows).toEqual([
      [
        "SC1",
        "801",
        "Local Authority",
        "Requires improvement",
        "Children's home",
        4,
        "Requires Improvement to be good",
        4,
        "2022-03-31",
        true,
      ],
      [
        "SC2",
        "861",
        "Health Authority",
        null,
        "Residential special school (registered as a children's home)",
        5,
        null,
        null,
        "2022-03-31",
        true,
      ],
      ["SC3", "882", "Voluntary", "Requires improvement", "Children's home", 6, "Adequate", 2, "2022-03-31", true],
    ]);
  });

  it("reads a header spanning several physical lines (2025) and keeps physical line numbers", async () => {
    const text = [
      "Title as at 31 March 2025,,,,,,,,,,",
      'Web link,URN,Provision type,Registration status,Local authority,Sector,Places,Organisation which owns the provider,"\nLatest Full inspection event type","\nLatest full inspection date","\nOverall experiences and progress of children and young people"',
      "x,1234567,Supported Accommodation,Active,Leeds,Private,,Owner,Full inspection,01/01/2025,",
      "x,7654321,Children's home,Active,Leeds,Private,3,Owner,Full inspection,01/01/2025,Good",
    ].join("\n");
    const p = await ingest(
      { "ofsted/provider_at_march_2025.csv": text },
      "SELECT source_line, overall_rating, covers_all_registered FROM provider_snapshots",
    );
    // The header record spans physical lines 2–5, so data start on line 6. It has inspection
    // columns and every provider was inspected, so the file lists inspected providers only.
    expect(p.rows).toEqual([
      [6, null, false],
      [7, "Good", false],
    ]);
  });

  it("rejects unknown councils, Welsh councils, unknown sectors and judgements, naming the value", async () => {
    const text = [
      HEADER_2019,
      "x,A1,Children's home,Active,Atlantis,Private,1,,,,",
      "x,A2,Children's home,Active,Cardiff,Private,1,,,,",
      "x,A3,Children's home,Active,Leeds,Cooperative,1,,,,",
      "x,A4,Children's home,Active,Leeds,Private,1,,Full inspection,01/01/2020,Brilliant",
      "x,A5,Children's home,Active,Leeds,Private,lots,,,,",
      "x,A1,Children's home,Active,Leeds,Private,1,,,,",
      "x,A6,Children's home,Active,Leeds,Private,1,,Full inspection,31/02/2020,Good",
      "x,A7,Children's home,Active,Leeds",
      "x,A8,Children's home,Active,Leeds,Public sector,1,,,,",
    ].join("\r\n");
    const p = await ingest(
      { "provider_at_march_2019.csv": `${text}\r\n` },
      "SELECT urn, sector, sector_original FROM provider_snapshots",
    );
    expect(p.stats).toMatchObject([{ rowsRead: 9, rowsKept: 1, rowsRejected: 8 }]);
    expect(p.rows).toEqual([["A8", null, "Public sector"]]);
    expect(p.rejects).toEqual([
      { line: 2, reason: "URN A1: council 'Atlantis' not recognised" },
      { line: 3, reason: "URN A2: council 'Cardiff' is outside England (Wales)" },
      { line: 4, reason: "URN A3: sector 'Cooperative' not recognised" },
      { line: 5, reason: "URN A4: overall judgement 'Brilliant' not recognised" },
      { line: 6, reason: "URN A5: places 'lots' is not a whole number" },
      { line: 7, reason: "URN A1 repeated (first at line 2)" },
      { line: 8, reason: "URN A6: inspection date '31/02/2020' is not a dd/mm/yyyy date" },
      { line: 9, reason: "row has 5 fields, the header has 11" },
    ]);
  });

  it("fails the file with file:line when the header is missing, a quote is unterminated or the date is unknown", async () => {
    const noHeader = "x,SC1,Children's home,Active,Leeds,Private,1,,,,\n";
    await expect(ingest({ "provider_at_march_2019.csv": noHeader })).rejects.toThrow(
      "provider_at_march_2019.csv:1: no Ofsted provider header",
    );
    const cut = `${HEADER_2019}\nx,SC1,"Children's home,Active,Leeds`;
    await expect(ingest({ "provider_at_march_2019.csv": cut })).rejects.toThrow(
      "provider_at_march_2019.csv:2: unterminated quoted field",
    );
    const half = `${HEADER_2019}\nx,SC1,Children's home,Active,Leeds,Private,1,,,,\nx,SC2,Children's home,Act`;
    await expect(ingest({ "provider_at_march_2019.csv": half })).rejects.toThrow(
      "provider_at_march_2019.csv:3: file ends in the middle of a record",
    );
    await expect(ingest({ "providers.csv": `${HEADER_2019}\n` })).rejects.toThrow(
      "providers.csv:1: cannot tell the snapshot date",
    );
  });

  it("marks the register that shares a snapshot date with the file of judgements supplementary, and fails on two of judgements", async () => {
    const register = "URN,Provision type,Local authority,Sector,Places\nSC9,Children's home,Leeds,Private,3\n";
    const judged = `${HEADER_2019}\nx,SC1,Children's home,Active,Leeds,Private,4,,Full inspection,01/02/2017,Good\n`;
    const p = await ingest(
      { "provider_at_march_2018.csv": judged, "provider_at_march_2018_part2.csv": register },
      "SELECT urn, covers_all_registered, is_supplementary FROM provider_snapshots",
    );
    expect(p.rows).toEqual([
      ["SC1", false, false],
      ["SC9", true, true],
    ]);
    await expect(
      ingest({ "provider_at_march_2018.csv": judged, "provider_at_march_2018_b.csv": judged }),
    ).rejects.toThrow(
      /: 2 provider files for snapshot 2018-03-31 .*expected at most one with judgements plus registers/,
    );
  });
});

describe("ofsted-providers on the generated sample", () => {
  let dir: string;
  let run: IngestRun;
  beforeAll(async () => {
    // A tiny folder in the sample's own layout (title + banded super-header + header).
    dir = await mkdtemp(join(tmpdir(), "lens-ofsted-sample-"));
    await mkdir(join(dir, "ofsted-providers"));
    await writeFile(join(dir, "SAMPLE-DATA-NOT-REAL.txt"), "sample");
    const lines = [
      `"Children's social care providers and places as at 31 March 2024 — SAMPLE DATA, NOT REAL"`,
      "Provider information,,,,,,,,,,",
      HEADER_2019,
      "x,SC1,Children's home,Active,Leeds,Private,4,Acorn Ltd 1,Full inspection,01/02/2023,Good",
      "x,SC2,Children's home,Active,Leeds,Private,4,Acorn Ltd 1,,,",
    ];
    await writeFile(join(dir, "ofsted-providers", "provider_at_march_2024.csv"), `${lines.join("\n")}\n`);
    run = await runIngesters(dir, [ofstedProvidersIngester], { isSample: true });
  });
  afterAll(async () => {
    await run.close();
    await rm(dir, { recursive: true, force: true });
  });
  it("labels rows source = 'sample' and reads the title-line layout", async () => {
    expect(run.stats).toEqual([
      expect.objectContaining({ file: "ofsted-providers/provider_at_march_2024.csv", rowsRead: 2, rowsKept: 2 }),
    ]);
    const rows = (
      await run.connection.runAndReadAll(
        "SELECT urn, source, snapshot_date::VARCHAR AS d, covers_all_registered AS c FROM provider_snapshots ORDER BY urn",
      )
    ).getRowObjectsJson();
    expect(rows).toEqual([
      { urn: "SC1", source: "sample", d: "2024-03-31", c: true },
      { urn: "SC2", source: "sample", d: "2024-03-31", c: true },
    ]);
  });
});

/** Exact per-file counts on the real files (read, kept, rejected) and coverage per PROVENANCE.md §1.12. */
const REAL_FILES: Record<string, [read: number, kept: number, rejected: number, coversAll: boolean]> = {
  "providers_at_sept_2014.csv": [2798, 2798, 0, true],
  "provider_at_march_2015.csv": [2605, 2605, 0, false],
  "provider_at_march_2016.csv": [2647, 2647, 0, false],
  "provider_at_march_2017.csv": [2688, 2688, 0, false],
  "provider_at_march_2018.csv": [2797, 2797, 0, false],
  "provider_at_march_2018_part2.csv": [2941, 2941, 0, true],
  "provider_at_march_2019.csv": [2864, 2864, 0, false],
  "provider_at_march_2020.csv": [2971, 2971, 0, false],
  "provider_at_march_2021.csv": [3402, 3402, 0, true],
  "provider_at_march_2022.csv": [3576, 3576, 0, true],
  "provider_at_march_2023.csv": [3546, 3546, 0, false],
  "provider_at_march_2024.csv": [3876, 3876, 0, false],
  "provider_at_march_2025.csv": [5600, 5596, 4, true],
};

describe.skipIf(DATA === null)("ofsted-providers on the real files", () => {
  let run: IngestRun;
  beforeAll(async () => {
    run = await runIngesters(DATA!, [laReferenceIngester, ofstedProvidersIngester]);
  }, 60_000);
  afterAll(async () => run?.close());

  it("accounts for every row of every file exactly", () => {
    const mine = run.stats.filter((s) => s.file.startsWith("ofsted-providers/"));
    const got = Object.fromEntries(
      mine.map((s) => [s.file.replace("ofsted-providers/", ""), [s.rowsRead, s.rowsKept, s.rowsRejected]]),
    );
    expect(got).toEqual(Object.fromEntries(Object.entries(REAL_FILES).map(([f, v]) => [f, v.slice(0, 3)])));
  });

  it("writes 42,307 rows and flags coverage and the supplementary 2018 register per file", async () => {
    const rows = (
      await run.connection.runAndReadAll(
        `SELECT source_file, count(*)::INTEGER AS n, bool_and(covers_all_registered) AS c,
                bool_and(is_supplementary) AS s, min(source) AS source
         FROM provider_snapshots GROUP BY source_file`,
      )
    ).getRowObjectsJson();
    expect(rows.reduce((a, r) => a + Number(r.n), 0)).toBe(42_307);
    for (const r of rows) {
      const name = String(r.source_file).replace("ofsted-providers/", "");
      expect([name, r.n, r.c]).toEqual([name, REAL_FILES[name]![1], REAL_FILES[name]![3]]);
      expect(r.s).toBe(name === "provider_at_march_2018_part2.csv");
      expect(r.source).toBe("ofsted-providers");
    }
  });

  it("rejects only the four Welsh supported-accommodation premises of 2025, by name", () => {
    const mine = run.rejects.filter((r) => r.file.startsWith("ofsted-providers/"));
    expect(mine.map((r) => r.reason.replace(/^URN \S+: /, "")).sort()).toEqual([
      "council 'Cardiff' is outside England (Wales)",
      "council 'Conwy' is outside England (Wales)",
      "council 'Newport' is outside England (Wales)",
      "council 'Wrexham' is outside England (Wales)",
    ]);
  });

  it("normalises sector and judgement vocabularies to the closed lists", async () => {
    const rows = (
      await run.connection.runAndReadAll(
        `SELECT DISTINCT coalesce(sector, 'NULL:' || coalesce(sector_original, '')) AS s FROM provider_snapshots
         UNION ALL SELECT DISTINCT 'rating:' || coalesce(overall_rating, 'NULL') FROM provider_snapshots`,
      )
    ).getRowObjectsJson();
    expect(rows.map((r) => r.s).sort()).toEqual([
      "Academy",
      "Health Authority",
      "Local Authority",
      "NULL:Public sector",
      "Private",
      "Voluntary",
      "rating:Good",
      "rating:Inadequate",
      "rating:NULL",
      "rating:Outstanding",
      "rating:Requires improvement",
    ]);
  });
});
