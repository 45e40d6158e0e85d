/**
 * End to end without the internet: the fetcher pages through a local Contracts Finder stand-in
 * into a tmp folder, then the warehouse build reads that folder (pages + manifest, plus a
 * council lookup) and must yield exactly the contracts the handmade pages describe.
 * Buyers are real council names (so la_code can be checked); notices and suppliers are invented.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { laReferenceCsv } from "@lens/sample";
import { openWarehouse, queryRows } from "@lens/warehouse";
import { buildWarehouse } from "@lens/warehouse/build";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runFetchCli } from "./run-fetch.js";
import { captureStream, quickHttp, sendJson, startTestServer, type TestServer } from "./test-server.js";

const FIRST =
  "/Published/Notices/OCDS/Search?publishedFrom=2025-01-01T00:00:00&publishedTo=2025-01-31T23:59:59&limit=100";
const SECOND = "/Published/Notices/OCDS/Search?cursor=UEFHRTI&limit=100";

interface Notice {
  ocid: string;
  tag: "tender" | "award";
  date: string;
  buyer: string;
  cpv: string;
  title: string;
  value: number;
  award?: { supplier: string; value: number; start: string; end: string; date: string };
}

/** One Contracts Finder-shaped OCDS 1.1 release (buyer party, tender, optional award). */
function release(n: Notice, i: number): Record<string, unknown> {
  const buyerId = `GB-FIXTURE-${n.ocid.slice(-4)}`;
  return {
    ocid: n.ocid,
    id: `${n.ocid}-${n.tag}-${i}`,
    date: n.date,
    tag: [n.tag],
    initiationType: "tender",
    parties: [
      { id: buyerId, name: n.buyer, roles: ["buyer"] },
      ...(n.award
        ? [{ id: "GB-FIXTURE-SUP", name: n.award.supplier, roles: ["supplier"], details: { scale: "sme" } }]
        : []),
    ],
    buyer: { id: buyerId, name: n.buyer },
    tender: {
      id: `${n.ocid}-tender`,
      title: n.title,
      description: `${n.title} (handmade fixture)`,
      status: n.tag === "award" ? "complete" : "active",
      procurementMethod: "open",
      procurementMethodDetails: "Open procedure",
      classification: { scheme: "CPV", id: n.cpv, description: "fixture" },
      items: [{ id: "1", classification: { scheme: "CPV", id: n.cpv } }],
      value: { amount: n.value, currency: "GBP" },
      tenderPeriod: { startDate: "2024-11-01T00:00:00Z", endDate: "2024-12-01T12:00:00Z" },
    },
    ...(n.award
      ? {
          awards: [
            {
              id: `${n.ocid}-award`,
              status: "active",
              date: n.award.date,
              value: { amount: n.award.value, currency: "GBP" },
              suppliers: [{ id: "GB-FIXTURE-SUP", name: n.award.supplier }],
              contractPeriod: { startDate: n.award.start, endDate: n.award.end },
            },
          ],
        }
      : {}),
  };
}

function page(notices: readonly Notice[], next: string | null): string {
  return JSON.stringify({
    uri: "https://example.invalid/ocds/search",
    version: "1.1",
    publishedDate: "2025-02-01T09:00:00Z",
    publisher: { name: "Test Publisher" },
    license: "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    publicationPolicy: "https://example.invalid/policy",
    releases: notices.map((n, i) => release(n, i + 1)),
    ...(next === null ? {} : { links: { next } }),
  });
}

const HOMES = {
  ocid: "ocds-b5fd17-fixture-0001",
  buyer: "Devon County Council",
  cpv: "85311300",
  title: "Residential children's home placements",
  value: 1_200_000,
};
const BREAKS = {
  ocid: "ocds-b5fd17-fixture-0002",
  buyer: "Leeds City Council",
  cpv: "85312120",
  title: "Short breaks for disabled children",
  value: 250_000,
};

let server: TestServer;
let dir: string;

