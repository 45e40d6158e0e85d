/** Edge cases on tiny handmade fixtures written to a temp folder (never copies of real files). */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { queryRows } from "../query.js";
import { type IngestRun, runIngesters } from "../testing/build-fixture.js";
import { SourceError } from "../types.js";
import { CONTRACT_INGESTERS } from "./index.js";

const CF = "ocds-b5fd17-";
const GUID = (n: number) => `0000000${n}-aaaa-4bbb-8ccc-dddddddddddd`.slice(-36);

function release(n: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ocid: `${CF}${GUID(n)}`,
    id: `${GUID(n + 100)}-1`,
    date: "2024-01-10T10:00:00Z",
    tag: ["award"],
    buyer: { name: "Kent County Council" },
    tender: {
      title: "Fostering placements",
      classification: { id: "85311300" },
      procurementMethodDetails: "Open procedure",
    },
    awards: [
      {
        id: "a1",
        status: "active",
        date: "2024-01-05T00:00:00Z",
        value: { amount: 120000 },
        suppliers: [{ id: "S1", name: "Acme Care Ltd" }],
        contractPeriod: { startDate: "2024-02-01T00:00:00Z", endDate: "2026-01-31T23:59:59Z" },
      },
    ],
    parties: [{ id: "S1", name: "Acme Care Ltd", roles: ["supplier"], details: { scale: "sme", vcse: false } }],
    ...over,
  };
}

let dir: string;
let run: IngestRun | undefined;
afterEach(async () => {
  await run?.close();
  run = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function folder(files: Record<string, string>): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), "lens-contracts-"));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}
const lines = (...objects: unknown[]) => `${objects.map((o) => JSON.stringify(o)).join("\n")}\n`;

async function contracts(files: Record<string, string>) {
  run = await runIngesters(await folder(files), CONTRACT_INGESTERS);
  return queryRows<Record<string, string | number | boolean | null>>(
    run.connection,
    `SELECT contract_id, source, stage, value_gbp, value_is_shared, annual_value_gbp, duration_months,
            start_date::VARCHAR AS start_date, end_date::VARCHAR AS end_date, supplier_name, supplier_is_sme,
            supplier_is_vcse, la_code, in_scope, notice_url, source_file, source_line
     FROM contracts ORDER BY contract_id`,
  );
}

