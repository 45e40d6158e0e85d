import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { laReferenceIngester } from "../la-reference/la-reference.js";
import { type IngestRun, runIngesters, runOnFiles } from "../testing/build-fixture.js";
import { sharedDataDir } from "../testing/shared-data.js";
import type { SourceIngester } from "../types.js";
import { ofstedIlacsIngester } from "./ilacs.js";
import { ofstedInspectionsIngester } from "./inspections.js";
import { ofstedJoinersLeaversIngester } from "./joiners-leavers.js";
import { ofstedProvidersIngester } from "./providers.js";

const DATA = sharedDataDir();
const ALL = [
  laReferenceIngester,
  ofstedProvidersIngester,
  ofstedInspectionsIngester,
  ofstedJoinersLeaversIngester,
  ofstedIlacsIngester,
];

/** Ingests one handmade file with `ingester`: its stats, rejects and the rows `sql` selects. */
async function ingest(ingester: SourceIngester, relativePath: string, text: string, sql: string) {
  const run = await runOnFiles({ [relativePath]: text }, [ingester]);
  try {
    const rows = (await run.connection.runAndReadAll(sql)).getRowsJson();
    return { stats: run.stats, rejects: run.rejects.map(({ line, reason }) => ({ line, reason })), rows };
  } finally {
    await run.close();
  }
}

describe("in-year inspections (handmade)", () => {
  it("decodes the 2013-14 numeric codes for full inspections only and normalises types", async () => {
    const text = [
      "Provider URN,Provider status,Provider type,Sector,Local Authority,Event number,Event date,Event type group,Overall effectiveness,Outcomes for children and young people",
      "SC1,Active,Children's Home,Local authority,Leeds,11,01/05/2014,Full inspection,3,2",
      "SC2,Active,Children's Home,Private,Leeds,12,01/05/2014,Interim inspection,3,0",
      "SC3,Active,Children's Home,Private,Leeds,13,01/03/2014,Full inspection,7,0",
    ].join("\r\n");
    const p = await ingest(
      ofstedInspectionsIngester,
      "Carehomes_inspec_14_2.csv",
      `${text}\r\n`,
      "SELECT urn, inspection_type, overall_rating, overall_rating_original, year FROM inspections ORDER BY source_line",
    );
    expect(p.rows).toEqual([
      ["SC1", "Full inspection", "Requires improvement", "3", 2015],
      ["SC2", "Interim inspection", null, "3", 2015],
    ]);
    expect(p.rejects).toEqual([
      { line: 4, reason: "URN SC3: overall judgement '7' not recognised for a Full inspection event" },
    ]);
  });

  it("keeps the judgement vocabulary of interim events as original text only", async () => {
    const text = [
      "Web link,URN,Local authority,Sector,Inspection type,Inspection Date,Inspection ID,Overall effectiveness",
      "x,SC1,Leeds,Voluntary ,SC Interim,18/03/2015,9,Improved Effectiveness",
      "x,SC2,Leeds,Private,SC – Emergency inspection,18/03/2015,1.02E+07,",
    ].join("\n");
    const p = await ingest(
      ofstedInspectionsIngester,
      "All_SocCare_inspec_1415.csv",
      text,
      "SELECT inspection_type, overall_rating, overall_rating_original, sector, event_number FROM inspections ORDER BY source_line",
    );
    expect(p.rows).toEqual([
      ["Interim inspection", null, "Improved Effectiveness", "Voluntary", "9"],
      ["Emergency inspection", null, null, "Private", null],
    ]);
  });

  it("keeps an event read twice from the full-year file, whatever the file names, and rejects the coded extract's copy", async () => {
    const coded = [
      "Provider URN,Provider status,Provider type,Sector,Local Authority,Event number,Event date,Event type group,Overall effectiveness,Outcomes for children and young people",
      "SC1,Active,Children's Home,Private,Leeds,11,01/05/2014,Full inspection,2,2",
    ].join("\n");
    const full = [
      "URN,Local authority,Sector,Inspection type,Inspection Date,Inspection ID,Overall effectiveness",
      "SC1,Leeds,Private,Full inspection,01/05/2014,11,Good",
      "SC1,Leeds,Private,Full inspection,01/05/2014,11,Good",
    ].join("\n");
    const run = await runOnFiles({ "a_inspec_coded.csv": coded, "z_inspec_full.csv": full }, [
      ofstedInspectionsIngester,
    ]);
    try {
      expect(run.stats.map((s) => [s.file, s.rowsRead, s.rowsKept, s.rowsRejected])).toEqual([
        ["z_inspec_full.csv", 2, 1, 1],
        ["a_inspec_coded.csv", 1, 0, 1],
      ]);
      expect(run.rejects).toEqual([
        { file: "z_inspec_full.csv", line: 3, reason: "URN SC1: event 11 already read from z_inspec_full.csv:2" },
        { file: "a_inspec_coded.csv", line: 2, reason: "URN SC1: event 11 already read from z_inspec_full.csv:2" },
      ]);
    } finally {
      await run.close();
    }
  });
});

