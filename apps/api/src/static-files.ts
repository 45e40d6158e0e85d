/**
 * Serves the built web app: hashed assets with long caching, everything else falls back to
 * index.html so client-side routes (/explore, /benchmark/886, /embed/…) load on refresh.
 */
import { createReadStream, existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

export function createStaticHandler(root: string) {
  const index = join(root, "index.html");
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!existsSync(index)) {
      res.writeHead(503, { "content-type": "text/plain; charset=utf-8" });
      res.end("The dashboard has not been built yet: run `npm run build`.");
      return;
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(root, path);
    const info = file.startsWith(root) ? await stat(file).catch(() => null) : null;
    if (info?.isFile()) {
      const immutable = path.startsWith("/assets/");
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      });
      createReadStream(file).pipe(res);
      return;
    }
    res.writeHead(200, { "content-type": TYPES[".html"], "cache-control": "no-cache" });
    createReadStream(index).pipe(res);
  };
}