describe("OCDS releases", () => {
  it("applies an amendment: the latest release of an ocid wins, the earlier one is a reject", async () => {
    const first = release(1);
    const amended = release(1, {
      id: `${GUID(101)}-2`,
      date: "2024-03-01T09:00:00Z",
      tag: ["awardUpdate"],
      awards: [{ ...(first.awards as object[])[0], value: { amount: 150000 } }],
    });
    const rows = await contracts({ "r.jsonl": lines(amended, first) });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ value_gbp: 150000, duration_months: 24, stage: "award", source_line: 1 });
    expect(rows[0]?.annual_value_gbp).toBeCloseTo(75000, 0);
    expect(run?.rejects).toEqual([
      { file: "r.jsonl", line: 2, reason: expect.stringContaining("superseded by a later release") },
    ]);
    expect(run?.stats).toEqual([expect.objectContaining({ rowsRead: 2, rowsKept: 1, rowsRejected: 1 })]);
  });

  it("keeps one row per supplier of a multi-supplier award, value shared and flagged", async () => {
    const r = release(2, {
      awards: [
        {
          id: "a1",
          value: { amount: 300000 },
          suppliers: [
            { id: "S1", name: "Acme Care Ltd" },
            { id: "S2", name: "Hope Trust" },
            { id: "S3", name: "Kids CIC" },
          ],
        },
      ],
    });
    const rows = await contracts({ "r.jsonl": lines(r) });
    expect(rows.map((x) => [x.supplier_name, x.value_gbp, x.value_is_shared])).toEqual([
      ["Acme Care Ltd", 300000, true],
      ["Hope Trust", 300000, true],
      ["Kids CIC", 300000, true],
    ]);
    expect(rows[0]).toMatchObject({ supplier_is_sme: true, supplier_is_vcse: false });
    expect(rows[1]).toMatchObject({ supplier_is_sme: null, supplier_is_vcse: null });
  });

  it("turns a zero value into NULL and leaves duration NULL when there is no period", async () => {
    const r = release(3, {
      awards: [{ id: "a1", value: { amount: 0 }, suppliers: [{ id: "S1", name: "Acme Care Ltd" }] }],
    });
    const [row] = await contracts({ "r.jsonl": lines(r) });
    expect(row).toMatchObject({ value_gbp: null, annual_value_gbp: null, duration_months: null, start_date: null });
  });

  it("keeps the calendar date as written when the offset is +01:00", async () => {
    const r = release(4, {
      awards: [
        {
          id: "a1",
          value: { amount: 10000 },
          suppliers: [{ id: "S1", name: "Acme Care Ltd" }],
          contractPeriod: { startDate: "2024-04-01T00:00:00+01:00", endDate: "2025-03-31T23:59:59+01:00" },
        },
      ],
    });
    const [row] = await contracts({ "r.jsonl": lines(r) });
    expect(row).toMatchObject({ start_date: "2024-04-01", end_date: "2025-03-31", duration_months: 12 });
  });

  it("fails a truncated line with file:line: reason", async () => {
    const text = lines(release(5), release(6)) + JSON.stringify(release(7)).slice(0, 80);
    const failure = runIngesters(await folder({ "cf/releases.jsonl": text }), CONTRACT_INGESTERS);
    await expect(failure).rejects.toBeInstanceOf(SourceError);
    await expect(failure).rejects.toThrow(/^cf\/releases\.jsonl:3: invalid JSON/);
  });

  it("reads the live fetcher's page files and counts a release present in two files once", async () => {
    const page = JSON.stringify(
      { uri: "x", releases: [release(8), release(9, { tag: ["planning"], awards: [] })] },
      null,
      2,
    );
    const rows = await contracts({ "raw/contracts-finder/page-0001.json": page, "extract.jsonl": lines(release(8)) });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.notice_url).toBe(`https://www.contractsfinder.service.gov.uk/Notice/${GUID(108)}`);
    expect(run?.rejects.map((r) => r.reason).sort()).toEqual([
      "planning notice: no contract tendered or awarded yet",
      expect.stringContaining("counted once"),
    ]);
    expect(run?.stats.map((s) => [s.file, s.rowsRead, s.rowsKept, s.rowsRejected])).toEqual([
      ["extract.jsonl", 1, 0, 1],
      ["raw/contracts-finder/page-0001.json", 2, 1, 1],
    ]);
  });

  it("makes an award-less tender one intended contract and keeps Welsh buyers out of scope", async () => {
    const tender = {
      ocid: "ocds-kuma6s-1",
      date: "2025-02-01T00:00:00Z",
      tag: ["tender"],
      buyer: { name: "Cardiff Council" },
      tender: {
        title: "Foster care support",
        status: "active",
        lots: [{ value: { amount: 50000 }, contractPeriod: { durationInDays: 730 } }],
      },
    };
    const [row] = await contracts({ "w.jsonl": lines(tender) });
    expect(row).toMatchObject({
      contract_id: "ocds-kuma6s-1/tender",
      source: "sell2wales",
      stage: "tender",
      value_gbp: 50000,
      duration_months: 24,
      supplier_name: null,
      la_code: null,
      in_scope: false,
    });
  });
});

describe("tabular Contracts Finder exports", () => {
  it("treats 0 in Value Low/High as unknown and rejects pipeline notices", async () => {
    const header =
      "Notice Identifier,Notice Type,Organisation Name,Status,Published Date,Title,Description,Cpv Codes,Start Date,End Date,Closing Date,Value Low,Value High";
    const csv = [
      header,
      'A1,Contract,Kent County Council,Open,2020-04-01T10:00:00Z,"Children\'s homes",x,85311000 ,01/05/2020,30/04/2023,20/04/2020,0,0',
      "A2,Pipeline,Kent County Council,Open,2020-04-01T10:00:00Z,Roads,x,45000000 ,,,01/01/2001,500,0",
      "",
    ].join("\r\n");
    const rows = await contracts({ "export.csv": csv });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      stage: "tender",
      value_gbp: null,
      duration_months: 35.9,
      la_code: "886",
      in_scope: true,
    });
    expect(run?.rejects).toEqual([{ file: "export.csv", line: 3, reason: expect.stringContaining("Pipeline") }]);
  });

  it("rejects a notice the OCDS releases gave, and one listed in two export files the second time", async () => {
    const header = "Notice Identifier,Notice Type,Organisation Name,Status,Title,Value Low,Value High";
    const row = (id: string) => `${id},Contract,Kent County Council,Open,Fostering,0,50000`;
    const fromOcds = GUID(101); // release(1)'s id, so its notice URL
    const rows = await contracts({
      "r.jsonl": lines(release(1)),
      "a.csv": [header, row(fromOcds), row("B1"), ""].join("\r\n"),
      "b.csv": [header, row("B1"), ""].join("\r\n"),
    });
    expect(rows.map((r) => r.contract_id)).toEqual(["cf-csv:B1", `${CF}${GUID(1)}/award-1/supplier-1`]);
    expect(run?.rejects).toEqual([
      { file: "a.csv", line: 2, reason: `notice ${fromOcds} already read from Contracts Finder OCDS releases` },
      { file: "b.csv", line: 2, reason: "duplicate of cf-csv:B1, already read" },
    ]);
  });
});
