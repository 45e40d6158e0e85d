import { describe, expect, it } from "vitest";
import { formatAxisValue, formatDate, formatGbp, formatValue } from "./format.js";

describe("en-GB formats", () => {
  it("writes money the way UK policy writing does", () => {
    expect(formatGbp(1_234_567)).toBe("£1.2m");
    expect(formatGbp(2_500_000_000)).toBe("£2.5bn");
    expect(formatGbp(350_400)).toBe("£350k");
    expect(formatGbp(950)).toBe("£950");
    expect(formatGbp(-12_000)).toBe("−£12k");
  });
  it("always gives percentages one decimal", () => {
    expect(formatValue(0.19, "percent")).toBe("19.0%");
    expect(formatValue(0.2564, "percent")).toBe("25.6%");
  });
  it("never shows missing as zero", () => {
    expect(formatValue(null, "integer")).toBe("—");
    expect(formatValue(undefined, "gbp")).toBe("—");
    expect(formatValue(Number.NaN, "percent")).toBe("—");
    expect(formatValue(0, "integer")).toBe("0");
  });
  it("writes dates as 14 Mar 2025, with Sep not Sept", () => {
    expect(formatDate("2025-03-14")).toBe("14 Mar 2025");
    expect(formatDate("2024-09-01T10:00:00Z")).toBe("1 Sep 2024");
    expect(formatDate(null)).toBe("—");
    expect(formatDate("not a date")).toBe("—");
  });
});

describe("axis ticks", () => {
  it("drop a trailing .0 on shares only", () => {
    expect(formatAxisValue(0.5, "percent")).toBe("50%");
    expect(formatAxisValue(0.125, "percent")).toBe("12.5%");
    expect(formatAxisValue(36, "months")).toBe("36 mo");
  });
});
