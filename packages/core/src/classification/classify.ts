/**
 * Pure classifiers: evidence in, decision + rule id + human-readable reason out. They walk the
 * RULES table in precedence order; the first rule whose condition holds decides. No IO, so the
 * warehouse, the API and tests all get the same answer for the same evidence.
 */
import type { CommissioningModel, ProcedureType, Service, SpendOwnership, SupplierOwnership } from "../vocab.js";
import { SPEND_OWNERSHIPS } from "../vocab.js";
import {
  type Arrangement,
  charityNumberInCompanyField,
  companyNumber,
  detectArrangement,
  ledgerCategoryMeaning,
  type OfstedOwnerLookup,
  ofstedOwnerKey,
} from "./evidence.js";
import { normaliseOrganisationName } from "./normalise.js";
import { normaliseProcedure } from "./procedure.js";
import { MODEL_RULES, type ModelFacts, OWNERSHIP_RULES, type OwnershipFacts, type OwnershipRule } from "./rules.js";
import { categoriseService } from "./service.js";

export interface OwnershipEvidence {
  supplierName?: string | null;
  /** OCDS details.scale 'sme' → true, 'large' → false; CSV "Is SME". */
  isSme?: boolean | null;
  /** OCDS details.vcse, CF OCDS 1.0 vco, CSV "Is VCSE", register "VCSE supplier". */
  isVcse?: boolean | null;
  /** Council ledger supplier category (e.g. Devon "Creditor Type": LTD, CHTY, CIC, WGA …). */
  ledgerCategory?: string | null;
  /** Ofsted owner organisation → sector, keyed by ofstedOwnerKey. */
  ofstedOwners?: OfstedOwnerLookup | null;
  /** Registry numbers the source gives (Companies House, Charity Commission). */
  companyNumber?: string | null;
  charityNumber?: string | null;
  /** The supplier's rows are passenger-transport or taxi routes. */
  transportOperator?: boolean | null;
  /**
   * The company number comes from a source that records charity numbers too, so the absence of
   * one is evidence; from a source with only a company column (charitable companies have company
   * numbers), a company number alone says nothing about profit.
   */
  companyNumberIsTelling?: boolean | null;
}

export interface OwnershipDecision {
  ownership: SupplierOwnership;
  rule: string;
  reason: string;
  /** Set when a self-declared flag contradicts the evidence that decided (shown, not hidden). */
  conflict: string | null;
}

/** Rules strong enough to overrule a self-declared VCSE flag: a taxi or coach firm's trading name, a person's name. */
const OVERRULES_VCSE_FLAG = new Set(["O15", "O16"]);
/** The not-for-profit rules a "not VCSE" flag contradicts. */
const CONTRADICTS_NOT_VCSE = new Set(["O20", "O21", "O6", "O7"]);

const quote = (s: string) => `'${s}'`;

export function ownershipFacts(evidence: OwnershipEvidence): OwnershipFacts {
  const supplierName = (evidence.supplierName ?? "").trim();
  const name = normaliseOrganisationName(supplierName);
  const meaning = ledgerCategoryMeaning(evidence.ledgerCategory);
  const key = ofstedOwnerKey(supplierName);
  return {
    supplierName,
    name,
    isVcse: evidence.isVcse ?? null,
    isSme: evidence.isSme ?? null,
    ledger: meaning && evidence.ledgerCategory ? { ...meaning, raw: evidence.ledgerCategory.trim() } : null,
    ofstedSector: key !== "" ? (evidence.ofstedOwners?.get(key) ?? null) : null,
    companyNumber: companyNumber(evidence.companyNumber),
    charityNumber:
      evidence.charityNumber?.trim().replace(/\s+/g, "") || charityNumberInCompanyField(evidence.companyNumber) || null,
    transportOperator: evidence.transportOperator === true,
    companyNumberIsTelling: evidence.companyNumberIsTelling === true,
  };
}

export function classifySupplierOwnership(evidence: OwnershipEvidence): OwnershipDecision {
  const facts = ownershipFacts(evidence);
  const who = facts.supplierName === "" ? "supplier" : `supplier ${quote(facts.supplierName)}`;
  const decide = (rule: OwnershipRule, why: string, conflict: string | null): OwnershipDecision => ({
    ownership: rule.result,
    rule: rule.id,
    reason: `${who}: ${why} → ${rule.result} (rule ${rule.id})${conflict ? `; conflict: ${conflict}` : ""}`,
    conflict,
  });
  for (const rule of OWNERSHIP_RULES) {
    const why = rule.condition(facts);
    if (why == null) continue;
    if (rule.id === "O1") {
      // A self-declared VCSE flag does not outrank a taxi firm's or a person's name: the
      // stronger evidence decides and the disagreement is recorded.
      for (const other of OWNERSHIP_RULES) {
        if (!OVERRULES_VCSE_FLAG.has(other.id)) continue;
        const otherWhy = other.condition(facts);
        if (otherWhy != null) return decide(other, otherWhy, `the source flags it as VCSE, but ${otherWhy}`);
      }
    }
    const conflict =
      facts.isVcse === false && CONTRADICTS_NOT_VCSE.has(rule.id)
        ? `the source flags it as not VCSE, but ${why}`
        : null;
    return decide(rule, why, conflict);
  }
  // Unreachable: O99 always matches. Kept loud rather than silently defaulting.
  throw new Error("classification: no ownership rule matched (the catch-all rule O99 is missing)");
}

