/**
 * Columns and cells shared by the generated Ofsted provider-level files (the "as at" snapshot
 * and the in-year inspections): both open with the same provider columns and judge the same
 * five areas, so they are written once here.
 */
import { ukDate } from "./csv-cells.js";
import type { InspectionType, Provider } from "./ofsted.js";

/** The provider columns that open every provider-level file, up to and including Places. */
export const PROVIDER_COLUMNS = [
  "Web link",
  "URN",
  "Linked Education URN",
  "Provision type",
  "Registration date",
  "Registration status",
  "Name",
  "Address 1",
  "Address 2",
  "Town",
  "County",
  "Postcode",
  "Ofsted region",
  "Government Office Region",
  "Local authority",
  "Parliamentary constituency",
  "Sector",
  "Places",
] as const;

/** Overall, education, health, protection, leadership, in Ofsted's column order. */
export const JUDGEMENT_COLUMNS = [
  "Overall experiences and progress of children and young people",
  "Outcomes in education and related learning activities",
  "Health services",
  "How well children and young people are helped and protected",
  "The effectiveness of leaders and managers",
] as const;

/** The cells under PROVIDER_COLUMNS; names and addresses are redacted as in the published files. */
export function providerCells(p: Provider): string[] {
  return [
    "Ofsted Social Care Provider Webpage",
    p.urn,
    "",
    p.type,
    ukDate(p.registered),
    p.suspended ? "Suspended" : "Active",
    "REDACTED",
    "REDACTED",
    "REDACTED",
    "REDACTED",
    "REDACTED",
    "REDACTED",
    p.region,
    p.region,
    p.laName,
    "",
    p.sector,
    p.places === null ? "" : String(p.places),
  ];
}

/** The cells under JUDGEMENT_COLUMNS: full inspections judge three of the five here. */
export function judgements(outcome: string | null, type: InspectionType): string[] {
  if (outcome === null) return ["", "", "", "", ""];
  if (type !== "Full inspection") return [outcome, "", "", "", ""];
  return [outcome, "", "", outcome, outcome];
}

/** Reports are published 25 days after the inspection in the generated files. */
export function publicationDate(inspected: Date): string {
  return ukDate(new Date(inspected.getTime() + 25 * 86_400_000));
}
