/**
 * Generated children looked after at 31 March by placement provider, in the two DfE layouts
 * the `dfe-cla` parser reads:
 *  - to 2017, one SFR underlying-data file per year (the 2015 column set: `CLA_Mar<yyyy>`,
 *    characteristics, the provider columns `CLA_OwnP` … `CLA_Nrep`, placement locality), one
 *    record per council plus the England row, counts of 1–5 shown as `x`;
 *  - from 2018, one EES long file (`time_period`, `geographic_level`, codes, `cla_group`,
 *    `characteristic`, `number`, `percentage`) with the placement-provider group only, suppressed
 *    counts as `c`.
 * Regional rows and provider totals are left out (the parser would reject them as sums), so
 * a sample build keeps every record. Each council has a stable size and provider mix that
 * drift over the years; the England rows are the sums of the councils' unsuppressed counts.
 */
import { COUNCILS, type Region } from "@lens/core";
import { quote } from "./csv-cells.js";
import type { Random } from "./random.js";

/** The last year written in the SFR layout; later years go to the EES file. */
export const LAST_SFR_YEAR = 2017;
export const EES_FILE = "la_cla_on_31_march_by_characteristics.csv";
export const sfrFileName = (year: number) => `sfr_cla_${year}.csv`;

/** [SFR column, EES characteristic, share in 2015, change in share per year]. */
const PROVIDERS = [
  ["CLA_OwnP", "Own provision (by the LA)", 0.5, -0.007],
  ["CLA_OthLA", "Other LA provision", 0.016, 0],
  ["CLA_OthPP", "Other public provision (e.g. by a PCT etc)", 0.006, 0],
  ["CLA_Priv", "Private provision", 0.33, 0.008],
  ["CLA_Vol", "Voluntary/third sector provision", 0.045, -0.001],
  ["CLA_Par", "Parents or other person with parental responsibility", 0.052, 0],
  ["CLA_Nrep", "Placement provider not reported", 0.001, 0],
] as const;

/** Other SFR column groups, each split from the total: [columns, weights]. */
const SFR_GROUPS: readonly (readonly [readonly string[], readonly number[]])[] = [
  [
    ["CLA_male", "CLA_female"],
    [0.56, 0.44],
  ],
  [
    ["CLA_U1", "CLA_1to4", "CLA_5to9", "CLA_10to15", "CLA_16over"],
    [0.05, 0.13, 0.19, 0.39, 0.24],
  ],
  [
    ["CLA_White", "CLA_Mixed", "CLA_Asian", "CLA_Black", "CLA_EOTH", "CLA_Oth"],
    [0.75, 0.09, 0.04, 0.07, 0.03, 0.02],
  ],
  [
    ["CLA_Fost", "CLA_Adopt", "CLA_Parent", "CLA_Ocom", "CLA_Secure", "CLA_Ores", "CLA_RSch", "CLA_OthPl"],
    [0.74, 0.04, 0.05, 0.04, 0.01, 0.1, 0.01, 0.01],
  ],
  [
    ["CLA_ICO", "CLA_FCO", "CLA_FrAd", "CLA_PlaceO", "CLA_S20", "CLA_CPG", "CLA_YJLS"],
    [0.3, 0.24, 0.02, 0.09, 0.33, 0.01, 0.01],
  ],
];

/**
 * Median children looked after at 31 March 2015. Not by council type: the sample's s251 spend
 * does not scale with type either, and spend per child divides one by the other.
 */
const MEDIAN_SIZE = 470;

export interface CouncilYear {
  laCode: string;
  /** Children per provider, in PROVIDERS order. */
  providers: number[];
  total: number;
}

