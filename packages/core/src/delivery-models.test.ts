import { describe, expect, it } from "vitest";
import { COUNCILS } from "./councils.js";
import { DELIVERY_MODEL_COUNCILS, DELIVERY_MODELS, deliveryBodyInYear, deliveryBodyOn } from "./delivery-models.js";

const iso = /^\d{4}-\d{2}-\d{2}$/;

describe("delivery models", () => {
  it("names only councils in the registry, with ordered ISO dates and a source", () => {
    const codes = new Set(COUNCILS.map((c) => c.laCode));
    for (const f of DELIVERY_MODELS) {
      expect(codes.has(f.laCode), f.laCode).toBe(true);
      expect(f.from).toMatch(iso);
      if (f.until) {
        expect(f.until).toMatch(iso);
        expect(f.until > f.from, `${f.body} ${f.laCode}`).toBe(true);
      }
      expect(f.source.length).toBeGreaterThan(10);
    }
  });

  it("lists thirteen councils (Northamptonshire as its two successors), and no council has two bodies at once", () => {
    expect(DELIVERY_MODEL_COUNCILS).toEqual([
      "314",
      "318",
      "330",
      "333",
      "371",
      "380",
      "394",
      "868",
      "870",
      "871",
      "885",
      "940",
      "941",
    ]);
    for (const code of DELIVERY_MODEL_COUNCILS) {
      const spans = DELIVERY_MODELS.filter((f) => f.laCode === code).sort((a, b) => a.from.localeCompare(b.from));
      for (let i = 1; i < spans.length; i++) expect(spans[i - 1]!.until! < spans[i]!.from).toBe(true);
    }
  });

  it("answers which body ran the service on a date and in a financial year", () => {
    expect(deliveryBodyOn("871", "2020-06-01")?.body).toBe("Slough Children's Services Trust");
    expect(deliveryBodyOn("871", "2021-04-01")?.body).toBe("Slough Children First");
    expect(deliveryBodyOn("371", "2014-09-30")).toBeUndefined();
    expect(deliveryBodyOn("886", "2020-01-01")).toBeUndefined();
    // Bradford's trust began 1 April 2023: the first financial year it ran is 2023-24 (year 2024).
    expect(deliveryBodyInYear("380", 2023)).toBeUndefined();
    expect(deliveryBodyInYear("380", 2024)?.body).toBe("Bradford Children and Families Trust");
    // Doncaster's trust ran part of 2014-15 (from October 2014) and none of 2023-24.
    expect(deliveryBodyInYear("371", 2015)?.kind).toBe("independent trust");
    expect(deliveryBodyInYear("371", 2024)).toBeUndefined();
    // Windsor and Maidenhead joined Achieving for Children in August 2017, after Kingston and Richmond (April 2014).
    expect(deliveryBodyOn("868", "2016-06-01")).toBeUndefined();
    expect(deliveryBodyOn("868", "2017-08-01")?.body).toMatch(/^Achieving for Children/);
    expect(deliveryBodyOn("318", "2016-06-01")?.body).toMatch(/^Achieving for Children/);
    // The year Slough's service changed hands gives the later body.
    expect(deliveryBodyInYear("871", 2022)?.body).toBe("Slough Children First");
  });
});
