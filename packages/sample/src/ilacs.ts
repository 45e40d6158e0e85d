/**
 * Generated ILACS judgements in the Data to Insight scrape's layout (one xlsx sheet, header in
 * row 1, one row per council, lower-case grades, `nan`/`None` blanks, dd/mm/yyyy inspection
 * dates and a dd/mm/yy publication date). Only each council's latest inspection, as in the real
 * file: inspections end between 2018 (the ILACS framework's start) and early 2025. Two councils
 * are inspected but their report is not yet published (grades `nan`) and the Isles of Scilly
 * has no inspection, so "not published" and "not inspected" both occur. A second sheet and the
 * workbook's properties say the data is not real.
 */
import { COUNCILS, RATINGS, type Rating, type Region } from "@lens/core";
import { ukDate } from "./csv-cells.js";
import type { Random } from "./random.js";
import { writeWorkbook } from "./xlsx-workbook.js";

const COLUMNS = [
  "urn",
  "la_code",
  "region_code",
  "ltla23cd",
  "stat_neighbours",
  "stat_neighbour_judgement",
  "local_authority",
  "inspection_link",
  "overall_effectiveness_grade",
  "inspection_framework",
  "inspector_name",
  "inspection_start_date",
  "inspection_end_date",
  "publication_date",
  "local_link_to_all_inspections",
  "impact_of_leaders_grade",
  "help_and_protection_grade",
  "in_care_grade",
  "care_leavers_grade",
  "inspectors_inspections_count",
] as const;

export const ILACS_SHEET = "ofsted_cs_inspections_overview";
export const ILACS_FILE = "ofsted_csc_ilacs_overview.xlsx";

const REGION_CODES: Record<Region, string> = {
  "North East": "NE",
  "North West": "NW",
  "Yorkshire and the Humber": "YH",
  "East Midlands": "EM",
  "West Midlands": "WM",
  "East of England": "E",
  London: "GL",
  "South East": "SE",
  "South West": "SW",
};

/** Overall judgements: roughly the national mix of recent ILACS reports. */
const OVERALL: readonly (readonly [Rating, number])[] = [
  ["Outstanding", 0.2],
  ["Good", 0.43],
  ["Requires improvement", 0.28],
  ["Inadequate", 0.09],
];
/** Latest inspections by year of the end date (ILACS from 2018; visits paused in 2020–21). */
const END_YEARS: readonly (readonly [number, number])[] = [
  [2018, 3],
  [2019, 6],
  [2020, 2],
  [2021, 3],
  [2022, 12],
  [2023, 24],
  [2024, 32],
  [2025, 8],
];
/** Care-leaver judgements began with inspections from January 2023. */
const CARE_LEAVERS_FROM = Date.UTC(2023, 0, 1);
const DAY = 86_400_000;

export type IlacsStatus = "judged" | "not published" | "not inspected";

export interface SampleIlacs {
  laCode: string;
  status: IlacsStatus;
  overall: Rating | null;
}

const lower = (r: Rating | null) => (r === null ? "nan" : r.toLowerCase());
const shortDate = (d: Date) => ukDate(d).replace(/\/\d{2}(\d{2})$/, "/$1");

/** An end date in `year`; 2025 inspections end by early February, so reports are out by 31 March. */
function endIn(random: Random, year: number): Date {
  return new Date(Date.UTC(year, 0, 1) + random.int(0, year === 2025 ? 30 : 364) * DAY);
}

/** A sub-judgement: the overall one, or a grade either side of it. */
function near(random: Random, overall: Rating): Rating {
  const i =
    RATINGS.indexOf(overall) +
    random.weighted([
      [-1, 0.18],
      [0, 0.64],
      [1, 0.18],
    ] as const);
  return RATINGS[Math.min(RATINGS.length - 1, Math.max(0, i))]!;
}

/** The workbook bytes and one summary row per council. */
export async function ilacsWorkbook(random: Random): Promise<{ bytes: Uint8Array; councils: SampleIlacs[] }> {
  const unpublished = new Set<string>();
  const candidates = COUNCILS.filter((c) => c.laCode !== "420");
  while (unpublished.size < 2) unpublished.add(random.pick(candidates).laCode);

  const drawn = COUNCILS.map((c) => {
    const status: IlacsStatus =
      c.laCode === "420" ? "not inspected" : unpublished.has(c.laCode) ? "not published" : "judged";
    const overall = random.weighted(OVERALL);
    // Not yet published: inspected in the last weeks before the sample's cut-off (31 March 2025).
    const end =
      status === "not published"
        ? new Date(Date.UTC(2025, 1, 3) + random.int(0, 5) * 7 * DAY + 4 * DAY)
        : endIn(random, random.weighted(END_YEARS));
    // Inspections end on a Friday: short ones last a week, standard ones two.
    end.setTime(end.getTime() + ((5 - end.getUTCDay() + 7) % 7) * DAY);
    const standard =
      overall === "Requires improvement" || overall === "Inadequate" ? random.chance(0.85) : random.chance(0.3);
    const start = new Date(end.getTime() - (standard ? 11 : 4) * DAY);
    const published = new Date(end.getTime() + random.int(30, 55) * DAY);
    const subs = [near(random, overall), near(random, overall), near(random, overall), near(random, overall)];
    const inspectors = random.int(0, 9);
    return { council: c, status, overall, end, start, standard, published, subs, inspectors };
  });
  const shown = new Map(drawn.map((d) => [d.council.laCode, d.status === "judged" ? d.overall : null]));

  const rows: (string | number)[][] = [[...COLUMNS]];
  drawn.forEach((d, i) => {
    const { council: c } = d;
    const inspected = d.status !== "not inspected";
    const judged = d.status === "judged";
    const careLeavers =
      judged && d.end.getTime() < CARE_LEAVERS_FROM
        ? "inspection_pre_dates_judgement"
        : lower(judged ? d.subs[3]! : null);
    rows.push([
      String(90001 + i),
      c.laCode,
      REGION_CODES[c.region],
      c.onsCode,
      c.neighbours.join(", "),
      `[${c.neighbours.map((n) => `(${n}, '${lower(shown.get(n) ?? null)}')`).join(", ")}]`,
      c.name.toLowerCase(),
      "None",
      lower(judged ? d.overall : null),
      inspected ? (d.standard ? "standard" : "short") : "None",
      inspected ? "sample inspector" : "None",
      inspected ? ukDate(d.start) : "None",
      inspected ? ukDate(d.end) : "None",
      judged ? shortDate(d.published) : "None",
      0,
      lower(judged ? d.subs[0]! : null),
      lower(judged ? d.subs[1]! : null),
      lower(judged ? d.subs[2]! : null),
      careLeavers,
      inspected ? String(d.inspectors) : "0",
    ]);
  });

  const bytes = await writeWorkbook(
    [
      { name: ILACS_SHEET, rows },
      {
        name: "about",
        rows: [
          ["SAMPLE DATA, NOT REAL"],
          ["Generated by Commissioning Lens in the layout of the Data to Insight ILACS scrape."],
        ],
      },
    ],
    { title: "ILACS judgements — SAMPLE DATA, NOT REAL", author: "Commissioning Lens sample generator" },
  );
  return {
    bytes,
    councils: drawn.map((d) => ({
      laCode: d.council.laCode,
      status: d.status,
      overall: d.status === "judged" ? d.overall : null,
    })),
  };
}