/** Children by council, year and provider: one simulation written into both layouts. */
export function simulateCla(random: Random, fromYear: number, toYear: number): Map<number, CouncilYear[]> {
  const councils = COUNCILS.map((c) => ({
    council: c,
    size: c.laCode === "201" ? 12 : c.laCode === "420" ? 4 : MEDIAN_SIZE * random.logNormal(1, 0.3),
    growth: 0.02 + random.normal() * 0.012,
    lean: random.normal() * 0.07,
  }));
  const out = new Map<number, CouncilYear[]>();
  for (let year = fromYear; year <= toYear; year++) {
    const t = year - 2015;
    out.set(
      year,
      councils.map(({ council, size, growth, lean }) => {
        const total = Math.max(1, Math.round(size * (1 + growth) ** t * (0.96 + random.next() * 0.08)));
        const weights = PROVIDERS.map(([column, , share, drift]) => {
          const base = Math.max(0.0005, share + drift * t);
          const tilt = column === "CLA_Priv" ? lean : column === "CLA_OwnP" ? -lean : 0;
          return Math.max(0.0005, base + tilt) * (0.85 + random.next() * 0.3);
        });
        return { laCode: council.laCode, providers: split(total, weights), total };
      }),
    );
  }
  return out;
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

/** A count as DfE shows it: 1–5 suppressed with `marker`. */
const shown = (n: number, marker: string) => (n >= 1 && n <= 5 ? marker : String(n));

/** The England row: sums of the councils' counts (suppressed ones included, as DfE totals are). */
function englandOf(rows: readonly CouncilYear[]): CouncilYear {
  const providers = PROVIDERS.map((_, i) => rows.reduce((a, r) => a + r.providers[i]!, 0));
  return { laCode: "", providers, total: providers.reduce((a, b) => a + b, 0) };
}

const COUNCIL_BY_CODE = new Map(COUNCILS.map((c) => [c.laCode, c]));
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

/** One SFR underlying-data file for `year` (2015 column set). */
export function sfrCsv(random: Random, year: number, rows: readonly CouncilYear[]): string {
  const header = [
    "New_geog_code",
    "geog_l",
    "geog_c",
    "geog_n",
    `CLA_Mar${year}`,
    `CLA_${year}`,
    `CLA_stp${year}`,
    ...SFR_GROUPS.flatMap(([columns]) => columns),
    "CLA_UASC",
    ...PROVIDERS.map(([column]) => column),
    "CLA_InBound",
    "CLA_Outbound",
    "CLA_ExtPl",
    "CLA_NetGain",
  ];
  const record = (geog: [string, string, string, string], r: CouncilYear): string => {
    const inside = Math.round(r.total * (0.55 + random.next() * 0.2));
    // England's children placed out of their council are the ones placed in another: net gain 0.
    const incoming = geog[1] === "NATIONAL" ? r.total - inside : Math.round(r.total * (0.1 + random.next() * 0.5));
    const counts = [
      r.total,
      Math.round(r.total * (1.35 + random.next() * 0.15)),
      Math.round(r.total * random.next() * 0.02),
      ...SFR_GROUPS.flatMap(([, weights]) =>
        split(
          r.total,
          weights.map((w) => w * (0.8 + random.next() * 0.4)),
        ),
      ),
      Math.round(r.total * random.next() * 0.08),
      ...r.providers,
      inside,
      r.total - inside,
      incoming,
    ];
    // Net gain is a difference, never suppressed.
    return [...geog, ...counts.map((n) => shown(n, "x")), String(incoming - (r.total - inside))].map(quote).join(",");
  };
  const lines = [header.join(","), record(["E92000001", "NATIONAL", "999", "ENGLAND"], englandOf(rows))];
  for (const r of rows) {
    const c = COUNCIL_BY_CODE.get(r.laCode)!;
    lines.push(record([c.onsCode, "LA", c.laCode, c.name], r));
  }
  return `${lines.join("\n")}\n`;
}

/** The EES long file for the given years, placement-provider group only. */
export function eesCsv(years: readonly [number, CouncilYear[]][]): string {
  const lines = [
    "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,cla_group,characteristic,number,percentage",
  ];
  const push = (year: number, geo: string[], r: CouncilYear) => {
    PROVIDERS.forEach(([, label], i) => {
      const n = r.providers[i]!;
      const pct = n >= 1 && n <= 5 ? "c" : r.total > 0 ? String(Math.round((100 * n) / r.total)) : "z";
      lines.push(
        [String(year), "Reporting year", ...geo, "Place providers", label, shown(n, "c"), pct].map(quote).join(","),
      );
    });
  };
  for (const [year, rows] of years) {
    push(year, ["National", "E92000001", "England", "", "", "", "", ""], englandOf(rows));
    for (const r of rows) {
      const c = COUNCIL_BY_CODE.get(r.laCode)!;
      push(
        year,
        ["Local authority", "E92000001", "England", REGION_CODES[c.region], c.region, c.onsCode, c.laCode, c.name],
        r,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
