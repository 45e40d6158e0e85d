/**
 * Maps council names as written in source files (Ofsted "Local authority", OCDS buyer names,
 * ledgers) to DfE 3-digit codes. Names of every vintage are normalised, then looked up among
 * the current councils and a table of aliases and abolished councils. A miss returns
 * undefined so the caller can reject the row with the name, never guess.
 */
import { COUNCILS } from "./councils.js";

/**
 * Names that do not normalise to a current council name: abbreviations used in older Ofsted
 * files and councils abolished by boundary changes (mapped to the code the DfE used then).
 */
export const COUNCIL_ALIASES: Readonly<Record<string, string>> = {
  "barking dagenham": "301",
  "bristol city": "801",
  bristol: "801",
  "medway towns": "887",
  newcastle: "391",
  "west berkshire newbury": "869",
  "stoke on trent": "861",
  "southend on sea": "882",
  "st helens": "342",
  hull: "810",
  "kingston upon hull": "810",
  "city of kingston upon hull": "810",
  "hammersmith fulham": "205",
  "kensington chelsea": "207",
  "brighton hove": "846",
  "telford wrekin": "894",
  "windsor maidenhead": "868",
  "redcar cleveland": "807",
  "bath north east somerset": "800",
  "bath ne somerset": "800",
  herefordshire: "884",
  "county durham": "840",
  durham: "840",
  bournemouth: "839",
  "bournemouth christchurch poole": "839",
  bcp: "839",
  poole: "839",
  "isles of scilly": "420",
  "city of london": "201",
  cumbria: "909",
  northamptonshire: "928",
  "east riding": "811",
  "north east lincolnshire": "812",
  "ne lincolnshire": "812",
  "nottingham city": "892",
  "derby city": "831",
  "leicester city": "856",
  "plymouth city": "879",
  "portsmouth city": "851",
  "southampton city": "852",
  "peterborough city": "874",
  "york city": "816",
  "city of york": "816",
  "westmorland furness": "943",
  helens: "342",
  bedford: "822",
  // Ofsted Sep 2014 provider list.
  blackburn: "889",
};

/** Council codes that no longer exist but appear in older sources (kept so rows are not lost). */
export const ABOLISHED_COUNCILS: Readonly<Record<string, { name: string; successors: readonly string[] }>> = {
  "909": { name: "Cumbria", successors: ["942", "943"] },
  "928": { name: "Northamptonshire", successors: ["940", "941"] },
  "836": { name: "Poole", successors: ["839"] },
  "835": { name: "Dorset (pre-2019)", successors: ["838"] },
  "837": { name: "Bournemouth", successors: ["839"] },
};

const STRIP_WORDS =
  /\b(london borough of|royal borough of|metropolitan borough of|borough of|city of|county of|city and county of|metropolitan borough council|borough council|county council|city council|district council|unitary authority|council|the|mbc|lbc|cc)\b/g;

export function normaliseCouncilName(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/&/g, " and ")
    .replace(/['’.]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(STRIP_WORDS, " ")
    .replace(/\band\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const BY_NAME = new Map<string, string>();
for (const c of COUNCILS) BY_NAME.set(normaliseCouncilName(c.name), c.laCode);
for (const [alias, code] of Object.entries(COUNCIL_ALIASES)) BY_NAME.set(normaliseCouncilName(alias), code);

export function councilCodeForName(name: string | null | undefined): string | undefined {
  if (!name) return undefined;
  return BY_NAME.get(normaliseCouncilName(name));
}

const CODES = new Set(COUNCILS.map((c) => c.laCode));
export function isCurrentCouncilCode(code: string): boolean {
  return CODES.has(code);
}

/**
 * ONS codes councils carried before a recode or boundary change, to the DfE code used in the
 * same returns: Northumberland and Gateshead were recoded in 2013; Buckinghamshire, North
 * Yorkshire and Somerset kept their DfE codes when they became unitary; Cumbria,
 * Northamptonshire, Poole, Bournemouth and the old Dorset were abolished (ABOLISHED_COUNCILS).
 */
const FORMER_ONS_CODES: Readonly<Record<string, string>> = {
  E06000028: "837",
  E06000029: "836",
  E06000048: "929",
  E08000020: "390",
  E10000002: "825",
  E10000006: "909",
  E10000009: "835",
  E10000021: "928",
  E10000023: "815",
  E10000027: "933",
};
const BY_ONS = new Map<string, string>([
  ...COUNCILS.map((c): [string, string] => [c.onsCode, c.laCode]),
  ...Object.entries(FORMER_ONS_CODES),
]);

/** The DfE 3-digit code for a current or former ONS council code (any case); undefined when unknown. */
export function laCodeForOnsCode(ons: string): string | undefined {
  return BY_ONS.get(ons.trim().toUpperCase());
}
