/**
 * The classification rule table: every decision the warehouse writes into
 * supplier_ownership / commissioning_model names one of these rules. Rules are data — id,
 * stage, description, precedence, result and a condition — and are applied by the pure
 * functions in classify.ts, lowest precedence number first, first match wins. A condition
 * returns the evidence in words (for the reason column) or null when it does not apply.
 *
 * Change a rule → bump RULESET_VERSION: the version is written to build_log and
 * classification_rules so every number can be traced to the rules that produced it.
 */

import { SCOPE_RULES } from "../scope.js";
import type { CommissioningModel, ProcedureType, Sector, SpendOwnership, SupplierOwnership } from "../vocab.js";
import {
  type Arrangement,
  COUNCIL_OWNED_COMPANIES,
  councilCore,
  FOR_PROFIT_LEGAL_FORM,
  firstMatch,
  isCouncilName,
  isPublicBodyName,
  KNOWN_FOR_PROFIT,
  KNOWN_NOT_FOR_PROFIT,
  type LedgerCategoryMeaning,
  MAINTAINED_SCHOOL_NAME,
  NOT_FOR_PROFIT_REGISTRY_PREFIX,
  NOT_FOR_PROFIT_WORD,
  personalName,
  TRADING_NAME,
} from "./evidence.js";
import { normaliseOrganisationName } from "./normalise.js";
import { isCompetitive } from "./procedure.js";
import { describeServiceRules } from "./service.js";

export const RULESET_VERSION = "2026.12-3";

/** What the ownership rules can see about one supplier. */
export interface OwnershipFacts {
  supplierName: string;
  /** normaliseOrganisationName(supplierName) */
  name: string;
  isVcse: boolean | null;
  isSme: boolean | null;
  ledger: (LedgerCategoryMeaning & { raw: string }) | null;
  ofstedSector: Sector | null;
  /** Companies House number the source gives (normalised: 8 characters). */
  companyNumber: string | null;
  /** Charity Commission number the source gives. */
  charityNumber: string | null;
  /** The supplier's rows are passenger-transport or taxi routes (sole-trader operators are common). */
  transportOperator: boolean;
  /** The company number comes from a source that also records charity numbers. */
  companyNumberIsTelling: boolean;
}

/** What the model rules can see about one contract or spend line. */
export interface ModelFacts {
  buyerName: string;
  /** normaliseOrganisationName(buyerName) */
  buyer: string;
  supplierName: string;
  supplier: string;
  ownership: SupplierOwnership;
  ownershipRule: string;
  ownershipEvidence: string;
  procedure: ProcedureType;
  procedureLabel: string;
  arrangement: Arrangement | null;
  /** s251 / placement-spend ownership line, when the row is an aggregate, not a payment to a named supplier. */
  spendOwnership: SpendOwnership | null;
  /** The trust or company that delivered the council's children's services in the row's period. */
  deliveredBy: { label: string; councilOwned: boolean; from: string } | null;
}

interface RuleBase<Stage extends string, Facts, Result> {
  id: string;
  stage: Stage;
  description: string;
  /** Lower applies first; unique within a stage. */
  precedence: number;
  result: Result;
  condition: (facts: Facts) => string | null;
}
export type OwnershipRule = RuleBase<"ownership", OwnershipFacts, SupplierOwnership>;
export type ModelRule = RuleBase<"model", ModelFacts, CommissioningModel>;
export type ClassificationRule = OwnershipRule | ModelRule;

const q = (s: string) => `'${s}'`;

function ofstedRule(
  id: string,
  precedence: number,
  sectors: readonly Sector[],
  result: SupplierOwnership,
): OwnershipRule {
  return {
    id,
    stage: "ownership",
    precedence,
    result,
    description: `Supplier matches an Ofsted provider owner whose sector is ${sectors.join(" / ")} → ${result}.`,
    condition: (f) =>
      f.ofstedSector != null && sectors.includes(f.ofstedSector)
        ? `matches an Ofsted owner organisation with sector ${f.ofstedSector}`
        : null,
  };
}

/**
 * Whether the buyer can matter for this supplier: only public bodies and council-owned
 * companies can be "in-house". The warehouse uses this to keep the buyer out of the evidence
 * key for every other supplier (buyer × supplier would multiply the distinct combinations).
 */
