import { describe, expect, it } from "vitest";
import { SCOPE_RULES } from "../scope.js";
import type { ProcedureType, Service, SupplierOwnership } from "../vocab.js";
import { classifyCommissioningModel, classifySupplierOwnership } from "./classify.js";
import { buildOfstedOwnerLookup, detectArrangement, isPlaceholderSupplier } from "./evidence.js";
import { normaliseOrganisationName } from "./normalise.js";
import { normaliseProcedure } from "./procedure.js";
import { describeRules, MODEL_RULES, OWNERSHIP_RULES, RULES, RULESET_VERSION } from "./rules.js";
import { categoriseService, classifyService, describeServiceRules } from "./service.js";

describe("normaliseOrganisationName", () => {
  it.each([
    ["Acme Care Ltd", "acme care ltd"],
    ["ACME CARE LIMITED", "acme care ltd"],
    ["Acme Care Ltd.", "acme care ltd"],
    ["Horizon Care & Education Group Ltd", "horizon care and education group ltd"],
    ["Barnardo’s", "barnardos"],
    ["Barnardo&apos;s", "barnardos"],
    ["LEAVING CARE COMPANY THE", "leaving care company"],
    ["UOW831 High Level Cleaning - AWARD", "uow831 high level cleaning"],
    ["YOUNG DEVON (IVYBRIDGE)****5215", "young devon ivybridge"],
    ["Eat That Frog Community Interest Company", "eat that frog cic"],
    ["Axis Europe Public Limited Company", "axis europe plc"],
    ["  Extra   Spaces  ", "extra spaces"],
    [null, ""],
  ])("%s → %s", (input, expected) => {
    expect(normaliseOrganisationName(input)).toBe(expected);
  });
});

describe("normaliseProcedure", () => {
  it.each<[string | null, string | null, ProcedureType]>([
    ["open", "Open procedure", "open"],
    [null, "Open procedure (below threshold)", "open"],
    [null, "OpenNonOJEU ", "open"],
    ["open", "Open procedu    re", "open"],
    ["open", "Below threshold - open competition", "open"],
    ["selective", "Restricted procedure", "restricted"],
    [null, "Other - Restricted procedure, below threshold", "restricted"],
    ["selective", "Call-off from a framework agreement", "framework call-off"],
    [null, "CallOffFromFrameworkAgreement ", "framework call-off"],
    ["selective", "Call-off from a dynamic purchasing system", "framework call-off"],
    [null, "Other - Direct Award from a Framework Contract", "framework call-off"],
    [null, "Other - Further Competition - Framework", "framework call-off"],
    ["direct", "Single tender action (below threshold)", "direct award"],
    ["direct", "Direct award", "direct award"],
    ["limited", "Negotiated procedure without prior publication (above threshold)", "direct award"],
    [null, "Award of contract without prior publication of a contract notice", "direct award"],
    ["selective", "Competitive procedure with negotiation (above threshold)", "negotiated"],
    ["selective", "Competitive dialogue", "negotiated"],
    [null, "Negotiated procedure", "negotiated"],
    [null, "Other: Direct Grant Agreements", "grant"],
    [null, "grant agreement", "grant"],
    ["limited", "Competitive quotation (below threshold)", "other"],
    [null, "Invitation to quote", "other"],
    [null, "Invitation to tender", "open"],
    [null, "Other - ", "other"],
    ["open", "Other - ", "open"],
    [null, "Not specified", "unknown"],
    [null, "Not applicable", "unknown"],
    ["selective", "Not specified", "restricted"],
    [null, null, "unknown"],
    [null, "", "unknown"],
  ])("%s / %s → %s", (method, detail, expected) => {
    expect(normaliseProcedure(method, detail).procedure).toBe(expected);
  });
});