describe("joiners and leavers (handmade)", () => {
  it("splits a provider that joined and left into two events and takes the year from the title", async () => {
    const text = [
      "Children's social care data in England 2023 - Leavers and Joiners at 31 March 2023,,,,,,,,,,",
      "URN,Local authority,Sector,Places,Provision type,First effective date (that the provider became active),First effective date (that the provider became resigned),First effective date (that the provider closed),Joiner status,Leaver status,Registration status (as at 31 March 2023)",
      "1,Leeds,Private,NULL,Children's Home,01/05/2022,03/03/2023,01/03/2023,Joiner,Leaver,Resigned",
      "2,Leeds,Private,4,Children's home,01/05/2022,,,,,Active",
    ].join("\n");
    const p = await ingest(
      ofstedJoinersLeaversIngester,
      "whatever.csv",
      text,
      "SELECT urn, event, event_date::VARCHAR, year, places, registration_status FROM joiners_leavers ORDER BY source_line, event",
    );
    expect(p.rows).toEqual([
      ["1", "joiner", "2022-05-01", 2023, null, "Resigned"],
      ["1", "leaver", "2023-03-01", 2023, null, "Resigned"],
    ]);
    expect(p.stats).toMatchObject([{ rowsRead: 2, rowsKept: 1, rowsRejected: 1 }]);
    expect(p.rejects).toEqual([{ line: 4, reason: "URN 2: neither a joiner nor a leaver" }]);
  });
});

