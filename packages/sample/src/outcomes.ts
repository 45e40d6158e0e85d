/**
 * Generated outcomes for children in the layouts of the three sources of `council_indicators`:
 *  - DfE children looked after EES files (placement stability, new placements by distance and
 *    reason for change, care leavers' accommodation and activity), 2020 onwards;
 *  - the FOI children's-homes release (net gain; placed outside the council), with its twelve
 *    title and note lines and a blank line above the header;
 *  - the social work workforce indicators (FTE rates), 2017 onwards.
 * Each council has stable tendencies that drift a little by year, so a council's rank means
 * something across indicators. England and regional rows are written as DfE does: counts
 * summed from the councils and rounded to the nearest 10, never suppressed; council counts of
 * 1–5 are `c`. Children looked after at 31 March come from the placement simulation, so the
 * two files agree.
 */
import { COUNCILS, type Region } from "@lens/core";
import type { CouncilYear } from "./cla.js";
import { quote } from "./csv-cells.js";
import type { Random } from "./random.js";

export const OUTCOMES_DIR = "dfe-cla-la-outcomes";
export const FOI_DIR = "dfe-foi-childrens-homes";
export const CSWW_DIR = "dfe-csww";

export const FIRST_OUTCOMES_YEAR = 2020;
export const FIRST_CSWW_YEAR = 2017;

const REGION_CODES: Record<Region, string> = {
  "North East": "E12000001",
  "North West": "E12000002",
  "Yorkshire and the Humber": "E12000003",
  "East Midlands": "E12000004",
  "West Midlands": "E12000005",
  "East of England": "E12000006",
  London: "E12000007",
  "South East": "E12000008",
  "South West": "E12000009",
};

const EES_FRAME =
  "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code";

/** A council's lasting tendencies: multipliers around 1 on each kind of outcome. */
interface Tendency {
  instability: number;
  distance: number;
  careLeavers: number;
  agency: number;
  turnover: number;
  outOfArea: number;
  netGain: number;
}

export function councilTendencies(random: Random): Map<string, Tendency> {
  const around = (sd: number) => Math.exp(random.normal() * sd);
  return new Map(
    COUNCILS.map((c) => [
      c.laCode,
      {
        instability: around(0.25),
        distance: around(0.35),
        careLeavers: around(0.04),
        agency: around(0.6),
        turnover: around(0.3),
        outOfArea: around(0.2),
        netGain: random.normal(),
      },
    ]),
  );
}

/** Whole numbers in proportion to `weights` that add up to `total` (largest remainders). */
function split(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  const missing = total - out.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) out[order[k % order.length]![1]]!++;
  return out;
}

const round10 = (n: number) => Math.round(n / 10) * 10;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

type Area = { kind: "england" } | { kind: "region"; region: Region } | { kind: "council"; laCode: string };

function frame(year: number, area: Area): string[] {
  const head = [String(year), "Reporting year"];
  if (area.kind === "england") return [...head, "National", "E92000001", "England", "", "", "", "", ""];
  if (area.kind === "region")
    return [...head, "Regional", "E92000001", "England", REGION_CODES[area.region], area.region, "", "", ""];
  const c = COUNCILS.find((x) => x.laCode === area.laCode)!;
  return [
    ...head,
    "Local authority",
    "E92000001",
    "England",
    REGION_CODES[c.region],
    c.region,
    c.laCode,
    c.name,
    c.onsCode,
  ];
}

/** One group's categories (the total last) for one council: counts that add up. */
type GroupCounts = { categories: readonly string[]; counts: number[] };

/**
 * Rows of a long file: councils as simulated, then England and each region as the rounded
 * sums of their councils (DfE rounds those to 10 and never suppresses them).
 */