export function supplierCouldBeInHouse(supplierName: string | null | undefined): boolean {
  const name = normaliseOrganisationName(supplierName);
  if (name === "") return false;
  return (
    isPublicBodyName(name) != null || isCouncilName(name) || COUNCIL_OWNED_COMPANIES.some((c) => c.name.test(name))
  );
}

/** Buyer and supplier are the same public body (the council paying itself or its own service). */
function sameCouncil(f: ModelFacts): string | null {
  if (f.supplier === "" || f.buyer === "") return null;
  if (isPublicBodyName(f.supplier) == null && !isCouncilName(f.supplier)) return null;
  if (f.supplier === f.buyer) return `supplier ${q(f.supplierName)} is the buyer`;
  if (!isCouncilName(f.supplier)) return null;
  const s = councilCore(f.supplierName);
  const b = councilCore(f.buyerName);
  return s !== "" && s === b ? `supplier ${q(f.supplierName)} is the buying council ${q(f.buyerName)}` : null;
}

function ownCompany(f: ModelFacts): string | null {
  if (f.supplier === "" || f.buyer === "") return null;
  for (const company of COUNCIL_OWNED_COMPANIES) {
    if (company.name.test(f.supplier) && company.owners.test(f.buyer)) {
      return `supplier ${q(f.supplierName)} is ${company.label}, wholly owned by the buying council`;
    }
  }
  return null;
}

function forProfitWith(procedures: (p: ProcedureType) => boolean, words: string) {
  return (f: ModelFacts): string | null =>
    f.ownership === "for-profit" && procedures(f.procedure) ? `for-profit supplier; ${words}` : null;
}

