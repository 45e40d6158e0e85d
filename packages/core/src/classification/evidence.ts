/**
 * Name and text evidence the rules read: public-body names, council-owned companies, known
 * not-for-profit organisations and words, legal forms, ledger supplier categories, and the
 * co-operative arrangements (grant, partnership, reserved contract) a notice can describe.
 * All matching runs on normaliseOrganisationName output, so spelling variants agree.
 */
import { normaliseSector, type Sector, type SupplierOwnership } from "../vocab.js";
import { normaliseOrganisationName, organisationMatchKey } from "./normalise.js";

/** Returns the first matching phrase, or null. */
export function firstMatch(pattern: RegExp, text: string): string | null {
  const m = pattern.exec(text);
  return m ? m[0] : null;
}

// Councils for voluntary service are charities, not councils.
const NOT_A_COUNCIL = /\bcouncil (for|of) voluntary\b|\bcvs\b|\bbritish council\b/;

export const PUBLIC_BODY_NAME =
  /\b(county|city|borough|district|metropolitan|town|parish|london borough|royal borough|unitary) council\b|\bcouncil\b|\bcouncils\b|\bcouncl\b|\bnhs\b|\bintegrated care board\b|\bclinical commissioning group\b|\bccg\b|\bpolice\b|\bconstabulary\b|\bfire (and rescue|authority)\b|\buniversity\b|\bcombined authority\b|\bcabinet office\b|\bhome office\b|\bdepartment (for|of)\b|\bministry of\b|\bhm (revenue|prison|courts|treasury)|\b(multi )?academy trust\b|\bacademies trust\b|\bmulti academy\b|\bcafcass\b|\bofsted\b|\blocal government association\b|\bgreater london authority\b|\bcity of london corporation\b|\byouth (offending|justice) (team|service)\b|\bnational health service\b/;

/** Maintained schools and academies; plain "school" is left alone (independent schools are private or charities). */
export const MAINTAINED_SCHOOL_NAME =
  /\b(primary|infant|infants|junior|secondary|high|grammar|nursery|community|c ?of ?e|ce|rc|catholic|church of england) (primary )?school\b|\bacademy\b|\bfederation\b(?! of (?!schools\b))/;

/**
 * Companies wholly owned by councils (children's services trusts and trading companies).
 * `owners` match the buying council's normalised name; a match makes the award in-house.
 */
export const COUNCIL_OWNED_COMPANIES: ReadonlyArray<{ name: RegExp; owners: RegExp; label: string }> = [
  {
    name: /\bachieving for children\b/,
    owners: /\bkingston\b|\brichmond\b|\bwindsor\b/,
    label: "Achieving for Children (Kingston, Richmond, Windsor & Maidenhead)",
  },
  {
    name: /\bbirmingham childrens trust\b/,
    owners: /\bbirmingham\b/,
    label: "Birmingham Children's Trust (Birmingham)",
  },
  { name: /\btogether for children\b/, owners: /\bsunderland\b/, label: "Together for Children (Sunderland)" },
  {
    name: /\bslough childrens (first|services trust)\b/,
    owners: /\bslough\b/,
    label: "Slough Children First (Slough)",
  },
  {
    name: /\b(northamptonshire childrens trust|children first northamptonshire)\b/,
    owners: /\bnorthamptonshire\b/,
    label: "Northamptonshire Children's Trust",
  },
  {
    name: /\bdoncaster childrens services trust\b/,
    owners: /\bdoncaster\b/,
    label: "Doncaster Children's Services Trust (Doncaster)",
  },
  { name: /\bsandwell childrens trust\b/, owners: /\bsandwell\b/, label: "Sandwell Children's Trust (Sandwell)" },
  {
    name: /\bworcestershire children first\b/,
    owners: /\bworcestershire\b/,
    label: "Worcestershire Children First (Worcestershire)",
  },
  {
    name: /\bbrighter futures for children\b/,
    owners: /\breading\b/,
    label: "Brighter Futures for Children (Reading)",
  },
  // A council's group is every company in it, not one name: Norfolk's Norse Group runs the
  // transport company (Norse Transport), the property arm (NPS) and the care homes (NorseCare).
  {
    name: /\bnorse\b|\bnorsecare\b|\bnps (group|property|property consultants|london|south east|south west|north west|leeds)\b|\bnorfolk property services\b/,
    owners: /\bnorfolk\b/,
    label: "Norse Group (Norfolk): Norse Transport, NPS, NorseCare and siblings",
  },
  {
    name: /\bvertas\b|\bconcertus\b/,
    owners: /\bsuffolk\b/,
    label: "Suffolk County Council's group (Vertas, Concertus)",
  },
  { name: /\bcommercial services kent\b/, owners: /\bkent\b/, label: "Commercial Services Kent (Kent)" },
  { name: /\bessex cares\b/, owners: /\bessex\b/, label: "Essex Cares (Essex)" },
];

