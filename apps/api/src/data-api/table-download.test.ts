/** GET /api/v1/contracts and /providers over real HTTP on the fixture warehouse: rows, formats, about, errors. */
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openFixture, startServer } from "../test/fixture.js";

let fx: Awaited<ReturnType<typeof openFixture>>;
let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  fx = await openFixture();
  server = await startServer(fx.warehouse, fx.cache);
});
afterAll(async () => {
  await server.close();
  fx.close();
});

const get = (path: string) => fetch(`${server.base}${path}`);
/** The search rows cut to the download's columns (the search may carry more, e.g. ones still being added). */
const sameKeys = (rows: readonly object[], like: readonly object[]) =>
  rows.map((r) => {
    const keys = Object.keys(like[0] ?? {});
    return Object.fromEntries(Object.entries(r).filter(([k]) => keys.includes(k)));
  });
const parseCsvLines = (text: string) => text.replace(/\r\n$/, "").split("\r\n");

describe("GET /api/v1/contracts", () => {
  it("downloads the whole filtered selection as CSV with a byte-order mark and no # lines", async () => {
    const search = await fx.caller.contracts.search({ filters: { region: ["London"] }, pageSize: 1 });
    const res = await get("/api/v1/contracts?region=London&format=csv&bom=1");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="lens-contracts.csv"');
    expect(res.headers.get("x-lens-build")).toBe(fx.warehouse.info.buildId);
    expect(res.headers.get("x-lens-total-rows")).toBe(String(search.total));
    expect(res.headers.get("x-lens-truncated")).toBe("false");
    expect(res.headers.get("link")).toBe(
      '</api/v1/contracts/about?region=London>; rel="describedby"; type="application/json"',
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = parseCsvLines(new TextDecoder().decode(bytes.slice(3)));
    expect(lines[0]?.startsWith("contractId,source,ocid,title,")).toBe(true);
    expect(lines.some((l) => l.startsWith("#"))).toBe(false);
    expect(lines.length - 1).toBe(search.total);
  });

  it("takes the Contracts page's red-flag filter: the same rows as the search with that flag", async () => {
    const search = await fx.caller.contracts.search({ flag: "direct-award-for-profit", pageSize: 1 });
    expect(search.total).toBeGreaterThan(0);
    const res = await get("/api/v1/contracts?flag=direct-award-for-profit&format=csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-lens-total-rows")).toBe(String(search.total));
    expect((await get("/api/v1/contracts?flag=guilty&format=csv")).status).toBe(400);
  });

  it("writes CSV without a mark unless asked, in the search's order", async () => {
    const page = await fx.caller.contracts.search({ filters: { council: ["886"] }, pageSize: 5 });
    const text = await (await get("/api/v1/contracts?council=886&format=csv")).text();
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const ids = parseCsvLines(text)
      .slice(1, 6)
      .map((l) => l.split(",")[0]);
    expect(ids).toEqual(page.rows.map((r) => r.contractId));
  });

  it("answers JSON with the about first and the rows of the search", async () => {
    const search = await fx.caller.contracts.search({ filters: { model: ["cooperative"], from: 2018 }, pageSize: 100 });
    const res = await get("/api/v1/contracts?model=cooperative&from=2018");
    const body = (await res.json()) as {
      about: { total: number; rows: number; truncated: boolean; build: { id: string }; licence: string };
      rows: { contractId: string; sourceLink: string }[];
    };
    expect(body.about.total).toBe(search.total);
    expect(body.about.rows).toBe(search.total);
    expect(body.about.truncated).toBe(false);
    expect(body.about.build.id).toBe(fx.warehouse.info.buildId);
    expect(body.rows).toHaveLength(search.total);
    expect(body.rows.slice(0, search.rows.length)).toEqual(sameKeys(search.rows, body.rows));
  });

  it("writes XLSX with a Data sheet and an About sheet", async () => {
    const res = await get("/api/v1/contracts?council=886&format=xlsx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const workbook = strFromU8(files["xl/workbook.xml"]!);
    expect(workbook).toMatch(/name="Data"/);
    expect(workbook).toMatch(/name="About"/);
    const total = Number(res.headers.get("x-lens-rows"));
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]!);
    expect((sheet.match(/<row /g) ?? []).length).toBe(total + 1);
  });

  it("describes a selection at …/about without its rows", async () => {
    const res = await get("/api/v1/contracts/about?region=London&q=care");
    expect(res.status).toBe(200);
    const about = (await res.json()) as {
      total: number;
      q: string;
      rowCap: number;
      columns: { key: string }[];
      links: { csv: string };
    };
    const search = await fx.caller.contracts.search({ filters: { region: ["London"] }, q: "care", pageSize: 1 });
    expect(about.total).toBe(search.total);
    expect(about.q).toBe("care");
    expect(about.rowCap).toBe(100_000);
    expect(about.columns.map((c) => c.key)).toContain("sourceLink");
    expect(about.links.csv).toBe("/api/v1/contracts?region=London&q=care&format=csv&bom=1");
  });

  it.each([
    ["/api/v1/contracts?format=pdf", "format"],
    ["/api/v1/contracts?region=Atlantis", "region"],
    ["/api/v1/contracts?sort=colour", "sort"],
    ["/api/v1/contracts?bom=yes", "bom"],
    ["/api/v1/contracts?sector=Private", "sector"],
    ["/api/v1/contracts?snapshot=all", "snapshot"],
    ["/api/v1/contracts?from=2024&to=2018", "from"],
    ["/api/v1/providers?includeOutOfScope=1", "includeOutOfScope"],
    ["/api/v1/providers/about?model=cooperative", "model"],
  ])("%s → 400 naming %s", async (path, parameter) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { parameter: string } };
    expect(body.error.parameter).toBe(parameter);
  });
});

describe("GET /api/v1/providers", () => {
  it("downloads the latest snapshot's providers, as providers.search lists them", async () => {
    const search = await fx.caller.providers.search({ filters: { sector: ["Private"] }, pageSize: 100 });
    const res = await get("/api/v1/providers?sector=Private&format=csv");
    expect(res.status).toBe(200);
    const lines = parseCsvLines(await res.text());
    expect(lines[0]).toBe(
      "urn,snapshotDate,year,provisionType,sector,laCode,councilName,places,registrationStatus,overallRating,overallRatingOriginal,inspectionDate,ownerName,source,sourceFile,sourceLine,sourceLink",
    );
    expect(lines.length - 1).toBe(search.total);
    const json = (await (await get("/api/v1/providers?sector=Private")).json()) as { rows: object[] };
    expect(json.rows.slice(0, search.rows.length)).toEqual(sameKeys(search.rows, json.rows));
  });

  it("lists every snapshot with snapshot=all", async () => {
    const search = await fx.caller.providers.search({ snapshot: "all", pageSize: 1 });
    const res = await get("/api/v1/providers/about?snapshot=all");
    expect(((await res.json()) as { total: number }).total).toBe(search.total);
  });
});
