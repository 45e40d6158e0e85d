/**
 * Hand-labelled real examples: buyers, suppliers, procedures and flags as they appear in
 * ../shared/data/procurement (Contracts Finder OCDS 2025, Norfolk's 2015 contract register,
 * Devon's spend-over-£500 ledger and grants, the Lancashire CF extract). The label is what the
 * organisation actually is (from its name, registration and public record), NOT what the
 * rules say — so the test measures the rules, and known misses stay visible.
 *
 * Precision floors (asserted below), and why:
 * - decided ownership classes ≥ 0.80 and model classes ≥ 0.85. The weak rule O14 ("source
 *   says not VCSE") is right for most CF suppliers but wrong for independent-school charities
 *   flagged non-VCSE; we accept that cost for coverage, and the floor stops it getting worse.
 * - `unknown` is not a claim, so it has no precision; its share is printed and capped (≤ 25%)
 *   so coverage cannot silently collapse.
 */
import { describe, expect, it } from "vitest";
import type { CommissioningModel, SupplierOwnership } from "../vocab.js";
import { classifyCommissioningModel } from "./classify.js";

interface LabelledCase {
  source: "cf-ocds-2025" | "norfolk-register" | "devon-ledger" | "devon-grants" | "cf-lancashire";
  buyer: string;
  supplier: string;
  method?: string | null;
  detail?: string | null;
  isSme?: boolean | null;
  isVcse?: boolean | null;
  ledger?: string | null;
  ownership: SupplierOwnership;
  model: CommissioningModel;
}

const DEVON = "Devon County Council";
const NORFOLK = "Norfolk County Council";
const CAMBS = "Cambridgeshire County Council";

