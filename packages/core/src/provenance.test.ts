import { describe, expect, it } from "vitest";
import { getMetric } from "./metrics.js";
import {
  answerLicence,
  answerSourceLine,
  licenceLine,
  NO_LICENCE_KNOWN,
  SAMPLE_NOTICE,
  sourceLine,
  sourcesFor,
} from "./provenance.js";

describe("sourceLine", () => {
  it("names only the sample on a sample warehouse", () => {
    const line = sourceLine([getMetric("contracts")!], true);
    expect(line).toMatch(/^Source: Commissioning Lens sample generator/);
    expect(line).not.toMatch(/Cabinet Office/);
  });
  it("names each publisher and licence once on real data", () => {
    const line = sourceLine([getMetric("contracts")!, getMetric("share_36_months")!], false);
    expect(line.match(/Cabinet Office, Contracts Finder/g)).toHaveLength(1);
    expect(line).toMatch(/Open Government Licence v3\.0/);
  });
});

describe("answerSourceLine", () => {
  const sources = [
    { id: "norfolk-register", label: "Norfolk County Council contract register (2015)", rows: 1915 },
    { id: "contracts-finder", label: "Contracts Finder notices", rows: 153 },
  ];
  it("lists exactly the sources that contributed rows, with publisher and licence", () => {
    const line = answerSourceLine(sources, false);
    expect(line).toBe(
      "Source: Norfolk County Council contract register (2015) (Open Government Licence v3.0); Cabinet Office, Contracts Finder notices (Open Government Licence v3.0).",
    );
    expect(line).not.toMatch(/Find a Tender/);
  });
  it("on the sample, names the generator and only the formats it imitates", () => {
    const line = answerSourceLine(sources.slice(1), true);
    expect(line).toMatch(/^Source: Commissioning Lens sample generator, Generated sample data — not real/);
    expect(line).toMatch(/in the formats of Cabinet Office, Contracts Finder notices\.$/);
    expect(line).not.toMatch(/Norfolk/);
  });
  it("keeps one licence per distinct licence", () => {
    expect(answerLicence(sources, false)).toBe("Open Government Licence v3.0");
  });
});

describe("sourcesFor and licenceLine", () => {
  it("takes the metrics' sources the build read, each once, or the sample on a sample build", () => {
    const metrics = [getMetric("contracts")!, getMetric("share_36_months")!];
    expect(sourcesFor(metrics, { isSample: false, sources: ["contracts-finder"] }).map((s) => s.id)).toEqual([
      "contracts-finder",
    ]);
    expect(sourcesFor(metrics, { isSample: false }).map((s) => s.id)).toEqual(getMetric("contracts")!.sources);
    expect(sourcesFor(metrics, { isSample: true }).map((s) => s.id)).toEqual(["sample"]);
  });

  it("names each licence once, and never one nobody granted when no source is known", () => {
    expect(licenceLine([{ licence: "A" }, { licence: "B" }, { licence: "A" }])).toBe("A; B");
    expect(licenceLine([])).toBe(NO_LICENCE_KNOWN);
    expect(SAMPLE_NOTICE).toBe("Sample data — not real");
  });
});
