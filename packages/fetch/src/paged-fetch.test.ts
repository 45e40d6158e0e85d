import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { USER_AGENT } from "./http-client.js";
import type { Manifest } from "./manifest.js";
import { runFetchCli } from "./run-fetch.js";
import {
  captureStream,
  fixturePage,
  quickHttp,
  sendJson,
  sendTruncated,
  startTestServer,
  type TestServer,
} from "./test-server.js";

const FIRST =
  "/Published/Notices/OCDS/Search?publishedFrom=2025-01-01T00:00:00&publishedTo=2025-01-31T23:59:59&limit=100";
const SECOND = "/Published/Notices/OCDS/Search?cursor=UEFHRTI&limit=100";
const THIRD = "/Published/Notices/OCDS/Search?cursor=UEFHRTM&limit=100";

let server: TestServer;
let out: string;
let bodies: string[];

beforeEach(async () => {
  server = await startTestServer();
  out = await mkdtemp(join(tmpdir(), "lens-fetch-"));
  bodies = [
    fixturePage(
      [
        { ocid: "ocds-test-0001", cpv: "85311300", title: "Residential children's home placements" },
        { ocid: "ocds-test-0002", cpv: "45000000", title: "Depot roof repairs" },
      ],
      `${server.origin}${SECOND}`,
    ),
    fixturePage(
      [
        { ocid: "ocds-test-0003", cpv: "85312120", title: "Short breaks for disabled children" },
        { ocid: "ocds-test-0001", cpv: "85311300", title: "Residential children's home placements", tag: "award" },
      ],
      `${server.origin}${THIRD}`,
    ),
    fixturePage([{ ocid: "ocds-test-0004", cpv: "79000000", title: "Printing services" }], null),
  ];
});

afterEach(async () => {
  await server.close();
  await rm(out, { recursive: true, force: true });
});

function serveAll(): void {
  server.route(FIRST, (_req, res) => sendJson(res, bodies[0] ?? ""));
  server.route(SECOND, (_req, res) => sendJson(res, bodies[1] ?? ""));
  server.route(THIRD, (_req, res) => sendJson(res, bodies[2] ?? ""));
}

async function run(extra: string[] = [], http = quickHttp()) {
  const stdout = captureStream();
  const stderr = captureStream();
  const args = ["--source", "contracts-finder", "--base-url", server.origin, "--out", out, ...extra];
  const code = await runFetchCli(args, { stdout, stderr, http, today: () => "2025-01-31" });
  return { code, stdout: stdout.text(), stderr: stderr.text(), sleeps: http.sleeps };
}

const WINDOW = ["--from", "2025-01-01", "--to", "2025-01-31"];
const dir = () => join(out, "contracts-finder");
const readManifestFile = async (): Promise<Manifest> =>
  JSON.parse(await readFile(join(dir(), "manifest.json"), "utf8")) as Manifest;
const sha = (text: string) => createHash("sha256").update(text).digest("hex");

