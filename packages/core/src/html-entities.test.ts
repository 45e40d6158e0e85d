import { describe, expect, it } from "vitest";
import { decodeHtmlEntities } from "./html-entities.js";

describe("decodeHtmlEntities", () => {
  it.each([
    ["Children&#039;s homes", "Children's homes"],
    ["Children&apos;s", "Children's"],
    ["Fostering &amp; adoption", "Fostering & adoption"],
    ["&quot;Short breaks&quot;", '"Short breaks"'],
    ["2019 &#8211; 2021", "2019 – 2021"],
    ["&pound;5 and &#xA3;6", "£5 and £6"],
    ["caf&eacute;", "café"],
    ["a&nbsp;b", "a b"],
  ])("decodes %s", (raw, decoded) => {
    expect(decodeHtmlEntities(raw)).toBe(decoded);
  });

  it("decodes text escaped twice (Contracts Finder's &amp;#039;)", () => {
    expect(decodeHtmlEntities("Young People&amp;#039;s Service")).toBe("Young People's Service");
    expect(decodeHtmlEntities("A &amp;amp; B")).toBe("A & B");
  });

  it("leaves ampersands that are not entities as written", () => {
    expect(decodeHtmlEntities("R&D and AT&T")).toBe("R&D and AT&T");
    expect(decodeHtmlEntities("&notanentity; x")).toBe("&notanentity; x");
  });
});
