export {
  type CommissioningEvidence,
  classifyCommissioningModel,
  classifyContract,
  classifySupplierOwnership,
  type ModelDecision,
  type OwnershipDecision,
  type OwnershipEvidence,
} from "./classify.js";
export {
  type Arrangement,
  type ArrangementKind,
  buildOfstedOwnerLookup,
  companyNumber,
  detectArrangement,
  isPlaceholderSupplier,
  ledgerCategoryMeaning,
  type OfstedOwnerLookup,
  personalName,
  SECTOR_OWNERSHIP,
} from "./evidence.js";
export { normaliseOrganisationName, organisationMatchKey } from "./normalise.js";
export { isCompetitive, normaliseProcedure, type ProcedureResult } from "./procedure.js";
export {
  type ClassificationRule,
  describeRules,
  MODEL_RULES,
  type ModelFacts,
  type ModelRule,
  OWNERSHIP_RULES,
  type OwnershipFacts,
  type OwnershipRule,
  RULES,
  RULESET_VERSION,
  supplierCouldBeInHouse,
} from "./rules.js";
export {
  categoriseService,
  classifyService,
  LEDGER_LINE_RULES,
  SERVICE_FALLBACK_RULE,
  SERVICE_RULES,
  type ServiceEvidence,
  type ServiceResult,
  type ServiceRule,
  serviceForLedgerLine,
  serviceReason,
} from "./service.js";
