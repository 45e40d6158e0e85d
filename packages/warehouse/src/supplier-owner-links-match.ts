/**
 * Supplier ↔ Ofsted owner matching, pure: a supplier named on a contract or a payment is linked
 * to the organisations Ofsted lists as "Organisation which owns the provider", so a contract
 * can be read against the ratings of the homes its supplier runs.
 *
 * Names are compared on one key built on organisationMatchKey (case, punctuation, spacing,
 * "&"/"and", "the", legal suffixes Ltd/Limited/LLP/plc/CIC and generic company words folded),
 * with a company number Ofsted appends to an owner's name taken out and kept as an identifier,
 * and spaces removed so "Homes 2 Inspire" and "Homes2inspire" compare equal. A name with a
 * trading name ("A Ltd t/a B", "A trading as B") is tried under each part.
 *
 * Confidence, strongest first (the first that applies is the answer):
 * - `company-number`: a company or charity number the supplier's source gives is one Ofsted
 *   appends to an owner's name;
 * - `exact-normalised`: the supplier's key equals an owner's key;
 * - `trading-name`: one part of a "t/a" name equals an owner's key;
 * - `stem-group`: the supplier is a company group whose members Ofsted lists under one stem
 *   (many "Keys …" companies): the supplier's name calls itself a group ("Keys Group Ltd",
 *   "Priory Group", "… Holdings"), its key is the stem alone or with group words, and at least GROUP_MIN_OWNERS companies (an owner with Ltd, Limited, plc or
 *   LLP in a spelling) share that first word. Every such owner is linked. A stem that is a
 *   common word ("care", "children", "new") never forms a group;
 * - `none`: no owner found (kept, never dropped).
 */
import { normaliseOrganisationName, organisationMatchKey } from "@lens/core/classify";

export const LINK_CONFIDENCES = ["company-number", "exact-normalised", "trading-name", "stem-group", "none"] as const;
export type LinkConfidence = (typeof LINK_CONFIDENCES)[number];

/** Distinct owner keys that must share a first word before the word is read as a group's stem. */
export const GROUP_MIN_OWNERS = 2;

/**
 * One registry number at the end of an owner's name, as Ofsted writes a few of them:
 * "… Limited 06244880", "… (09487106)", "… (Co Number 08016114)", "… - company number 02978546",
 * "… 04300724, 1095134" (a company and a charity number).
 */
const TRAILING_NUMBER = /[\s,(-]+(?:co(?:mpany)?\.?\s*(?:number|no)\.?\s*)?\(?((?:[A-Z]{2})?\d{6,8})\)?\s*$/i;

/** A former name in brackets is history, not the name: "Keys Care (formerly BetterCare Keys Limited)". */
const FORMER_NAME = /\s*\((?:formerly|previously|was)\b[^)]*\)?\s*$/i;

/** The name without a former name or the registry numbers at its end, and those numbers. */
function splitTrailingNumbers(name: string): { name: string; numbers: string[] } {
  let rest = name.trim().replace(FORMER_NAME, "");
  const numbers: string[] = [];
  for (let m = TRAILING_NUMBER.exec(rest); m; m = TRAILING_NUMBER.exec(rest)) {
    const id = normaliseCompanyNumber(m[1]);
    if (id) numbers.unshift(id);
    rest = rest.slice(0, m.index).trim();
  }
  return { name: rest, numbers };
}

/**
 * First words too common to name a group: "Care …", "Children's …", "New …" owners are unrelated
 * businesses. Kept short and literal so a reader can check it.
 */
