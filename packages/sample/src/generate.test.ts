import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { COUNCILS, RATINGS } from "@lens/core";
import { strFromU8, unzipSync } from "fflate";
import readXlsxFile from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSample } from "./generate.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lens-sample-test-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** One line of the generated CSVs (quoted fields, no line breaks inside them). */
function splitCsv(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

interface Table {
  title: string;
  header: string[];
  rows: Record<string, string>[];
}

async function readTable(path: string, headerAt: number): Promise<Table> {
  const lines = (await readFile(path, "utf8")).trimEnd().split("\n");
  const header = splitCsv(lines[headerAt]!);
  const cells = lines.slice(headerAt + 1).map(splitCsv);
  expect(cells.filter((c) => c.length !== header.length)).toEqual([]);
  const rows = cells.map((c) => Object.fromEntries(header.map((h, i) => [h, c[i]!])));
  return { title: splitCsv(lines[0]!)[0]!, header, rows };
}

/** dd/mm/yyyy → year ending 31 March. */
function yearOf(ukDate: string): number {
  const [, month, year] = ukDate.split("/").map(Number);
  return month! >= 4 ? year! + 1 : year!;
}

const sorted = (xs: Iterable<string>) => [...xs].sort();
const minus = (a: Set<string>, b: Set<string>) => sorted([...a].filter((x) => !b.has(x)));

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

  it("writes Ofsted in-year inspections and joiners/leavers that agree with the provider snapshots", async () => {
    const out = join(dir, "ofsted");
    const summary = await generateSample({ outDir: out, seed: 3, contracts: 50, fromYear: 2015, toYear: 2025 });
    const years = Array.from({ length: 11 }, (_, i) => 2015 + i);
    const yy = (y: number) => String(y).slice(2);
    expect((await readdir(join(out, "ofsted-inspections-in-year"))).sort()).toEqual(
      years.map((y) => `All_SocCare_inspec_${yy(y - 1)}${yy(y)}.csv`),
    );
    expect((await readdir(join(out, "ofsted-joiners-leavers"))).sort()).toEqual(
      years.map((y) => `joiners_leavers_${y}.csv`),
    );
    const snapshots = new Map<number, Table>();
    for (const y of years)
      snapshots.set(y, await readTable(join(out, `ofsted-providers/provider_at_march_${y}.csv`), 2));
    const urns = (y: number) => new Set(snapshots.get(y)?.rows.map((r) => r.URN!) ?? []);

    let inspectionRows = 0;
    let joinerLeaverRows = 0;
    const types = new Set<string>();
    for (const y of years) {
      // In-year inspections: the real layouts (2019-20 names, then the 2023-24 `Inspection …` names).
      const inYear = await readTable(
        join(out, `ofsted-inspections-in-year/All_SocCare_inspec_${yy(y - 1)}${yy(y)}.csv`),
        3,
      );
      inspectionRows += inYear.rows.length;
      expect(inYear.title).toMatch(new RegExp(`Provider level in year ${y - 1}-${yy(y)} — SAMPLE DATA, NOT REAL$`));
      const type = y >= 2022 ? "Inspection event type" : "Event type";
      const number = y >= 2022 ? "Inspection event number" : "Event number";
      expect(inYear.header.slice(0, 2)).toEqual(["Web link", "URN"]);
      expect(inYear.header).toContain(type);
      expect(inYear.rows.filter((r) => yearOf(r["Inspection date"]!) !== y)).toEqual([]);
      for (const r of inYear.rows) types.add(r[type]!);
      expect(new Set(inYear.rows.map((r) => r[number])).size).toBe(inYear.rows.length);
      // Every full inspection of the year is the latest full inspection in that year's snapshot, and back.
      const full = inYear.rows
        .filter((r) => r[type] === "Full inspection")
        .map((r) =>
          [
            r.URN,
            r["Inspection date"],
            r[number],
            r["Overall experiences and progress of children and young people"],
          ].join(" "),
        );
      const latest = snapshots
        .get(y)!
        .rows.filter((r) => r["Inspection date"] !== "" && yearOf(r["Inspection date"]!) === y)
        .map((r) =>
          [
            r.URN,
            r["Inspection date"],
            r["Event number"],
            r["Overall experiences and progress of children and young people"],
          ].join(" "),
        );
      expect(full.length).toBeGreaterThan(1000);
      expect(sorted(full)).toEqual(sorted(latest));

      // Joiners = registered during the year, leavers = closed during it (some do both).
      const jl = await readTable(join(out, `ofsted-joiners-leavers/joiners_leavers_${y}.csv`), 3);
      joinerLeaverRows += jl.rows.length;
      expect(jl.title).toMatch(new RegExp(`Leavers and Joiners at 31 Mar ${y} — SAMPLE DATA, NOT REAL$`));
      expect(jl.header).toContain(`Registration status (as at 31 March ${y})`);
      const joiners = new Set(jl.rows.filter((r) => r["Joiner status"] === "Joiner").map((r) => r.URN!));
      const leavers = new Set(jl.rows.filter((r) => r["Leaver status"] === "Leaver").map((r) => r.URN!));
      const both = new Set([...joiners].filter((u) => leavers.has(u)));
      expect(joiners.size).toBeGreaterThan(200);
      expect(leavers.size).toBeGreaterThan(100);
      const misdated = jl.rows.filter(
        (r) =>
          (r["Joiner status"] === "Joiner" && yearOf(r["Registration date"]!) !== y) ||
          (r["Leaver status"] === "Leaver" &&
            (yearOf(r["Cancelled or resigned date"]!) !== y ||
              !/^(Resigned|Cancelled)$/.test(r[`Registration status (as at 31 March ${y})`]!))),
      );
      expect(misdated).toEqual([]);
      if (y > 2015) {
        expect(minus(urns(y), urns(y - 1))).toEqual(minus(joiners, both));
        expect(minus(urns(y - 1), urns(y))).toEqual(minus(leavers, both));
      }
      expect([...both].filter((u) => urns(y).has(u) || urns(y - 1).has(u))).toEqual([]);
    }
    expect(sorted(types)).toEqual(["Full inspection", "Interim inspection", "Monitoring inspection"]);
    expect(summary).toMatchObject({ inspectionRows, joinerLeaverRows });
  });

  it("writes ILACS in the Data to Insight workbook layout: every council once, real vocabulary, labelled as sample", async () => {
    const out = join(dir, "ilacs");
    const summary = await generateSample({ outDir: out, seed: 8, contracts: 50, fromYear: 2015, toYear: 2025 });
    expect(summary.ilacsRows).toBe(153);
    const bytes = await readFile(join(out, "ofsted-ilacs/ofsted_csc_ilacs_overview.xlsx"));
    const sheets = await readXlsxFile(bytes);
    expect(sheets[0]?.sheet).toBe("ofsted_cs_inspections_overview");
    // The title is in the document properties, and the package's relationships point a reader at them.
    const parts = unzipSync(bytes);
    expect(strFromU8(parts["_rels/.rels"]!)).toContain('Target="docProps/core.xml"');
    expect(/<dc:title>([^<]*)<\/dc:title>/.exec(strFromU8(parts["docProps/core.xml"]!))?.[1]).toMatch(
      /SAMPLE DATA, NOT REAL/,
    );
    const [header, ...rows] = sheets[0]!.data.map((r) => r.map((v) => (v === null ? null : String(v))));
    for (const column of ["la_code", "overall_effectiveness_grade", "inspection_end_date", "publication_date"])
      expect(header).toContain(column);
    const records = rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, String(r[i] ?? "")])));
    expect(sorted(records.map((r) => r.la_code!))).toEqual(sorted(COUNCILS.map((c) => c.laCode)));
    const grades = new Set(RATINGS.map((r) => r.toLowerCase()));
    const judged = records.filter((r) => grades.has(r.overall_effectiveness_grade!));
    const blank = records.filter((r) => r.overall_effectiveness_grade === "nan");
    expect(judged.length + blank.length).toBe(153);
    // Two inspected councils await their report; the Isles of Scilly has no inspection.
    expect(blank.map((r) => [r.inspection_end_date === "None", r.publication_date])).toEqual(
      expect.arrayContaining([
        [false, "None"],
        [true, "None"],
      ]),
    );
    expect(blank).toHaveLength(3);
    expect(blank.find((r) => r.la_code === "420")?.inspection_end_date).toBe("None");
    for (const r of judged) {
      expect(r.inspection_start_date).toMatch(/^\d{2}\/\d{2}\/20\d{2}$/);
      expect(r.inspection_end_date).toMatch(/^\d{2}\/\d{2}\/20(1[89]|2[0-5])$/);
      expect(r.publication_date).toMatch(/^\d{2}\/\d{2}\/\d{2}$/);
      for (const sub of ["impact_of_leaders_grade", "help_and_protection_grade", "in_care_grade"])
        expect(grades.has(r[sub]!)).toBe(true);
      expect(grades.has(r.care_leavers_grade!) || r.care_leavers_grade === "inspection_pre_dates_judgement").toBe(true);
    }
    // Every judgement appears; most councils are Good or Outstanding, as nationally.
    expect(new Set(judged.map((r) => r.overall_effectiveness_grade)).size).toBe(4);
    const goodOrBetter = judged.filter((r) => /^(good|outstanding)$/.test(r.overall_effectiveness_grade!)).length;
    expect(goodOrBetter / judged.length).toBeGreaterThan(0.5);
    // The neighbours' judgements column agrees with the neighbours' own rows.
    const byCode = new Map(records.map((r) => [r.la_code!, r.overall_effectiveness_grade!]));
    const kent = records.find((r) => r.la_code === "886")!;
    const pairs = [...kent.stat_neighbour_judgement!.matchAll(/\((\d{3}), '([^']+)'\)/g)].map((m) => [m[1], m[2]]);
    expect(pairs).toHaveLength(10);
    for (const [code, grade] of pairs) expect(byCode.get(code!)).toBe(grade);
  });

  it("writes placements by provider: SFR files to 2017 and an EES file after, every council and year", async () => {
    const out = join(dir, "cla");
    const summary = await generateSample({ outDir: out, seed: 9, contracts: 50, fromYear: 2015, toYear: 2025 });
    expect(summary.claFiles).toBe(4);
    expect((await readdir(join(out, "dfe-cla-la"))).sort()).toEqual([
      "la_cla_on_31_march_by_characteristics.csv",
      "sfr_cla_2015.csv",
      "sfr_cla_2016.csv",
      "sfr_cla_2017.csv",
    ]);
    const providers = ["CLA_OwnP", "CLA_OthLA", "CLA_OthPP", "CLA_Priv", "CLA_Vol", "CLA_Par", "CLA_Nrep"];
    const count = (v: string) => (v === "x" || v === "c" ? null : Number(v));
    for (const year of [2015, 2016, 2017]) {
      const sfr = await readTable(join(out, `dfe-cla-la/sfr_cla_${year}.csv`), 0);
      expect(sfr.header.slice(0, 5)).toEqual(["New_geog_code", "geog_l", "geog_c", "geog_n", `CLA_Mar${year}`]);
      for (const p of providers) expect(sfr.header).toContain(p);
      expect(sfr.rows[0]).toMatchObject({ geog_l: "NATIONAL", geog_n: "ENGLAND" });
      const las = sfr.rows.filter((r) => r.geog_l === "LA");
      expect(sorted(las.map((r) => r.geog_c!))).toEqual(sorted(COUNCILS.map((c) => c.laCode)));
      expect(sfr.rows).toHaveLength(154);
      for (const r of sfr.rows) {
        for (const p of providers) expect(r[p]).toMatch(/^(\d+|x)$/);
        const total = count(r[`CLA_Mar${year}`]!);
        const parts = providers.map((p) => count(r[p]!));
        // Unsuppressed provider counts add up to the total (the placement return's partition).
        if (total !== null && parts.every((n) => n !== null)) expect(parts.reduce((a, b) => a! + b!, 0)).toBe(total);
        if (r.geog_l === "LA" && r.geog_c !== "420" && r.geog_c !== "201") expect(total).toBeGreaterThan(50);
      }
    }
    const ees = await readTable(join(out, "dfe-cla-la/la_cla_on_31_march_by_characteristics.csv"), 0);
    expect(ees.header).toEqual(
      expect.arrayContaining([
        "time_period",
        "geographic_level",
        "old_la_code",
        "cla_group",
        "characteristic",
        "number",
      ]),
    );
    expect(sorted(new Set(ees.rows.map((r) => r.time_period!)))).toEqual(
      Array.from({ length: 8 }, (_, i) => String(2018 + i)),
    );
    expect(new Set(ees.rows.map((r) => r.geographic_level))).toEqual(new Set(["National", "Local authority"]));
    expect(new Set(ees.rows.map((r) => r.cla_group))).toEqual(new Set(["Place providers"]));
    expect(new Set(ees.rows.map((r) => r.characteristic)).size).toBe(7);
    expect(ees.rows.filter((r) => !/^(\d+|c)$/.test(r.number!))).toEqual([]);
    const la2025 = ees.rows.filter((r) => r.time_period === "2025" && r.geographic_level === "Local authority");
    expect(new Set(la2025.map((r) => r.old_la_code)).size).toBe(153);
    // Private provision grows over the decade, as in the real series.
    const england2025 = ees.rows.filter((r) => r.time_period === "2025" && r.geographic_level === "National");
    const private2025 = Number(england2025.find((r) => r.characteristic === "Private provision")!.number);
    const total2025 = england2025.reduce((a, r) => a + Number(r.number), 0);
    const england2015 = (await readTable(join(out, "dfe-cla-la/sfr_cla_2015.csv"), 0)).rows[0]!;
    expect(private2025 / total2025).toBeGreaterThan(Number(england2015.CLA_Priv) / Number(england2015.CLA_Mar2015));
  });

  it("writes the outcome files in DfE's layouts: councils as simulated, England and regions rounded to 10", async () => {
    const out = join(dir, "outcomes");
    const summary = await generateSample({ outDir: out, seed: 10, contracts: 50, fromYear: 2015, toYear: 2025 });
    expect(summary.outcomeFiles).toBe(7);
    const lines = async (path: string) =>
      (await readFile(join(out, path), "utf8"))
        .replace(/^\uFEFF/, "")
        .trimEnd()
        .split(/\r?\n/)
        .map(splitCsv);
    const [header, ...rows] = await lines("dfe-cla-la-outcomes/la_cla_placement_stability.csv");
    expect(header!.slice(0, 3)).toEqual(["time_period", "time_identifier", "geographic_level"]);
    expect(header!.slice(-4)).toEqual(["cla_group", "placement_stability", "number", "percentage"]);
    const col = (name: string) => header!.indexOf(name);
    expect(sorted(new Set(rows.map((r) => r[col("time_period")]!)))).toEqual(
      Array.from({ length: 6 }, (_, i) => String(2020 + i)),
    );
    const totals = rows.filter(
      (r) =>
        r[col("time_period")] === "2025" &&
        r[col("cla_group")] === "CLA on 31 March" &&
        r[col("placement_stability")] === "Total children",
    );
    const councils = totals.filter((r) => r[col("geographic_level")] === "Local authority");
    expect(sorted(councils.map((r) => r[col("old_la_code")]!))).toEqual(sorted(COUNCILS.map((c) => c.laCode)));
    const england = totals.find((r) => r[col("geographic_level")] === "National")!;
    // England is the councils' sum (suppressed ones, 1–5 each, included) rounded to 10.
    const shown = councils.filter((r) => r[col("number")] !== "c");
    const sum = shown.reduce((a, r) => a + Number(r[col("number")]), 0);
    const hidden = councils.length - shown.length;
    expect(Number(england[col("number")]) % 10).toBe(0);
    expect(Math.abs(Number(england[col("number")]) - sum)).toBeLessThanOrEqual(5 + 5 * hidden);
    expect(rows.filter((r) => !/^(\d+|c)$/.test(r[col("number")]!))).toEqual([]);
    // The FOI parts keep the release's twelve note lines and a blank line above the header (line 14).
    const foi = await lines("dfe-foi-childrens-homes/foi_part2_outside_boundary.csv");
    expect(foi[0]![0]).toMatch(/children's homes outside the local authority boundary/);
    expect(foi[13]!.slice(-3)).toEqual(["characteristic", "number", "percentage"]);
    const [csww] = await lines("dfe-csww/csww_indicators.csv");
    expect(csww).toEqual(expect.arrayContaining(["agency_rate_fte", "turnover_rate_fte", "vacancy_rate_fte"]));
  });
});
