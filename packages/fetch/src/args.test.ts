import { describe, expect, it } from "vitest";
import { parseArgs, shiftDays } from "./args.js";
import { CATALOGUE } from "./catalogue.js";
import { createRebase } from "./rebase-url.js";
import { formatList, runFetchCli } from "./run-fetch.js";
import { captureStream } from "./test-server.js";

describe("parseArgs", () => {
  it("reads every option, in both --flag value and --flag=value forms", () => {
    const parsed = parseArgs([
      "--source=contracts-finder,find-a-tender",
      "--from",
      "2024-04-01",
      "--to=2025-03-31",
      "--out",
      "tmp/raw",
      "--base-url",
      "http://127.0.0.1:9",
      "--force",
      "--all-cpv",
    ]);
    expect(parsed).toEqual({
      ok: true,
      args: {
        sources: ["contracts-finder", "find-a-tender"],
        from: "2024-04-01",
        to: "2025-03-31",
        out: "tmp/raw",
        baseUrl: "http://127.0.0.1:9",
        force: true,
        allCpv: true,
        list: false,
        help: false,
      },
    });
  });

  it.each([
    [[], "--source is required"],
    [["--source", "all", "--from", "2025-02-30"], "--from needs a date"],
    [["--source", "all", "--from", "2025-02-01", "--to", "2025-01-01"], "--from is after --to"],
    [["--source", "all", "--base-url", "ftp://x"], "--base-url needs an http(s) URL"],
    [["--source", "all", "--verbose"], "unknown argument"],
  ])("rejects %j", (argv, message) => {
    const parsed = parseArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });

  it("shifts dates across month ends", () => {
    expect(shiftDays("2025-03-01", -30)).toBe("2025-01-30");
  });
});

describe("createRebase", () => {
  it("replaces the origin and keeps path and query", () => {
    const rebase = createRebase("http://127.0.0.1:8080");
    expect(rebase("https://www.find-tender.service.gov.uk/api/1.0/ocdsReleasePackages?cursor=AB%3D")).toBe(
      "http://127.0.0.1:8080/api/1.0/ocdsReleasePackages?cursor=AB%3D",
    );
  });

  it("keeps a mirror's path prefix once", () => {
    const rebase = createRebase("https://mirror.example/lens/");
    expect(rebase("https://www.gov.uk/api/content/x")).toBe("https://mirror.example/lens/api/content/x");
    expect(rebase("https://mirror.example/lens/api/content/x")).toBe("https://mirror.example/lens/api/content/x");
  });

  it("is the identity without a base URL", () => {
    expect(createRebase(null)("https://www.gov.uk/a?b=c")).toBe("https://www.gov.uk/a?b=c");
  });
});

describe("--list and usage errors", () => {
  it("prints every source with publisher, licence and address", async () => {
    const stdout = captureStream();
    const code = await runFetchCli(["--list"], { stdout, stderr: captureStream() });
    expect(code).toBe(0);
    expect(stdout.text()).toBe(formatList());
    for (const entry of CATALOGUE) expect(stdout.text()).toContain(`${entry.id}\n`);
    expect(stdout.text()).toContain("publisher: Cabinet Office");
    expect(stdout.text()).toContain("licence:   Open Government Licence v3.0");
    expect(stdout.text()).toContain("address:   https://www.contractsfinder.service.gov.uk/apidocumentation");
  });

  it("exits 2 on an unknown source", async () => {
    const stderr = captureStream();
    const code = await runFetchCli(["--source", "tenders-r-us"], { stdout: captureStream(), stderr });
    expect(code).toBe(2);
    expect(stderr.text()).toContain('unknown source "tenders-r-us"');
  });
});
