import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type IngestRun, runIngesters, runOnFiles } from "../testing/build-fixture.js";
import { sharedDataDir } from "../testing/shared-data.js";
import { laReferenceIngester } from "./la-reference.js";

const DATA = sharedDataDir();
const HEADER = "urn,la_code,la_code_new,stat_neighbours,local_authority_ons_name,region_name,ons_la_type";
const TEN = '"380, 381, 382, 384, 370, 371, 372, 373, 392, 393"';

describe("la-reference (handmade)", () => {
  it("keeps a council with its ten neighbours in rank order and rejects the rest with the reason", async () => {
    const text = [
      HEADER,
      `1,383,E08000035,${TEN},Leeds,Yorkshire and The Humber,Metropolitan district`,
      `2,38,E08000035,${TEN},Leeds,Yorkshire and The Humber,Metropolitan district`,
      `3,909,E10000006,${TEN},Cumbria,North West,County`,
      `4,383,E08000035,${TEN},Leeds,Yorkshire and The Humber,Metropolitan district`,
      `5,380,E08000032,${TEN},Bradford,,Metropolitan district`,
      ",,,,,,",
      `6,381,E08000033,"380, 383",Calderdale,Yorkshire and The Humber,Metropolitan district`,
    ].join("\n");
    const run = await runOnFiles({ "ref/lookup.csv": `${text}\n` }, [laReferenceIngester]);
    try {
      expect(run.stats).toMatchObject([{ file: "ref/lookup.csv", rowsRead: 6, rowsKept: 1, rowsRejected: 5 }]);
      expect(run.rejects.map((r) => [r.line, r.reason])).toEqual([
        [3, "la_code '38' is not a 3-digit DfE code"],
        [4, "council 909 (Cumbria) was abolished by a boundary change; older rows map through aliases"],
        [5, "duplicate la_code 383"],
        [6, "council 380: missing ONS code, name, region or council type"],
        [8, "council 381: expected 10 statistical neighbours, found 2"],
      ]);
      const las = (await run.connection.runAndReadAll("SELECT * FROM local_authorities")).getRowObjectsJson();
      expect(las).toEqual([
        {
          la_code: "383",
          ons_code: "E08000035",
          name: "Leeds",
          region: "Yorkshire and The Humber",
          la_type: "Metropolitan district",
        },
      ]);
      const neighbours = (
        await run.connection.runAndReadAll(
          "SELECT la_code, neighbour_la_code, rank FROM statistical_neighbours ORDER BY rank",
        )
      ).getRowsJson();
      expect(neighbours.map((n) => n.join(" "))).toEqual(
        ["380", "381", "382", "384", "370", "371", "372", "373", "392", "393"].map((n, i) => `383 ${n} ${i + 1}`),
      );
    } finally {
      await run.close();
    }
  });
});

describe.skipIf(DATA === null)("la-reference on the real lookup", () => {
  let run: IngestRun;
  beforeAll(async () => {
    run = await runIngesters(DATA!, [laReferenceIngester]);
  }, 60_000);
  afterAll(async () => run?.close());

  it("keeps 153 councils with 10 neighbours each; rejects the three abolished ones", async () => {
    expect(run.stats.map((s) => [s.file, s.rowsRead, s.rowsKept, s.rowsRejected])).toEqual([
      ["la-reference/d2i_la_lookup_stat_neighbours.csv", 156, 153, 3],
    ]);
    expect(run.rejects.map((r) => [r.line, r.reason.replace(/\).*/, ")")])).toEqual([
      [32, "council 909 (Cumbria)"],
      [93, "council 928 (Northamptonshire)"],
      [101, "council 836 (Poole)"],
    ]);
    const counts = (
      await run.connection.runAndReadAll(
        "SELECT (SELECT count(*) FROM local_authorities)::INTEGER, (SELECT count(*) FROM statistical_neighbours)::INTEGER",
      )
    ).getRowsJson();
    expect(counts).toEqual([[153, 1530]]);
  });
});