describe("fetchReleasePackages against a local server", () => {
  it("follows links.next and saves every page exactly as received, with a manifest", async () => {
    serveAll();
    const result = await run(WINDOW);
    expect(result.code, result.stderr).toBe(0);

    expect((await readdir(dir())).sort()).toEqual([
      "manifest.json",
      "page-0001.json",
      "page-0002.json",
      "page-0003.json",
    ]);
    for (const [i, body] of bodies.entries()) {
      expect(await readFile(join(dir(), `page-000${i + 1}.json`), "utf8")).toBe(body);
    }
    const manifest = await readManifestFile();
    expect(manifest.complete).toBe(true);
    expect(manifest.query).toMatchObject({ from: "2025-01-01", to: "2025-01-31" });
    expect(manifest.entries.map((e) => [e.url, e.status, e.records, e.bytes, e.sha256])).toEqual([
      [`${server.origin}${FIRST}`, 200, 2, Buffer.byteLength(bodies[0] ?? ""), sha(bodies[0] ?? "")],
      [`${server.origin}${SECOND}`, 200, 2, Buffer.byteLength(bodies[1] ?? ""), sha(bodies[1] ?? "")],
      [`${server.origin}${THIRD}`, 200, 1, Buffer.byteLength(bodies[2] ?? ""), sha(bodies[2] ?? "")],
    ]);
    expect(manifest.entries.every((e) => !Number.isNaN(Date.parse(e.fetchedAt)))).toBe(true);
    expect(server.userAgents.every((ua) => ua === USER_AGENT)).toBe(true);
    expect(result.stderr).toContain("contracts-finder: done · 5 rows · files 3 · fetched 3 · kept (earlier run) 0");
  });

  it("marks children's CPV releases by default and not with --all-cpv", async () => {
    serveAll();
    await run(WINDOW);
    let manifest = await readManifestFile();
    // The manifest filter is core's children's scope (CPV codes and words), the warehouse's own definition.
    expect(manifest.filter?.kind).toBe("scope");
    expect(manifest.entries.map((e) => e.matched)).toEqual([1, 2, 0]);
    expect(manifest.entries[1]?.matchedOcids).toEqual(["ocds-test-0001", "ocds-test-0003"]);

    const all = await run([...WINDOW, "--all-cpv"]);
    expect(all.code).toBe(0);
    manifest = await readManifestFile();
    expect(manifest.filter).toBeNull();
    expect(manifest.entries.map((e) => e.matched)).toEqual([null, null, null]);
    // Filtering is bookkeeping only: the already-saved pages were not fetched again.
    expect(server.hits(FIRST)).toBe(1);
  });

  it("honours Retry-After on a 429 and then carries on", async () => {
    serveAll();
    server.route(SECOND, (_req, res, hit) =>
      hit === 1 ? sendJson(res, '{"error":"slow down"}', 429, { "Retry-After": "7" }) : sendJson(res, bodies[1] ?? ""),
    );
    const result = await run(WINDOW);
    expect(result.code, result.stderr).toBe(0);
    expect(result.sleeps).toEqual([7000]);
    expect(server.hits(SECOND)).toBe(2);
    expect((await readManifestFile()).entries[1]?.attempts).toBe(2);
    expect(result.stderr).toMatch(/retry 1 in 7\.0 s: HTTP 429/);
  });

  it("retries a transient 500 with exponential backoff", async () => {
    serveAll();
    server.route(SECOND, (_req, res, hit) => (hit <= 2 ? sendJson(res, "oops", 500) : sendJson(res, bodies[1] ?? "")));
    const result = await run(WINDOW);
    expect(result.code, result.stderr).toBe(0);
    // base 1 s, doubling, half fixed + half jitter (random fixed at 0.5 in tests)
    expect(result.sleeps).toEqual([750, 1500]);
    expect(await readFile(join(dir(), "page-0002.json"), "utf8")).toBe(bodies[1]);
  });

  it("retries a body cut off mid-transfer and saves the complete page", async () => {
    serveAll();
    server.route(SECOND, (_req, res, hit) =>
      hit === 1 ? sendTruncated(res, bodies[1] ?? "") : sendJson(res, bodies[1] ?? ""),
    );
    const result = await run(WINDOW);
    expect(result.code, result.stderr).toBe(0);
    expect(server.hits(SECOND)).toBe(2);
    expect(await readFile(join(dir(), "page-0002.json"), "utf8")).toBe(bodies[1]);
  });

  it("fails clearly on a page that stays invalid JSON, keeping earlier pages", async () => {
    serveAll();
    const broken = (bodies[1] ?? "").slice(0, 80);
    server.route(SECOND, (_req, res) => sendJson(res, broken));
    const result = await run(WINDOW, quickHttp({ maxRetries: 2 }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`page 2 failed`);
    expect(result.stderr).toContain("not valid JSON");
    expect(result.stderr).toContain(`${server.origin}${SECOND}`);
    expect(server.hits(SECOND)).toBe(3);
    expect((await readdir(dir())).sort()).toEqual(["manifest.json", "page-0001.json"]);
    const manifest = await readManifestFile();
    expect(manifest.complete).toBe(false);
    expect(manifest.entries).toHaveLength(1);
  });

  it("does not retry a 404 and names the URL", async () => {
    serveAll();
    server.route(SECOND, (_req, res) => sendJson(res, '{"message":"cursor expired"}', 404));
    const result = await run(WINDOW);
    expect(result.code).toBe(1);
    expect(server.hits(SECOND)).toBe(1);
    expect(result.stderr).toContain(`HTTP 404 ({"message":"cursor expired"}): ${server.origin}${SECOND}`);
  });

  it("stops on a cursor loop", async () => {
    serveAll();
    const looping = fixturePage(
      [{ ocid: "ocds-test-0004", cpv: "79000000", title: "Printing" }],
      `${server.origin}${SECOND}`,
    );
    server.route(THIRD, (_req, res) => sendJson(res, looping));
    const result = await run(WINDOW);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("cursor loop");
    expect(result.stderr).toContain(`${server.origin}${SECOND}`);
    expect(server.hits(SECOND)).toBe(1);
    expect((await readManifestFile()).entries).toHaveLength(3);

    // A rerun must not follow the saved loop either.
    const again = await run([]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("cursor loop");
    expect(server.hits(SECOND)).toBe(1);
  });

  it("gives up on a server that never answers, after bounded retries", async () => {
    server.route(FIRST, () => {
      /* never respond */
    });
    // Long enough that each attempt reaches the server even on a loaded machine (at 50 ms the
    // client could give up before its second request was accepted, and the count flickered).
    const result = await run(WINDOW, quickHttp({ timeoutMs: 400, maxRetries: 1 }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("gave up after 2 attempts: timed out after 400 ms");
    expect(server.hits(FIRST)).toBe(2);
  });

  it("resumes an interrupted run from the last saved page's links.next", async () => {
    serveAll();
    server.route(THIRD, (_req, res, hit) =>
      hit === 1 ? sendJson(res, "bad request", 400) : sendJson(res, bodies[2] ?? ""),
    );
    const first = await run(WINDOW);
    expect(first.code).toBe(1);
    expect((await readManifestFile()).entries).toHaveLength(2);

    // No dates: the earlier run's window is resumed.
    const second = await run([]);
    expect(second.code, second.stderr).toBe(0);
    expect([server.hits(FIRST), server.hits(SECOND), server.hits(THIRD)]).toEqual([1, 1, 2]);
    expect(second.stderr).toContain("fetched 1 · kept (earlier run) 2");
    const manifest = await readManifestFile();
    expect(manifest.complete).toBe(true);
    expect(manifest.entries.map((e) => e.file)).toEqual(["page-0001.json", "page-0002.json", "page-0003.json"]);

    // Complete and unchanged: nothing is requested.
    const third = await run([]);
    expect(third.code).toBe(0);
    expect([server.hits(FIRST), server.hits(SECOND), server.hits(THIRD)]).toEqual([1, 1, 2]);

    // A damaged page is refetched from there on; the pages before it are kept.
    await writeFile(join(dir(), "page-0002.json"), "{}");
    const fourth = await run([]);
    expect(fourth.code).toBe(0);
    expect(fourth.stderr).toContain("page-0002.json is missing or changed");
    expect([server.hits(FIRST), server.hits(SECOND), server.hits(THIRD)]).toEqual([1, 2, 3]);
    expect(await readFile(join(dir(), "page-0002.json"), "utf8")).toBe(bodies[1]);

    // --force refetches everything.
    const forced = await run([...WINDOW, "--force"]);
    expect(forced.code).toBe(0);
    expect([server.hits(FIRST), server.hits(SECOND), server.hits(THIRD)]).toEqual([2, 3, 4]);
  });

  it("refuses to mix a different window into a folder, and removes pages a shorter chain no longer has", async () => {
    serveAll();
    expect((await run(WINDOW)).code).toBe(0);
    const other = await run(["--from", "2025-01-02", "--to", "2025-01-31"]);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain("--force");

    // The same window now ends after one page: --force leaves no stale page-0002/0003 behind.
    server.route(FIRST, (_req, res) => sendJson(res, fixturePage([], null)));
    expect((await run([...WINDOW, "--force"])).code).toBe(0);
    expect((await readdir(dir())).sort()).toEqual(["manifest.json", "page-0001.json"]);
  });
});
