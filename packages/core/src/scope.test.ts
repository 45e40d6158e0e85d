import { describe, expect, it } from "vitest";
import { childrensScope, isChildrensNotice, type ScopeEvidence } from "./scope.js";

describe("childrensScope", () => {
  it.each<[ScopeEvidence, boolean, string]>([
    [{ category: "Passenger transport.Education  Special Needs", title: "Bus 3 - Holt" }, true, "K1"],
    [{ category: "Childrens services - fostering", title: "Placements" }, true, "K1"],
    [{ category: "HR - interim & temporary staff", directorate: "CHILDREN", title: "Data officer" }, false, "K2"],
    [
      { category: "Housing-related & floating support", directorate: "CHILDREN", title: "16 and 17 year olds" },
      true,
      "K3",
    ],
    [
      { category: "Adult care - nursing & residential", directorate: "COMMUNITY SERVICES", title: "Care homes" },
      false,
      "K4",
    ],
    [
      { category: "Information Communication Technology", title: "Children's social care case management" },
      false,
      "K2",
    ],
    [{ category: "Healthcare", title: "Integrated 0-19 Children's Health Service" }, false, "K4"],
    [{ title: "Salford Children\u0080\u0099s Rights Service" }, true, "K10"],
    [{ title: "Roofing works at Swan Lane First School", cpv: "45261000" }, false, "K5"],
    [{ title: "Barristers Framework - Lot 2: Children's Services" }, false, "K5"],
    [{ title: "Reducing Parenting Conflict Training" }, false, "K5"],
    [{ title: "Independent travel training for SEND pupils" }, true, "K9"],
    [{ title: "Client transport", description: "for the council's Adults & Childrens Services" }, false, "K6"],
    [
      { category: "Social Community Care Supplies & Services - Children", title: "Harmful Behaviour Project" },
      true,
      "K1",
    ],
    [{ title: "Young Persons Entrepreneur Programme", description: "for young people aged 16-24" }, false, "K6"],
    [{ title: "Apprentice Levy (L4 Data Analyst)", description: "for children's services staff" }, false, "K5"],
    [{ title: "Community Learning Framework", description: "learners aged 19+ and families" }, false, "K6"],
    [{ title: "0-19 Healthy Child Programme", description: "health visiting for children" }, false, "K7"],
    [{ title: "Lot 3", cpv: "85312120" }, true, "K8"],
    [{ title: "Residential Children&#039;s Homes Framework" }, true, "K9"],
    [{ title: "Placements for 0 - 25 years at schools and colleges" }, true, "K9"],
    [{ title: "Placements for 0 - 25 years", description: "call-off from a framework" }, true, "K10"],
    // Early-education places are education funding (definitional call, docs/methods.md).
    [
      { category: "Childrens services - playgroups & nurseries", directorate: "CHILDREN", title: "Pre-school" },
      false,
      "K11",
    ],
    [{ title: "Funded early education", description: "free early education for two-year-olds" }, false, "K11"],
    // A broad ProClass "- Children" category counts only when the text is no false friend.
    [
      { category: "Social Community Care Supplies & Services - Children", title: "Client Caseload Information System" },
      false,
      "K5",
    ],
    [
      { category: "Social Community Care Supplies & Services - Children", title: "Traineeship Development Fund" },
      false,
      "K6",
    ],
    [{ category: "Social Community Care Supplies & Services - Children", title: "Carer Support" }, true, "K1"],
    [{ title: "Community connection service", description: "for vulnerable adults aged 18 years plus" }, false, "K6"],
    [{ title: "Long Lane Recreation Ground BMX Track", description: "a play area for children" }, false, "K5"],
    // A council's whole passenger-transport DPS is no children's contract; a school route is.
    [{ title: "Provision of Passenger Transport Services - Dynamic Purchasing System" }, false, "K0"],
    [{ title: "Passenger transport DPS call-off: Woodbridge to Gusford Primary School" }, true, "K9"],
    [
      { title: "Taxi framework call-off", description: "passenger transport for children, young people and adults" },
      true,
      "K10",
    ],
    [{ title: "SEND tribunal advice" }, true, "K9"],
    [{ title: "Please send your quotation for office chairs" }, false, "K0"],
    [{ title: "Marketing partner to foster a paradigm shift in growth" }, false, "K0"],
    [{ title: "Nursing beds for older people", description: "residential care home beds" }, false, "K6"],
    [{ title: "Seafront attraction", description: "a day out for families" }, false, "K0"],
  ])("%j → %s (%s)", (evidence, childrens, rule) => {
    const decision = childrensScope(evidence);
    expect([decision.childrens, decision.rule]).toEqual([childrens, rule]);
    expect(decision.reason).toContain(`rule ${rule}`);
  });

  it("keeps a children's service when a works word sits beside it", () => {
    expect(childrensScope({ title: "Children's homes heating and care provision" }).childrens).toBe(true);
  });

  it("answers the positional form the same way", () => {
    expect(isChildrensNotice("85311300", "Lot 1", null)).toBe(true);
    expect(isChildrensNotice(null, "Office cleaning", null)).toBe(false);
  });
});
