/**
 * Fuzzes every route of the real server process (apps/api/src/main.ts, spawned as `npm start`
 * would) with thousands of generated raw HTTP requests: malformed and overlong paths and query
 * strings, NUL and control bytes, dot segments and encoded traversal, odd methods and headers,
 * huge and truncated bodies. Every answer must be a well-formed status without a stack trace or
 * a path of this machine, nothing outside the built app may be served, and afterwards the same
 * process must still answer /api/health.
 *
 * Raw sockets, not fetch: fetch would normalise or refuse most of these requests before sending.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { Random } from "@lens/sample";
import { afterAll, beforeAll, expect, it } from "vitest";
import { fixturePath } from "./test/fixture.js";

const here = dirname(fileURLToPath(import.meta.url));
const tsx = join(here, "../../../node_modules/tsx/dist/cli.mjs");
/** Written beside the served folder: if any request returns it, traversal escaped the app. */
const SECRET = "secret-marker-outside-the-app-7f3a";
const ASSET_BODY = `console.log(${JSON.stringify("x".repeat(4000))});`;

let dir: string;
let server: ChildProcess;
let port: number;
let output = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lens-fuzz-"));
  const dist = join(dir, "dist");
  await mkdir(join(dist, "assets"), { recursive: true });
  await writeFile(join(dir, "secret.txt"), SECRET);
  await writeFile(join(dist, ".env"), SECRET);
  await writeFile(
    join(dist, "index.html"),
    '<!doctype html><div id="root"></div><script type="module" src="/assets/app-1a2b.js"></script>',
  );
  await writeFile(join(dist, "assets/app-1a2b.js"), ASSET_BODY);
  await writeFile(join(dist, "assets/app-1a2b.js.br"), brotliCompressSync(ASSET_BODY));
  await writeFile(join(dist, "assets/app-1a2b.js.gz"), gzipSync(ASSET_BODY));
  server = spawn(process.execPath, [tsx, join(here, "main.ts")], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LENS_WAREHOUSE: fixturePath(), LENS_WEB_DIST: dist },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  server.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /serving on http:\/\/localhost:(\d+)/.exec(output);
      if (m) {
        clearInterval(timer);
        resolve(Number(m[1]));
      }
    }, 50);
    server.on("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`server exited (${code}) before listening:\n${output}`));
    });
  });
}, 120_000);

afterAll(async () => {
  server?.kill("SIGTERM");
  await rm(dir, { recursive: true, force: true });
});

interface RawAnswer {
  status: number | null;
  head: string;
  body: string;
}

/** Joins the chunks of a chunked body (as far as it arrived). */
function unchunk(body: string): string {
  let out = "";
  let rest = body;
  for (;;) {
    const eol = rest.indexOf("\r\n");
    const size = eol === -1 ? 0 : Number.parseInt(rest.slice(0, eol), 16);
    if (!size) return out;
    out += rest.slice(eol + 2, eol + 2 + size);
    rest = rest.slice(eol + 2 + size + 2);
  }
}

/** Sends bytes, half-closes when `end` is set, and collects whatever comes back (or nothing). */
function raw(bytes: Buffer | string, options: { end?: boolean; waitMs?: number } = {}): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    const finish = () => {
      socket.destroy();
      const text = Buffer.concat(chunks).toString("latin1");
      const split = text.indexOf("\r\n\r\n");
      const head = split === -1 ? text : text.slice(0, split);
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      const body = split === -1 ? "" : text.slice(split + 4);
      resolve({
        status: m ? Number(m[1]) : null,
        head,
        body: /transfer-encoding: chunked/i.test(head) ? unchunk(body) : body,
      });
    };
    const timer = setTimeout(finish, options.waitMs ?? 5_000);
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", () => {});
    socket.on("close", () => {
      clearTimeout(timer);
      finish();
    });
    socket.write(bytes, () => {
      if (options.end) socket.end();
    });
    // Responses here are small; once one is complete, stop waiting for keep-alive to expire.
    socket.on("data", () => {
      const text = Buffer.concat(chunks).toString("latin1");
      const split = text.indexOf("\r\n\r\n");
      const length = /content-length: (\d+)/i.exec(text.slice(0, split));
      if (split !== -1 && length && text.length - split - 4 >= Number(length[1])) {
        clearTimeout(timer);
        finish();
      }
    });
  });
}