export interface CommissioningEvidence extends OwnershipEvidence {
  buyerName?: string | null;
  procurementMethod?: string | null;
  procurementMethodDetail?: string | null;
  /** Already-normalised procedure, when the caller has it (skips normaliseProcedure). */
  procedureType?: ProcedureType | null;
  title?: string | null;
  description?: string | null;
  /** Already-detected arrangement (grant / partnership / reserved), when the caller has it. */
  arrangement?: Arrangement | null;
  /** s251 / placement-spend ownership: own, private, voluntary, other public. */
  spendOwnership?: string | null;
  /** Already-decided supplier ownership, when the caller has it. */
  ownership?: OwnershipDecision | null;
  /** The trust or company delivering the council's children's services in the row's period (spend). */
  deliveredBy?: { label: string; councilOwned: boolean; from: string } | null;
}

export interface ModelDecision {
  model: CommissioningModel;
  rule: string;
  reason: string;
  ownership: OwnershipDecision;
  procedureType: ProcedureType;
}

function asSpendOwnership(value: string | null | undefined): SpendOwnership | null {
  if (!value) return null;
  const v = value.trim().toLowerCase();
  return (SPEND_OWNERSHIPS as readonly string[]).includes(v) ? (v as SpendOwnership) : null;
}

export function classifyCommissioningModel(evidence: CommissioningEvidence): ModelDecision {
  const ownership = evidence.ownership ?? classifySupplierOwnership(evidence);
  const procedureType =
    evidence.procedureType ??
    normaliseProcedure(evidence.procurementMethod, evidence.procurementMethodDetail).procedure;
  const procedureLabel = (evidence.procurementMethodDetail ?? evidence.procurementMethod ?? "").trim();
  const arrangement =
    evidence.arrangement !== undefined
      ? evidence.arrangement
      : detectArrangement(evidence.title, evidence.procurementMethodDetail, evidence.description);
  const buyerName = (evidence.buyerName ?? "").trim();
  const supplierName = (evidence.supplierName ?? "").trim();
  const facts: ModelFacts = {
    buyerName,
    buyer: normaliseOrganisationName(buyerName),
    supplierName,
    supplier: normaliseOrganisationName(supplierName),
    ownership: ownership.ownership,
    ownershipRule: ownership.rule,
    ownershipEvidence: ownership.reason,
    procedure: procedureType,
    procedureLabel: procedureLabel === "" ? procedureType : procedureLabel,
    arrangement,
    spendOwnership: asSpendOwnership(evidence.spendOwnership),
    deliveredBy: evidence.deliveredBy ?? null,
  };
  for (const rule of MODEL_RULES) {
    const why = rule.condition(facts);
    if (why == null) continue;
    return {
      model: rule.result,
      rule: rule.id,
      reason: explain(facts, rule.id, rule.result, why, ownership),
      ownership,
      procedureType,
    };
  }
  throw new Error("classification: no model rule matched (the catch-all rule U2 is missing)");
}

/**
 * "supplier 'Acme Care Ltd': has legal form 'Ltd' → for-profit (rule O12); procedure
 * 'Open procedure' → open; rule M1: for-profit supplier; competitive tender → market-led"
 */
function explain(
  f: ModelFacts,
  ruleId: string,
  model: CommissioningModel,
  why: string,
  ownership: OwnershipDecision,
): string {
  const parts: string[] = [];
  if (!ruleId.startsWith("S") && !ruleId.startsWith("T")) {
    if (f.supplierName !== "") parts.push(ownership.reason);
    if (f.procedureLabel !== "unknown" || ruleId.startsWith("M")) {
      parts.push(`procedure ${quote(f.procedureLabel)} → ${f.procedure}`);
    }
  }
  parts.push(`rule ${ruleId}: ${why} → ${model}`);
  return parts.join("; ");
}

/** Convenience for one contract row: procedure, service and model together. */
export function classifyContract(
  evidence: CommissioningEvidence & { cpv?: string | null },
): ModelDecision & { service: Service } {
  const decision = classifyCommissioningModel(evidence);
  return { ...decision, service: categoriseService(evidence.cpv, evidence.title, evidence.description).service };
}
