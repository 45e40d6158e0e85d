/**
 * Test helpers: a loopback HTTP server with per-URL handlers and hit counts, handmade OCDS
 * fixtures in the shapes the real APIs return, and a quiet, instant HTTP configuration.
 * Fixtures are invented (fictional buyers and suppliers); nothing is copied from real data.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { HttpClientOptions } from "./http-client.js";
import type { ProgressStream } from "./progress.js";

export type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

export interface TestServer {
  origin: string;
  /** Register a handler for an exact path + query (as the client sends it). */
  route(pathAndQuery: string, handler: Handler): void;
  hits(pathAndQuery: string): number;
  userAgents: string[];
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const handlers = new Map<string, Handler>();
  const hitCounts = new Map<string, number>();
  const userAgents: string[] = [];
  const server: Server = createServer((req, res) => {
    const key = req.url ?? "/";
    const hit = (hitCounts.get(key) ?? 0) + 1;
    hitCounts.set(key, hit);
    userAgents.push(req.headers["user-agent"] ?? "");
    const handler = handlers.get(key);
    if (!handler) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end(`no fixture for ${key}`);
      return;
    }
    handler(req, res, hit);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    route: (key, handler) => void handlers.set(key, handler),
    hits: (key) => hitCounts.get(key) ?? 0,
    userAgents,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export function sendJson(res: ServerResponse, body: string, status = 200, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), ...headers });
  res.end(body);
}

/** Promise a full body, send half, then drop the connection: a transfer cut off mid-way. */
export function sendTruncated(res: ServerResponse, body: string): void {
  const bytes = Buffer.from(body);
  res.writeHead(200, { "Content-Type": "application/json", "Content-Length": bytes.length });
  res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
}

export interface FixtureRelease {
  ocid: string;
  cpv: string;
  title: string;
  tag?: "tender" | "award";
}

/** One OCDS 1.1 release, shaped like Contracts Finder's (classification on tender and items). */
export function fixtureRelease(r: FixtureRelease, n: number): Record<string, unknown> {
  const tag = r.tag ?? "tender";
  return {
    ocid: r.ocid,
    id: `${r.ocid}-${tag}-${n}`,
    date: "2025-01-15T10:00:00Z",
    tag: [tag],
    initiationType: "tender",
    parties: [{ id: "GB-TEST-1", name: "Northtown Borough Council", roles: ["buyer"] }],
    buyer: { id: "GB-TEST-1", name: "Northtown Borough Council" },
    tender: {
      id: `${r.ocid}-tender`,
      title: r.title,
      status: tag === "award" ? "complete" : "active",
      classification: { scheme: "CPV", id: r.cpv, description: "fixture" },
      items: [{ id: "1", classification: { scheme: "CPV", id: r.cpv } }],
      value: { amount: 120000, currency: "GBP" },
    },
    ...(tag === "award"
      ? {
          awards: [
            {
              id: `${r.ocid}-award`,
              status: "active",
              value: { amount: 118000, currency: "GBP" },
              suppliers: [{ id: "GB-TEST-9", name: "Fictional Care Ltd" }],
            },
          ],
        }
      : {}),
  };
}

/** A release package page as the search APIs return it: package metadata, releases, links.next. */
export function fixturePage(releases: readonly FixtureRelease[], next: string | null): string {
  return JSON.stringify({
    uri: "https://example.invalid/ocds/search",
    version: "1.1",
    publishedDate: "2025-02-01T09:00:00Z",
    publisher: { name: "Test Publisher" },
    license: "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    publicationPolicy: "https://example.invalid/policy",
    releases: releases.map((r, i) => fixtureRelease(r, i + 1)),
    ...(next === null ? {} : { links: { next } }),
  });
}

export interface CapturedStream extends ProgressStream {
  text(): string;
}

export function captureStream(): CapturedStream {
  let buffer = "";
  return {
    isTTY: false,
    write: (chunk: string) => {
      buffer += chunk;
      return true;
    },
    text: () => buffer,
  };
}

/** Instant sleeps (recorded), fixed jitter, no pause between requests, short timeouts. */
export function quickHttp(overrides: HttpClientOptions = {}): HttpClientOptions & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    sleeps,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    minIntervalMs: 0,
    timeoutMs: 2_000,
    ...overrides,
  };
}