export const LABELLED: readonly LabelledCase[] = [
  // Contracts Finder OCDS 2025 (parties[].details.scale / vcse; tender.procurementMethod[Details])
  {
    source: "cf-ocds-2025",
    buyer: "London Borough of Merton",
    supplier: "Marstons holdings plc",
    method: "direct",
    detail: "Direct award",
    isSme: false,
    isVcse: false,
    ownership: "for-profit",
    model: "market-led",
  },
  {
    source: "cf-ocds-2025",
    buyer: "London Borough of Merton",
    supplier: "Commonplace Digital Ltd.",
    method: "open",
    detail: "Open procedure",
    isSme: true,
    isVcse: false,
    ownership: "for-profit",
    model: "market-led",
  },
  {
    source: "cf-ocds-2025",
    buyer: "Ministry of Defence",
    supplier: "KPMG LLP",
    detail: "Other - Direct Award from a Framework Contract",
    isSme: false,
    isVcse: false,
    ownership: "for-profit",
    model: "market-led",
  },
  {
    source: "cf-ocds-2025",
    buyer: "Welland Procurement Unit",
    supplier: "24x7",
    method: "selective",
    detail: "Call-off from a dynamic purchasing system",
    isSme: true,
    isVcse: false,
    ownership: "for-profit",
    model: "market-led",
  },
  {
    source: "cf-ocds-2025",
    buyer: "Welland Procurement Unit",
    supplier: "A1 Taxis",
    method: "selective",
    detail: "Call-off from a dynamic purchasing system",
    isSme: true,
    isVcse: false,
    ownership: "for-profit",
    model: "market-led",
  },
  {
    source: "cf-ocds-2025",
    buyer: "Durham University",
    supplier: "Nanometrics Inc.",
    method: "limited",
    detail: "Negotiated procedure without prior publication (above threshold)",
    isSme: false,
    isVcse: false,
    ownership: "for-profit",
    model: "market-led",
  },
  {
    source: "cf-ocds-2025",
    buyer: "The Police and Crime Commissioner for Bedfordshire",
    supplier: "One YMCA",
    method: "open",
    detail: "Open procedure (above threshold)",
    isSme: false,
    isVcse: null,
    ownership: "not-for-profit",
    model: "cooperative",
  },
  {
    source: "cf-ocds-2025",
    buyer: "Ofcom",
    supplier: "Cabinet Office",
    method: "direct",
    detail: "Single tender action (below threshold)",
    isSme: false,
    isVcse: false,
    ownership: "public",
    model: "cooperative",
  },
  {
    source: "cf-ocds-2025",
    buyer: "North Yorkshire Council",
    supplier: "King James's School",
    method: "direct",
    detail: "Single tender action (below threshold)",
    isSme: true,
    isVcse: false,
    ownership: "public",
    model: "cooperative",
  },
  {
    source: "cf-ocds-2025",
    buyer: "Cheshire west and Chester Borough Council",
    supplier: "Local Government Association",
    detail: "Other - ",
    isSme: false,
    isVcse: false,
    ownership: "public",
    model: "cooperative",
  },
  {
    source: "cf-ocds-2025",
    buyer: "The North Yorkshire Council",
    supplier: "Independent Care Group",
    method: "open",
    detail: "Open procedure",
    isSme: false,
    isVcse: false,
    ownership: "not-for-profit",
    model: "cooperative",
  },
  {
    source: "cf-ocds-2025",
    buyer: "Hertfordshire County Council - Children's Services",
    supplier: "CF Contact and Support Services Limited",
    method: "open",
    detail: "Open procedure",
    ownership: "for-profit",
    model: "market-led",
  },
  {
    source: "cf-ocds-2025",
    buyer: "EU SUPPLY LIMITED",
    supplier: "Independent Domestic Abuse Services (IDAS)",
    detail: "Other - other",
    isSme: false,
    isVcse: false,
    ownership: "not-for-profit",
    model: "cooperative",
  },
  {
    source: "cf-ocds-2025",
    buyer: "Department for Environment, Food & Rural Affairs",
    supplier: "University of Exeter",
    method: "selective",
    detail: "Call-off from a framework agreement",
    ownership: "public",
    model: "cooperative",
  },
  {
    source: "cf-ocds-2025",
    buyer: CAMBS,
    supplier: "Outcomes First Group",
    method: "open",
    detail: "Open procedure",
    isSme: false,
    isVcse: false,
    ownership: "for-profit",
    model: "market-led",
  },
  {
    source: "cf-ocds-2025",
    buyer: CAMBS,
    supplier: "Polaris Children's Services",
    method: "open",
    detail: "Open procedure",
    isSme: false,
    isVcse: false,
    ownership: "for-profit",
    model: "market-led",
  },
  {
    source: "cf-ocds-2025",
    buyer: CAMBS,
    supplier: "Aurora Group",
    method: "open",
    detail: "Open procedure",
    isSme: false,
    isVcse: false,
    ownership: "for-profit",
    model: "market-led",
  },
  {
    source: "cf-ocds-2025",
    buyer: CAMBS,
    supplier: "DPS Education Ltd (Tudor Lodge Therapeutic School)",
    method: "open",
    detail: "Open procedure",
    isSme: false,
    isVcse: false,
    ownership: "for-profit",
    model: "market-led",
  },
  {
    source: "cf-ocds-2025",
    buyer: CAMBS,
    supplier: "Red Balloon Cambridge",
    method: "open",
    detail: "Open procedure",
    isSme: false,
    isVcse: false,
    ownership: "not-for-profit",
    model: "cooperative",
  },
  {
    source: "cf-ocds-2025",
    buyer: CAMBS,
    supplier: "Royal School for the Deaf Derby",
    method: "open",
    detail: "Open procedure",
    isSme: false,
    isVcse: false,
    ownership: "not-for-profit",
    model: "cooperative",
  },
  {
    source: "cf-ocds-2025",
    buyer: CAMBS,
    supplier: "Kings Ely School",
    method: "open",
    detail: "Open procedure",
    isSme: false,
    isVcse: false,
    ownership: "not-for-profit",
    model: "cooperative",
  },
  {
    source: "cf-ocds-2025",
    buyer: "Bath and North East Somerset Council",
    supplier: "Stand Against Racism & Inequality (SARI)",
    method: "open",
    detail: "Open procedure",
    isSme: true,
    isVcse: true,
    ownership: "not-for-profit",
    model: "cooperative",
  },
  {
    source: "cf-ocds-2025",
    buyer: "Bath and North East Somerset Council",
    supplier: "Black Families Education Support Group",
    method: "open",
    detail: "Open procedure",
    isSme: true,
    isVcse: true,
    ownership: "not-for-profit",
    model: "cooperative",
  },
  {
    source: "cf-ocds-2025",
    buyer: "Leicestershire County Council",
    supplier: "Bleep 360 Care Ltd",
    method: "direct",
    detail: "Direct award",
    isSme: true,
    isVcse: false,
    ownership: "for-profit",
    model: "market-led",
  },
  {
    source: "cf-ocds-2025",
    buyer: "Royal Borough of Greenwich",
    supplier: "SDK (Environmental) Ltd",
    method: "open",
    detail: "Open procedure",
    isSme: true,
    isVcse: false,
    ownership: "for-profit",
    model: "market-led",
  },
  {
    source: "cf-ocds-2025",
    buyer: "Department for Business and Trade",
    supplier: "University of Cumbria",
    method: "selective",
    detail: "Call-off from a dynamic purchasing system",
    isSme: false,
    isVcse: false,
    ownership: "public",
    model: "cooperative",
  },
  {
    source: "cf-ocds-2025",
    buyer: "Westmorland and Furness Council",
    supplier: "ph travel",
    method: "open",
    detail: "Open procedure",
    isSme: true,
    isVcse: false,
    ownership: "for-profit",
    model: "market-led",
  },
  {
    source: "cf-ocds-2025",
    buyer: "Southampton City Council",
    supplier: "PwC (PricewaterhouseCoopers)",
    method: "selective",
    detail: "Call-off from a framework agreement",
    isSme: false,
    isVcse: false,
    ownership: "for-profit",
    model: "market-led",
  },
  {
    source: "cf-ocds-2025",
    buyer: "Durham County Council",
    supplier: "Caring For Care Limited",
    method: "open",
    detail: "Open procedure",
    isSme: false,
    isVcse: false,
    ownership: "for-profit",
    model: "market-led",
  },

  // Norfolk contract register 2015 (Tender process type; VCSE supplier = Yes or blank)
  {
    source: "norfolk-register",
    buyer: NORFOLK,
    supplier: "NORTH LYNN DISCOVERY LIMITED",
    detail: "Invitation to tender",
    isVcse: true,
    ownership: "not-for-profit",
    model: "cooperative",
  },
  {
    source: "norfolk-register",
    buyer: NORFOLK,
    supplier: "PARKSIDE FEDERATION ACADEMIES",
    detail: "Other",
    ownership: "public",
    model: "cooperative",
  },
  {
    source: "norfolk-register",
    buyer: NORFOLK,
    supplier: "FOUNDATION FOR YOUNG MUSICIANS",
    detail: "Invitation to tender",
    ownership: "not-for-profit",
    model: "cooperative",
  },
  {
    source: "norfolk-register",
    buyer: NORFOLK,
    supplier: "KINGS LYNN & WEST NORFOLK BOROUGH COUNCIL",
    detail: "Other",
    ownership: "public",
    model: "cooperative",
  },
  {
    source: "norfolk-register",
    buyer: NORFOLK,
    supplier: "YMCA NORFOLK (CENTRAL YMCA NORWICH)",
    detail: "Other",
    isVcse: true,
    ownership: "not-for-profit",
    model: "cooperative",
  },
  {
    source: "norfolk-register",
    buyer: NORFOLK,
    supplier: "KEYS GROUP",
    detail: "Invitation to tender",
    ownership: "for-profit",
    model: "market-led",
  },
  {
    source: "norfolk-register",
    buyer: NORFOLK,
    supplier: "FOSTER CARE CO-OPERATIVE, THE",
    detail: "Invitation to tender",
    ownership: "not-for-profit",
    model: "cooperative",
  },
  {
    source: "norfolk-register",
    buyer: NORFOLK,
    supplier: "NORSE EASTERN LIMITED",
    detail: "Other",
    ownership: "public",
    model: "in-house",
  },
  {
    source: "norfolk-register",
    buyer: NORFOLK,
    supplier: "THE RYES COLLEGE LIMITED",
    detail: "Invitation to tender",
    ownership: "for-profit",
    model: "market-led",
  },
  {
    source: "norfolk-register",
    buyer: NORFOLK,
    supplier: "BEAMS FAMILY SERVICES LTD",
    detail: "Invitation to quote",
    ownership: "for-profit",
    model: "market-led",
  },
  {
    source: "norfolk-register",
    buyer: NORFOLK,
    supplier: "CAPITA RESOURCING LTD T/AS VEREDUS",
    detail: "Other",
    ownership: "for-profit",
    model: "market-led",
  },
  {
    source: "norfolk-register",
    buyer: NORFOLK,
    supplier: "GREAT YARMOUTH & WAVENEY CONTACT FOR SPECIAL NEEDS HELP",
    detail: "Other",
    isVcse: true,
    ownership: "not-for-profit",
    model: "cooperative",
  },
  {
    source: "norfolk-register",
    buyer: NORFOLK,
    supplier: "STUBBS HOUSE CHILDRENS CARE LIMITED",
    detail: "Other",
    ownership: "for-profit",
    model: "market-led",
  },

  // Devon spend over £500, children's lines (Creditor Type as the ledger category)
  {
    source: "devon-ledger",
    buyer: DEVON,
    supplier: "CAMBIAN CHILDCARE LTD",
    ledger: "LTD",
    ownership: "for-profit",
    model: "market-led",
  },
  {
    source: "devon-ledger",
    buyer: DEVON,
    supplier: "ACTION FOR CHILDREN",
    ledger: "LTD",
    ownership: "not-for-profit",
    model: "cooperative",
  },
  {
    source: "devon-ledger",
    buyer: DEVON,
    supplier: "FOSTER CARE ASSOCIATES LTD",
    ledger: "BUSN",
    ownership: "for-profit",
    model: "market-led",
  },
  {
    source: "devon-ledger",
    buyer: DEVON,
    supplier: "YOUNG DEVON",
    ledger: "CHTY",
    ownership: "not-for-profit",
    model: "cooperative",
  },
  {
    source: "devon-ledger",
    buyer: DEVON,
    supplier: "TORBAY COUNCIL FINANCE",
    ledger: "WGA",
    ownership: "public",
    model: "cooperative",
  },
  {
    source: "devon-ledger",
    buyer: DEVON,
    supplier: "EAT THAT FROG CIC",
    ledger: "CIC",
    ownership: "not-for-profit",
    model: "cooperative",
  },
  {
    source: "devon-ledger",
    buyer: DEVON,
    supplier: "UNIVERSITY OF EXETER-FINANCE OFF",
    ledger: "UNI",
    ownership: "public",
    model: "cooperative",
  },
  {
    source: "devon-ledger",
    buyer: DEVON,
    supplier: "LIFEWORKS CHARITY LTD",
    ledger: "LTD",
    ownership: "not-for-profit",
    model: "cooperative",
  },
  {
    source: "devon-ledger",
    buyer: DEVON,
    supplier: "UNITED RESPONSE SERVICES LTD",
    ledger: "B",
    ownership: "not-for-profit",
    model: "cooperative",
  },
  {
    source: "devon-ledger",
    buyer: DEVON,
    supplier: "NATIONAL FOSTERING AGENCY",
    ledger: "LTD",
    ownership: "for-profit",
    model: "market-led",
  },
  {
    source: "devon-ledger",
    buyer: DEVON,
    supplier: "ACE SCHOOLS MULTI ACADEMY TRUST",
    ledger: "WGA",
    ownership: "public",
    model: "cooperative",
  },
  {
    source: "devon-ledger",
    buyer: DEVON,
    supplier: "DEVON YOUTH ASSOCIATION",
    ledger: "YTH",
    ownership: "not-for-profit",
    model: "cooperative",
  },
  {
    source: "devon-ledger",
    buyer: DEVON,
    supplier: "PLYMOUTH CITY COUNCIL(RADIUS A/C",
    ledger: "WGA",
    ownership: "public",
    model: "cooperative",
  },
  {
    source: "devon-ledger",
    buyer: DEVON,
    supplier: "CAPSTONE FOSTER CARE(STHWEST)LTD",
    ledger: "LTD",
    ownership: "for-profit",
    model: "market-led",
  },
  {
    source: "devon-ledger",
    buyer: DEVON,
    supplier: "CORE ASSETS FOSTERING LTD",
    ledger: "BUSN",
    ownership: "for-profit",
    model: "market-led",
  },

  // Devon grants to the community and voluntary sector (procedure: grant)
  {
    source: "devon-grants",
    buyer: DEVON,
    supplier: "EXMOUTH GATEWAY CLUB",
    detail: "Grant",
    ownership: "not-for-profit",
    model: "cooperative",
  },
  {
    source: "devon-grants",
    buyer: DEVON,
    supplier: "SOUTH HAMS CVS",
    detail: "Grant",
    ownership: "not-for-profit",
    model: "cooperative",
  },
  {
    source: "devon-grants",
    buyer: DEVON,
    supplier: "IVYBRIDGE STREET PASTORS",
    detail: "Grant",
    ownership: "not-for-profit",
    model: "cooperative",
  },

  // Lancashire councils' CF notices (awarded_to_sme only; no procedure)
  {
    source: "cf-lancashire",
    buyer: "Lancashire County Council",
    supplier: "Child Action North West",
    isSme: false,
    ownership: "not-for-profit",
    model: "cooperative",
  },
  {
    source: "cf-lancashire",
    buyer: "BLACKPOOL BOROUGH COUNCIL",
    supplier: "Innovate Therapeutic Care Limited",
    isSme: true,
    ownership: "for-profit",
    model: "market-led",
  },
  {
    source: "cf-lancashire",
    buyer: "Blackburn With Darwen Borough Council",
    supplier: "Kip McGrath Blackburn",
    isSme: true,
    ownership: "for-profit",
    model: "market-led",
  },
];

