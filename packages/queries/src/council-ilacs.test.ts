import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { councilIlacs, ilacsDistribution } from "./council-ilacs.js";
import { fixtureWarehouse, KENT, LEEDS } from "./test-fixture.js";

const SE = (code: string, name: string) => ({
  la_code: code,
  ons_code: `E0${code}`,
  name,
  region: "South East",
  la_type: "Unitary",
});
const ilacs = (la_code: string, overall_rating: string | null, extra: Record<string, string | number | null> = {}) => ({
  la_code,
  overall_rating,
  overall_rating_original: overall_rating?.toLowerCase() ?? "nan",
  inspection_date: "2024-02-09",
  publication_date: overall_rating ? "2024-03-12" : null,
  source: "ofsted-ilacs",
  source_file: "ofsted-ilacs/overview.xlsx",
  source_line: 2,
  ...extra,
});

let fx: Awaited<ReturnType<typeof fixtureWarehouse>>;
beforeAll(async () => {
  fx = await fixtureWarehouse({
    local_authorities: [KENT, LEEDS, SE("800", "Alpha"), SE("801", "Beta"), SE("802", "Gamma")],
    statistical_neighbours: [
      { la_code: "886", neighbour_la_code: "801", rank: 2 },
      { la_code: "886", neighbour_la_code: "800", rank: 1 },
      { la_code: "886", neighbour_la_code: "383", rank: 3 },
      { la_code: "886", neighbour_la_code: "999", rank: 4 },
    ],
    ilacs: [
      ilacs("886", "Good", { inspection_framework: "short", care_leavers_rating: null, in_care_rating: "Outstanding" }),
      ilacs("800", "Good"),
      ilacs("801", null), // inspected, report not out
      ilacs("383", "Outstanding"),
      ilacs("802", null, { inspection_date: null }), // listed without an inspection
    ],
  });
});
afterAll(() => fx.close());

describe("councilIlacs", () => {
  it("gives the council's judgement with dates, sub-judgements and file:line", async () => {
    const r = await councilIlacs(fx.connection, { council: "886" });
    expect(r.council).toMatchObject({
      laCode: "886",
      name: "Kent",
      region: "South East",
      status: "judged",
      rating: "Good",
      inspectionDate: "2024-02-09",
      publicationDate: "2024-03-12",
      framework: "short",
      subJudgements: { inCare: "Outstanding", careLeavers: null },
      source: "ofsted-ilacs",
      sourceFile: "ofsted-ilacs/overview.xlsx",
      sourceLine: 2,
    });
    expect(r.sources).toEqual(["ofsted-ilacs"]);
  });

  it("counts neighbours (in rank order, the council left out), region and England (the council in)", async () => {
    const r = await councilIlacs(fx.connection, { council: "886" });
    expect(r.neighbours.councils.map((n) => [n.rank, n.laCode, n.status, n.rating])).toEqual([
      [1, "800", "judged", "Good"],
      [2, "801", "not published", null],
      [3, "383", "judged", "Outstanding"],
      [4, "999", "not inspected", null],
    ]);
    expect(r.neighbours.distribution).toEqual({
      councils: 4,
      counts: [
        { rating: "Outstanding", n: 1 },
        { rating: "Good", n: 1 },
        { rating: "Requires improvement", n: 0 },
        { rating: "Inadequate", n: 0 },
      ],
      judged: 2,
      notPublished: 1,
      notInspected: 1,
    });
    // South East: Kent, Alpha (Good), Beta (not published), Gamma (no inspection).
    expect(r.region).toMatchObject({ name: "South East", councils: 4, judged: 2, notPublished: 1, notInspected: 1 });
    expect(r.region.counts.find((c) => c.rating === "Good")?.n).toBe(2);
    expect(r.england).toMatchObject({ councils: 5, judged: 3, notPublished: 1, notInspected: 1 });
  });

  it("says 'not published' and 'not inspected' for councils without a judgement", async () => {
    expect((await councilIlacs(fx.connection, { council: "801" })).council).toMatchObject({
      status: "not published",
      rating: null,
      publicationDate: null,
    });
    const gamma = await councilIlacs(fx.connection, { council: "802" });
    expect(gamma.council).toMatchObject({ status: "not inspected", rating: null, inspectionDate: null });
    expect(gamma.neighbours.councils).toEqual([]);
  });

  it("rejects an unknown council and a malformed code", async () => {
    await expect(councilIlacs(fx.connection, { council: "123" })).rejects.toThrow(/unknown council '123'/);
    await expect(councilIlacs(fx.connection, { council: "88" })).rejects.toThrow(/3-digit/);
  });

  it("distribution of nothing is all zeros", () => {
    expect(ilacsDistribution([])).toMatchObject({ councils: 0, judged: 0, notPublished: 0, notInspected: 0 });
  });
});
