/**
 * Generated Ofsted in-year files, from the same simulation as the "as at" snapshots:
 * - "Provider level in year" inspections (one row per inspection event in the year to
 *   31 March), in the 2019-20 layout up to 2020-21 and the 2023-24 layout (`Inspection …`
 *   column names and the `Previous …` columns) from 2021-22;
 * - "Leavers and Joiners" (providers registered or closed during the year), in the 2021-22
 *   layout (`Registration date`, `Cancelled or resigned date`).
 * Both carry title lines above the header like the real files, the first one saying the
 * data is a sample.
 */
import type { InspectionEvent, Provider, RegisterChange } from "./ofsted.js";

const IN_YEAR_HEADER_2020 = [
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
  "Organisation which owns the provider",
  "Event type",
  "Inspection date",
  "Publication date",
  "Event number",
  "Overall experiences and progress of children and young people",
  "Outcomes in education and related learning activities",
  "Health services",
  "How well children and young people are helped and protected",
  "The effectiveness of leaders and managers",
];

const IN_YEAR_HEADER_2024 = [
  ...IN_YEAR_HEADER_2020.slice(0, 18),
  "Short-break-only children's home",
  "Multi-building children's home",
  "Organisation which owns the provider",
  "Inspection event type",
  "Inspection date",
  "Inspection publication date",
  "Inspection event number",
  "Overall experiences and progress of children and young people",
  "Outcomes in education and related learning activities",
  "Health services",
  "How well children and young people are helped and protected",
  "The effectiveness of leaders and managers",
  "Previous Event type",
  "Previous inspection Date",
  "Previous publication date",
  "Previous event number",
  "Previous overall experiences and progress of children and young people",
  "Previous outcomes in education and related learning activities",
  "Previous health services",
  "Previous how well children and young people are helped and protected",
  "Previous effectiveness of leaders and managers",
];

const JOINERS_LEAVERS_HEADER = (year: number) => [
  "URN",
  "Provision type",
  "Ofsted Region",
  "Government Office Region",
  "Local authority",
  "Parliamentary constituency",
  "Sector",
  "Places",
  "Short-break-only children's home",
  "Registration date",
  "Cancelled or resigned date",
  "Joiner status",
  "Leaver status",
  `Registration status (as at 31 March ${year})`,
  "Name",
];

/** First year (ending 31 March) written in the newer in-year layout. */
const NEW_LAYOUT_FROM = 2022;

function quote(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function ukDate(d: Date): string {
  return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
}

const publication = (d: Date) => ukDate(new Date(d.getTime() + 25 * 86_400_000));
const yy = (year: number) => String(year).slice(2);

/** File name of the in-year inspections for the year ending 31 March `year` (All_SocCare_inspec_2324.csv). */
export function inspectionsFileName(year: number): string {
  return `All_SocCare_inspec_${yy(year - 1)}${yy(year)}.csv`;
}

export function joinersLeaversFileName(year: number): string {
  return `joiners_leavers_${year}.csv`;
}

/** Title and note lines above the header, padded to the header's width as a spreadsheet export is. */
function titleLines(titles: readonly string[], width: number): string[] {
  return titles.map((t) => [quote(t), ...Array(width - 1).fill("")].join(","));
}

function providerCells(p: Provider, status: string): string[] {
  return [
    "Ofsted Social Care Provider Webpage",
    p.urn,
    "",
    p.type,
    ukDate(p.registered),
    status,
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

/** Overall, education, health, protection, leadership: full inspections judge three of the five here. */
function judgements(outcome: string | null, type: InspectionEvent["type"]): string[] {
  if (outcome === null) return ["", "", "", "", ""];
  if (type !== "Full inspection") return [outcome, "", "", "", ""];
  return [outcome, "", "", outcome, outcome];
}

export function inspectionsCsv(year: number, events: readonly InspectionEvent[]): string {
  const newLayout = year >= NEW_LAYOUT_FROM;
  const header = newLayout ? IN_YEAR_HEADER_2024 : IN_YEAR_HEADER_2020;
  const lines = titleLines(
    [
      `Children's social care data in England ${year} – Provider level in year ${year - 1}-${yy(year)} — SAMPLE DATA, NOT REAL`,
      "This worksheet contains one table, this table begins in cell A4. Generated by Commissioning Lens: every provider and inspection is simulated.",
      "Some cells in this table are empty. This is in instances where the column refers to data that is not applicable for that provider type or inspection type.",
    ],
    header.length,
  );
  lines.push(header.map(quote).join(","));
  for (const e of events) {
    const p = e.provider;
    const event = [
      e.type,
      ukDate(e.date),
      publication(e.date),
      String(e.eventNumber),
      ...judgements(e.outcome, e.type),
    ];
    const row = newLayout
      ? [
          ...providerCells(p, p.suspended ? "Suspended" : "Active"),
          "",
          "",
          p.owner,
          ...event,
          ...(e.previous
            ? [
                "Full inspection",
                ukDate(e.previous.date),
                publication(e.previous.date),
                String(e.previous.eventNumber),
                ...judgements(e.previous.rating, "Full inspection"),
              ]
            : Array(9).fill("")),
        ]
      : [...providerCells(p, p.suspended ? "Suspended" : "Active"), p.owner, ...event];
    lines.push(row.map(quote).join(","));
  }
  return `${lines.join("\n")}\n`;
}

export function joinersLeaversCsv(year: number, changes: readonly RegisterChange[]): string {
  const header = JOINERS_LEAVERS_HEADER(year);
  const lines = titleLines(
    [
      `Children's social care data in England ${year} - Leavers and Joiners at 31 Mar ${year} — SAMPLE DATA, NOT REAL`,
      "This worksheet contains one table which begins in cell A4. Generated by Commissioning Lens: every provider is simulated.",
      "Some cells in this table are empty because data was not provided to Ofsted. ",
    ],
    header.length,
  );
  lines.push(header.map(quote).join(","));
  for (const { provider: p, joined, left, status } of changes) {
    const row = [
      p.urn,
      p.type,
      p.region,
      p.region,
      p.laName,
      "",
      p.sector,
      p.places === null ? "" : String(p.places),
      "",
      ukDate(p.registered),
      left && p.closed ? ukDate(p.closed) : "",
      joined ? "Joiner" : "",
      left ? "Leaver" : "",
      status,
      "REDACTED",
    ];
    lines.push(row.map(quote).join(","));
  }
  return `${lines.join("\n")}\n`;
}
