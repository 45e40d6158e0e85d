import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Manifest } from "./manifest.js";
import { runFetchCli } from "./run-fetch.js";
import { captureStream, quickHttp, sendJson, startTestServer, type TestServer } from "./test-server.js";

let server: TestServer;
let out: string;

beforeEach(async () => {
  server = await startTestServer();
  out = await mkdtemp(join(tmpdir(), "lens-fetch-files-"));
});

afterEach(async () => {
  await server.close();
  await rm(out, { recursive: true, force: true });
});

async function run(source: string, extra: string[] = []) {
  const stdout = captureStream();
  const stderr = captureStream();
  const args = ["--source", source, "--base-url", server.origin, "--out", out, ...extra];
  const code = await runFetchCli(args, { stdout, stderr, http: quickHttp() });
  return { code, stderr: stderr.text() };
}

const PROVIDERS_CSV = "URN,Provision type,Sector\nSC000001,Children's home,Private\n";
const IN_YEAR_CSV = "URN,Inspection date,Overall effectiveness\nSC000001,01/06/2024,Good\n";

/** GOV.UK Content API items for the four Ofsted releases; only 2024 has files in this fixture. */
function serveOfsted(): void {
  for (const year of [2022, 2023, 2025]) {
    server.route(`/api/content/government/statistics/childrens-social-care-data-in-england-${year}`, (_req, res) =>
      sendJson(
        res,
        JSON.stringify({
          title: `Release ${year}`,
          details: { attachments: [{ title: "Main findings", url: "/media/x/main.pdf" }] },
        }),
      ),
    );
  }
  const item = {
    base_path: "/government/statistics/childrens-social-care-data-in-england-2024",
    title: "Children's social care data in England 2024",
    details: {
      attachments: [
        {
          title: "Provider level data as at 31 March 2024",
          filename: "Provider_level_at_31_March_2024.csv",
          url: "https://assets.publishing.service.gov.uk/media/aa11/Provider_level_at_31_March_2024.csv",
          content_type: "text/csv",
        },
        {
          title: "Provider level data: inspections in year 2023 to 2024",
          filename: "Provider_level_in_year_2023_24.csv",
          url: "https://assets.publishing.service.gov.uk/media/bb22/Provider_level_in_year_2023_24.csv",
          content_type: "text/csv",
        },
        { title: "Main findings", url: "https://assets.publishing.service.gov.uk/media/cc33/main.pdf" },
      ],
    },
  };
  server.route("/api/content/government/statistics/childrens-social-care-data-in-england-2024", (_req, res) =>
    sendJson(res, JSON.stringify(item)),
  );
  server.route("/media/aa11/Provider_level_at_31_March_2024.csv", (_req, res) =>
    res.writeHead(200, { "Content-Type": "text/csv" }).end(PROVIDERS_CSV),
  );
  server.route("/media/bb22/Provider_level_in_year_2023_24.csv", (_req, res) =>
    res.writeHead(200, { "Content-Type": "text/csv" }).end(IN_YEAR_CSV),
  );
}

describe("static statistics files", () => {
  it("picks provider-level files from GOV.UK release attachments and saves them under their names", async () => {
    serveOfsted();
    const result = await run("ofsted-providers");
    expect(result.code, result.stderr).toBe(0);
    const dir = join(out, "ofsted-providers");
    expect((await readdir(dir)).sort()).toEqual(["Provider_level_at_31_March_2024.csv", "manifest.json"]);
    expect(await readFile(join(dir, "Provider_level_at_31_March_2024.csv"), "utf8")).toBe(PROVIDERS_CSV);
    const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest;
    expect(manifest.kind).toBe("files");
    expect(manifest.complete).toBe(true);
    expect(manifest.entries[0]).toMatchObject({
      url: `${server.origin}/media/aa11/Provider_level_at_31_March_2024.csv`,
      status: 200,
      bytes: PROVIDERS_CSV.length,
      records: null,
    });
    expect(result.stderr).toContain("ofsted-providers: done · files 1 · fetched 1");

    const again = await run("ofsted-providers");
    expect(again.code).toBe(0);
    expect(server.hits("/media/aa11/Provider_level_at_31_March_2024.csv")).toBe(1);
  });

  it("picks in-year inspection files for ofsted-inspections", async () => {
    serveOfsted();
    const result = await run("ofsted-inspections");
    expect(result.code, result.stderr).toBe(0);
    expect((await readdir(join(out, "ofsted-inspections"))).sort()).toEqual([
      "Provider_level_in_year_2023_24.csv",
      "manifest.json",
    ]);
  });

  it("downloads the data files of an EES publication's latest release", async () => {
    const release = {
      id: "rel-2024",
      title: "Financial year 2023-24",
      downloadFiles: [
        { id: "f-1", fileName: "s251_outturn_2023_24.csv", name: "Section 251 outturn", type: "Data" },
        { id: "f-2", fileName: "guidance.pdf", name: "Guidance", type: "Ancillary" },
      ],
    };
    server.route("/api/publications/la-and-school-expenditure/releases/latest", (_req, res) =>
      sendJson(res, JSON.stringify(release)),
    );
    server.route("/api/releases/rel-2024/files/f-1", (_req, res) =>
      res.writeHead(200).end("la_code,line,amount\n201,5,100\n"),
    );
    const result = await run("dfe-s251");
    expect(result.code, result.stderr).toBe(0);
    expect((await readdir(join(out, "dfe-s251"))).sort()).toEqual(["manifest.json", "s251_outturn_2023_24.csv"]);
  });

  it("fails with the URL when a discovery document is missing", async () => {
    const result = await run("dfe-cla");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${server.origin}/api/publications/children-looked-after-in-england-including-adoptions/releases/latest`,
    );
    expect(result.stderr).toContain("HTTP 404");
  });
});
