/**
 * One HTTP server on one port: /api/health, /api/trpc/* (the dashboard's typed API),
 * /api/v1/* (the public read-only data API) and the built web app.
 */
import { createServer, type Server } from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { createDataApiHandler, DATA_API_PREFIX } from "./data-api/handler.js";
import { getHealth } from "./health.js";
import type { QueryCache } from "./query-cache.js";
import { appRouter } from "./root.js";
import { createStaticHandler } from "./static-files.js";
import { createContextFactory } from "./trpc.js";
import type { WarehouseHolder } from "./warehouse-holder.js";

export interface ServerOptions {
  warehouse: WarehouseHolder;
  webDist: string;
  /** Shared by tRPC and the data API; a fresh bounded cache when not given. */
  cache?: QueryCache;
}

export function sendJson(res: import("node:http").ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

export function createLensServer(options: ServerOptions): Server {
  const createContext = createContextFactory(options.warehouse, options.cache);
  const trpc = createHTTPHandler({ router: appRouter, basePath: "/api/trpc/", createContext });
  const dataApi = createDataApiHandler(createContext());
  const files = createStaticHandler(options.webDist);
  return createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path.startsWith("/api/trpc/")) return trpc(req, res);
    if (path === DATA_API_PREFIX || path.startsWith(`${DATA_API_PREFIX}/`)) return dataApi(req, res);
    if (path === "/api/health") {
      getHealth(options.warehouse)
        .then((health) => sendJson(res, 200, health))
        .catch((error: unknown) => {
          console.error(error);
          sendJson(res, 503, { status: "error", message: "warehouse unavailable" });
        });
      return;
    }
    if (path.startsWith("/api/")) return sendJson(res, 404, { error: `no such endpoint: ${path}` });
    if (req.method !== "GET" && req.method !== "HEAD") return sendJson(res, 405, { error: "method not allowed" });
    void files(req, res);
  });
}
