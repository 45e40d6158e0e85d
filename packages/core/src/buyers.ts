/**
 * Who a contract's buyer is: an upper-tier council (with its DfE code), a council's children's
 * services trust or company, an e-tendering portal or a procurement consortium named in the
 * buyer field in place of the council, or another body. Spellings of councils in the real
 * files ("… County Council – Children's Services", "Borough Council of …", "City of …
 * Metropolitan District Council", "… Council (WCC)", "… Council e-Tendering") are reduced to
 * the council's name before the lookup; the names are data here and tested on the real files.
 *
 * A portal or consortium is never taken for a council. Where the notice itself names the
 * council it buys for ("Rutland County Council Tender for Home to School Transport"), that
 * council is recorded, with the reason; otherwise the council is unknown (la_code NULL).
 */
import { CHILDRENS_SERVICES_TRUSTS } from "./childrens-services-trusts.js";
import { councilCodeForName } from "./council-names.js";
import { decodeHtmlEntities } from "./html-entities.js";

export const BUYER_KINDS = [
  "council",
  "children's trust",
  "portal",
  "procurement consortium",
  "lower-tier council",
  "other",
] as const;
export type BuyerKind = (typeof BUYER_KINDS)[number];

export interface BuyerDecision {
  kind: BuyerKind;
  /** DfE code of the council the contract is for; null when no one council can be named. */
  laCode: string | null;
  reason: string;
}

/** How a buyer field names each trust or company (normalised: lower case, punctuation as spaces), by trust id. */
export const TRUST_NAMES: Readonly<Record<string, RegExp>> = {
  doncaster: /\bdoncaster children ?s services trust\b/,
  "slough-trust": /\bslough children ?s services trust\b/,
  slough: /\bslough children first\b/,
  sunderland: /\btogether for children\b/,
  birmingham: /\bbirmingham children ?s trust\b/,
  sandwell: /\bsandwell children ?s trust\b/,
  worcestershire: /\bworcestershire children first\b/,
  northamptonshire: /\bnorthamptonshire children ?s trust\b|\bchildren first northamptonshire\b/,
  "achieving-for-children": /\bachieving for children\b/,
  reading: /\bbrighter futures for children\b/,
  bradford: /\bbradford children (and|&) families trust\b/,
};

/** E-tendering portals and publishing intermediaries that appear as the buyer in the real files. */
export const PORTAL_BUYERS: ReadonlyArray<{ name: RegExp; label: string }> = [
  { name: /^due north\b|\bprocontract\b/, label: "ProContract (Due North)" },
  { name: /^bravosolution\b|\bjaggaer\b/, label: "BravoSolution / Jaggaer" },
  { name: /^bip solutions\b|\bdelta e ?sourcing\b|^delta\b/, label: "Delta eSourcing (BiP Solutions)" },
  { name: /^atamis\b/, label: "Atamis" },
  { name: /^in ?tend\b/, label: "In-Tend" },
  { name: /^eu supply\b|\bcta portal\b/, label: "EU Supply" },
  { name: /^proactis\b/, label: "Proactis" },
  { name: /^capitalesourcing\b/, label: "capitalEsourcing" },
  { name: /^sourcedogg\b/, label: "Sourcedogg" },
  { name: /^bluelight\b/, label: "Bluelight" },
  { name: /^yortender\b/, label: "YORtender" },
  { name: /^mytenders\b/, label: "MyTenders" },
  { name: /^spend network\b/, label: "Spend Network (data publisher)" },
  { name: /\be ?tendering( portal)?\b|\bportal\b/, label: "an e-tendering portal" },
];

/** Purchasing consortia and shared procurement units: they buy for several bodies. */
export const PROCUREMENT_CONSORTIA: ReadonlyArray<{ name: RegExp; label: string }> = [
  { name: /^espo$|^eastern shires purchasing/, label: "ESPO" },
  { name: /^ypo$|^yorkshire purchasing/, label: "YPO" },
  { name: /^nepo$|^north east procurement/, label: "NEPO" },
  { name: /^star procurement\b/, label: "STAR Procurement (Stockport, Trafford, Rochdale, Tameside)" },
  { name: /^welland procurement\b/, label: "Welland Procurement" },
  { name: /^noe ?cpc$|^north of england commercial procurement/, label: "NOE CPC" },
  { name: /^suffolk sourcing$/, label: "Suffolk Sourcing" },
  { name: /^supply hertfordshire$/, label: "Supply Hertfordshire" },
  { name: /^se shared services$/, label: "SE Shared Services" },
  { name: /^partners procurement service\b/, label: "Partners Procurement Service" },
  { name: /^passenger transport unit$/, label: "a passenger transport unit" },
  {
    name: /\bconsortium\b|\bpurchasing organisation\b|\bprocurement (unit|service|centre|collaborative)\b/,
    label: "a consortium",
  },
];

function plain(name: string): string {
  return decodeHtmlEntities(name)
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Candidate council names from one buyer spelling, most literal first: as written; without a
 * parenthesised abbreviation ("(WCC)"); without a department after a dash or after "Council"
 * ("– Children's Services", "Trading Standards", "e-Tendering"); "The Borough Council of X",
 * "Council of the X" and "X Metropolitan District Council" reduced to X.
 */
export function councilNameCandidates(name: string): string[] {
  const decoded = decodeHtmlEntities(name).replace(/\s+/g, " ").trim();
  const out = new Set<string>([decoded]);
  const noParens = decoded.replace(/\s*\([^)]*\)\s*/g, " ").trim();
  out.add(noParens);
  // A dash starts a department only after a council's name ("Coventry - Solihull - Warwickshire" is a partnership).
  const noDept = /\bcouncil\b.*\s[-–—:]\s/i.test(noParens) ? noParens.replace(/\s+[-–—:]\s+.*$/, "").trim() : noParens;
  out.add(noDept);
  const upToCouncil = /^(.*?\bcouncil)\b/i.exec(noDept)?.[1];
  if (upToCouncil) out.add(upToCouncil);
  for (const n of [...out]) {
    out.add(
      n
        .replace(/^the\s+/i, "")
        .replace(/^(borough|county|city) council of\s+/i, "")
        .replace(/^council of the\s+/i, "")
        .replace(/\bmetropolitan district council\b/i, "council")
        .trim(),
    );
  }
  return [...out].filter((n) => n !== "");
}

