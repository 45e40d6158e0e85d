/**
 * One HTTP server on one port: /api/health, /api/trpc/* (the dashboard's typed API),
 * /api/v1/* (the public read-only data API) and the built web app.
 *
 * Every request passes the guard (bounded, decodable path; a method the route answers) and
 * gets the security headers before any handler runs. A fault in any handler, thrown or
 * rejected, is logged once and answered with a plain 500; the process keeps serving.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { createDataApiHandler, DATA_API_PREFIX } from "./data-api/handler.js";
import { getHealth } from "./health.js";
import { referencePage } from "./openapi/reference-page.js";
import { htmlWithMeta, pageMeta } from "./page-meta.js";
import type { QueryCache } from "./query-cache.js";
import { guardRequest, isRefusal } from "./request-guard.js";
import { appRouter } from "./root.js";
import { securityHeaders } from "./security-headers.js";
import { SNAPSHOT_PAGE, snapshotPageHtml } from "./snapshots/page-meta.js";
import { SnapshotStore } from "./snapshots/store.js";
import { createStaticHandler } from "./static-files.js";
import { createContextFactory } from "./trpc.js";
import type { WarehouseHolder } from "./warehouse-holder.js";

export interface ServerOptions {
  warehouse: WarehouseHolder;
  webDist: string;
  /** Shared by tRPC and the data API; a fresh bounded cache when not given. */
  cache?: QueryCache;
}

/** Largest tRPC request body (batched POST); the dashboard's are a few kilobytes. */
export const MAX_BODY_BYTES = 1_000_000;

export function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...extra });
  res.end(JSON.stringify(body));
}

/** Answers a fault without leaking it: a 500 if nothing was sent yet, else the connection is cut. */
function answerFault(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`Request failed: ${req.method} ${(req.url ?? "").slice(0, 200)}\n${message}`);
  if (res.headersSent || res.writableEnded) {
    res.destroy();
    return;
  }
  sendJson(res, 500, { error: "internal error; it has been logged" });
}

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export function createLensServer(options: ServerOptions): Server {
  const createContext = createContextFactory(options.warehouse, options.cache);
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/api/trpc/",
    createContext,
    maxBodySize: MAX_BODY_BYTES,
  });
  const dataApi = createDataApiHandler(createContext());
  const files = createStaticHandler(options.webDist);

  const health: Handler = async (_req, res) => {
    try {
      sendJson(res, 200, await getHealth(options.warehouse));
    } catch (error) {
      console.error(`Health check failed: ${(error as Error).message}`);
      sendJson(res, 503, { status: "error", message: "warehouse unavailable" });
    }
  };

  const snapshots = SnapshotStore.besideWarehouse(options.warehouse.path);
  // The API reference, drawn from the OpenAPI document.
  const reference: Handler = (_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" });
    res.end(referencePage());
  };
  // A citable link's page: the app, with the snapshot's title and description for link previews.
  const snapshotPage: Handler = async (req, res) => {
    const id = SNAPSHOT_PAGE.exec(new URL(req.url ?? "/", "http://localhost").pathname)?.[1];
    const html = id ? await snapshotPageHtml(options.webDist, snapshots, id) : null;
    if (!html) return files(req, res);
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" });
    res.end(html);
  };
  // The app's pages, with their own title and description for link previews.
  const appPage: Handler = async (req, res) => {
    const meta = pageMeta(new URL(req.url ?? "/", "http://localhost").pathname);
    const html =
      meta && (req.method === "GET" || req.method === "HEAD") ? await htmlWithMeta(options.webDist, meta) : null;
    if (!html) return files(req, res);
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" });
    res.end(req.method === "HEAD" ? undefined : html);
  };

  function route(path: string): Handler {
    if (path.startsWith("/api/trpc/")) return trpc;
    if (path === "/api" || path === "/api/") return reference;
    if (SNAPSHOT_PAGE.test(path)) return snapshotPage;
    if (pageMeta(path)) return appPage;
    if (path === DATA_API_PREFIX || path.startsWith(`${DATA_API_PREFIX}/`)) return dataApi;
    if (path === "/api/health") return health;
    if (path === "/api" || path.startsWith("/api/"))
      return (_req, res) =>
        sendJson(res, 404, { error: { status: 404, message: `no such endpoint: ${path.slice(0, 200)}` } });
    return files;
  }

  const server = createServer((req, res) => {
    // A socket error after the response started (client gone) must not become an uncaught error.
    res.on("error", () => res.destroy());
    req.on("error", () => res.destroy());
    const guarded = guardRequest(req.method, req.url);
    const path = isRefusal(guarded) ? "/" : guarded.path;
    for (const [name, value] of Object.entries(securityHeaders(path))) res.setHeader(name, value);
    if (isRefusal(guarded)) {
      // The data API's error shape, so a client reads one shape whichever layer refused.
      const body = { error: { status: guarded.status, message: guarded.message } };
      sendJson(res, guarded.status, body, guarded.allow ? { allow: guarded.allow } : {});
      return;
    }
    try {
      const result = route(guarded.path)(req, res);
      if (result instanceof Promise) result.catch((error: unknown) => answerFault(req, res, error));
    } catch (error) {
      answerFault(req, res, error);
    }
  });

  // Requests Node's parser rejects (bad request line, oversized headers, truncated chunking)
  // get a plain 400 and the socket is closed; nothing reaches a handler.
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === "ECONNRESET") {
      socket.destroy();
      return;
    }
    const status = error.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : "400 Bad Request";
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\nBad request.\n`,
    );
  });
  // Slow clients cannot hold sockets open indefinitely.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 5_000;
  return server;
}
