/**
 * The audit gate against a stand-in advisory endpoint on loopback: real npm, a one-package
 * lockfile, and the endpoint answering with a high advisory, a moderate one, an HTTP error or
 * nothing at all. Run with `node --test scripts/audit-gate.test.mjs`.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { judge } from "./audit-gate.mjs";

const GATE = join(dirname(fileURLToPath(import.meta.url)), "audit-gate.mjs");
const PACKAGE = "lens-audit-fixture-dep";

/** What the stand-in endpoint answers to npm's bulk advisory request. */
let answer = { status: 200, advisories: {} };
const requests = [];
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    requests.push(`${req.method} ${req.url}`);
    if (req.method === "POST" && req.url === "/-/npm/v1/security/advisories/bulk") {
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(answer.status === 200 ? JSON.stringify(answer.advisories) : "");
      return;
    }
    if (req.method === "GET" && req.url === `/${PACKAGE}`) {
      // npm reads the package's versions to say whether a fixed one exists.
      res.writeHead(200, { "content-type": "application/json" });
      const version = (v) => ({ name: PACKAGE, version: v, dist: { tarball: `http://127.0.0.1/${v}.tgz` } });
      res.end(
        JSON.stringify({
          name: PACKAGE,
          "dist-tags": { latest: "2.0.0" },
          versions: { "1.0.0": version("1.0.0"), "2.0.0": version("2.0.0") },
        }),
      );
      return;
    }
    res.writeHead(404).end();
  });
});

let dir;
let registry;
before(async () => {
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  registry = `http://127.0.0.1:${server.address().port}/`;
  dir = await mkdtemp(join(tmpdir(), "lens-audit-gate-"));
  const manifest = { name: "fixture", version: "1.0.0", dependencies: { [PACKAGE]: "1.0.0" } };
  await writeFile(join(dir, "package.json"), JSON.stringify(manifest));
  await writeFile(
    join(dir, "package-lock.json"),
    JSON.stringify({
      name: "fixture",
      version: "1.0.0",
      lockfileVersion: 3,
      requires: true,
      packages: {
        "": manifest,
        [`node_modules/${PACKAGE}`]: { version: "1.0.0", resolved: `${registry}${PACKAGE}/-/1.0.0.tgz` },
      },
    }),
  );
});
after(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

let runs = 0;
/** Runs the gate in `cwd` against `registryUrl`; resolves with its exit code and output. */
function gate(cwd, registryUrl) {
  // A fresh npm cache per run: npm keeps the advisories it was sent and would answer from them.
  const cache = join(dir, `.npm-cache-${runs++}`);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [GATE],
      {
        cwd,
        env: { ...process.env, npm_config_registry: registryUrl, npm_config_cache: cache },
        timeout: 120_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? error.code : 0, out: stdout + stderr }),
    );
  });
}

const advisory = (severity) => ({
  [PACKAGE]: [
    {
      id: 1,
      url: "https://advisories.example/1",
      title: `A ${severity} problem`,
      severity,
      vulnerable_versions: "<2.0.0",
      cwe: [],
      cvss: { score: 0, vectorString: null },
    },
  ],
});

describe("audit gate", () => {
  it("fails on a high advisory and names the package, the advisory and the fix", async () => {
    answer = { status: 200, advisories: advisory("high") };
    const r = await gate(dir, registry);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /1 package\(s\) with a high or critical advisory \(0 critical, 1 high, 0 moderate, 0 low\)/);
    assert.match(
      r.out,
      new RegExp(
        `high ${PACKAGE} 1\\.0\\.0 .*: A high problem https://advisories\\.example/1; fix: ${PACKAGE}@2\\.0\\.0 \\(major\\)`,
      ),
    );
    assert.ok(requests.includes("POST /-/npm/v1/security/advisories/bulk"));
  });

  it("fails on a critical advisory", async () => {
    answer = { status: 200, advisories: advisory("critical") };
    const r = await gate(dir, registry);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /\(1 critical, 0 high, 0 moderate, 0 low\)/);
  });

  it("passes a lockfile whose only advisory is moderate", async () => {
    answer = { status: 200, advisories: advisory("moderate") };
    const r = await gate(dir, registry);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /no high or critical advisory in the lockfile \(0 critical, 0 high, 1 moderate, 0 low\)/);
  });

  it("passes with a one-line notice when the endpoint answers with an HTTP error", async () => {
    answer = { status: 405 };
    const r = await gate(dir, registry);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /^audit-gate: skipped, the advisory endpoint is unreachable \(405 Method Not Allowed/);
    assert.equal(r.out.trim().split("\n").length, 1);
  });

  it("passes with a one-line notice when nothing listens at the endpoint", async () => {
    // Port 9 (discard) on loopback: nothing listens there on a test machine.
    const r = await gate(dir, "http://127.0.0.1:9/");
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /^audit-gate: skipped, the advisory endpoint is unreachable \(.*ECONNREFUSED/);
  });

  it("fails when there is no lockfile to judge", async () => {
    const empty = await mkdtemp(join(tmpdir(), "lens-audit-gate-empty-"));
    try {
      await writeFile(join(empty, "package.json"), JSON.stringify({ name: "empty", version: "1.0.0" }));
      const r = await gate(empty, registry);
      assert.equal(r.code, 2, r.out);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe("audit gate verdicts on npm's error reports", () => {
  const failed = (message) => ({
    stdout: JSON.stringify({ message, error: { summary: "", detail: "" } }),
    stderr: "npm error audit endpoint returned an error",
    status: 1,
    timedOut: false,
  });

  it("skips on a DNS failure and on npm's own fetch time-out", () => {
    for (const message of [
      "request to https://registry.example/-/npm/v1/security/advisories/bulk failed, reason: getaddrinfo ENOTFOUND registry.example",
      "network timeout at: https://registry.example/-/npm/v1/security/advisories/bulk",
    ]) {
      const v = judge(failed(message));
      assert.equal(v.code, 0);
      assert.deepEqual(v.lines, [`audit-gate: skipped, the advisory endpoint is unreachable (${message})`]);
    }
  });

  it("skips when the whole run outlives its cap", () => {
    assert.equal(judge({ stdout: "", stderr: "", status: null, timedOut: true }).code, 0);
  });

  it("does not pass output that is not a report", () => {
    assert.equal(judge({ stdout: "not json", stderr: "npm error something else", status: 1, timedOut: false }).code, 2);
    assert.equal(judge(failed("some other failure")).code, 2);
  });
});