describe.skipIf(DATA === null)("all Ofsted sources on the real files", () => {
  let run: IngestRun;
  beforeAll(async () => {
    run = await runIngesters(DATA!, ALL);
  }, 120_000);
  afterAll(async () => run?.close());
  const stat = (prefix: string) =>
    Object.fromEntries(
      run.stats
        .filter((s) => s.file.startsWith(prefix))
        .map((s) => [s.file.slice(prefix.length), [s.rowsRead, s.rowsKept, s.rowsRejected]]),
    );
  const count = async (sql: string) => Number((await run.connection.runAndReadAll(sql)).getRows()[0]![0]);

  it("inspections: exact counts per file; the Apr–Jun 2014 extract repeats 2014-15 events", async () => {
    expect(stat("ofsted-inspections-in-year/")).toEqual({
      "All_SocCare_exccarehomes_inspec_1314.csv": [231, 231, 0],
      "All_SocCare_inspec_1415.csv": [4086, 4086, 0],
      "All_SocCare_inspec_1516.csv": [4416, 4416, 0],
      "All_SocCare_inspec_1617.csv": [4455, 4455, 0],
      "All_SocCare_inspec_1718.csv": [3488, 3488, 0],
      "All_SocCare_inspec_1819.csv": [3480, 3480, 0],
      "All_SocCare_inspec_1920.csv": [3463, 3463, 0],
      "All_SocCare_inspec_2122_fin.csv": [3612, 3612, 0],
      "All_SocCare_inspec_2223.csv": [3767, 3767, 0],
      "All_SocCare_inspec_2324.csv": [4160, 4160, 0],
      "Carehomes_inspec_14_1.csv": [1741, 1741, 0],
      "Carehomes_inspec_14_2.csv": [289, 0, 289],
    });
    expect(await count("SELECT count(*) FROM inspections")).toBe(36_899);
    const reasons = new Set(
      run.rejects
        .filter((r) => r.file.includes("Carehomes_inspec_14_2"))
        .map((r) => r.reason.replace(/.*already read from ([^:]+):\d+$/, "$1")),
    );
    expect([...reasons]).toEqual(["ofsted-inspections-in-year/All_SocCare_inspec_1415.csv"]);
  });

  it("joiners/leavers: exact counts; children's homes joiners/leavers match PROVENANCE", async () => {
    expect(stat("ofsted-joiners-leavers/")).toEqual({
      "joiners_leavers_2017.csv": [468, 468, 0],
      "joiners_leavers_2018.csv": [425, 424, 1],
      "joiners_leavers_2019.csv": [399, 399, 0],
      "joiners_leavers_2020.csv": [502, 502, 0],
      "joiners_leavers_2021.csv": [545, 545, 0],
      "joiners_leavers_2022.csv": [504, 504, 0],
      "joiners_leavers_2023.csv": [575, 575, 0],
    });
    expect(await count("SELECT count(*) FROM joiners_leavers")).toBe(3455);
    const homes = (
      await run.connection.runAndReadAll(
        `SELECT year, count(*) FILTER (event = 'joiner')::INTEGER j, count(*) FILTER (event = 'leaver')::INTEGER l
         FROM joiners_leavers WHERE provision_type = 'Children''s home' GROUP BY year ORDER BY year`,
      )
    ).getRows();
    expect(homes).toEqual([
      [2017, 224, 146],
      [2018, 204, 133],
      [2019, 204, 110],
      [2020, 287, 126],
      [2021, 351, 105],
      [2022, 302, 129],
      [2023, 370, 119],
    ]);
    expect(run.rejects.filter((r) => r.file.includes("joiners_leavers_2018")).map((r) => r.reason)).toEqual([
      expect.stringContaining("no local authority named"),
    ]);
  });

  it("ilacs: 153 councils; grade counts match PROVENANCE (good 63, outstanding 46, RI 29, inadequate 13, missing 2)", async () => {
    expect(stat("ofsted-ilacs/")).toEqual({ "ofsted_csc_ilacs_overview.xlsx": [153, 153, 0] });
    const grades = (
      await run.connection.runAndReadAll(
        "SELECT coalesce(overall_rating, 'missing') g, count(*)::INTEGER n FROM ilacs GROUP BY g ORDER BY g",
      )
    ).getRows();
    expect(grades).toEqual([
      ["Good", 63],
      ["Inadequate", 13],
      ["Outstanding", 46],
      ["Requires improvement", 29],
      ["missing", 2],
    ]);
    expect(
      await count("SELECT count(*) FROM ilacs i LEFT JOIN local_authorities l USING (la_code) WHERE l.la_code IS NULL"),
    ).toBe(0);
  });
});

describe.skipIf(DATA === null)("corrupt real files fail the source with file:line: reason", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "lens-ofsted-corrupt-"));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  async function runOn(name: string, bytes: Uint8Array | string, folder = "ofsted-providers") {
    const sub = join(dir, `${Math.random().toString(36).slice(2)}`, folder);
    await mkdir(sub, { recursive: true });
    await writeFile(join(sub, name), bytes);
    return runIngesters(join(sub, ".."), ALL.slice(1));
  }

  it("a provider file cut in half", async () => {
    const bytes = await readFile(join(DATA!, "ofsted-providers", "provider_at_march_2021.csv"));
    await expect(runOn("provider_at_march_2021.csv", bytes.subarray(0, bytes.length / 2))).rejects.toThrow(
      /^ofsted-providers\/provider_at_march_2021\.csv:\d+: (file ends in the middle of a record|unterminated quoted field)/,
    );
  });

  it("an in-year file whose header line was dropped", async () => {
    const text = (await readFile(join(DATA!, "ofsted-inspections-in-year", "All_SocCare_inspec_1516.csv"), "utf8"))
      .split("\r\n")
      .slice(1)
      .join("\r\n");
    await expect(runOn("All_SocCare_inspec_1516.csv", text, "ofsted-inspections-in-year")).rejects.toThrow(
      "ofsted-inspections-in-year/All_SocCare_inspec_1516.csv:1: no Ofsted in-year inspection header",
    );
  });

  it("a provider file re-encoded as UTF-16", async () => {
    const text = await readFile(join(DATA!, "ofsted-providers", "provider_at_march_2016.csv"), "utf8");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    await expect(runOn("provider_at_march_2016.csv", utf16)).rejects.toThrow(
      "ofsted-providers/provider_at_march_2016.csv:1: no Ofsted provider header",
    );
  });
});