beforeAll(async () => {
  server = await startTestServer();
  dir = await mkdtemp(join(tmpdir(), "lens-fetch-build-"));
  const first = page(
    [
      { ...HOMES, tag: "tender", date: "2025-01-06T10:00:00Z" },
      { ...BREAKS, tag: "tender", date: "2025-01-07T10:00:00Z" },
    ],
    `${server.origin}${SECOND}`,
  );
  const second = page(
    [
      // The award supersedes the tender of the same ocid: one contract, the award's figures.
      {
        ...HOMES,
        tag: "award",
        date: "2025-01-20T10:00:00Z",
        award: {
          supplier: "Imaginary Homes Ltd",
          value: 1_080_000,
          start: "2025-04-01T00:00:00Z",
          end: "2028-03-31T23:59:59Z",
          date: "2025-01-17T00:00:00Z",
        },
      },
    ],
    null,
  );
  server.route(FIRST, (_req, res) => sendJson(res, first));
  server.route(SECOND, (_req, res) => sendJson(res, second));
});

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("fetch then build", () => {
  it("builds the fetched Contracts Finder pages into the expected contracts", async () => {
    const raw = join(dir, "raw");
    const stderr = captureStream();
    const window = ["--from", "2025-01-01", "--to", "2025-01-31"];
    const code = await runFetchCli(
      ["--source", "contracts-finder", "--base-url", server.origin, "--out", raw, ...window],
      {
        stdout: captureStream(),
        stderr,
        http: quickHttp(),
        today: () => "2025-01-31",
      },
    );
    expect(code, stderr.text()).toBe(0);
    expect((await readdir(join(raw, "contracts-finder"))).sort()).toEqual([
      "manifest.json",
      "page-0001.json",
      "page-0002.json",
    ]);
    await mkdir(join(raw, "la-reference"), { recursive: true });
    await writeFile(join(raw, "la-reference", "d2i_la_lookup_stat_neighbours.csv"), laReferenceCsv());

    const outPath = join(dir, "warehouse", "lens.duckdb");
    const summary = await buildWarehouse({ sourcesDir: raw, outPath });
    expect(summary.isSample).toBe(false);
    // The manifest is not a release package: it must not be read as one.
    expect(summary.unrecognisedFiles).toEqual(["contracts-finder/manifest.json"]);
    const cf = summary.sources.find((s) => s.source === "contracts-finder");
    expect(cf).toMatchObject({ files: 2, rowsRead: 3 });

    const warehouse = await openWarehouse(outPath, { readOnly: true });
    const connection = await warehouse.connect();
    try {
      const rows = await queryRows(
        connection,
        `SELECT ocid, source, buyer_name, la_code, supplier_name, value_gbp::DOUBLE value_gbp,
                start_date::VARCHAR start_date, end_date::VARCHAR end_date, duration_months::DOUBLE duration_months,
                annual_value_gbp::DOUBLE annual_value_gbp, source_file
         FROM contracts ORDER BY ocid`,
      );
      expect(rows).toEqual([
        {
          ocid: HOMES.ocid,
          source: "contracts-finder",
          buyer_name: "Devon County Council",
          la_code: "878",
          supplier_name: "Imaginary Homes Ltd",
          value_gbp: 1_080_000,
          start_date: "2025-04-01",
          end_date: "2028-03-31",
          duration_months: 36,
          annual_value_gbp: 360_000,
          source_file: "contracts-finder/page-0002.json",
        },
        {
          ocid: BREAKS.ocid,
          source: "contracts-finder",
          buyer_name: "Leeds City Council",
          la_code: "383",
          supplier_name: null,
          value_gbp: 250_000,
          start_date: null,
          end_date: null,
          duration_months: null,
          annual_value_gbp: null,
          source_file: "contracts-finder/page-0001.json",
        },
      ]);
    } finally {
      connection.closeSync();
      warehouse.close();
    }
  }, 60_000);
});
