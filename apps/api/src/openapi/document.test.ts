/**
 * The OpenAPI document: valid OpenAPI 3.1 (checked by a maintained validator against the
 * specification's own schema), every route of the handler in it, every path in it answered by
 * the server, and its parameter values the ones the parser accepts.
 */
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATA_API_ROUTES } from "../data-api/routes.js";
import { openFixture, startServer } from "../test/fixture.js";
import { openApiDocument } from "./document.js";

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

type Op = { parameters?: { name: string; in: string; schema: { enum?: string[]; items?: { enum?: string[] } } }[] };
const doc = openApiDocument() as { openapi: string; paths: Record<string, Record<string, Op>> };

/** A concrete URL for a path template: the first value of each path parameter's enum. */
function concrete(path: string, op: Op): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const p = op.parameters?.find((x) => x.name === name && x.in === "path");
    return p?.schema.enum?.[0] ?? "AAAAAAAAAA";
  });
}

describe("GET /api/v1/openapi.json", () => {
  it("is valid OpenAPI 3.1", async () => {
    const res = await fetch(`${server.base}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const served = (await res.json()) as Record<string, unknown>;
    const validator = new Validator();
    const result = await validator.validate(served);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("covers every route the handler answers, and nothing else", () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(documented.sort()).toEqual(DATA_API_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it("every documented GET path is answered (not a 404 for an unknown route)", async () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!ops.get) continue;
      const url = concrete(path, ops.get);
      const res = await fetch(`${server.base}${url}`, { method: "HEAD" });
      const body = res.status === 404 ? await (await fetch(`${server.base}${url}`)).text() : "";
      // A snapshot id that does not exist is a 404 of the route ("no such snapshot"), not of the path.
      if (path === "/api/v1/snapshots/{id}") expect(body).toMatch(/no such snapshot/);
      else expect([200, 503], `${url} → ${res.status}`).toContain(res.status);
      expect(res.headers.get("x-lens-build")).toBe(fx.warehouse.info.buildId);
    }
  });

  it("lists the values the parser accepts, generated from its zod schemas", async () => {
    const table = doc.paths["/api/v1/contracts"]!.get!;
    const format = table.parameters!.find((p) => p.name === "format")!;
    expect(format.schema.enum).toEqual(["json", "csv", "xlsx"]);
    const sort = table.parameters!.find((p) => p.name === "sort")!;
    for (const value of sort.schema.enum!)
      expect((await fetch(`${server.base}/api/v1/contracts/about?sort=${value}`)).status).toBe(200);
    const region = table.parameters!.find((p) => p.name === "region")!;
    expect(region.schema.items?.enum).toContain("London");
    expect(table.parameters!.map((p) => p.name)).not.toContain("sector");
  });

  it("is drawn as the reference page at /api", async () => {
    const res = await fetch(`${server.base}/api`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const html = await res.text();
    for (const path of Object.keys(doc.paths)) expect(html).toContain(`<code>${path}</code></h2>`);
  });
});

describe("GET /api", () => {
  it("is the readable reference: every documented path, the site's icon, no script", async () => {
    const res = await fetch(`${server.base}/api`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    for (const path of Object.keys(doc.paths)) expect(html, path).toContain(`<code>${path}</code>`);
    // Without the link a browser asks for /favicon.ico, which the dashboard does not have (a 404 in its console).
    expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
    expect(html).not.toMatch(/<script/i);
  });
});