describe("categoriseService", () => {
  it.each<[string | null, string | null, string | null, Service]>([
    [null, "Short Breaks (Play & Leisure) and Domiciliary Care", null, "short breaks"],
    [null, "Foster care for children and young people - rolling list", null, "fostering"],
    [
      null,
      "CF452 - Additional Support for 16 and 17 year olds",
      "supported accommodation for care leavers",
      "care leavers",
    ],
    [null, "HCC08/24 - Emergency Residential Placements for Children", null, "residential care"],
    [null, "Mill House CF708 Residential Childrens Home - Rolling", null, "residential care"],
    [null, "RCC-1118-S-DPS Home to School DPS", null, "SEND and transport"],
    [null, "Gretton School (out of county SEN) CF639", null, "SEND and transport"],
    [null, "CF419 - Youth and Community Work Provision Lot 4", null, "youth"],
    [null, "Childrens services - family & parenting support", null, "family support"],
    ["85311000", "Placements", null, "residential care"],
    ["60130000", "Lot 1a - Up to 8 passenger seats", null, "SEND and transport"],
    ["85312120", "Lot 3", null, "short breaks"],
    ["45000000", "Demolition services Farm Road", null, "other"],
    [null, null, null, "other"],
  ])("%s / %s → %s", (cpv, title, description, expected) => {
    expect(categoriseService(cpv, title, description).service).toBe(expected);
  });
});

describe("self-declared flags against other evidence", () => {
  it("a taxi firm flagged VCSE is for-profit, and the conflict is recorded", () => {
    const d = classifySupplierOwnership({ supplierName: "fast-cabs", isVcse: true });
    expect([d.ownership, d.rule]).toEqual(["for-profit", "O15"]);
    expect(d.conflict).toContain("flags it as VCSE");
  });

  it("a charity flagged not VCSE stays a charity, with the conflict recorded", () => {
    const d = classifySupplierOwnership({ supplierName: "Young Minds Trust", isVcse: false });
    expect(d.ownership).toBe("not-for-profit");
    expect(d.conflict).toContain("not VCSE");
  });

  it("a VCSE flag with nothing against it decides", () => {
    const d = classifySupplierOwnership({ supplierName: "Pathways", isVcse: true });
    expect([d.ownership, d.rule, d.conflict]).toEqual(["not-for-profit", "O1", null]);
  });
});

describe("placeholders are not suppliers", () => {
  it.each([
    ["TBC", true],
    ["Not awarded", true],
    ["Various Providers", true],
    ["N/A", true],
    ["N/A event day", true],
    ["Unknown", true],
    ["Multiple suppliers", true],
    ["See attached", true],
    ["Variety Club", false],
    ["N A S Services Ltd", false],
    ["#N/A", true],
    ["Acme Care Ltd", false],
  ])("%s → %s", (name, expected) => {
    expect(isPlaceholderSupplier(name)).toBe(expected);
  });
});

