/**
 * Citable links over real HTTP: POST stores a chart's rows under a short id, GET and /s/<id>
 * serve them, and they keep being served unchanged after the warehouse is rebuilt.
 */
import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveFixtureCopy } from "../test/fixture.js";
import { MAX_SNAPSHOT_BYTES } from "./store.js";

let served: Awaited<ReturnType<typeof serveFixtureCopy>>;
let dir: string;
let fx: Awaited<ReturnType<typeof serveFixtureCopy>>["fx"];
let server: Awaited<ReturnType<typeof serveFixtureCopy>>["server"];
beforeAll(async () => {
  served = await serveFixtureCopy("lens-snapshots-test-");
  ({ dir, fx, server } = served);
});
afterAll(() => served.close());

const post = (body: unknown, type = "application/json") =>
  fetch(`${server.base}/api/v1/snapshots`, {
    method: "POST",
    headers: { "content-type": type },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

const chart = () => ({
  title: "Share of contracts lasting at least three years, by model",
  description: "England, 2018–2024",
  page: "/explore?metric=share_36_months&groupBy=model",
  chartId: "explore-compare",
  columns: [
    { key: "model", label: "Model" },
    { key: "value", label: "Share", format: "percent" },
  ],
  rows: [
    { model: "market-led", value: 0.31 },
    { model: "cooperative", value: 0.41 },
  ],
  filters: { from: 2018, to: 2024 },
  sources: ["Contracts Finder (sample)"],
  buildId: fx.warehouse.info.buildId,
});

describe("POST /api/v1/snapshots and GET /api/v1/snapshots/{id}", () => {
  it("stores the rows under a short id, the same id for the same content", async () => {
    const res = await post(chart());
    expect(res.status).toBe(201);
    const made = (await res.json()) as { id: string; url: string };
    expect(made.id).toMatch(/^[A-Za-z0-9_-]{10}$/);
    expect(made.url).toBe(`/s/${made.id}`);
    const again = (await (await post(chart())).json()) as { id: string };
    expect(again.id).toBe(made.id);

    const got = await fetch(`${server.base}/api/v1/snapshots/${made.id}`);
    const snapshot = (await got.json()) as { rows: unknown[]; buildId: string; builtAt: string; createdAt: string };
    expect(snapshot.rows).toEqual(chart().rows);
    expect((snapshot as unknown as { columns: unknown }).columns).toEqual(chart().columns);
    expect(snapshot.buildId).toBe(fx.warehouse.info.buildId);
    expect(snapshot.builtAt).toBe(fx.warehouse.info.builtAt);
  });

  // Bodies are made when each case runs: the build id is known only once the fixture is open.
  const cases: [string, () => unknown, number][] = [
    ["not JSON", () => "{", 400],
    ["a missing title", () => ({ ...chart(), title: undefined }), 400],
    ["an unknown field", () => ({ ...chart(), extra: 1 }), 400],
    ["a page off this site", () => ({ ...chart(), page: "https://example.org/x" }), 400],
    ["an object in a cell", () => ({ ...chart(), rows: [{ model: { a: 1 } }] }), 400],
    ["a build not served", () => ({ ...chart(), buildId: "someone-else#1" }), 409],
    ["a body over the limit", () => ({ ...chart(), description: "x".repeat(MAX_SNAPSHOT_BYTES) }), 413],
  ];
  it.each(cases)("refuses %s", async (_what, body, status) => {
    const res = await post(body());
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { message: string } }).error.message.length).toBeGreaterThan(3);
  });

  it("refuses another content type, and 404s an unknown id", async () => {
    expect((await post(chart(), "text/plain")).status).toBe(415);
    expect((await fetch(`${server.base}/api/v1/snapshots/AAAAAAAAAA`)).status).toBe(404);
    expect((await fetch(`${server.base}/api/v1/snapshots/..%2F..%2Fetc`)).status).toBe(400);
    expect((await fetch(`${server.base}/api/v1/snapshots/short`)).status).toBe(404);
  });

  it("keeps serving the cited rows after the warehouse is rebuilt", async () => {
    const { id } = (await (await post(chart())).json()) as { id: string };
    const before = fx.warehouse.info.buildId;
    // A rebuild renames a new file into place: a new inode, so a new build id.
    await copyFile(join(dir, "lens.duckdb"), join(dir, "next.duckdb"));
    const { rename } = await import("node:fs/promises");
    await rename(join(dir, "next.duckdb"), join(dir, "lens.duckdb"));
    await fx.warehouse.reload();
    expect(fx.warehouse.info.buildId).not.toBe(before);
    const snapshot = (await (await fetch(`${server.base}/api/v1/snapshots/${id}`)).json()) as {
      rows: unknown[];
      buildId: string;
      current: { id: string };
    };
    expect(snapshot.rows).toEqual([
      { model: "market-led", value: 0.31 },
      { model: "cooperative", value: 0.41 },
    ]);
    expect(snapshot.buildId).toBe(before);
    expect(snapshot.current.id).toBe(fx.warehouse.info.buildId);
  });
});