function longRows(
  year: number,
  groups: ReadonlyMap<string, readonly (readonly [string, GroupCounts])[]>,
  withPercentage: boolean,
): string[] {
  const lines: string[] = [];
  const write = (area: Area, group: string, g: GroupCounts, isCouncil: boolean) => {
    const total = g.counts[g.counts.length - 1]!;
    g.categories.forEach((category, i) => {
      const n = g.counts[i]!;
      const hidden = isCouncil && n >= 1 && n <= 5;
      const cells = [...frame(year, area), group, category, hidden ? "c" : String(n)];
      if (withPercentage) cells.push(hidden ? "c" : total > 0 ? String(Math.round((100 * n) / total)) : "z");
      lines.push(cells.map(quote).join(","));
    });
  };
  const sums = new Map<string, GroupCounts>();
  const regionSums = new Map<string, GroupCounts>();
  const add = (map: Map<string, GroupCounts>, key: string, g: GroupCounts) => {
    const s = map.get(key);
    if (!s) map.set(key, { categories: g.categories, counts: [...g.counts] });
    else for (const [i, n] of g.counts.entries()) s.counts[i]! += n;
  };
  for (const c of COUNCILS)
    for (const [group, g] of groups.get(c.laCode) ?? []) {
      add(sums, group, g);
      add(regionSums, `${c.region}|${group}`, g);
    }
  const rounded = (g: GroupCounts): GroupCounts => ({ categories: g.categories, counts: g.counts.map(round10) });
  for (const [group, g] of sums) write({ kind: "england" }, group, rounded(g), false);
  for (const [key, g] of regionSums) {
    const [region, group] = key.split("|") as [Region, string];
    write({ kind: "region", region }, group, rounded(g), false);
  }
  for (const c of COUNCILS)
    for (const [group, g] of groups.get(c.laCode) ?? []) write({ kind: "council", laCode: c.laCode }, group, g, true);
  return lines;
}

interface OutcomeInputs {
  random: Random;
  tendencies: Map<string, Tendency>;
  /** Children looked after at 31 March by council, from the placement simulation. */
  cla: ReadonlyMap<number, readonly CouncilYear[]>;
  years: readonly number[];
}

const totalOf = (inputs: OutcomeInputs, year: number, laCode: string) =>
  inputs.cla.get(year)?.find((r) => r.laCode === laCode)?.total ?? 0;

