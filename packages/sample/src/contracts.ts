/**
 * Generated Contracts Finder OCDS 1.1 award releases (one JSON release per line, the shape
 * of the Contracts Finder search API). The mix of procedures, supplier types, durations and
 * values is plausible, not measured: it exists to exercise the real ingestion path.
 */
import type { Writable } from "node:stream";
import { COUNCILS, type CouncilFact } from "@lens/core";
import type { Random } from "./random.js";

interface ServiceProfile {
  key: string;
  cpv: string;
  cpvDescription: string;
  titles: readonly string[];
  medianAnnual: number;
  weight: number;
}

const SERVICES: readonly ServiceProfile[] = [
  {
    key: "residential",
    cpv: "85311000",
    cpvDescription: "Social work services with accommodation",
    titles: [
      "Residential children's home placements",
      "Children's homes block contract",
      "Residential placements for looked after children",
    ],
    medianAnnual: 420_000,
    weight: 22,
  },
  {
    key: "fostering",
    cpv: "85311300",
    cpvDescription: "Welfare services for children and young people",
    titles: [
      "Independent fostering agency placements",
      "Fostering services framework call-off",
      "Specialist foster care placements",
    ],
    medianAnnual: 260_000,
    weight: 18,
  },
  {
    key: "family",
    cpv: "85312000",
    cpvDescription: "Social work services without accommodation",
    titles: ["Early help family support service", "Family hub outreach", "Parenting support programme"],
    medianAnnual: 150_000,
    weight: 18,
  },
  {
    key: "send",
    cpv: "60130000",
    cpvDescription: "Special-purpose road passenger-transport services",
    titles: [
      "SEND home to school transport routes",
      "Special educational needs passenger transport",
      "SEN taxi routes",
    ],
    medianAnnual: 90_000,
    weight: 16,
  },
  {
    key: "shortbreaks",
    cpv: "85311200",
    cpvDescription: "Welfare services for the handicapped",
    titles: ["Short breaks for disabled children", "Overnight short breaks service", "Holiday activity short breaks"],
    medianAnnual: 120_000,
    weight: 10,
  },
  {
    key: "youth",
    cpv: "85320000",
    cpvDescription: "Social services",
    titles: ["Youth service detached work", "Young people's positive activities", "Youth club provision"],
    medianAnnual: 80_000,
    weight: 9,
  },
  {
    key: "leavers",
    cpv: "85311000",
    cpvDescription: "Social work services with accommodation",
    titles: [
      "Care leavers supported accommodation",
      "Semi-independent living for care leavers",
      "Leaving care personal adviser service",
    ],
    medianAnnual: 200_000,
    weight: 7,
  },
];

type SupplierKind = "for-profit" | "charity" | "cic" | "council" | "nhs";

const PROFIT_STEMS = [
  "Horizon",
  "Oakwood",
  "Pathway",
  "Brightstar",
  "Keystone",
  "Riverside",
  "Meadow",
  "Summit",
  "Compass",
  "Evergreen",
  "Lighthouse",
  "Beacon",
  "Northgate",
  "Ashdown",
  "Willow",
];
const PROFIT_TAILS = [
  "Care Ltd",
  "Children's Services Limited",
  "Homes Ltd",
  "Care Group PLC",
  "Fostering Ltd",
  "Transport Ltd",
  "Support Services Limited",
  "Partnerships LLP",
];
const CHARITY_NAMES = [
  "Family Action Trust",
  "Young Futures Charity",
  "Hope Children's Foundation",
  "Together for Families",
  "Community Youth Association",
  "Open Door Trust",
  "Kinship Society",
  "Carers' Network Foundation",
];
const CIC_NAMES = ["Next Steps CIC", "Local Roots Community Interest Company", "Bridges CIC", "Play Together CIC"];

const PROCEDURES = {
  open: { method: "open", detail: "Open procedure" },
  restricted: { method: "selective", detail: "Restricted procedure" },
  negotiated: { method: "limited", detail: "Competitive procedure with negotiation" },
  framework: { method: "limited", detail: "Call-off from a framework agreement" },
  direct: { method: "direct", detail: "Single tender action (below threshold)" },
  grant: { method: "direct", detail: "Grant agreement" },
  partnership: { method: "limited", detail: "Other - Partnership agreement" },
} as const;
type ProcedureKey = keyof typeof PROCEDURES;

export interface ContractOptions {
  contracts: number;
  fromYear: number;
  toYear: number;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addMonths(date: Date, months: number): Date {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() - 1);
  return d;
}

function hex(random: Random, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += "0123456789abcdef"[Math.floor(random.next() * 16)];
  return s;
}

function uuid(random: Random): string {
  return `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-a${hex(random, 3)}-${hex(random, 12)}`;
}

function buyerName(council: CouncilFact): string {
  switch (council.laType) {
    case "County":
      return `${council.name} County Council`;
    case "London Borough":
      return `London Borough of ${council.name}`;
    default:
      return `${council.name} Council`;
  }
}

/** Councils differ: some lean on the market, some commission cooperatively. */
function councilLean(council: CouncilFact): number {
  let h = 0;
  for (const ch of council.laCode) h = (h * 31 + ch.charCodeAt(0)) % 1000;
  return (h / 1000 - 0.5) * 0.5;
}