const GENERIC_STEMS = new Set([
  "a",
  "action",
  "active",
  "all",
  "and",
  "best",
  "bright",
  "brighter",
  "care",
  "caring",
  "child",
  "childcare",
  "children",
  "childrens",
  "community",
  "complete",
  "east",
  "education",
  "family",
  "first",
  "foster",
  "fostering",
  "future",
  "futures",
  "good",
  "great",
  "green",
  "happy",
  "healthcare",
  "home",
  "homes",
  "hope",
  "house",
  "independent",
  "key",
  "kids",
  "life",
  "little",
  "lodge",
  "my",
  "national",
  "new",
  "north",
  "northern",
  "one",
  "our",
  "positive",
  "premier",
  "project",
  "quality",
  "residential",
  "safe",
  "south",
  "specialist",
  "st",
  "star",
  "step",
  "support",
  "supported",
  "therapeutic",
  "total",
  "uk",
  "united",
  "west",
  "young",
  "youth",
]);

const COMPANY_SUFFIX = /\b(ltd|plc|llp)\b/;

/** Words that may follow a stem in a parent company's name ("Keys Group", "Cambian Holdings"). */
const GROUP_WORDS = new Set(["group", "holdings", "holding", "uk", "services", "company", "and"]);

export interface OwnerEntry {
  /** The comparison key (see linkKey). */
  key: string;
  /** Every spelling Ofsted used for this key, as written, most homes first. */
  names: string[];
  /** Registry (company or charity) numbers Ofsted appended to any spelling. */
  companyNumbers: string[];
  /** The group stem this owner belongs to, or null. */
  stem: string | null;
}

export interface OwnerIndex {
  byKey: ReadonlyMap<string, OwnerEntry>;
  byCompanyNumber: ReadonlyMap<string, OwnerEntry>;
  /** stem → owners sharing it (only stems of at least GROUP_MIN_OWNERS owners). */
  groups: ReadonlyMap<string, readonly OwnerEntry[]>;
}

export interface SupplierLink {
  confidence: LinkConfidence;
  /** Owners linked (one, or every member of a stem group); empty for `none`. */
  owners: readonly OwnerEntry[];
  /** The owner group the link is read through: the stem for `stem-group`, else the owner's key. */
  group: string | null;
  reason: string;
}

/** A registry number compared without spaces, case or leading zeros. */
export function normaliseCompanyNumber(value: string | null | undefined): string | null {
  const id = value?.trim().toUpperCase().replace(/\s+/g, "").replace(/^0+/, "");
  return id ? id : null;
}

/** The registry numbers Ofsted appended to an owner's name, if any. */
export function ownerRegistryNumbers(name: string): string[] {
  return splitTrailingNumbers(name).numbers;
}

/** The words of a name's key, with any appended registry number taken out. */
function keyWords(name: string): string[] {
  return organisationMatchKey(splitTrailingNumbers(name).name).split(" ").filter(Boolean);
}

/** The comparison key: organisationMatchKey without an appended company number, spaces removed. */
export function linkKey(name: string): string {
  return keyWords(name).join("");
}

/** A group stem for an owner's words: the first word, when it is distinctive. */
function stemOf(words: readonly string[]): string | null {
  const first = words[0];
  if (!first || first.length < 3 || /^\d+$/.test(first) || GENERIC_STEMS.has(first)) return null;
  return first;
}