/** The sample's seeded PRNG (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

const ROUTES = [
  "/",
  "/explore",
  "/benchmark/886",
  "/embed/overview/share_36_months",
  "/assets/app-1a2b.js",
  "/assets/",
  "/favicon.svg",
  "/api/health",
  "/api/trpc/metrics.compare",
  "/api/trpc/meta.registry,metrics.compare",
  "/api/v1",
  "/api/v1/metrics",
  "/api/v1/metrics/share_36_months",
  "/api/v1/councils",
  "/api/nothing",
];
const NASTY_PATHS = [
  "/%E0%A4%A",
  "/%",
  "/%%",
  "/%zz",
  "/%00",
  "/%0d%0aSet-Cookie:%20x=1",
  "/..",
  "/../secret.txt",
  "/assets/../../secret.txt",
  "/%2e%2e/secret.txt",
  "/%2e%2e%2fsecret.txt",
  "/%252e%252e/secret.txt",
  "/..%2f..%2fsecret.txt",
  "/..%5c..%5csecret.txt",
  "/%c0%ae%c0%ae/secret.txt",
  "/.env",
  "/assets/%2e%2e/%2e%2e/secret.txt",
  "//secret.txt",
  "/./index.html",
  "/index.html%00.js",
  "/embed/%ff%fe",
  "/api/v1/metrics/%E0%A4%A",
  "/api/trpc/%E0%A4%A",
  "/api/health%00",
  "/\u00e9t\u00e9",
];
const METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "get", "G\u00c9T"];
const QUERY_BITS = [
  "",
  "?input=%7B%22metric%22%3A%22contracts%22%7D",
  "?input=%7B",
  "?input=%E0%A4%A",
  "?groupBy=model&adjust=service,source",
  "?groupBy=%00",
  "?format=csv&bom=1",
  "?a=1&a=2&a=3",
  "?batch=1&input=%7B%220%22%3Anull%7D",
  "?%",
  "?=&&=",
];

function randomBytes(next: () => number, length: number): string {
  let s = "";
  for (let i = 0; i < length; i++) s += String.fromCharCode(Math.floor(next() * 256));
  return s;
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

interface Case {
  label: string;
  bytes: Buffer;
  /** Cases that end the request early may get no answer at all: that is fine. */
  mayGoUnanswered: boolean;
}

function request(method: string, target: string, headers: string[] = [], body = ""): Buffer {
  const lines = [`${method} ${target} HTTP/1.1`, "Host: 127.0.0.1", "Connection: close", ...headers];
  if (body && !headers.some((h) => /^content-length|^transfer-encoding/i.test(h)))
    lines.push(`Content-Length: ${Buffer.byteLength(body, "latin1")}`);
  return Buffer.from(`${lines.join("\r\n")}\r\n\r\n${body}`, "latin1");
}

