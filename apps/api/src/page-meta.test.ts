/** Link previews: the server fills each page's title and description into index.html. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageMeta } from "./page-meta.js";
import { createLensServer } from "./server.js";
import { openFixture } from "./test/fixture.js";

const INDEX = `<!doctype html><html><head>
    <meta name="description" content="Market-led and cooperative commissioning of English children's services, compared with open data." />
    <title>Commissioning Lens</title>
</head><body><div id="root"></div></body></html>`;

let dir: string;
let fx: Awaited<ReturnType<typeof openFixture>>;
let server: Server;
let base: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lens-page-meta-"));
  await writeFile(join(dir, "index.html"), INDEX);
  fx = await openFixture();
  server = createLensServer({ warehouse: fx.warehouse, webDist: dir, cache: fx.cache });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fx.close();
  await rm(dir, { recursive: true, force: true });
});

describe("page meta tags", () => {
  it.each([
    ["/contracts", "Contracts — Commissioning Lens", /contracts behind every number/],
    ["/sources", "Sources &#38; methods — Commissioning Lens", /data to download/],
    ["/benchmark/886", "Kent — Council benchmark — Commissioning Lens", /Kent against its statistical neighbours/],
  ])("%s has its own title, description and Open Graph tags", async (path, title, description) => {
    const html = await (await fetch(`${base}${path}?from=2018`)).text();
    expect(html).toContain(`<title>${title}</title>`);
    expect(html).toContain(`<meta property="og:title" content="${title}" />`);
    expect(/<meta name="description" content="([^"]*)"/.exec(html)?.[1]).toMatch(description);
    expect(html).toContain('<div id="root"></div>');
  });

  it("leaves other paths to the static files", () => {
    expect(pageMeta("/benchmark/999")).toBeNull();
    expect(pageMeta("/nowhere")).toBeNull();
    expect(pageMeta("/explore/")?.title).toBe("Explore");
  });
});