/** Placement stability: 3+ placements in the year; same carer for two years. */
export function placementStabilityCsv(inputs: OutcomeInputs): string {
  const { random, tendencies } = inputs;
  const lines = [`${EES_FRAME},cla_group,placement_stability,number,percentage`];
  for (const year of inputs.years) {
    const groups = new Map<string, [string, GroupCounts][]>();
    for (const c of COUNCILS) {
      const t = tendencies.get(c.laCode)!;
      const total = totalOf(inputs, year, c.laCode);
      const three = Math.round(total * clamp(0.1 * t.instability * (0.9 + random.next() * 0.2), 0, 0.5));
      const longTerm = Math.round(total * (0.33 + random.next() * 0.05));
      const same = Math.round(longTerm * clamp(0.68 / t.instability ** 0.3 + random.normal() * 0.02, 0.3, 0.95));
      groups.set(c.laCode, [
        [
          "CLA on 31 March",
          {
            categories: ["With 3 or more placements during the year", "Total children"],
            counts: [three, total],
          },
        ],
        [
          "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years",
          {
            categories: ["Living with the same carer for at least 2 years", "Total children"],
            counts: [same, longTerm],
          },
        ],
      ]);
    }
    lines.push(...longRows(year, groups, true));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

const LOCATIONS = [
  "Placed inside LA boundary less than 20 miles from home",
  "Placed inside LA boundary more than 20 miles from home",
  "Placed outside LA boundary less than 20 miles from home",
  "Placed outside LA boundary more than 20 miles from home",
  "Distance not known or not recorded",
] as const;

const REASONS = [
  ["Change to/implementation of care plan", 0.42],
  ["Carer requests placement end other than due to child's behaviour", 0.1],
  ["Carer requests placement ends due to child's behaviour", 0.1],
  ["Child requests placement to end", 0.05],
  ["Resignation or closure of provision", 0.008],
  ["Standards of care concern", 0.01],
  ["Other", 0.3],
] as const;

/** New placements by distance, and placement changes by reason (incl. resignation or closure of provision). */
export function newPlacementsCsv(inputs: OutcomeInputs): string {
  const { random, tendencies } = inputs;
  const lines = [`${EES_FRAME},cla_group,characteristic,number,percentage`];
  for (const year of inputs.years) {
    const groups = new Map<string, [string, GroupCounts][]>();
    for (const c of COUNCILS) {
      const t = tendencies.get(c.laCode)!;
      const total = totalOf(inputs, year, c.laCode);
      const placements = Math.round(total * (1.1 + random.next() * 0.2) * t.instability ** 0.5);
      const far = 0.22 * t.distance;
      const locations = split(placements, [0.5 - far / 2, far * 0.2, 0.2, far * 0.8, 0.08 + random.next() * 0.2]);
      const changes = Math.round(placements * (0.6 + random.next() * 0.1));
      const reasons = split(
        changes,
        REASONS.map(([label, w]) => (label === "Resignation or closure of provision" ? w * t.instability : w)),
      );
      groups.set(c.laCode, [
        [
          "Location of new placements during the year",
          { categories: [...LOCATIONS, "Total new placements"], counts: [...locations, placements] },
        ],
        [
          "Reason for placement change during the year",
          { categories: [...REASONS.map(([r]) => r), "Total placements changing"], counts: [...reasons, changes] },
        ],
      ]);
    }
    lines.push(...longRows(year, groups, true));
  }
  return `${lines.join("\n")}\n`;
}

const AGES = [
  ["17 to 18 years", "Aged 17 to 18", 0.14],
  ["19 to 21 years", "Aged 19 to 21", 0.38],
] as const;

/** Care leavers by age: accommodation suitability, and activity (EET / NEET / not known). */
export function careLeaversCsvs(inputs: OutcomeInputs): { accommodation: string; activity: string } {
  const { random, tendencies } = inputs;
  const accommodation = [`${EES_FRAME},age,accommodation_suitability,number,percentage`];
  const activity = [`${EES_FRAME},age,activity,number,percentage`];
  for (const year of inputs.years) {
    const acc = new Map<string, [string, GroupCounts][]>();
    const act = new Map<string, [string, GroupCounts][]>();
    for (const c of COUNCILS) {
      const t = tendencies.get(c.laCode)!;
      const total = totalOf(inputs, year, c.laCode);
      acc.set(c.laCode, []);
      act.set(c.laCode, []);
      for (const [accAge, actAge, share] of AGES) {
        const leavers = Math.round(total * share * (0.9 + random.next() * 0.2));
        const suitable = clamp(0.88 * t.careLeavers + random.normal() * 0.01, 0.5, 0.98);
        const [s, ns, ni] = split(leavers, [suitable, (1 - suitable) * 0.5, (1 - suitable) * 0.5]);
        acc.get(c.laCode)!.push([
          accAge,
          {
            categories: [
              "Accommodation considered suitable",
              "Accommodation considered not suitable",
              "No information",
              "Suitability total",
            ],
            counts: [s!, ns!, ni!, leavers],
          },
        ]);
        const eet = clamp(0.6 * t.careLeavers ** 2 + random.normal() * 0.02, 0.2, 0.9);
        const [e, n, k] = split(leavers, [eet, (1 - eet) * 0.8, (1 - eet) * 0.2]);
        act.get(c.laCode)!.push([
          actAge,
          {
            categories: [
              "Total in education, employment or training",
              "Total not in education, employment or training",
              "Total information not known",
              "Total",
            ],
            counts: [e!, n!, k!, leavers],
          },
        ]);
      }
    }
    accommodation.push(...longRows(year, acc, true));
    activity.push(...longRows(year, act, true));
  }
  return { accommodation: `${accommodation.join("\n")}\n`, activity: `${activity.join("\n")}\n` };
}

const FOI_NOTES = (title: string, note: string, width: number) => {
  const pad = ",".repeat(width - 1);
  return [
    `"${title}"${pad}`,
    `Coverage: England${pad}`,
    `Source: SSDA903${pad}`,
    pad,
    `Notes${pad}`,
    `National and regional numbers have been rounded to the nearest 10.${pad}`,
    `Figures exclude children looked after under a series of short-term respite placements.${pad}`,
    `Historical data may differ from older publications which is mainly due to amendments made by local authorities after the previous publication.${pad}`,
    `${note}${pad}`,
    `c  Figures not shown in order to protect confidentiality. ${pad}`,
    `z  Figures are not applicable.${pad}`,
    `See the methodology of Children looked after in England including adoptions for further information. ${pad}`,
    pad,
  ];
};

/** The two FOI parts: net gain of children in children's homes, and children placed outside the council. */
export function foiCsvs(
  random: Random,
  tendencies: Map<string, Tendency>,
  cla: ReadonlyMap<number, readonly CouncilYear[]>,
  years: readonly number[],
): { netGain: string; outside: string } {
  const netGain = [
    ...FOI_NOTES(
      "Net gain of Children Looked After (CLA) on 31 March placed in children's homes by responsible local authority, sample years",
      "Net gain is the difference between the number of children who are the responsibility of other LAs placed within this LA boundary and the number of children who are the responsibility of this LA placed outside the LA boundary.",
      12,
    ),
    `${EES_FRAME},characteristic,number`,
  ];
  const outside = [
    ...FOI_NOTES(
      "Children Looked After (CLA) on 31 March placed in children's homes outside the local authority boundary, sample years",
      "Placement locality denotes whether or not the placement is within the geographical boundary of the responsible LA.",
      14,
    ),
    `${EES_FRAME},cla_group,characteristic,number,percentage`,
  ];
  for (const year of years) {
    const rows = COUNCILS.map((c) => {
      const t = tendencies.get(c.laCode)!;
      const total = cla.get(year)?.find((r) => r.laCode === c.laCode)?.total ?? 0;
      const inHomes = Math.round(total * (0.11 + random.next() * 0.04));
      const out = Math.round(inHomes * clamp(0.62 * t.outOfArea + random.normal() * 0.03, 0.05, 1));
      const gain = Math.round(inHomes * 0.4 * t.netGain + random.normal() * 3);
      return { council: c, inHomes, out, gain };
    });
    const areaRows = (pick: (r: (typeof rows)[number]) => boolean) => rows.filter(pick);
    const pct = (out: number, all: number) => (all > 0 ? String(Math.round((100 * out) / all)) : "z");
    const areas: [Area, typeof rows][] = [
      [{ kind: "england" }, rows],
      ...Object.keys(REGION_CODES).map(
        (region) =>
          [{ kind: "region", region: region as Region }, areaRows((r) => r.council.region === region)] as [
            Area,
            typeof rows,
          ],
      ),
    ];
    for (const [area, members] of areas) {
      const gain = round10(members.reduce((s, r) => s + r.gain, 0));
      const out = members.reduce((s, r) => s + r.out, 0);
      const all = members.reduce((s, r) => s + r.inHomes, 0);
      netGain.push([...frame(year, area), "Net gain of children by responsible LA", String(gain)].map(quote).join(","));
      outside.push(
        [
          ...frame(year, area),
          "Locality of placement",
          "Placed outside the local authority boundary",
          String(round10(out)),
          pct(out, all),
        ]
          .map(quote)
          .join(","),
      );
    }
    for (const r of rows) {
      const area: Area = { kind: "council", laCode: r.council.laCode };
      netGain.push(
        [...frame(year, area), "Net gain of children by responsible LA", String(r.gain)].map(quote).join(","),
      );
      const hidden = r.out >= 1 && r.out <= 5;
      outside.push(
        [
          ...frame(year, area),
          "Locality of placement",
          "Placed outside the local authority boundary",
          hidden ? "c" : String(r.out),
          hidden ? "c" : pct(r.out, r.inHomes),
        ]
          .map(quote)
          .join(","),
      );
    }
  }
  return { netGain: `${netGain.join("\n")}\n`, outside: `${outside.join("\n")}\n` };
}

const CSWW_COLUMNS = [
  "inpost_fte",
  "inpost_headcount",
  "starters_fte",
  "starters_headcount",
  "leavers_fte",
  "leavers_headcount",
  "turnover_rate_fte",
  "turnover_rate_headcount",
  "agency_fte",
  "agency_headcount",
  "agency_rate_fte",
  "agency_rate_headcount",
  "agency_cover_fte",
  "agency_cover_rate_fte",
  "vacancy_fte",
  "vacancy_rate_fte",
  "vacancy_agency_cover_rate_fte",
  "case_holders_fte",
  "cases",
  "caseload_fte",
  "working_days_lost_fte",
  "absence_rate_fte",
] as const;

/** The workforce indicators file: FTEs per council, rates to one decimal from them (England and regions from the summed FTEs). */
export function cswwCsv(random: Random, tendencies: Map<string, Tendency>, years: readonly number[]): string {
  const lines = [
    "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name," +
      CSWW_COLUMNS.join(","),
  ];
  const size = new Map(COUNCILS.map((c) => [c.laCode, 160 * random.logNormal(1, 0.45)]));
  const fte = (x: number) => Math.round(x * 10) / 10;
  const rate = (num: number, den: number) => (den > 0 ? (Math.round((1000 * num) / den) / 10).toFixed(1) : "z");
  for (const year of years) {
    const rows = COUNCILS.map((c) => {
      const t = tendencies.get(c.laCode)!;
      const inpost = fte(size.get(c.laCode)! * (1 + (year - 2017) * 0.02) * (0.95 + random.next() * 0.1));
      const agencyShare = clamp(0.13 * t.agency * (0.9 + random.next() * 0.2), 0.01, 0.6);
      const agency = fte((inpost * agencyShare) / (1 - agencyShare));
      const leavers = fte(inpost * clamp(0.15 * t.turnover + random.normal() * 0.01, 0.02, 0.5));
      const vacancy = fte(agency * (0.95 + random.next() * 0.3));
      return { council: c, inpost, agency, leavers, vacancy, starters: fte(leavers * (0.9 + random.next() * 0.3)) };
    });
    const record = (cells: string[], r: Omit<(typeof rows)[number], "council">) => {
      const cases = Math.round(r.inpost * 16);
      const values = {
        inpost_fte: r.inpost.toFixed(1),
        inpost_headcount: String(Math.round(r.inpost * 1.06)),
        starters_fte: r.starters.toFixed(1),
        starters_headcount: String(Math.round(r.starters * 1.04)),
        leavers_fte: r.leavers.toFixed(1),
        leavers_headcount: String(Math.round(r.leavers * 1.05)),
        turnover_rate_fte: rate(r.leavers, r.inpost),
        turnover_rate_headcount: rate(r.leavers * 1.05, r.inpost * 1.06),
        agency_fte: r.agency.toFixed(1),
        agency_headcount: String(Math.round(r.agency * 1.02)),
        agency_rate_fte: rate(r.agency, r.agency + r.inpost),
        agency_rate_headcount: rate(r.agency * 1.02, r.agency * 1.02 + r.inpost * 1.06),
        agency_cover_fte: fte(r.agency * 0.8).toFixed(1),
        agency_cover_rate_fte: rate(r.agency * 0.8, r.vacancy),
        vacancy_fte: r.vacancy.toFixed(1),
        vacancy_rate_fte: rate(r.vacancy, r.vacancy + r.inpost),
        vacancy_agency_cover_rate_fte: rate(r.agency * 0.8, r.vacancy),
        case_holders_fte: fte(r.inpost * 0.8).toFixed(1),
        cases: String(cases),
        caseload_fte: (cases / (r.inpost * 0.8)).toFixed(1),
        working_days_lost_fte: String(Math.round(r.inpost * 8)),
        absence_rate_fte: "3.2",
      } satisfies Record<(typeof CSWW_COLUMNS)[number], string>;
      lines.push([...cells, ...CSWW_COLUMNS.map((k) => values[k])].map(quote).join(","));
    };
    const sum = (members: typeof rows) => ({
      inpost: members.reduce((s, r) => s + r.inpost, 0),
      agency: members.reduce((s, r) => s + r.agency, 0),
      leavers: members.reduce((s, r) => s + r.leavers, 0),
      vacancy: members.reduce((s, r) => s + r.vacancy, 0),
      starters: members.reduce((s, r) => s + r.starters, 0),
    });
    const head = [String(year), "Reporting year"];
    record([...head, "National", "E92000001", "England", "", "", "", "", ""], sum(rows));
    for (const [region, code] of Object.entries(REGION_CODES))
      record(
        [...head, "Regional", "E92000001", "England", code, region, "", "", ""],
        sum(rows.filter((r) => r.council.region === region)),
      );
    for (const r of rows) {
      const c = r.council;
      record(
        [
          ...head,
          "Local authority",
          "E92000001",
          "England",
          REGION_CODES[c.region],
          c.region,
          c.laCode,
          c.onsCode,
          c.name,
        ],
        r,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