/** The council a buyer spelling names, or undefined. */
export function councilCodeForBuyer(name: string | null | undefined): string | undefined {
  if (!name) return undefined;
  for (const candidate of councilNameCandidates(name)) {
    const code = councilCodeForName(candidate) ?? COUNCIL_BUYER_ALIASES[plain(candidate)];
    if (code) return code;
  }
  return undefined;
}

/**
 * Buyer spellings in the real files that name an upper-tier council in a form the council
 * name table does not reduce (short names, corporations). Keys are lower case, punctuation as
 * spaces.
 */
export const COUNCIL_BUYER_ALIASES: Readonly<Record<string, string>> = {
  "stockton borough council": "808",
  "stockton council": "808",
  "city of london corporation": "201",
  "corporation of london": "201",
  "city of bradford council": "380",
  "bradford council": "380",
  "kingston upon hull city council": "810",
  "hull city council": "810",
  "city of wolverhampton council": "336",
  "city of doncaster council": "371",
  // Misspelling of Northamptonshire County Council (abolished 2021) on Contracts Finder notices.
  "northampton county council": "928",
};

/** A council of the lower tier (district, borough, city, town or parish) not among the 153. */
const LOWER_TIER = /\b(district|borough|city|town|parish)\s+council\b|\bcouncil\b/;

/**
 * Upper-tier council names that a portal or consortium notice can carry in its title ("Rutland
 * County Council Tender for …"). Only "X County/City/Borough/Metropolitan Borough Council",
 * "London Borough of X" or "City of X" count: a bare place name in a title is a location, not a buyer.
 */
const COUNCIL_IN_TEXT =
  /\b((?:london borough of|royal borough of)\s+[a-z][a-z &-]+?|city of [a-z]+|[a-z][a-z&-]*(?:\s+[a-z][a-z&-]*){0,3}\s+(?:county|city|borough|metropolitan borough)\s+council)\b/gi;

export function councilNamedInText(text: string | null | undefined): { laCode: string; phrase: string } | null {
  if (!text) return null;
  const decoded = decodeHtmlEntities(text);
  for (const m of decoded.matchAll(COUNCIL_IN_TEXT)) {
    const phrase = m[1] ?? "";
    // Try the longest tail first: "Tender for Rutland County Council" → "Rutland County Council".
    const words = phrase.split(/\s+/);
    for (let i = 0; i < words.length; i++) {
      const candidate = words.slice(i).join(" ");
      const code = councilCodeForBuyer(candidate);
      if (code) return { laCode: code, phrase: candidate };
    }
  }
  return null;
}

export function classifyBuyer(
  buyerName: string | null | undefined,
  notice: { title?: string | null; description?: string | null } = {},
): BuyerDecision {
  const name = (buyerName ?? "").trim();
  if (name === "") return { kind: "other", laCode: null, reason: "no buyer named" };
  const key = plain(name);
  const trust = CHILDRENS_SERVICES_TRUSTS.find((t) => TRUST_NAMES[t.id]?.test(key));
  if (trust) {
    const only = trust.laCodes.length === 1 ? (trust.laCodes[0] ?? null) : null;
    return {
      kind: "children's trust",
      laCode: only,
      reason: `buyer '${name}' is ${trust.label}, which delivers the council's children's services${only ? "" : " for several councils (no one la_code)"}`,
    };
  }
  const code = councilCodeForBuyer(name);
  if (code) return { kind: "council", laCode: code, reason: `buyer '${name}' is the council ${code}` };
  const portal = PORTAL_BUYERS.find((p) => p.name.test(key));
  const consortium = portal ? undefined : PROCUREMENT_CONSORTIA.find((p) => p.name.test(key));
  if (portal || consortium) {
    const kind: BuyerKind = portal ? "portal" : "procurement consortium";
    const label = portal?.label ?? consortium?.label ?? "";
    const named = councilNamedInText(notice.title) ?? councilNamedInText(onBehalfOf(notice.description));
    if (named) {
      return {
        kind,
        laCode: named.laCode,
        reason: `buyer '${name}' is ${label} (${kind}); the notice names the council '${named.phrase}'`,
      };
    }
    return { kind, laCode: null, reason: `buyer '${name}' is ${label} (${kind}), not a council; no council named` };
  }
  if (LOWER_TIER.test(key)) {
    return {
      kind: "lower-tier council",
      laCode: null,
      reason: `buyer '${name}' is not one of the 153 upper-tier councils`,
    };
  }
  return { kind: "other", laCode: null, reason: `buyer '${name}' is not a council` };
}

/** Only the "on behalf of X" / "X (the Authority)" part of a description names a buyer. */
function onBehalfOf(description: string | null | undefined): string | null {
  if (!description) return null;
  const m =
    /\bon behalf of ([^.,;]{3,80})/i.exec(description) ??
    /([^.,;()]{3,80})\s*\(the (?:authority|council)\)/i.exec(description);
  return m?.[1] ?? null;
}

export * from "./childrens-services-trusts.js";
