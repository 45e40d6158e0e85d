/**
 * Serves the built web app with sirv: precompressed brotli/gzip siblings (written at build),
 * weak ETags with 304s, long-lived caching for Vite's hashed `/assets/*` and revalidation for
 * everything else, `index.html` for client-side routes (/explore, /benchmark/886, /embed/…).
 *
 * sirv indexes the folder once, so nothing outside it can ever be served whatever the path
 * says; the index is rebuilt when `index.html` changes (a new `vite build` while serving).
 */
import { existsSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import sirv, { type RequestHandler } from "sirv";

const HASHED_ASSET = /^\/assets\//;
const ONE_YEAR = 31_536_000;

function sendPlain(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  res.end(message);
}

export function createStaticHandler(root: string) {
  const index = join(root, "index.html");
  let current: { builtAt: number; serve: RequestHandler } | null = null;

  function handlerFor(builtAt: number): RequestHandler {
    if (current?.builtAt !== builtAt) {
      const serve = sirv(root, {
        single: true,
        etag: true,
        gzip: true,
        brotli: true,
        dotfiles: false,
        setHeaders(res, pathname) {
          res.setHeader(
            "cache-control",
            HASHED_ASSET.test(pathname) ? `public, max-age=${ONE_YEAR}, immutable` : "no-cache",
          );
        },
        onNoMatch(_req, res) {
          sendPlain(res, 404, "Not found.");
        },
      });
      current = { builtAt, serve };
    }
    return current.serve;
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    const builtAt = existsSync(index) ? statSync(index).mtimeMs : null;
    if (builtAt === null) {
      sendPlain(res, 503, "The dashboard has not been built yet: run `npm run build`.");
      return;
    }
    // Byte ranges are not needed for an app's assets, and a malformed Range header is one more
    // parser to get wrong: every static response is the whole file.
    delete req.headers.range;
    handlerFor(builtAt)(req, res);
  };
}
