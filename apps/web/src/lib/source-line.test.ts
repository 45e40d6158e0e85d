import { getMetric } from "@lens/core";
import { describe, expect, it } from "vitest";
import { sourceLine } from "./source-line.js";

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