export async function writeContracts(out: Writable, random: Random, options: ContractOptions): Promise<number> {
  const years = options.toYear - options.fromYear + 1;
  let buffer = "";
  let written = 0;
  for (let i = 0; i < options.contracts; i++) {
    const council = random.pick(COUNCILS);
    const service = random.weighted(SERVICES.map((s) => [s, s.weight] as const));
    // A slow drift towards the market over the decade, varying by council.
    const yearIndex = Math.min(years - 1, Math.floor(random.next() * years));
    const year = options.fromYear + yearIndex;
    const marketBias = 0.55 + 0.015 * yearIndex + councilLean(council);
    const kind: SupplierKind = random.weighted<SupplierKind>([
      ["for-profit", marketBias],
      ["charity", (1 - marketBias) * 0.6],
      ["cic", (1 - marketBias) * 0.15],
      ["council", 0.08],
      ["nhs", service.key === "family" ? 0.06 : 0.01],
    ]);
    const procedure: ProcedureKey =
      kind === "charity" || kind === "cic"
        ? random.weighted<ProcedureKey>([
            ["grant", 3],
            ["partnership", 2],
            ["open", 3],
            ["restricted", 1],
            ["direct", 1],
          ])
        : kind === "council" || kind === "nhs"
          ? random.weighted<ProcedureKey>([
              ["partnership", 4],
              ["direct", 2],
              ["open", 1],
            ])
          : random.weighted<ProcedureKey>([
              ["open", 4],
              ["framework", 4],
              ["restricted", 2],
              ["negotiated", 1],
              ["direct", 2],
            ]);
    const supplier =
      kind === "for-profit"
        ? `${random.pick(PROFIT_STEMS)} ${random.pick(PROFIT_TAILS)}`
        : kind === "charity"
          ? random.pick(CHARITY_NAMES)
          : kind === "cic"
            ? random.pick(CIC_NAMES)
            : kind === "council"
              ? buyerName(council)
              : `${random.pick(["Northern", "Southern", "Central", "Coastal"])} NHS Foundation Trust`;
    const cooperative = kind !== "for-profit";
    const months = Math.max(
      1,
      Math.round(
        random.weighted<number>(
          cooperative
            ? [
                [12, 2],
                [24, 3],
                [36, 5],
                [48, 2],
                [60, 3],
                [84, 1],
              ]
            : [
                [3, 1],
                [6, 2],
                [12, 5],
                [18, 2],
                [24, 4],
                [36, 3],
                [48, 1],
                [60, 1],
              ],
        ) *
          (0.9 + random.next() * 0.2),
      ),
    );
    const annual = random.logNormal(service.medianAnnual * (cooperative ? 0.8 : 1.1), 0.9);
    const value = Math.round((annual * months) / 12);
    // The award falls in the sample year; the tender closes before it and the contract starts after it.
    const award = new Date(Date.UTC(year, random.int(0, 11), random.int(1, 28)));
    const tenderEnd = new Date(award.getTime() - random.int(5, 90) * 86_400_000);
    const start = new Date(award.getTime() + random.int(14, 90) * 86_400_000);
    const end = addMonths(start, months);
    const noticeId = uuid(random);
    const ocid = `ocds-b5fd17-${noticeId}`;
    const isSme = kind === "for-profit" ? random.chance(0.55) : kind === "charity" || kind === "cic";
    const isVcse = kind === "charity" || kind === "cic";
    const tenderers =
      procedure === "direct" || procedure === "grant" ? 1 : random.chance(0.35) ? random.int(1, 9) : undefined;
    const p = PROCEDURES[procedure];
    const buyerId = `GB-CFS-${council.laCode}`;
    const supplierId = `GB-CFS-S${hex(random, 6)}`;
    const release = {
      ocid,
      id: `${noticeId}-${random.int(100000, 999999)}`,
      language: "en",
      date: `${isoDate(award)}T10:00:00Z`,
      tag: ["award"],
      initiationType: "tender",
      tender: {
        id: `SAMPLE-${i + 1}`,
        title: random.pick(service.titles),
        description: `Sample data — not real. ${random.pick(service.titles)} for ${council.name}.`,
        status: "complete",
        classification: { scheme: "CPV", id: service.cpv, description: service.cpvDescription },
        value: { amount: value, currency: "GBP" },
        procurementMethod: p.method,
        procurementMethodDetails: p.detail,
        tenderPeriod: { endDate: `${isoDate(tenderEnd)}T12:00:00Z` },
        contractPeriod: { startDate: `${isoDate(start)}T00:00:00Z`, endDate: `${isoDate(end)}T23:59:59Z` },
        ...(tenderers === undefined ? {} : { numberOfTenderers: tenderers }),
        suitability: { sme: true, vcse: true },
        mainProcurementCategory: "services",
      },
      parties: [
        { id: buyerId, name: buyerName(council), roles: ["buyer"] },
        {
          id: supplierId,
          name: supplier,
          details: { scale: isSme ? "sme" : "large", vcse: isVcse },
          roles: ["supplier"],
        },
      ],
      buyer: { id: buyerId, name: buyerName(council) },
      awards: [
        {
          id: `${ocid}-1`,
          status: "active",
          date: `${isoDate(award)}T00:00:00Z`,
          value: { amount: value, currency: "GBP" },
          suppliers: [{ id: supplierId, name: supplier }],
          contractPeriod: { startDate: `${isoDate(start)}T00:00:00Z`, endDate: `${isoDate(end)}T23:59:59Z` },
        },
      ],
    };
    buffer += `${JSON.stringify(release)}\n`;
    written++;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise((resolve) => out.once("drain", resolve));
      buffer = "";
    }
  }
  out.write(buffer);
  return written;
}