export const RULES: readonly ClassificationRule[] = [
  // ── Supplier ownership ────────────────────────────────────────────────────────────────
  {
    id: "O20",
    stage: "ownership",
    precedence: 5,
    result: "not-for-profit",
    description: "The source gives a registered charity number for the supplier.",
    condition: (f) => (f.charityNumber ? `registered charity number ${f.charityNumber}` : null),
  },
  {
    id: "O21",
    stage: "ownership",
    precedence: 6,
    result: "not-for-profit",
    description:
      "The source's registry number is a mutual society's or charitable incorporated organisation's (IP, RS, CE, CS prefixes).",
    condition: (f) => {
      const prefix = f.companyNumber?.slice(0, 2) ?? "";
      const form = NOT_FOR_PROFIT_REGISTRY_PREFIX[prefix];
      return form ? `registry number ${f.companyNumber} (${form})` : null;
    },
  },
  {
    id: "O1",
    stage: "ownership",
    precedence: 10,
    result: "not-for-profit",
    description: "The source flags the supplier as VCSE (OCDS details.vcse, CF vco, register VCSE supplier = Yes).",
    condition: (f) => (f.isVcse === true ? "source flags it as VCSE" : null),
  },
  {
    id: "O2",
    stage: "ownership",
    precedence: 11,
    result: "not-for-profit",
    description: "The council ledger's supplier category names a charity, CIC, voluntary, youth or church body.",
    condition: (f) =>
      f.ledger?.strong && f.ledger.ownership === "not-for-profit"
        ? `ledger supplier category ${q(f.ledger.raw)} (${f.ledger.label})`
        : null,
  },
  {
    id: "O3",
    stage: "ownership",
    precedence: 12,
    result: "public",
    description: "The council ledger's supplier category names a public body (WGA, university, parish).",
    condition: (f) =>
      f.ledger?.strong && f.ledger.ownership === "public"
        ? `ledger supplier category ${q(f.ledger.raw)} (${f.ledger.label})`
        : null,
  },
  {
    id: "O4",
    stage: "ownership",
    precedence: 20,
    result: "public",
    description:
      "The name is a public body's: council, NHS body, police, fire, university, academy trust, government department.",
    condition: (f) => {
      const word = isPublicBodyName(f.name);
      return word ? `name contains ${q(word)} (public body)` : null;
    },
  },
  {
    id: "O5",
    stage: "ownership",
    precedence: 21,
    result: "public",
    description: "The supplier is a known council-owned company (children's services trust or trading company).",
    condition: (f) => {
      const company = COUNCIL_OWNED_COMPANIES.find((c) => c.name.test(f.name));
      return company ? `is ${company.label}, a council-owned company` : null;
    },
  },
  {
    id: "O6",
    stage: "ownership",
    precedence: 30,
    result: "not-for-profit",
    description:
      "The supplier is a known charity or voluntary organisation (Barnardo's, Action for Children, NSPCC, …).",
    condition: (f) => {
      const word = firstMatch(KNOWN_NOT_FOR_PROFIT, f.name);
      return word ? `is the known not-for-profit ${q(word)}` : null;
    },
  },
  {
    id: "O7",
    stage: "ownership",
    precedence: 31,
    result: "not-for-profit",
    description:
      "The name carries a not-for-profit form or word: CIC, charity, trust, foundation, association, society, co-operative, mutual, church.",
    condition: (f) => {
      const word = firstMatch(NOT_FOR_PROFIT_WORD, f.name);
      return word ? `name contains ${q(word)} (not-for-profit form)` : null;
    },
  },
  {
    id: "O18",
    stage: "ownership",
    precedence: 32,
    result: "for-profit",
    description:
      "The supplier is a known private group in children's care, special schools or fostering (Priory, Aurora, Cambian, Witherslack, Outcomes First, Reed …) or one of its schools.",
    condition: (f) => {
      const word = firstMatch(KNOWN_FOR_PROFIT, f.name);
      return word ? `is the known private group '${word}'` : null;
    },
  },
  ofstedRule("O8", 40, ["Voluntary"], "not-for-profit"),
  ofstedRule("O9", 41, ["Local Authority", "Health Authority", "Academy"], "public"),
  ofstedRule("O10", 42, ["Private"], "for-profit"),
  {
    id: "O11",
    stage: "ownership",
    precedence: 50,
    result: "for-profit",
    description: "The council ledger's supplier category is a company form (LTD, PLC, LLP, sole trader, business).",
    condition: (f) =>
      f.ledger && !f.ledger.strong && f.ledger.ownership === "for-profit"
        ? `ledger supplier category ${q(f.ledger.raw)} (${f.ledger.label})`
        : null,
  },
  {
    id: "O12",
    stage: "ownership",
    precedence: 51,
    result: "for-profit",
    description: "The name carries a company legal form (Ltd, Limited, PLC, LLP, Inc, 't/a').",
    condition: (f) => {
      const word = firstMatch(FOR_PROFIT_LEGAL_FORM, f.name);
      return word ? `has legal form ${q(word === "ltd" ? "Ltd" : word.toUpperCase())}` : null;
    },
  },
  {
    id: "O15",
    stage: "ownership",
    precedence: 52,
    result: "for-profit",
    description:
      "The name is a trading name of a sole trader, partnership or small firm: taxis, cabs, cars, coaches, minibuses, travel, hire, '& Son(s)', 'Bros'.",
    condition: (f) => {
      const word = firstMatch(TRADING_NAME, f.name);
      return word ? `trading name with '${word}' (sole trader, partnership or firm)` : null;
    },
  },
  {
    id: "O16",
    stage: "ownership",
    precedence: 53,
    result: "for-profit",
    description:
      "The name is a person's ('J Smith', 'G J Bishop'; a first name and surname on transport routes): a sole trader.",
    condition: (f) => {
      const person = personalName(f.supplierName, f.transportOperator);
      return person ? `a personal name${f.transportOperator ? " on transport routes" : ""} (sole trader)` : null;
    },
  },
  {
    id: "O17",
    stage: "ownership",
    precedence: 55,
    result: "for-profit",
    description:
      "A source that records both company and charity numbers gives a Companies House number and no charity number, and nothing marks the company as a charity, CIC or public body. (A company number alone, from a source without a charity column, is not evidence: charitable companies have one.)",
    condition: (f) =>
      f.companyNumber && f.companyNumberIsTelling
        ? `registered company ${f.companyNumber} and no charity number where the source records them`
        : null,
  },
  {
    id: "O13",
    stage: "ownership",
    precedence: 60,
    result: "public",
    description:
      "The name is a maintained school's or academy's (primary, infant, high, C of E school, academy, federation).",
    condition: (f) => {
      const word = firstMatch(MAINTAINED_SCHOOL_NAME, f.name);
      return word ? `name contains ${q(word)} (maintained school or academy)` : null;
    },
  },
  {
    id: "O14",
    stage: "ownership",
    precedence: 70,
    result: "for-profit",
    description:
      "Weak: the source says the supplier is not a VCSE and nothing else is known; most such suppliers are companies. Not applied to schools and colleges (independent schools are often charities flagged non-VCSE).",
    condition: (f) =>
      f.isVcse === false && f.name !== "" && !/\b(school|college)\b/.test(f.name)
        ? "source flags it as not VCSE (weak evidence)"
        : null,
  },
  {
    id: "O99",
    stage: "ownership",
    precedence: 999,
    result: "unknown",
    description: "No ownership evidence (no name, or a name with no marker, flag or match).",
    condition: (f) => (f.name === "" ? "no supplier name" : "no ownership evidence in the name or source flags"),
  },

  // ── Commissioning model ───────────────────────────────────────────────────────────────
  {
    id: "T1",
    stage: "model",
    precedence: 5,
    result: "in-house",
    description:
      "Spend line for own provision or other public bodies by a council whose children's services a company it owns delivered in that period (a children's trust): provision by the council's own company, not public–public co-operation.",
    condition: (f) =>
      f.deliveredBy?.councilOwned && (f.spendOwnership === "other public" || f.spendOwnership === "own")
        ? `spend line '${f.spendOwnership}' while ${f.deliveredBy.label} (council-owned, from ${f.deliveredBy.from}) delivered the council's children's services`
        : null,
  },
  {
    id: "T2",
    stage: "model",
    precedence: 6,
    result: "unknown",
    description:
      "Spend line for own provision or other public bodies by a council whose children's services an independent trust delivered in that period: neither in-house nor co-operation between public bodies.",
    condition: (f) =>
      f.deliveredBy &&
      !f.deliveredBy.councilOwned &&
      (f.spendOwnership === "other public" || f.spendOwnership === "own")
        ? `spend line '${f.spendOwnership}' while ${f.deliveredBy.label} (an independent trust, from ${f.deliveredBy.from}) delivered the council's children's services`
        : null,
  },
  {
    id: "S1",
    stage: "model",
    precedence: 10,
    result: "in-house",
    description: "Spend line for the council's own provision (s251 'own provision', placements in own provision).",
    condition: (f) => (f.spendOwnership === "own" ? "spend line is the council's own provision" : null),
  },
  {
    id: "S2",
    stage: "model",
    precedence: 11,
    result: "market-led",
    description: "Spend line paid to private (for-profit) providers.",
    condition: (f) => (f.spendOwnership === "private" ? "spend line is paid to private providers" : null),
  },
  {
    id: "S3",
    stage: "model",
    precedence: 12,
    result: "cooperative",
    description: "Spend line paid to voluntary (not-for-profit) providers.",
    condition: (f) => (f.spendOwnership === "voluntary" ? "spend line is paid to voluntary providers" : null),
  },
  {
    id: "S4",
    stage: "model",
    precedence: 13,
    result: "cooperative",
    description: "Spend line paid to other public bodies (public–public co-operation).",
    condition: (f) => (f.spendOwnership === "other public" ? "spend line is paid to other public bodies" : null),
  },
  {
    id: "H1",
    stage: "model",
    precedence: 20,
    result: "in-house",
    description: "The supplier is the buying council itself.",
    condition: sameCouncil,
  },
  {
    id: "H2",
    stage: "model",
    precedence: 21,
    result: "in-house",
    description:
      "The supplier is a company wholly owned by the buying council (LA trading company or children's trust).",
    condition: ownCompany,
  },
  {
    id: "C1",
    stage: "model",
    precedence: 30,
    result: "cooperative",
    description: "Grant or grant agreement.",
    condition: (f) =>
      f.procedure === "grant"
        ? `procedure ${q(f.procedureLabel)} is a grant`
        : f.arrangement?.kind === "grant"
          ? `notice describes a ${q(f.arrangement.phrase)}`
          : null,
  },
  {
    id: "C2",
    stage: "model",
    precedence: 31,
    result: "cooperative",
    description: "Partnership, alliance or public–public co-operation agreement (section 75, MoU, Regulation 12).",
    condition: (f) => (f.arrangement?.kind === "partnership" ? `notice describes ${q(f.arrangement.phrase)}` : null),
  },
  {
    id: "C3",
    stage: "model",
    precedence: 32,
    result: "cooperative",
    description: "Contract reserved for mutuals or VCSE organisations (Regulation 77).",
    condition: (f) => (f.arrangement?.kind === "reserved" ? `notice describes ${q(f.arrangement.phrase)}` : null),
  },
  {
    id: "C4",
    stage: "model",
    precedence: 40,
    result: "cooperative",
    description: "Awarded to (or paid to) a not-for-profit supplier: charity, CIC, mutual, co-operative, VCSE.",
    condition: (f) => (f.ownership === "not-for-profit" ? "not-for-profit supplier" : null),
  },
  {
    id: "C5",
    stage: "model",
    precedence: 41,
    result: "cooperative",
    description:
      "Awarded to (or paid to) another public body: council, NHS, school, academy, university (public–public).",
    condition: (f) => (f.ownership === "public" ? "public-body supplier (public–public)" : null),
  },
  {
    id: "M1",
    stage: "model",
    precedence: 50,
    result: "market-led",
    description: "Competitive tender (open, restricted, negotiated) awarded to a for-profit supplier.",
    condition: forProfitWith(isCompetitive, "competitive tender"),
  },
  {
    id: "M2",
    stage: "model",
    precedence: 51,
    result: "market-led",
    description: "Call-off from a framework agreement or dynamic purchasing system awarded to a for-profit supplier.",
    condition: forProfitWith((p) => p === "framework call-off", "framework / DPS call-off"),
  },
  {
    id: "M3",
    stage: "model",
    precedence: 52,
    result: "market-led",
    description: "Direct award, single tender action or spot purchase from a for-profit supplier.",
    condition: forProfitWith((p) => p === "direct award", "direct award / single tender"),
  },
  {
    id: "M4",
    stage: "model",
    precedence: 53,
    result: "market-led",
    description:
      "Bought from a for-profit supplier by another or unstated route (quotation, register 'Other', ledger payment, spot purchase).",
    condition: forProfitWith((p) => p === "other" || p === "unknown", "purchase by another or unstated route"),
  },
  {
    id: "U1",
    stage: "model",
    precedence: 90,
    result: "unknown",
    description:
      "No supplier named (tender or planning notice, or redacted payee) and no grant or partnership evidence.",
    condition: (f) => (f.supplier === "" || f.supplier === "redacted under dp act" ? "no supplier named" : null),
  },
  {
    id: "U2",
    stage: "model",
    precedence: 99,
    result: "unknown",
    description: "Supplier ownership unknown, so the model cannot be decided.",
    condition: () => "supplier ownership unknown",
  },
];

