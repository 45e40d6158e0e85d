import { describe, expect, it } from "vitest";
import { backoffDelay, parseRetryAfter } from "./retry-after.js";

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-03-01T12:00:00Z");

  it("reads delay-seconds", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
  });

  it("reads an HTTP date relative to now", () => {
    expect(parseRetryAfter("Sat, 01 Mar 2025 12:00:30 GMT", now)).toBe(30_000);
  });

  it("treats a past date as no wait, and unreadable values as absent", () => {
    expect(parseRetryAfter("Sat, 01 Mar 2025 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter("-5", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe("backoffDelay", () => {
  it("doubles per attempt, stays within [cap/2, cap] and respects the maximum", () => {
    const low = { baseMs: 1000, maxMs: 8000, random: () => 0 };
    const high = { ...low, random: () => 1 };
    expect([0, 1, 2, 3, 4].map((a) => backoffDelay(a, low))).toEqual([500, 1000, 2000, 4000, 4000]);
    expect([0, 1, 2, 3, 4].map((a) => backoffDelay(a, high))).toEqual([1000, 2000, 4000, 8000, 8000]);
  });
});
