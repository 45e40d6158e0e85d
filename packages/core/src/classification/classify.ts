/**
 * Pure classifiers: evidence in, decision + rule id + human-readable reason out. They walk the
 * RULES table in precedence order; the first rule whose condition holds decides. No IO, so the
 * warehouse, the API and tests all get the same answer for the same evidence.
 */
import type { CommissioningModel, ProcedureType, Service, SpendOwnership, SupplierOwnership } from "../vocab.js";
import { SPEND_OWNERSHIPS } from "../vocab.js";
import { type Arrangement, detectArrangement, ledgerCategoryMeaning, type OfstedOwnerLookup } from "./evidence.js";
import { normaliseOrganisationName, organisationMatchKey } from "./normalise.js";
import { normaliseProcedure } from "./procedure.js";
import { MODEL_RULES, type ModelFacts, OWNERSHIP_RULES, type OwnershipFacts } from "./rules.js";
import { categoriseService } from "./service.js";

export interface OwnershipEvidence {
  supplierName?: string | null;
  /** OCDS details.scale 'sme' → true, 'large' → false; CSV "Is SME". */
  isSme?: boolean | null;
  /** OCDS details.vcse, CF OCDS 1.0 vco, CSV "Is VCSE", register "VCSE supplier". */
  isVcse?: boolean | null;
  /** Council ledger supplier category (e.g. Devon "Creditor Type": LTD, CHTY, CIC, WGA …). */
  ledgerCategory?: string | null;
  /** Ofsted owner organisation → sector, keyed by organisationMatchKey. */
  ofstedOwners?: OfstedOwnerLookup | null;
}

export interface OwnershipDecision {
  ownership: SupplierOwnership;
  rule: string;
  reason: string;
}

const quote = (s: string) => `'${s}'`;

export function ownershipFacts(evidence: OwnershipEvidence): OwnershipFacts {
  const supplierName = (evidence.supplierName ?? "").trim();
  const name = normaliseOrganisationName(supplierName);
  const meaning = ledgerCategoryMeaning(evidence.ledgerCategory);
  const key = organisationMatchKey(supplierName);
  return {
    supplierName,
    name,
    isVcse: evidence.isVcse ?? null,
    isSme: evidence.isSme ?? null,
    ledger: meaning && evidence.ledgerCategory ? { ...meaning, raw: evidence.ledgerCategory.trim() } : null,
    ofstedSector: key !== "" ? (evidence.ofstedOwners?.get(key) ?? null) : null,
  };
}

export function classifySupplierOwnership(evidence: OwnershipEvidence): OwnershipDecision {
  const facts = ownershipFacts(evidence);
  for (const rule of OWNERSHIP_RULES) {
    const why = rule.condition(facts);
    if (why != null) {
      const who = facts.supplierName === "" ? "supplier" : `supplier ${quote(facts.supplierName)}`;
      return { ownership: rule.result, rule: rule.id, reason: `${who}: ${why} → ${rule.result} (rule ${rule.id})` };
    }
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
  if (!ruleId.startsWith("S")) {
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