/** The parts of a name with a trading name: "A Ltd t/a B" → ["A Ltd", "B"]. */
export function tradingNameParts(name: string): string[] {
  const normal = normaliseOrganisationName(name);
  if (!/\btrading as\b/.test(normal)) return [];
  return normal
    .split(/\btrading as\b/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Indexes Ofsted's owner names (as written, with the number of homes or rows behind each, for
 * choosing the spelling shown first).
 */
export function buildOwnerIndex(owners: Iterable<{ name: string; weight: number }>): OwnerIndex {
  const byKey = new Map<string, { entry: OwnerEntry; weights: Map<string, number> }>();
  for (const { name, weight } of owners) {
    const words = keyWords(name);
    const key = words.join("");
    if (key === "") continue;
    let slot = byKey.get(key);
    if (!slot) {
      slot = { entry: { key, names: [], companyNumbers: [], stem: stemOf(words) }, weights: new Map() };
      byKey.set(key, slot);
    }
    slot.weights.set(name, (slot.weights.get(name) ?? 0) + weight);
    for (const number of ownerRegistryNumbers(name))
      if (!slot.entry.companyNumbers.includes(number)) slot.entry.companyNumbers.push(number);
  }
  // A company group is made of companies: an owner none of whose spellings carries a company
  // suffix ("Priory School", "The Priory Federation of Academies") is not read as a member.
  for (const { entry, weights } of byKey.values())
    if (![...weights.keys()].some((n) => COMPANY_SUFFIX.test(normaliseOrganisationName(n)))) entry.stem = null;
  const entries = new Map<string, OwnerEntry>();
  const byCompanyNumber = new Map<string, OwnerEntry>();
  const stems = new Map<string, OwnerEntry[]>();
  for (const [key, { entry, weights }] of [...byKey].sort((a, b) => a[0].localeCompare(b[0]))) {
    entry.names = [...weights].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([n]) => n);
    entries.set(key, entry);
    for (const number of entry.companyNumbers) byCompanyNumber.set(number, entry);
    if (entry.stem) stems.set(entry.stem, [...(stems.get(entry.stem) ?? []), entry]);
  }
  const groups = new Map<string, OwnerEntry[]>();
  for (const [stem, members] of stems) {
    if (members.length >= GROUP_MIN_OWNERS) groups.set(stem, members);
    else for (const m of members) m.stem = null;
  }
  return { byKey: entries, byCompanyNumber, groups };
}

const quote = (s: string): string => `'${s}'`;

/** Links one supplier (its name as written and any company number its source gives). */
export function matchSupplier(
  supplier: { name: string; companyNumber?: string | null; charityNumber?: string | null },
  index: OwnerIndex,
): SupplierLink {
  for (const [kind, value] of [
    ["company", supplier.companyNumber],
    ["charity", supplier.charityNumber],
  ] as const) {
    const number = normaliseCompanyNumber(value);
    const owner = number ? index.byCompanyNumber.get(number) : undefined;
    if (owner)
      return {
        confidence: "company-number",
        owners: [owner],
        group: owner.stem ?? owner.key,
        reason: `${kind} number ${number} is the one Ofsted gives with owner ${quote(owner.names[0] ?? owner.key)}`,
      };
  }
  const words = keyWords(supplier.name);
  const key = words.join("");
  const exact = key ? index.byKey.get(key) : undefined;
  if (exact)
    return {
      confidence: "exact-normalised",
      owners: [exact],
      group: exact.stem ?? exact.key,
      reason: `name ${quote(supplier.name)} equals Ofsted owner ${quote(exact.names[0] ?? exact.key)} once case, punctuation, spacing and legal suffixes are folded`,
    };
  for (const part of tradingNameParts(supplier.name)) {
    const owner = index.byKey.get(linkKey(part));
    if (owner)
      return {
        confidence: "trading-name",
        owners: [owner],
        group: owner.stem ?? owner.key,
        reason: `the name ${quote(part)} in ${quote(supplier.name)} equals Ofsted owner ${quote(owner.names[0] ?? owner.key)}`,
      };
  }
  const stem = words[0];
  const members = stem ? index.groups.get(stem) : undefined;
  // Only a name that calls itself a group: "Aspire" or "Foster" alone is one business, not a chain.
  const saysGroup = /\b(group|holdings?)\b/.test(normaliseOrganisationName(supplier.name));
  if (stem && members && saysGroup && words.slice(1).every((w) => GROUP_WORDS.has(w)))
    return {
      confidence: "stem-group",
      owners: members,
      group: stem,
      reason: `${quote(supplier.name)} names the group whose ${members.length} Ofsted owners share the stem ${quote(stem)} (${members
        .slice(0, 3)
        .map((m) => quote(m.names[0] ?? m.key))
        .join(", ")}${members.length > 3 ? ", …" : ""})`,
    };
  return {
    confidence: "none",
    owners: [],
    group: null,
    reason: "no Ofsted owner with this name, number or group stem",
  };
}
