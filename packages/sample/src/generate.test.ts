import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { COUNCILS } from "@lens/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSample } from "./generate.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lens-sample-test-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function digest(folder: string): Promise<string> {
  const hash = createHash("sha256");
  for (const sub of (await readdir(folder, { recursive: true })).sort()) {
    const path = join(folder, sub);
    const content = await readFile(path).catch(() => null);
    if (content) hash.update(sub).update(content);
  }
  return hash.digest("hex");
}

describe("generateSample", () => {
  it("is deterministic for a seed and differs for another", async () => {
    const options = { contracts: 300, fromYear: 2015, toYear: 2025 };
    await generateSample({ outDir: join(dir, "a"), seed: 42, ...options });
    await generateSample({ outDir: join(dir, "b"), seed: 42, ...options });
    await generateSample({ outDir: join(dir, "c"), seed: 43, ...options });
    expect(await digest(join(dir, "a"))).toBe(await digest(join(dir, "b")));
    expect(await digest(join(dir, "a"))).not.toBe(await digest(join(dir, "c")));
  });

  it("writes the real formats: CF releases, Ofsted 2019+ layout with title lines, s251 columns, the council lookup", async () => {
    const out = join(dir, "formats");
    const summary = await generateSample({ outDir: out, seed: 1, contracts: 500, fromYear: 2015, toYear: 2025 });
    expect(summary.contracts).toBe(500);
    const lines = (await readFile(join(out, "contracts-finder-ocds/releases.jsonl"), "utf8")).trim().split("\n");
    expect(lines).toHaveLength(500);
    const release = JSON.parse(lines[0]!);
    expect(release.ocid).toMatch(/^ocds-b5fd17-/);
    expect(release.awards[0].suppliers).toHaveLength(1);
    expect(release.parties.find((p: { roles: string[] }) => p.roles.includes("supplier")).details.scale).toMatch(
      /sme|large/,
    );

    const ofsted = (await readdir(join(out, "ofsted-providers"))).sort();
    expect(ofsted).toEqual(Array.from({ length: 11 }, (_, i) => `provider_at_march_${2015 + i}.csv`));
    const provider = (await readFile(join(out, "ofsted-providers/provider_at_march_2021.csv"), "utf8")).split("\n");
    expect(provider[0]).toContain("SAMPLE DATA, NOT REAL");
    expect(provider[2]).toMatch(/^Web link,URN,/);

    const spend = (await readFile(join(out, "s251-outturn/outturn_2425.csv"), "utf8")).trim().split("\n");
    expect(spend[0]).toMatch(/^LA,LA Name,LineNumber,CYPServiceDescription,ReportGroup,OwnProvision,PrivateProvision/);
    const councils = new Set(spend.slice(1).map((l) => l.split(",")[0]));
    expect(councils.size).toBe(COUNCILS.length);

    const lookup = (await readFile(join(out, "la-reference/d2i_la_lookup_stat_neighbours.csv"), "utf8"))
      .trim()
      .split("\n");
    expect(lookup).toHaveLength(154);
    expect(await readFile(join(out, "SAMPLE-DATA-NOT-REAL.txt"), "utf8")).toContain("Sample data — not real");
  });

  it("spreads contracts over every council and year with skewed values", async () => {
    const out = join(dir, "spread");
    await generateSample({ outDir: out, seed: 5, contracts: 6000, fromYear: 2015, toYear: 2025 });
    const releases = (await readFile(join(out, "contracts-finder-ocds/releases.jsonl"), "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const years = new Set(releases.map((r) => Number(r.date.slice(0, 4))));
    expect([...years].sort()).toEqual(Array.from({ length: 11 }, (_, i) => 2015 + i));
    const buyers = new Set(releases.map((r) => r.buyer.id));
    expect(buyers.size).toBeGreaterThan(145);
    const values = releases.map((r) => r.awards[0].value.amount as number).sort((a, b) => a - b);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const median = values[Math.floor(values.length / 2)]!;
    expect(mean).toBeGreaterThan(median * 1.2); // right-skewed, like real contract values
  });
});
