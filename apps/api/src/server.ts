/**
 * One HTTP server on one port: /api/health, /api/trpc/* (the dashboard's typed API),
 * /api/v1/* (the public read-only data API) and the built web app.
 */
import { type Server, createServer } from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { getHealth } from "./health.js";
import { appRouter } from "./root.js";
import { createStaticHandler } from "./static-files.js";
import type { WarehouseHolder } from "./warehouse-holder.js";

export interface ServerOptions {
  warehouse: WarehouseHolder;
  webDist: string;
}

export function sendJson(res: import("node:http").ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

export function createLensServer(options: ServerOptions): Server {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/api/trpc/",
    createContext: () => ({ warehouse: options.warehouse }),
  });
  const files = createStaticHandler(options.webDist);
  return createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path.startsWith("/api/trpc/")) return trpc(req, res);
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