describe("classifyService", () => {
  it.each<[Parameters<typeof classifyService>[0], Service, string]>([
    [{ category: "Passenger transport.Education  Special Needs", title: "Bus 3 - Holt" }, "SEND and transport", "SC1"],
    [{ category: "Passenger transport.Education Mainstream", title: "Route 12" }, "SEND and transport", "SC1"],
    [{ category: "Childrens services – fostering", title: "Placements" }, "fostering", "SC2"],
    [{ category: "Childrens services - residential homes & schools", title: "Spot" }, "residential care", "SC6"],
    [{ category: "Childrens services - playgroups & nurseries", title: "Pre-school" }, "other", "SC10"],
    [
      { category: "Childrens services - residential homes & schools", title: "Out of County Schools" },
      "SEND and transport",
      "SC6a",
    ],
    [{ category: "Childrens services - positive activities", title: "CF417 Youth & Community Work" }, "youth", "SC8a"],
    [{ category: "Childrens services - positive activities", title: "Musical support" }, "short breaks", "SC8"],
    [{ title: "Residential & Fostering Placements" }, "residential care", "ST2"],
    [{ cpv: "60130000", title: "Residential placements" }, "SEND and transport", "SP2"],
    [{ cpv: "85311000", title: "Short breaks for disabled children" }, "short breaks", "ST1"],
    [{ title: "Residential Children&#039;s Homes Framework" }, "residential care", "ST2"],
    [{ title: "SEND transport framework" }, "SEND and transport", "ST5"],
    [{ title: "Group Based Activities for Children with Disabilities" }, "short breaks", "ST1"],
    [{ title: "Youth Club, Sports and Trips for Young People with a Disability" }, "short breaks", "ST1"],
    [{ title: "Dynamic Purchasing System for Alternative Education" }, "SEND and transport", "ST5"],
    [{ title: "Targeted support for young people - Connexions" }, "youth", "ST6"],
    [{ title: "Children\u0080\u0099s Centre Services" }, "family support", "ST7"],
    [{ title: "Please send your quotation for office chairs" }, "other", "SV0"],
    [{ title: "PLEASE SEND YOUR QUOTE" }, "other", "SV0"],
    [{ title: "Consultancy to foster a paradigm shift in growth" }, "other", "SV0"],
    [{ title: "Fostering collaboration across the business hub" }, "other", "SV0"],
    [{ title: "Nursing beds for older people in residential care homes" }, "other", "SV0"],
    [{ title: "Placements", description: "Independent fostering agency placements" }, "fostering", "SD4"],
    [{ title: "Specialist Youth club and Holiday Provision for Young People with Autism" }, "short breaks", "ST1"],
    [{ title: "Greater Manchester Residential Framework" }, "residential care", "ST2"],
    [{ title: "Care homes residential framework for older people" }, "other", "SV0"],
    // A youth justice service's "16-17" is not the care-leavers age band.
    [{ title: "Targeted CAMHS for Children (16-17) Youth Justice Service" }, "youth", "ST8"],
    [{ title: "Supported accommodation for 16-17 year olds" }, "care leavers", "ST3"],
    [{ title: "NEPO Placements for 0 - 25 years in Schools and Colleges" }, "SEND and transport", "ST5"],
    [{ title: "Services within Children and Family Centres" }, "family support", "ST7"],
  ])("%j → %s (%s)", (evidence, service, rule) => {
    const result = classifyService(evidence);
    expect([result.service, result.rule]).toEqual([service, rule]);
  });
});

describe("detectArrangement", () => {
  it.each([
    ["Section 75 agreement for CAMHS", "partnership"],
    ["Provider alliance for children's mental health", "partnership"],
    ["Memorandum of Understanding with Torbay", "partnership"],
    ["Grant agreement - youth clubs", "grant"],
    ["Reserved contract under Regulation 77", "reserved"],
    ["Partnership working with schools", null],
    ["Disabled Facilities Grant adaptations framework", null],
  ])("%s → %s", (text, kind) => {
    expect(detectArrangement(text)?.kind ?? null).toBe(kind);
  });
});

describe("RULES table", () => {
  it("has unique ids and unique precedence within each stage", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const stage of [OWNERSHIP_RULES, MODEL_RULES]) {
      const precedences = stage.map((r) => r.precedence);
      expect(new Set(precedences).size).toBe(precedences.length);
    }
    // Service rules join the table (stage 'service') beside ownership and model rules.
    expect(describeRules()).toHaveLength(RULES.length + describeServiceRules().length + SCOPE_RULES.length);
    expect(describeRules().every((r) => r.rulesetVersion === RULESET_VERSION && r.description.length > 10)).toBe(true);
  });

  it("ends each stage with a catch-all that yields unknown", () => {
    expect(OWNERSHIP_RULES.at(-1)?.result).toBe("unknown");
    expect(MODEL_RULES.at(-1)?.result).toBe("unknown");
  });
});