interface ClassStats {
  predicted: number;
  correct: number;
  labelled: number;
}

function precisionTable<C extends string>(pairs: ReadonlyArray<{ label: C; predicted: C }>, classes: readonly C[]) {
  const stats = new Map<C, ClassStats>(classes.map((c) => [c, { predicted: 0, correct: 0, labelled: 0 }]));
  for (const { label, predicted } of pairs) {
    const p = stats.get(predicted);
    const l = stats.get(label);
    if (p) p.predicted += 1;
    if (l) l.labelled += 1;
    if (p && label === predicted) p.correct += 1;
  }
  return [...stats].map(([cls, s]) => ({
    class: cls,
    labelled: s.labelled,
    predicted: s.predicted,
    correct: s.correct,
    precision: s.predicted === 0 ? null : Number((s.correct / s.predicted).toFixed(3)),
    recall: s.labelled === 0 ? null : Number((s.correct / s.labelled).toFixed(3)),
  }));
}

const results = LABELLED.map((c) => {
  const decision = classifyCommissioningModel({
    buyerName: c.buyer,
    supplierName: c.supplier,
    procurementMethod: c.method ?? null,
    procurementMethodDetail: c.detail ?? null,
    isSme: c.isSme ?? null,
    isVcse: c.isVcse ?? null,
    ledgerCategory: c.ledger ?? null,
  });
  return { case: c, decision };
});

