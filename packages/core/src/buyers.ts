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

/**
 * Children's services trusts and companies that deliver (and buy for) a council's children's
 * services. Reference facts: the council, when delivery moved, and where that is published.
 * `until` is set where the service returned to the council.
 */
export interface ChildrensServicesTrust {
  id: string;
  label: string;
  /** Normalised-name pattern (lower case, punctuation as spaces). */
  name: RegExp;
  laCodes: readonly string[];
  from: string;
  until?: string;
  /** Owned by the council(s) (a council company), rather than an independent trust. */
  councilOwned: boolean;
  source: string;
}

/** The trust delivering a council's children's services on an ISO date (or in a month), if any. */
export function childrensServicesTrustFor(laCode: string, isoDate: string): ChildrensServicesTrust | null {
  return (
    CHILDRENS_SERVICES_TRUSTS.find(
      (t) => t.laCodes.includes(laCode) && isoDate >= t.from && (t.until === undefined || isoDate <= t.until),
    ) ?? null
  );
}

export const CHILDRENS_SERVICES_TRUSTS: readonly ChildrensServicesTrust[] = [
  {
    id: "doncaster",
    councilOwned: false,
    label: "Doncaster Children's Services Trust",
    name: /\bdoncaster children ?s services trust\b/,
    laCodes: ["371"],
    from: "2014-10-01",
    until: "2023-03-31",
    source: "Secretary of State direction (2014); services returned to City of Doncaster Council on 1 April 2023",
  },
  {
    id: "slough-trust",
    councilOwned: false,
    label: "Slough Children's Services Trust",
    name: /\bslough children ?s services trust\b/,
    laCodes: ["871"],
    from: "2015-10-01",
    until: "2021-03-31",
    source:
      "Secretary of State direction (2014); an independent trust until ownership passed to the council in April 2021",
  },
  {
    id: "slough",
    councilOwned: true,
    label: "Slough Children First",
    name: /\bslough children first\b/,
    laCodes: ["871"],
    from: "2021-04-01",
    source: "Slough Borough Council's company Slough Children First from 1 April 2021",
  },
  {
    id: "sunderland",
    councilOwned: true,
    label: "Together for Children (Sunderland)",
    name: /\btogether for children\b/,
    laCodes: ["394"],
    from: "2017-04-01",
    source: "Secretary of State direction (2016); council-owned company from 1 April 2017",
  },
  {
    id: "birmingham",
    councilOwned: true,
    label: "Birmingham Children's Trust",
    name: /\bbirmingham children ?s trust\b/,
    laCodes: ["330"],
    from: "2018-04-01",
    source: "Secretary of State direction (2016); council-owned company from 1 April 2018",
  },
  {
    id: "sandwell",
    councilOwned: true,
    label: "Sandwell Children's Trust",
    name: /\bsandwell children ?s trust\b/,
    laCodes: ["333"],
    from: "2018-04-01",
    source: "Secretary of State direction (2016); council-owned company from 1 April 2018",
  },
  {
    id: "worcestershire",
    councilOwned: true,
    label: "Worcestershire Children First",
    name: /\bworcestershire children first\b/,
    laCodes: ["885"],
    from: "2019-10-01",
    source: "Worcestershire County Council; council-owned company from 1 October 2019",
  },
  {
    id: "northamptonshire",
    councilOwned: true,
    label: "Northamptonshire Children's Trust",
    name: /\bnorthamptonshire children ?s trust\b|\bchildren first northamptonshire\b/,
    laCodes: ["928", "940", "941"],
    from: "2020-11-01",
    source: "Secretary of State direction (2019); owned by North and West Northamptonshire councils from 1 April 2021",
  },
  {
    id: "achieving-for-children",
    councilOwned: true,
    label: "Achieving for Children (Kingston, Richmond, Windsor and Maidenhead)",
    name: /\bachieving for children\b/,
    laCodes: ["314", "318", "868"],
    from: "2014-04-01",
    source: "Kingston and Richmond councils' company from April 2014; Windsor and Maidenhead joined August 2017",
  },
  {
    id: "reading",
    councilOwned: true,
    label: "Brighter Futures for Children (Reading)",
    name: /\bbrighter futures for children\b/,
    laCodes: ["870"],
    from: "2018-12-03",
    source: "Secretary of State direction (2017); Reading Borough Council's company from 3 December 2018",
  },
  {
    id: "bradford",
    councilOwned: true,
    label: "Bradford Children and Families Trust",
    name: /\bbradford children (and|&) families trust\b/,
    laCodes: ["380"],
    from: "2023-04-01",
    source: "Secretary of State direction (2022); council-owned company from 1 April 2023",
  },
];

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
  const trust = CHILDRENS_SERVICES_TRUSTS.find((t) => t.name.test(key));
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
