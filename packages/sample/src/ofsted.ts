/**
 * Generated Ofsted "provider level as at 31 March" CSVs in the 2019+ layout: title lines
 * above a grouped header, then the header row, then one row per registered provider
 * (uninspected providers have blank inspection columns). A population of providers opens,
 * closes and is re-inspected year by year so time series behave like the real ones.
 */
import { COUNCILS } from "@lens/core";
import type { Random } from "./random.js";

const HEADER = [
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
  "Short-break-only children's home",
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

const RATINGS = ["Outstanding", "Good", "Requires improvement to be good", "Inadequate"] as const;

type Sector = "Private" | "Local Authority" | "Voluntary";

interface Provider {
  urn: string;
  type: string;
  sector: Sector;
  laName: string;
  region: string;
  places: number | null;
  owner: string;
  registered: Date;
  closed: Date | null;
  lastInspection: Date | null;
  rating: (typeof RATINGS)[number] | null;
  suspended: boolean;
}

const OWNER_STEMS = [
  "Acorn",
  "Harbour",
  "Kestrel",
  "Maple",
  "Orchard",
  "Phoenix",
  "Quarry",
  "Sycamore",
  "Thistle",
  "Valley",
  "Wren",
  "Yew",
];

function quote(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function ukDate(d: Date): string {
  return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
}

function ratingFor(random: Random, sector: Sector, ageYears: number): (typeof RATINGS)[number] {
  const good = sector === "Private" ? 0.58 : sector === "Voluntary" ? 0.6 : 0.6;
  const outstanding = sector === "Private" ? 0.14 : 0.19;
  const inadequate = (sector === "Private" ? 0.035 : 0.025) + (ageYears < 1 ? 0.02 : 0);
  return random.weighted([
    ["Outstanding", outstanding],
    ["Good", good],
    ["Requires improvement to be good", 1 - outstanding - good - inadequate],
    ["Inadequate", inadequate],
  ] as const);
}

export function simulateProviders(random: Random, fromYear: number, toYear: number): Map<number, Provider[]> {
  // Private chains: a few large owners, many small ones (a skewed chain-size distribution).
  const owners: string[] = [];
  for (let i = 0; i < 400; i++)
    owners.push(
      `${random.pick(OWNER_STEMS)} ${random.pick(["Care", "Homes", "Childcare", "Residential"])} ${i < 12 ? "Group Limited" : "Ltd"} ${i + 1}`,
    );
  const ownerWeights = owners.map((o, i) => [o, 1 / (i + 1) ** 0.9] as const);
  let nextUrn = 1_100_000;
  const population: Provider[] = [];
  const newProvider = (registered: Date): Provider => {
    const council = random.pick(COUNCILS);
    const type = random.weighted([
      ["Children's home", 86],
      ["Independent Fostering Agency", 6],
      ["Residential Family Centre", 1.2],
      ["Secure children's home", 0.3],
      ["Residential special school (registered as a children's home)", 1.5],
      ["Supported accommodation", registered.getUTCFullYear() >= 2023 ? 5 : 0],
      ["Voluntary Adoption Agency", 1],
    ] as const);
    const sector: Sector = random.weighted([
      ["Private", 0.78 + (registered.getUTCFullYear() - 2015) * 0.006],
      ["Local Authority", 0.14],
      ["Voluntary", 0.08],
    ] as const);
    const owner =
      sector === "Private"
        ? random.weighted(ownerWeights)
        : sector === "Local Authority"
          ? `${council.name} Council`
          : random.pick(["Together Trust", "Children First Charity", "Hope Foundation", "Kinship Society"]);
    return {
      urn: `SC${nextUrn++}`,
      type,
      sector,
      laName: council.name,
      region: council.region,
      places:
        type.includes("Fostering") || type.includes("Adoption")
          ? null
          : random.weighted([
              [1, 2],
              [2, 3],
              [3, 4],
              [4, 4],
              [5, 2],
              [6, 1],
              [8, 0.5],
            ] as const),
      owner,
      registered,
      closed: null,
      lastInspection: null,
      rating: null,
      suspended: false,
    };
  };
  for (let i = 0; i < 2300; i++)
    population.push(newProvider(new Date(Date.UTC(random.int(1995, 2014), random.int(0, 11), random.int(1, 28)))));
  const snapshots = new Map<number, Provider[]>();
  for (let year = fromYear; year <= toYear; year++) {
    const snapshot = new Date(Date.UTC(year, 2, 31));
    // Growth mostly from private openings; some closures each year.
    const openings = Math.round(260 + (year - fromYear) * 35);
    for (let i = 0; i < openings; i++)
      population.push(newProvider(new Date(Date.UTC(year - 1, random.int(3, 14) % 12, random.int(1, 28)))));
    for (const p of population) {
      if (p.closed) continue;
      if (random.chance(p.sector === "Private" ? 0.055 : 0.035)) {
        p.closed = new Date(Date.UTC(year - 1, random.int(3, 11), random.int(1, 28)));
        continue;
      }
      const ageYears = (snapshot.getTime() - p.registered.getTime()) / 3.15e10;
      if (ageYears > 0.4 && (p.lastInspection === null || random.chance(0.75))) {
        p.lastInspection = new Date(Date.UTC(year - 1, random.int(3, 14) % 12, random.int(1, 28)));
        if (p.lastInspection > snapshot) p.lastInspection = new Date(Date.UTC(year - 1, 11, 1));
        p.rating = ratingFor(random, p.sector, ageYears);
      }
      p.suspended = year >= 2020 && p.rating === "Inadequate" && random.chance(0.3);
    }
    snapshots.set(
      year,
      population.filter((p) => p.registered <= snapshot && p.closed === null).map((p) => ({ ...p })),
    );
  }
  return snapshots;
}

export function providerCsv(year: number, providers: readonly Provider[]): string {
  const lines: string[] = [];
  lines.push(quote(`Children's social care providers and places as at 31 March ${year} — SAMPLE DATA, NOT REAL`));
  lines.push(["Provider information", ...Array(19).fill(""), "Latest Full Inspection", ...Array(8).fill("")].join(","));
  lines.push(HEADER.map(quote).join(","));
  for (const p of providers) {
    const inspected = p.lastInspection !== null && p.rating !== null;
    const publication = inspected ? new Date(p.lastInspection!.getTime() + 25 * 86_400_000) : null;
    const row = [
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
      "",
      p.owner,
      inspected ? "Full inspection" : "",
      inspected ? ukDate(p.lastInspection!) : "",
      publication ? ukDate(publication) : "",
      inspected ? String(10_000_000 + Number(p.urn.slice(2))) : "",
      inspected ? p.rating! : "",
      "",
      "",
      inspected ? p.rating! : "",
      inspected ? p.rating! : "",
    ];
    lines.push(row.map(quote).join(","));
  }
  return `${lines.join("\n")}\n`;
}