describe("classifySupplierOwnership: one case per rule, in precedence order", () => {
  const ofsted = buildOfstedOwnerLookup([
    { ownerName: "Keys Group", sector: "Private" },
    { ownerName: "Break", sector: "Voluntary" },
    { ownerName: "Sunfield Children's Homes Limited", sector: "Voluntary" },
    { ownerName: "Aycliffe Secure Centre", sector: "Local Authority" },
    { ownerName: "Ambiguous Care", sector: "Private" },
    { ownerName: "Ambiguous Care", sector: "Voluntary" },
  ]);
  it.each<[string, Parameters<typeof classifySupplierOwnership>[0], SupplierOwnership]>([
    ["O1", { supplierName: "Landmark International School", isVcse: true }, "not-for-profit"],
    ["O2", { supplierName: "MARY HARE SCHOOL", ledgerCategory: "CHTY" }, "not-for-profit"],
    ["O3", { supplierName: "BABCOCK LEARNING & DEVELOPMENT", ledgerCategory: "WGA" }, "public"],
    ["O4", { supplierName: "Somerset NHS Foundation Trust", isVcse: false }, "public"],
    ["O4", { supplierName: "ACE SCHOOLS MULTI ACADEMY TRUST" }, "public"],
    ["O5", { supplierName: "Achieving for Children" }, "public"],
    ["O6", { supplierName: "ACTION FOR CHILDREN", ledgerCategory: "LTD" }, "not-for-profit"],
    ["O6", { supplierName: "Barnardo's" }, "not-for-profit"],
    ["O7", { supplierName: "LIFEWORKS CHARITY LTD" }, "not-for-profit"],
    ["O7", { supplierName: "Eat That Frog C.I.C." }, "not-for-profit"],
    ["O7", { supplierName: "London & Quadrant Housing Trust" }, "not-for-profit"],
    ["O8", { supplierName: "BREAK", ofstedOwners: ofsted }, "not-for-profit"],
    ["O9", { supplierName: "AYCLIFFE SECURE CENTRE", ofstedOwners: ofsted }, "public"],
    ["O10", { supplierName: "Keys Group", ofstedOwners: ofsted }, "for-profit"],
    ["O11", { supplierName: "NATIONAL FOSTERING AGENCY", ledgerCategory: "LTD" }, "for-profit"],
    ["O12", { supplierName: "Acme Care Limited" }, "for-profit"],
    ["O12", { supplierName: "Trustmarque Solutions Limited" }, "for-profit"],
    ["O13", { supplierName: "Acle Primary School" }, "public"],
    ["O13", { supplierName: "The Valley Federation" }, "public"],
    // "Federation of …" is an association (here a community charity), not a school federation.
    ["O99", { supplierName: "The Federation of Jewish Services" }, "unknown"],
    // A taxi firm's trading name now decides before the weak "not VCSE" flag (rule O15).
    ["O15", { supplierName: "A1 Taxis", isVcse: false, isSme: true }, "for-profit"],
    ["O14", { supplierName: "Blue Sky Consulting", isVcse: false, isSme: true }, "for-profit"],
    ["O15", { supplierName: "Smiths Coaches" }, "for-profit"],
    ["O15", { supplierName: "A & B Travel" }, "for-profit"],
    ["O15", { supplierName: "Bloggs & Son" }, "for-profit"],
    ["O16", { supplierName: "J Smith" }, "for-profit"],
    ["O16", { supplierName: "G J Bishop" }, "for-profit"],
    ["O16", { supplierName: "Jane Smith", transportOperator: true }, "for-profit"],
    ["O99", { supplierName: "Jane Smith" }, "unknown"],
    ["O20", { supplierName: "Acme Care Limited", charityNumber: "1098765" }, "not-for-profit"],
    ["O21", { supplierName: "Riverside Housing", companyNumber: "IP12345R" }, "not-for-profit"],
    ["O17", { supplierName: "Acme Placements", companyNumber: "01234567", companyNumberIsTelling: true }, "for-profit"],
    // A company number from a source with no charity column: charitable companies have one too.
    ["O99", { supplierName: "Acme Placements", companyNumber: "01234567" }, "unknown"],
    ["O21", { supplierName: "Riverside Living Ltd", companyNumber: "20014R" }, "not-for-profit"],
    ["O18", { supplierName: "MARK COLLEGE (PRIORY)" }, "for-profit"],
    ["O18", { supplierName: "Aurora Fairway School" }, "for-profit"],
    ["O18", { supplierName: "Reed Community Social Care" }, "for-profit"],
    ["O99", { supplierName: "Kings Ely School", isVcse: false }, "unknown"],
    // A register's company-number column holding a charity number ("CHA…") is a charity number.
    ["O20", { supplierName: "Special Spirits", companyNumber: "CHA1165823" }, "not-for-profit"],
    // An Ofsted owner matches with plurals folded ("Home Ltd" / "Homes Limited").
    ["O8", { supplierName: "Sunfield Childrens Home Ltd", ofstedOwners: ofsted }, "not-for-profit"],
    // "Mini Bus" written as two words is the same trading name, and outranks a VCSE flag.
    ["O15", { supplierName: "Ian Evans Mini Bus Services", isVcse: true }, "for-profit"],
    ["O99", { supplierName: "Ambiguous Care", ofstedOwners: ofsted }, "unknown"],
    ["O99", { supplierName: null }, "unknown"],
  ])("%s: %j", (rule, evidence, ownership) => {
    const decision = classifySupplierOwnership(evidence);
    expect([decision.rule, decision.ownership]).toEqual([rule, ownership]);
    expect(decision.reason).toContain(`rule ${rule}`);
  });
});

