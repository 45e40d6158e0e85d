import { describe, expect, it } from "vitest";
import { CHILDRENS_SERVICES_TRUSTS, classifyBuyer, councilCodeForBuyer, trustStartFor } from "./buyers.js";

describe("councilCodeForBuyer: upper-tier council spellings", () => {
  it.each([
    ["Hertfordshire County Council - Children's Services", "919"],
    ["Hertfordshire County Council – Children&#039;s Services", "919"],
    ["Warwickshire County Council (WCC)", "937"],
    ["The Borough Council of Bolton", "350"],
    ["Borough Council of Bolton", "350"],
    ["London Borough of Merton", "315"],
    ["Royal Borough of Greenwich", "203"],
    ["City of Bradford Metropolitan District Council", "380"],
    ["Bradford Metropolitan District Council", "380"],
    ["Stockton Borough Council", "808"],
    ["City of London Corporation", "201"],
    ["Blackpool Borough Council Trading Standards", "890"],
    ["Walsall Council e-Tendering", "335"],
    ["Norfolk County Council", "926"],
    ["Borough Council of King's Lynn & West Norfolk", undefined],
    ["Chorley Borough Council", undefined],
    ["Coventry - Solihull - Warwickshire", undefined],
  ])("%s → %s", (name, code) => {
    expect(councilCodeForBuyer(name)).toBe(code);
  });
});

describe("classifyBuyer", () => {
  it("records a portal as a portal, not a council", () => {
    expect(classifyBuyer("DUE NORTH LIMITED")).toMatchObject({ kind: "portal", laCode: null });
    expect(classifyBuyer("IN-TEND LIMITED")).toMatchObject({ kind: "portal", laCode: null });
    expect(classifyBuyer("BIP SOLUTIONS LIMITED")).toMatchObject({ kind: "portal", laCode: null });
  });

  it("takes the council a portal or consortium notice names in its title", () => {
    const decision = classifyBuyer("Welland Procurement", {
      title: "Rutland County Council Tender for Home to School Transport Routes 2020",
    });
    expect(decision).toMatchObject({ kind: "procurement consortium", laCode: "857" });
    expect(decision.reason).toContain("Rutland County Council");
  });

  it("reads 'City of X' in a portal notice's title as the council", () => {
    const title = "City of Westminster Passenger Transport Taxi Services Framework - Call-Off Route";
    expect(classifyBuyer("DUE NORTH LIMITED", { title })).toMatchObject({ kind: "portal", laCode: "213" });
  });

  it("does not read a bare place name in a title as the buyer", () => {
    expect(classifyBuyer("ESPO", { title: "Furniture for schools in Leicestershire" }).laCode).toBeNull();
  });

  it("names a council's children's trust and its council", () => {
    expect(classifyBuyer("DONCASTER CHILDREN'S SERVICES TRUST LIMITED")).toMatchObject({
      kind: "children's trust",
      laCode: "371",
    });
    expect(classifyBuyer("Achieving for Children")).toMatchObject({ kind: "children's trust", laCode: null });
  });

  it("keeps lower-tier councils apart from the 153", () => {
    expect(classifyBuyer("Preston City Council")).toMatchObject({ kind: "lower-tier council", laCode: null });
  });
});

describe("children's services trusts: facts and the names that recognise them", () => {
  it.each(CHILDRENS_SERVICES_TRUSTS.map((t) => [t.label]))("recognises %s by its own name", (label) => {
    expect(classifyBuyer(label).kind).toBe("children's trust");
  });

  it("dates a council that joined a body later from the day it joined", () => {
    const afc = CHILDRENS_SERVICES_TRUSTS.find((t) => t.id === "achieving-for-children")!;
    expect(trustStartFor(afc, "318")).toBe("2014-04-01");
    expect(trustStartFor(afc, "868")).toBe("2017-08-01");
  });
});