function generateCases(count: number, seed: number): Case[] {
  const next = rng(seed);
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 10;
    const route = pick(next, ROUTES);
    let target = `${route}${pick(next, QUERY_BITS)}`;
    let method = pick(next, ["GET", "GET", "HEAD", "POST"]);
    let headers: string[] = [];
    let body = "";
    let mayGoUnanswered = false;
    switch (kind) {
      case 0:
        target = pick(next, NASTY_PATHS) + pick(next, QUERY_BITS);
        break;
      case 1: {
        // Random bytes percent-encoded (valid or not) spliced into a route.
        const junk = randomBytes(next, 1 + Math.floor(next() * 40));
        target = `${route}/${[...junk].map((c) => (next() < 0.5 ? `%${c.charCodeAt(0).toString(16).padStart(2, "0")}` : encodeURIComponent(c))).join("")}`;
        break;
      }
      case 2:
        // Overlong paths and query strings.
        target =
          next() < 0.5
            ? `${route}/${"a".repeat(2000 + Math.floor(next() * 20000))}`
            : `${route}?q=${"b".repeat(8000 + Math.floor(next() * 20000))}`;
        break;
      case 3:
        // Raw control and high bytes in the request line: Node's parser must refuse them.
        target = `${route}${randomBytes(next, 1 + Math.floor(next() * 8))}`;
        break;
      case 4:
        method = pick(next, METHODS);
        break;
      case 5:
        headers = [
          pick(next, [
            "Accept-Encoding: br, gzip",
            "Accept-Encoding: gzip;q=0, identity",
            "Range: bytes=5-2",
            "Range: bytes=-",
            "Range: bytes=999999999-",
            'If-None-Match: W/"0-0"',
            "If-Modified-Since: not a date",
            `X-Long: ${"h".repeat(20000 + Math.floor(next() * 60000))}`,
            "Content-Type: application/json; charset=utf-9",
            "Host: ",
            "Transfer-Encoding: gzip, chunked",
            "Expect: 100-continue",
            "Cookie: a=%E0%A4%A",
          ]),
        ];
        break;
      case 6:
        // Bodies: valid, junk, and larger than the server accepts.
        method = "POST";
        target = pick(next, [
          "/api/trpc/metrics.compare",
          "/api/trpc/meta.registry",
          "/api/v1/metrics",
          "/",
          "/api/health",
        ]);
        body = pick(next, [
          '{"metric":"contracts"}',
          '{"0":{"metric":"contracts","groupBy":["model"]}}',
          "{",
          randomBytes(next, 200),
          "x".repeat(1_200_000),
        ]);
        headers = ["Content-Type: application/json"];
        break;
      case 7:
        // Truncated: a body shorter than its length, or a chunked body cut off, then the client leaves.
        method = "POST";
        target = "/api/trpc/metrics.compare?batch=1";
        headers = next() < 0.5 ? ["Content-Length: 5000"] : ["Transfer-Encoding: chunked"];
        body = headers[0]?.startsWith("Content") ? '{"0":{"metric"' : '1f\r\n{"0":';
        mayGoUnanswered = true;
        break;
      case 8:
        // tRPC inputs that are JSON but not what a procedure takes.
        target = `/api/trpc/${pick(next, ["metrics.compare", "metrics.timeseries", "benchmark.council", "search.contracts", "nope.nothing", "metrics.compare,metrics.compare,metrics.compare"])}?${next() < 0.5 ? "batch=1&" : ""}input=${encodeURIComponent(pick(next, ['{"0":{"metric":"x"}}', "[1,2,3]", "null", '"\\u0000"', '{"metric":{"$gt":""}}', randomBytes(next, 30)]))}`;
        break;
      default:
        // Data API parameters, valid and not.
        target = `/api/v1/metrics/${pick(next, ["share_36_months", "contracts", "nope", "%E0%A4%A", ""])}?${pick(next, ["groupBy=model", "groupBy=nothing", "year=abc", "format=xlsx", "format=exe", "limit=-1", "council=999", "adjust=nope", randomBytes(next, 10)])}`;
    }
    cases.push({
      label: `${method} ${target.slice(0, 120)}`,
      bytes: request(method, target, headers, body),
      mayGoUnanswered,
    });
  }
  return cases;
}

