/**
 * Councils whose children's social care is (or was) run by an independent trust or a
 * council-owned company, per council and in the browser-safe registry. The facts themselves
 * (council codes, dates, sources) are written once, in ./childrens-services-trusts.ts,
 * which the build also uses to classify trust-delivered spend; this module only turns them
 * into one row per council and answers "was a body running the service then?".
 *
 * The list is not exhaustive of every arrangement (partnerships that do not transfer the
 * service are left out), which the pages say.
 */
import { CHILDRENS_SERVICES_TRUSTS, trustStartFor } from "./childrens-services-trusts.js";
import { COUNCILS } from "./councils.js";

export interface DeliveryModelFact {
  /** The council's DfE code, as in the council registry. */
  laCode: string;
  /** The trust or company. */
  body: string;
  kind: "independent trust" | "council-owned company";
  /** ISO date the body began running the council's children's social care. */
  from: string;
  /** ISO date of its last day, where the service returned to the council (or passed to another body). */
  until?: string;
  /** Where the fact is published, in words. */
  source: string;
}

const registered = new Set(COUNCILS.map((c) => c.laCode));

/**
 * One row per council and body, for councils in the registry (a county since split, such as
 * Northamptonshire's 928, is represented by its successor councils).
 */
export const DELIVERY_MODELS: readonly DeliveryModelFact[] = CHILDRENS_SERVICES_TRUSTS.flatMap((t) =>
  t.laCodes
    .filter((laCode) => registered.has(laCode))
    .map((laCode) => ({
      laCode,
      body: t.label,
      kind: t.councilOwned ? ("council-owned company" as const) : ("independent trust" as const),
      from: trustStartFor(t, laCode),
      ...(t.until ? { until: t.until } : {}),
      source: t.source,
    })),
);

/** The councils that have had a trust or company at any time, each once, in DfE code order. */
export const DELIVERY_MODEL_COUNCILS: readonly string[] = [...new Set(DELIVERY_MODELS.map((f) => f.laCode))].sort();

/** The body running the council's children's social care on an ISO date (yyyy-mm-dd), if any. */
export function deliveryBodyOn(laCode: string, isoDate: string): DeliveryModelFact | undefined {
  return DELIVERY_MODELS.find(
    (f) => f.laCode === laCode && isoDate >= f.from && (f.until === undefined || isoDate <= f.until),
  );
}

/**
 * The body that ran the service for the whole or part of a financial year (April of `year` − 1
 * to March of `year`, the convention of the s251 and children-looked-after years), if any; the
 * latest of them where the service changed hands during the year.
 */
export function deliveryBodyInYear(laCode: string, year: number): DeliveryModelFact | undefined {
  const start = `${year - 1}-04-01`;
  const end = `${year}-03-31`;
  return DELIVERY_MODELS.filter(
    (f) => f.laCode === laCode && f.from <= end && (f.until === undefined || f.until >= start),
  ).at(-1);
}