describe("labelled sample of real buyers, suppliers and procedures", () => {
  it("has at least 40 hand-labelled cases from several sources", () => {
    expect(LABELLED.length).toBeGreaterThanOrEqual(40);
    expect(new Set(LABELLED.map((c) => c.source)).size).toBeGreaterThanOrEqual(4);
  });

  it("meets the precision floor for supplier ownership", () => {
    const table = precisionTable(
      results.map((r) => ({ label: r.case.ownership, predicted: r.decision.ownership.ownership })),
      ["for-profit", "not-for-profit", "public", "unknown"] as const,
    );
    console.log("Supplier ownership on the labelled sample (n = %d)", LABELLED.length);
    console.table(table);
    const misses = results.filter((r) => r.case.ownership !== r.decision.ownership.ownership);
    console.log(
      misses
        .map((m) => `  ${m.case.supplier}: labelled ${m.case.ownership}, got ${m.decision.ownership.reason}`)
        .join("\n"),
    );
    for (const row of table) {
      if (row.class === "unknown" || row.predicted === 0) continue;
      expect(row.precision, `${row.class} precision`).toBeGreaterThanOrEqual(0.8);
    }
    const unknownShare = results.filter((r) => r.decision.ownership.ownership === "unknown").length / results.length;
    expect(unknownShare).toBeLessThanOrEqual(0.25);
  });

  it("meets the precision floor for the commissioning model", () => {
    const table = precisionTable(
      results.map((r) => ({ label: r.case.model, predicted: r.decision.model })),
      ["market-led", "cooperative", "in-house", "unknown"] as const,
    );
    console.log("Commissioning model on the labelled sample (n = %d)", LABELLED.length);
    console.table(table);
    for (const row of table) {
      if (row.class === "unknown" || row.predicted === 0) continue;
      expect(row.precision, `${row.class} precision`).toBeGreaterThanOrEqual(0.85);
    }
    const unknownShare = results.filter((r) => r.decision.model === "unknown").length / results.length;
    expect(unknownShare).toBeLessThanOrEqual(0.25);
  });
});