const STACK = /\n\s+at .+[:(]\d+:\d+|node:internal|\/src\/[a-z-]+\.ts/;

function checkAnswer(c: Case, answer: RawAnswer): string | null {
  if (answer.status === null) return c.mayGoUnanswered ? null : `no HTTP answer to ${c.label}`;
  if (answer.status >= 500 && answer.status !== 503)
    return `${answer.status} for ${c.label}: ${answer.body.slice(0, 200)}`;
  if (STACK.test(answer.body)) return `stack trace or source path in the answer to ${c.label}`;
  if (answer.body.includes(SECRET)) return `a file outside the app was served for ${c.label}`;
  if (answer.body.includes(dir)) return `a path of this machine in the answer to ${c.label}`;
  return null;
}

async function runAll(cases: readonly Case[], parallel: number) {
  const statuses = new Map<string, number>();
  const problems: string[] = [];
  let index = 0;
  async function worker() {
    while (index < cases.length) {
      const c = cases[index++] as Case;
      const answer = await raw(c.bytes, { end: c.mayGoUnanswered, waitMs: c.mayGoUnanswered ? 1_500 : 10_000 });
      const key = answer.status === null ? "no answer" : String(answer.status);
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      const problem = checkAnswer(c, answer);
      if (problem) problems.push(problem);
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker));
  return { statuses, problems };
}

it("answers the malformed percent-encoding that used to stop the server with a 400, then keeps serving", async () => {
  const answer = await raw(request("GET", "/%E0%A4%A"));
  expect(answer.status).toBe(400);
  expect(answer.body).toContain("malformed percent-encoding");
  const health = await raw(request("GET", "/api/health"));
  expect(health.status).toBe(200);
});

it("survives 4,000 generated hostile requests across every route and still answers /api/health", async () => {
  const cases = generateCases(4000, 20261202);
  const { statuses, problems } = await runAll(cases, 16);
  const summary = [...statuses.entries()]
    .sort()
    .map(([s, n]) => `${s}: ${n}`)
    .join(", ");
  console.log(`fuzz: ${cases.length} requests — ${summary}`);
  expect(problems.slice(0, 10)).toEqual([]);
  expect(server.exitCode).toBeNull();
  const health = await raw(request("GET", "/api/health"));
  expect(health.status).toBe(200);
  expect(JSON.parse(health.body).status).toBe("ok");
  // Refusals are the norm for this traffic; most requests must have been answered, not dropped.
  expect(statuses.get("no answer") ?? 0).toBeLessThanOrEqual(cases.filter((c) => c.mayGoUnanswered).length);
}, 600_000);

it("serves nothing outside the built app, whatever the encoding of the path", async () => {
  for (const path of NASTY_PATHS) {
    const answer = await raw(request("GET", path));
    expect(answer.body, path).not.toContain(SECRET);
  }
});

it("serves the app compressed with validators and the right caching, and sends the security headers", async () => {
  const asset = await raw(request("GET", "/assets/app-1a2b.js", ["Accept-Encoding: gzip, deflate, br"]));
  expect(asset.status).toBe(200);
  expect(asset.head).toMatch(/content-encoding: br/i);
  expect(asset.head).toMatch(/content-type: text\/javascript/i);
  expect(asset.head).toMatch(/cache-control: public, max-age=31536000, immutable/i);
  const etag = /etag: (.+)/i.exec(asset.head)?.[1]?.trim();
  expect(etag).toBeTruthy();
  const again = await raw(
    request("GET", "/assets/app-1a2b.js", ["Accept-Encoding: gzip, deflate, br", `If-None-Match: ${etag}`]),
  );
  expect(again.status).toBe(304);
  const gzip = await raw(request("GET", "/assets/app-1a2b.js", ["Accept-Encoding: gzip"]));
  expect(gzip.head).toMatch(/content-encoding: gzip/i);

  const page = await raw(request("GET", "/explore"));
  expect(page.status).toBe(200);
  expect(page.head).toMatch(/cache-control: no-cache/i);
  expect(page.head).toMatch(/content-security-policy: [^\r\n]*script-src 'self'[^\r\n]*frame-ancestors 'none'/i);
  expect(page.head).toMatch(/x-frame-options: DENY/i);
  expect(page.head).toMatch(/x-content-type-options: nosniff/i);
  expect(page.head).toMatch(/referrer-policy: strict-origin-when-cross-origin/i);

  const embed = await raw(request("GET", "/embed/overview/share_36_months"));
  expect(embed.status).toBe(200);
  expect(embed.head).toMatch(/content-security-policy: [^\r\n]*script-src 'self'/i);
  expect(embed.head).not.toMatch(/frame-ancestors/i);
  expect(embed.head).not.toMatch(/x-frame-options/i);

  const missing = await raw(request("GET", "/assets/missing-0000.js"));
  expect(missing.status).toBe(404);

  const health = await raw(request("GET", "/api/health"));
  const body = JSON.parse(health.body) as { warehouse: string };
  expect(body.warehouse).not.toMatch(/[/\\]/);
  expect(body.warehouse).toMatch(/\.duckdb$/);
});
