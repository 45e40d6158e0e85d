/** The matcher on handmade owner lists: each confidence, its reason, and the near misses it must refuse. */
import { describe, expect, it } from "vitest";
import {
  buildOwnerIndex,
  linkKey,
  matchSupplier,
  ownerRegistryNumbers,
  tradingNameParts,
} from "./supplier-owner-links-match.js";

const index = buildOwnerIndex(
  [
    "Keys Child Care Limited",
    "Keys Child Care Ltd",
    "Keys Care Limited",
    "Keys Education Ltd",
    "Keystone Staffordshire Ltd",
    "Homes 2 Inspire Limited",
    "Homes2inspire Limited",
    "Priory Education Services Limited 06244880",
    "Priory New Education Services Limited 07221650",
    "Priory School",
    "The Priory Federation of Academies",
    "Hatols Fostering Services Ltd (Co Number 08016114)",
    "Disability Challengers 04300724, 1095134",
    "Cambian Childcare Ltd",
    "Care Ltd",
    "Care Homes Ltd",
    "Foster Care Associates Limited",
    "Foster Cares Limited",
  ].map((name) => ({ name, weight: 1 })),
);

describe("supplier ↔ Ofsted owner matching", () => {
  it("folds case, punctuation, spacing, legal suffixes and 'the'", () => {
    expect(linkKey("KEYS CHILD CARE LTD.")).toBe(linkKey("Keys Child Care Limited"));
    expect(linkKey("Homes 2 Inspire Ltd")).toBe(linkKey("Homes2inspire Limited"));
    expect(linkKey("The Priory Federation of Academies")).toBe(linkKey("Priory Federation Of Academies"));
    const m = matchSupplier({ name: "KEYS CHILD CARE LTD" }, index);
    expect(m.confidence).toBe("exact-normalised");
    expect(m.owners.flatMap((o) => o.names).sort()).toEqual(["Keys Child Care Limited", "Keys Child Care Ltd"]);
    expect(m.reason).toContain("legal suffixes");
  });

  it("takes registry numbers out of owner names and matches them", () => {
    expect(ownerRegistryNumbers("Hatols Fostering Services Ltd (Co Number 08016114)")).toEqual(["8016114"]);
    expect(ownerRegistryNumbers("Disability Challengers 04300724, 1095134")).toEqual(["4300724", "1095134"]);
    expect(matchSupplier({ name: "Priory Education Services Ltd" }, index).confidence).toBe("exact-normalised");
    const byNumber = matchSupplier({ name: "HATOLS LTD", companyNumber: "08016114" }, index);
    expect(byNumber.confidence).toBe("company-number");
    expect(byNumber.reason).toContain("8016114");
    expect(matchSupplier({ name: "Challengers", charityNumber: "1095134" }, index).confidence).toBe("company-number");
  });

  it("tries each part of a trading name", () => {
    expect(tradingNameParts("Acme Ltd t/a Cambian Childcare")).toEqual(["acme ltd", "cambian childcare"]);
    const m = matchSupplier({ name: "Acme Holdings Ltd trading as Cambian Childcare" }, index);
    expect(m.confidence).toBe("trading-name");
    expect(m.owners[0]?.names).toEqual(["Cambian Childcare Ltd"]);
  });

  it("links a group that calls itself one to every company sharing its stem", () => {
    const keys = matchSupplier({ name: "Keys Group Ltd" }, index);
    expect(keys.confidence).toBe("stem-group");
    expect(keys.group).toBe("keys");
    // Keystone is another word, not a Keys company.
    expect(keys.owners.flatMap((o) => o.names).sort()).toEqual([
      "Keys Care Limited",
      "Keys Child Care Limited",
      "Keys Child Care Ltd",
      "Keys Education Ltd",
    ]);
    // Priory School and the Priory Federation of Academies are not companies: not members.
    const priory = matchSupplier({ name: "Priory Group" }, index);
    expect(priory.owners.flatMap((o) => o.names).sort()).toEqual([
      "Priory Education Services Limited 06244880",
      "Priory New Education Services Limited 07221650",
    ]);
  });

  it("refuses what only looks alike", () => {
    // One word that is not a group's name, a common first word, a longer name under a stem, a former name.
    expect(matchSupplier({ name: "Keys" }, index).confidence).toBe("none");
    expect(matchSupplier({ name: "Foster Group" }, index).confidence).toBe("none");
    expect(matchSupplier({ name: "Care Partners Group Ltd" }, index).confidence).toBe("none");
    expect(matchSupplier({ name: "Keys Transport Ltd" }, index).confidence).toBe("none");
    expect(matchSupplier({ name: "Keys Care (formerly BetterCare Keys Limited)" }, index).owners[0]?.names).toEqual([
      "Keys Care Limited",
    ]);
    const none = matchSupplier({ name: "Acme Taxis" }, index);
    expect(none).toMatchObject({ confidence: "none", owners: [], group: null });
  });
});
