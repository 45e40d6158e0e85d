/**
 * Generated Ofsted "provider level as at 31 March" CSVs in the 2019+ layout: title lines
 * above a grouped header, then the header row, then one row per registered provider
 * (uninspected providers have blank inspection columns). A population of providers opens,
 * closes and is re-inspected year by year so time series behave like the real ones.
 */
import { COUNCILS } from "@lens/core";
import { quote, ukDate } from "./csv-cells.js";
import { JUDGEMENT_COLUMNS, judgements, PROVIDER_COLUMNS, providerCells, publicationDate } from "./ofsted-columns.js";
import type { Random } from "./random.js";

const HEADER = [
  ...PROVIDER_COLUMNS,
  "Short-break-only children's home",
  "Organisation which owns the provider",
  "Event type",
  "Inspection date",
  "Publication date",
  "Event number",
  ...JUDGEMENT_COLUMNS,
];

const RATINGS = ["Outstanding", "Good", "Requires improvement to be good", "Inadequate"] as const;

type Sector = "Private" | "Local Authority" | "Voluntary";

export interface Provider {
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
  /** Event number of the latest full inspection. */
  eventNumber: number | null;
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

/** A full inspection: the provider's "latest full inspection" in the snapshot files. */
export interface FullInspection {
  date: Date;
  rating: (typeof RATINGS)[number];
  eventNumber: number;
}

export type InspectionType = "Full inspection" | "Interim inspection" | "Monitoring inspection";

/** One row of an in-year inspections file: an event, with the provider as it was that year. */
export interface InspectionEvent {
  provider: Provider;
  type: InspectionType;
  date: Date;
  eventNumber: number;
  /** The overall judgement as Ofsted writes it (interim outcomes are words, monitoring is blank). */
  outcome: string | null;
  /** For a full inspection, the provider's previous full inspection (the "Previous …" columns). */
  previous: FullInspection | null;
}

/** One row of a joiners/leavers file: a provider that registered and/or closed during the year. */
export interface RegisterChange {
  provider: Provider;
  joined: boolean;
  left: boolean;
  /** Registration status at the end of the year: Active / Suspended, or Resigned / Cancelled for a leaver. */
  status: string;
}

export interface OfstedSimulation {
  /** Providers registered at each 31 March (year → rows of the "as at" file). */
  snapshots: Map<number, Provider[]>;
  /** Inspection events by year ending 31 March (2015 = April 2014 – March 2015). */
  inspections: Map<number, InspectionEvent[]>;
  /** Joiners and leavers by year ending 31 March. */
  registerChanges: Map<number, RegisterChange[]>;
}

const DAY = 86_400_000;

/** Year ending 31 March that a date falls in. */
export function yearEndingMarch(d: Date): number {
  return d.getUTCMonth() >= 3 ? d.getUTCFullYear() + 1 : d.getUTCFullYear();
}

/** A date in the year ending 31 March `year` from a month index 3 … 14 (April … March). */
function inYear(year: number, monthFromApril: number, day: number): Date {
  const month = monthFromApril % 12;
  return new Date(Date.UTC(month < 3 ? year : year - 1, month, day));
}

const INTERIM_OUTCOMES = [
  ["Sustained effectiveness", 0.45],
  ["Improved effectiveness", 0.25],
  ["Declined effectiveness", 0.22],
  ["Not judged", 0.08],
] as const;

/**
 * The provider population year by year: openings, closures and full inspections drive the
 * snapshot files; every full inspection is also an in-year event, and `events` (a separate
 * stream, so the snapshots do not depend on it) adds the interim inspections of children's
 * homes (the framework before 2020-21) and monitoring inspections of homes judged Inadequate.
 * Dates of openings, closures and inspections fall inside the year to 31 March they belong to.
 */
export function simulateOfsted(random: Random, events: Random, fromYear: number, toYear: number): OfstedSimulation {
  // Private chains: a few large owners, many small ones (a skewed chain-size distribution).
  const owners: string[] = [];
  for (let i = 0; i < 400; i++)
    owners.push(
      `${random.pick(OWNER_STEMS)} ${random.pick(["Care", "Homes", "Childcare", "Residential"])} ${i < 12 ? "Group Limited" : "Ltd"} ${i + 1}`,
    );
  const ownerWeights = owners.map((o, i) => [o, 1 / (i + 1) ** 0.9] as const);
  let nextUrn = 1_100_000;
  let nextEvent = 10_100_000;
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
      eventNumber: null,
      suspended: false,
    };
  };
  for (let i = 0; i < 2300; i++)
    population.push(newProvider(new Date(Date.UTC(random.int(1995, 2014), random.int(0, 11), random.int(1, 28)))));
  const snapshots = new Map<number, Provider[]>();
  const inspections = new Map<number, InspectionEvent[]>();
  const registerChanges = new Map<number, RegisterChange[]>();
  for (let year = fromYear; year <= toYear; year++) {
    const snapshot = new Date(Date.UTC(year, 2, 31));
    const yearEvents: InspectionEvent[] = [];
    const closedThisYear = new Set<Provider>();
    // Growth mostly from private openings; some closures each year.
    const openings = Math.round(260 + (year - fromYear) * 35);
    for (let i = 0; i < openings; i++) population.push(newProvider(inYear(year, random.int(3, 14), random.int(1, 28))));
    for (const p of population) {
      if (p.closed) continue;
      if (random.chance(p.sector === "Private" ? 0.055 : 0.035)) {
        p.closed = new Date(Date.UTC(year - 1, random.int(3, 11), random.int(1, 28)));
        // A home opened this year cannot close before it opened.
        if (p.closed <= p.registered)
          p.closed = new Date(
            p.registered.getTime() + Math.floor((snapshot.getTime() - p.registered.getTime()) / 2 / DAY) * DAY,
          );
        closedThisYear.add(p);
        continue;
      }
      const ageYears = (snapshot.getTime() - p.registered.getTime()) / 3.15e10;
      if (ageYears > 0.4 && (p.lastInspection === null || random.chance(0.75))) {
        const previous: FullInspection | null =
          p.lastInspection && p.rating && p.eventNumber !== null
            ? { date: p.lastInspection, rating: p.rating, eventNumber: p.eventNumber }
            : null;
        p.lastInspection = inYear(year, random.int(3, 14), random.int(1, 28));
        // Not before the home opened (it is at least 0.4 years old at the snapshot).
        const earliest = new Date(p.registered.getTime() + 60 * DAY);
        if (p.lastInspection < earliest) p.lastInspection = earliest;
        p.rating = ratingFor(random, p.sector, ageYears);
        p.eventNumber = nextEvent++;
        yearEvents.push({
          provider: p,
          type: "Full inspection",
          date: p.lastInspection,
          eventNumber: p.eventNumber,
          outcome: p.rating,
          previous,
        });
      }
      p.suspended = year >= 2020 && p.rating === "Inadequate" && random.chance(0.3);
    }
    // Follow-up visits (separate stream): interim inspections of children's homes until
    // 2019-20, monitoring inspections of homes judged Inadequate; both after the full
    // inspection of the year, or in the second half of the year when there was none.
    for (const p of population) {
      if (p.closed || p.type !== "Children's home" || p.lastInspection === null) continue;
      const base = yearEndingMarch(p.lastInspection) === year ? p.lastInspection : inYear(year, 8, 1);
      const later = (days: number) => {
        const d = new Date(base.getTime() + days * DAY);
        return d < snapshot ? d : null;
      };
      if (year <= 2020 && events.chance(0.45)) {
        const date = later(events.int(60, 200));
        const outcome = events.weighted(INTERIM_OUTCOMES);
        if (date)
          yearEvents.push({
            provider: p,
            type: "Interim inspection",
            date,
            eventNumber: nextEvent++,
            outcome,
            previous: null,
          });
      }
      if (p.rating === "Inadequate" && events.chance(0.6)) {
        const date = later(events.int(20, 120));
        if (date)
          yearEvents.push({
            provider: p,
            type: "Monitoring inspection",
            date,
            eventNumber: nextEvent++,
            outcome: null,
            previous: null,
          });
      }
    }
    // Rows carry the provider as it stood at the end of the year.
    const copies = new Map<Provider, Provider>();
    const copy = (p: Provider) => {
      const known = copies.get(p);
      if (known) return known;
      const c = { ...p };
      copies.set(p, c);
      return c;
    };
    yearEvents.sort((a, b) => a.date.getTime() - b.date.getTime() || a.eventNumber - b.eventNumber);
    inspections.set(
      year,
      yearEvents.map((e) => ({ ...e, provider: copy(e.provider) })),
    );
    const changes: RegisterChange[] = [];
    for (const p of population) {
      const joined = yearEndingMarch(p.registered) === year;
      const left = closedThisYear.has(p);
      if (!joined && !left) continue;
      // Ofsted cancels some registrations; most providers resign. Derived from the URN, not drawn.
      const status = left
        ? Number(p.urn.slice(2)) % 9 === 0
          ? "Cancelled"
          : "Resigned"
        : p.suspended
          ? "Suspended"
          : "Active";
      changes.push({ provider: copy(p), joined, left, status });
    }
    registerChanges.set(year, changes);
    snapshots.set(year, population.filter((p) => p.registered <= snapshot && p.closed === null).map(copy));
  }
  return { snapshots, inspections, registerChanges };
}

export function providerCsv(year: number, providers: readonly Provider[]): string {
  const lines: string[] = [];
  lines.push(quote(`Children's social care providers and places as at 31 March ${year} — SAMPLE DATA, NOT REAL`));
  lines.push(["Provider information", ...Array(19).fill(""), "Latest Full Inspection", ...Array(8).fill("")].join(","));
  lines.push(HEADER.map(quote).join(","));
  for (const p of providers) {
    const last = p.lastInspection !== null && p.rating !== null ? p.lastInspection : null;
    const row = [
      ...providerCells(p),
      "",
      p.owner,
      last ? "Full inspection" : "",
      last ? ukDate(last) : "",
      last ? publicationDate(last) : "",
      last && p.eventNumber !== null ? String(p.eventNumber) : "",
      ...judgements(last ? p.rating : null, "Full inspection"),
    ];
    lines.push(row.map(quote).join(","));
  }
  return `${lines.join("\n")}\n`;
}