describe("classifyCommissioningModel: one case per rule", () => {
  it.each<[string, Parameters<typeof classifyCommissioningModel>[0], string]>([
    ["S1", { spendOwnership: "own" }, "in-house"],
    ["S2", { spendOwnership: "private" }, "market-led"],
    ["S3", { spendOwnership: "voluntary" }, "cooperative"],
    ["S4", { spendOwnership: "other public" }, "cooperative"],
    ["H1", { buyerName: "Devon County Council", supplierName: "DEVON COUNTY COUNCIL" }, "in-house"],
    ["H1", { buyerName: "Devon County Council", supplierName: "DEVON COUNTY COUNCL (FINANCE)" }, "in-house"],
    [
      "H2",
      { buyerName: "Royal Borough of Kingston upon Thames", supplierName: "Achieving for Children CIC" },
      "in-house",
    ],
    ["H2", { buyerName: "Norfolk County Council", supplierName: "NORSE EASTERN LIMITED" }, "in-house"],
    ["C1", { supplierName: "Acme Care Ltd", procurementMethodDetail: "Other: Direct Grant Agreements" }, "cooperative"],
    ["C2", { supplierName: "Acme Care Ltd", title: "Provider alliance for children's mental health" }, "cooperative"],
    [
      "C3",
      { supplierName: "Acme Care Ltd", description: "This is a reserved contract under Regulation 77." },
      "cooperative",
    ],
    [
      "C4",
      { supplierName: "Barnardo's", procurementMethod: "open", procurementMethodDetail: "Open procedure" },
      "cooperative",
    ],
    ["C5", { buyerName: "Devon County Council", supplierName: "Torbay Council" }, "cooperative"],
    [
      "M1",
      { supplierName: "Acme Care Ltd", procurementMethod: "open", procurementMethodDetail: "Open procedure" },
      "market-led",
    ],
    [
      "M2",
      { supplierName: "Acme Care Ltd", procurementMethodDetail: "Call-off from a framework agreement" },
      "market-led",
    ],
    [
      "M3",
      { supplierName: "Acme Care Ltd", procurementMethodDetail: "Single tender action (below threshold)" },
      "market-led",
    ],
    ["M4", { supplierName: "Acme Care Ltd", procurementMethodDetail: "Other" }, "market-led"],
    ["M4", { supplierName: "Acme Care Ltd" }, "market-led"],
    ["U1", { buyerName: "Devon County Council", procurementMethodDetail: "Open procedure" }, "unknown"],
    ["U1", { supplierName: "REDACTED UNDER DP ACT", ledgerCategory: "INDV" }, "unknown"],
    ["U2", { supplierName: "Mystery Provider", procurementMethodDetail: "Open procedure" }, "unknown"],
  ])("%s: %j", (rule, evidence, model) => {
    const decision = classifyCommissioningModel(evidence);
    expect([decision.rule, decision.model]).toEqual([rule, model]);
    expect(decision.reason).toContain(`rule ${rule}`);
  });

  it("writes a reason a researcher can check", () => {
    const decision = classifyCommissioningModel({
      supplierName: "Acme Care Ltd",
      procurementMethod: "open",
      procurementMethodDetail: "Open procedure",
    });
    expect(decision.reason).toBe(
      "supplier 'Acme Care Ltd': has legal form 'Ltd' → for-profit (rule O12); procedure 'Open procedure' → open; rule M1: for-profit supplier; competitive tender → market-led",
    );
  });
});