export const OWNERSHIP_RULES: readonly OwnershipRule[] = RULES.filter(
  (r): r is OwnershipRule => r.stage === "ownership",
).sort((a, b) => a.precedence - b.precedence);
export const MODEL_RULES: readonly ModelRule[] = RULES.filter((r): r is ModelRule => r.stage === "model").sort(
  (a, b) => a.precedence - b.precedence,
);

/** The rule table as plain data (for the classification_rules table, the API and the methods page). */
export function describeRules(): Array<{
  ruleId: string;
  stage: string;
  description: string;
  result: string;
  precedence: number;
  rulesetVersion: string;
}> {
  const service = describeServiceRules().map((r, i) => ({
    ruleId: r.id,
    stage: "service",
    description: r.description,
    result: r.result,
    precedence: i + 1,
    rulesetVersion: RULESET_VERSION,
  }));
  return [
    ...[...OWNERSHIP_RULES, ...MODEL_RULES].map((r) => ({
      ruleId: r.id,
      stage: r.stage,
      description: r.description,
      result: r.result,
      precedence: r.precedence,
      rulesetVersion: RULESET_VERSION,
    })),
    ...service,
    ...SCOPE_RULES.map((r, i) => ({
      ruleId: r.id,
      stage: "scope",
      description: r.description,
      result: r.childrens ? "in scope" : "out of scope",
      precedence: i + 1,
      rulesetVersion: RULESET_VERSION,
    })),
  ];
}