export const KNOWN_NOT_FOR_PROFIT =
  /\bbarnardos?\b|\baction for children\b|\bnspcc\b|\bchildrens society\b|\bymca\b|\bywca\b|\bcatch ?22\b|\bfamily action\b|\bcoram\b|\bmencap\b|\bscope\b|\bturning point\b|\bhome ?start\b|\byoung devon\b|\bleonard cheshire\b|\bnational autistic society\b|\bst christophers fellowship\b|\bsalvation army\b|\bspurgeons\b|\bplace2be\b|\bchange grow live\b|\bwe are with you\b|\bhumankind\b|\bwomens aid\b|\brefuge\b|\brelate\b|\bnacro\b|\bcentrepoint\b|\bdepaul\b|\bunited response\b|\bred balloon\b|\bidas\b|\bindependent domestic abuse services\b|\bvictim support\b|\bcitizens advice\b|\bprinces trust\b|\bkids\b|\bcontact a family\b|\bthe childrens trust\b|\bmary hare\b|\bdame hannah rogers\b|\bsheiling\b|\bnational childrens bureau\b|\bnational youth agency\b|\bscouts?\b|\bgirlguiding\b|\bcarers trust\b/;

/**
 * Large private groups in children's residential care, independent special schools and
 * fostering, and their school names (reference facts: each is a company, most owned by private
 * equity). A match is for-profit over a name with no legal form.
 */
export const KNOWN_FOR_PROFIT =
  /\bpriory (group|education|healthcare|college|adolescent)\b|\bpriory$|\baurora (care|group|education)\b|\baurora [a-z]+ (school|college)\b|\breed (community|specialist|in partnership)\b|\bcambian\b|\bwitherslack\b|\boutcomes first\b|\bcaretech\b|\bkisimul\b|\bhexagon care\b|\bpolaris (children|community)\b/;

export const NOT_FOR_PROFIT_WORD =
  /\bcic\b|\bcharity\b|\bcharitable\b|\btrust\b|\btrustees\b|\bfoundation\b|\bassociation\b|\bsociety\b|\bcooperative\b|\bcoop\b|\bmutual\b|\bchurch\b|\bdiocese\b|\bdiocesan\b|\bhospice\b|\bvoluntary\b|\bvolunteers?\b|\bcio\b|\bfellowship\b|\bcouncil (for|of) voluntary\b|\bcvs\b|\bcommunity interest\b|\bplaygroup\b|\bhousing association\b/;

/**
 * Not a supplier: the field says the award is not made or not named. Such rows are kept and
 * counted but are not awards (supplier_is_placeholder).
 */
export const PLACEHOLDER_SUPPLIER =
  /^(tbc|tba|tbd|to be (confirmed|advised|determined)|n ?a|none|nil|unknown|not known|not (yet )?awarded|not applicable|awaiting( award)?|pending|no supplier|various( .*)?|multiple( suppliers| providers)?|see (attached|below|list|schedule|document)( .*)?|spot providers?|framework providers|x|0)$/;

export function isPlaceholderSupplier(name: string | null | undefined): boolean {
  if (name == null) return false;
  const n = normaliseOrganisationName(name);
  // "N/A …" with its slash ("N/A event day", "#N/A") is a placeholder; "N A S Services" is a company.
  if (/^\s*#?n\/a\b/i.test(name)) return true;
  return n === "" ? /\S/.test(name) : PLACEHOLDER_SUPPLIER.test(n);
}

/**
 * Trading names of sole traders, partnerships and small firms that carry no "Ltd": taxi, cab,
 * car, coach and minibus operators, travel and hire firms, "& Son(s)", "Bros".
 */
export const TRADING_NAME =
  /\b(taxis?|cabs?|cars|car hire|coach(es|ways| hire| travel| company)?|mini ?bus(es)?|mini coach(es)?|minicoach(es)?|travel|private hire|chauffeur\w*|hire|motors|garage|executive travel|transport services|and sons?|bros|brothers)\b/;

/** Words that say an organisation, not a person, even in a two- or three-word name. */
const ORGANISATION_WORD =
  /\b(care|centre|center|services?|support|group|project|network|club|school|college|academy|nursery|homes?|house|lodge|farm|hall|court|place|the|of|for|and|ltd|plc|llp|cic|trust|society|association|foundation|council|church|partnership|consult\w*|solutions|learning|education|training|therapy|therapies|health|family|families|children|youth|community|people|futures?|action|life|living|uk|international|associates|agency|limited|company|enterprises?|team|world|north|south|east|west|county|city)\b/;

/**
 * A personal name ("J Smith", "G J Bishop"; "Jane Smith" only where the supplier runs transport
 * routes, since two capitalised words are as often a firm's name): a sole trader, so
 * for-profit. Read on the name as written, because capitals and initials are the evidence;
 * only two or three words, none of them an organisation word.
 */
export function personalName(raw: string, transportOperator = false): string | null {
  const name = raw.trim().replace(/\s+/g, " ");
  const words = name.split(" ");
  if (words.length < 2 || words.length > 3) return null;
  if (ORGANISATION_WORD.test(normaliseOrganisationName(name))) return null;
  const initials = /^([A-Z]\.? ){1,3}[A-Z][a-z'’-]+$|^([A-Z]\.? ?){1,3}[A-Z][A-Z'’-]+$/;
  const firstLast = /^[A-Z][a-z'’-]+( [A-Z]\.?)?( [A-Z][a-z'’-]+)$/;
  return initials.test(name) || (transportOperator && firstLast.test(name)) ? name : null;
}

/** Registry numbers as sources write them: Companies House (8 characters) and Charity Commission. */
export function companyNumber(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const v = raw.trim().toUpperCase().replace(/\s+/g, "");
  // The FCA mutuals register writes a registered society as digits and "R" ("20014R").
  const society = /^(\d{4,6})R$/.exec(v);
  if (society) return `RS${society[1]}`;
  if (!/^([A-Z]{2}\d{5,6}[A-Z]?|\d{5,8})$/.test(v)) return null;
  return /^\d+$/.test(v) ? v.padStart(8, "0") : v;
}

/**
 * A register's company-number column sometimes holds a charity number instead ("CHA1165823",
 * "Charity 1165823"): returned as the charity number, so rule O20 reads it as one.
 */
export function charityNumberInCompanyField(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const m =
    /^\s*(?:cha|charity(?:\s*(?:no\.?|number))?|reg(?:istered)?\s*charity(?:\s*(?:no\.?|number))?)\s*:?\s*(\d{6,7})\s*$/i.exec(
      raw,
    );
  return m?.[1] ?? null;
}

/** Company-number prefixes of bodies that cannot distribute profit: mutual societies, CIOs, royal charter bodies. */
export const NOT_FOR_PROFIT_REGISTRY_PREFIX: Readonly<Record<string, string>> = {
  IP: "industrial and provident society (co-operative or community benefit society)",
  RS: "registered society (co-operative or community benefit society)",
  CE: "charitable incorporated organisation",
  CS: "Scottish charitable incorporated organisation",
};

export const FOR_PROFIT_LEGAL_FORM =
  /\b(ltd|plc|llp|inc|llc|gmbh|bv|pty|sarl|holdings)\b|\btrading as\b|\band sons\b|\band co\b/;

/**
 * Ledger supplier categories (council payment files, e.g. Devon's Creditor Type) and the
 * s251 / ledger ownership words. `strong` categories state what the body is (charity, public
 * body); company forms only state a legal form, and charities limited by guarantee are "LTD",
 * so those rank with the legal-form evidence, below known charity names.
 */
export interface LedgerCategoryMeaning {
  ownership: SupplierOwnership;
  strong: boolean;
  label: string;
}

const LEDGER_CATEGORIES: Record<string, LedgerCategoryMeaning> = {
  chty: { ownership: "not-for-profit", strong: true, label: "charity" },
  charity: { ownership: "not-for-profit", strong: true, label: "charity" },
  cic: { ownership: "not-for-profit", strong: true, label: "community interest company" },
  vcs: { ownership: "not-for-profit", strong: true, label: "voluntary and community sector" },
  vcse: { ownership: "not-for-profit", strong: true, label: "VCSE" },
  yth: { ownership: "not-for-profit", strong: true, label: "youth organisation" },
  chu: { ownership: "not-for-profit", strong: true, label: "church" },
  vh: { ownership: "not-for-profit", strong: true, label: "village hall" },
  voluntary: { ownership: "not-for-profit", strong: true, label: "voluntary sector" },
  wga: { ownership: "public", strong: true, label: "public body (Whole of Government Accounts)" },
  uni: { ownership: "public", strong: true, label: "university" },
  prsh: { ownership: "public", strong: true, label: "parish or town council" },
  "other public": { ownership: "public", strong: true, label: "other public body" },
  public: { ownership: "public", strong: true, label: "public body" },
  own: { ownership: "public", strong: true, label: "council's own provision" },
  ltd: { ownership: "for-profit", strong: false, label: "limited company" },
  plc: { ownership: "for-profit", strong: false, label: "public limited company" },
  llp: { ownership: "for-profit", strong: false, label: "limited liability partnership" },
  sole: { ownership: "for-profit", strong: false, label: "sole trader" },
  busn: { ownership: "for-profit", strong: false, label: "business" },
  fact: { ownership: "for-profit", strong: false, label: "factored business" },
  hotl: { ownership: "for-profit", strong: false, label: "hotel" },
  b: { ownership: "for-profit", strong: false, label: "business" },
  private: { ownership: "for-profit", strong: false, label: "private provider" },
  "dcc business entities sole trade partnership ltd": {
    ownership: "for-profit",
    strong: false,
    label: "business entity",
  },
};

export function ledgerCategoryMeaning(category: string | null | undefined): LedgerCategoryMeaning | null {
  if (!category) return null;
  const key = category
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")
    .trim();
  return LEDGER_CATEGORIES[key] ?? null;
}

/**
 * The key an Ofsted owner and a supplier are matched on: organisationMatchKey with plurals
 * folded ("Sunfield Childrens Home Ltd" and "Sunfield Children's Homes Limited" are one owner).
 * Matching only: two owners that fold together with different sectors are dropped, not guessed.
 */
export function ofstedOwnerKey(name: string | null | undefined): string {
  return organisationMatchKey(name)
    .split(" ")
    .map((w) => (w.length > 4 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w))
    .join(" ");
}

/** Ofsted owner organisation → provider sector; keys are ofstedOwnerKey(owner name). */
export type OfstedOwnerLookup = ReadonlyMap<string, Sector>;

export const SECTOR_OWNERSHIP: Record<Sector, SupplierOwnership> = {
  Private: "for-profit",
  Voluntary: "not-for-profit",
  "Local Authority": "public",
  "Health Authority": "public",
  Academy: "public",
};

/**
 * Builds the owner → sector lookup from provider rows, keeping only owners whose rows agree on
 * one sector (an owner listed as both Private and Voluntary is ambiguous evidence, not a vote).
 */
export function buildOfstedOwnerLookup(
  rows: Iterable<{ ownerName: string | null; sector: string | null }>,
): Map<string, Sector> {
  const seen = new Map<string, Set<Sector>>();
  for (const row of rows) {
    const key = ofstedOwnerKey(row.ownerName);
    const sector = normaliseSector(row.sector);
    if (key === "" || sector == null) continue;
    const set = seen.get(key) ?? new Set<Sector>();
    set.add(sector);
    seen.set(key, set);
  }
  const lookup = new Map<string, Sector>();
  for (const [key, sectors] of seen) {
    if (sectors.size === 1) {
      const [only] = [...sectors];
      if (only) lookup.set(key, only);
    }
  }
  return lookup;
}

/** Strips council-type words so "Devon County Council" and "DEVON CC" share a core ("devon"). */
export function councilCore(name: string | null | undefined): string {
  return normaliseOrganisationName(name)
    .replace(
      /\b(london borough of|royal borough of|city of|county of|metropolitan borough|borough|county|city|district|metropolitan|council|councl|cc|mbc|lbc|finance|accounts?|a c|radius|department|dept|childrens services|children and young peoples services)\b/g,
      " ",
    )
    .replace(/\s+/g, " ")
    .trim();
}

export function isCouncilName(normalised: string): boolean {
  return /\bcouncil\b|\bcouncl\b/.test(normalised) && !NOT_A_COUNCIL.test(normalised);
}

export function isPublicBodyName(normalised: string): string | null {
  if (NOT_A_COUNCIL.test(normalised)) return null;
  return firstMatch(PUBLIC_BODY_NAME, normalised);
}

/** Co-operative arrangements a notice may describe, detected from title, description and procedure label. */
export type ArrangementKind = "grant" | "partnership" | "reserved";
export interface Arrangement {
  kind: ArrangementKind;
  phrase: string;
}

const ARRANGEMENTS: ReadonlyArray<readonly [ArrangementKind, RegExp]> = [
  ["reserved", /\breserved (contract|for|under)\b|\bregulation 77\b|\breg\.? ?77\b|\bpublic service mutuals?\b/],
  [
    "grant",
    /\bgrant (agreement|aid|award|funding agreement)\b|\bgrants? to (the )?(voluntary|community)\b|\bgrant[- ]funded (service|project)\b/,
  ],
  [
    "partnership",
    /\bsection 75\b|\bs ?75 agreement\b|\bpartnership agreement\b|\balliance (agreement|contract|model)\b|\bprovider alliance\b|\binter[- ]authority\b|\bpublic[- ]public\b|\bmemorandum of understanding\b|\bregulation 12\b|\bco-?operation agreement\b|\bcollaboration agreement\b/,
  ],
];

export function detectArrangement(...texts: ReadonlyArray<string | null | undefined>): Arrangement | null {
  for (const text of texts) {
    if (!text) continue;
    const t = text.toLowerCase().replace(/\s+/g, " ");
    for (const [kind, pattern] of ARRANGEMENTS) {
      const phrase = firstMatch(pattern, t);
      if (phrase) return { kind, phrase };
    }
  }
  return null;
}
