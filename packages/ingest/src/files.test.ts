import { describe, expect, it } from "vitest";
import { decodeBytes } from "./files.js";

describe("decodeBytes", () => {
  it("strips a UTF-8 byte order mark", () => {
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ text: "A", encoding: "utf-8-bom" });
  });
  it("falls back to Windows-1252, mapping curly quotes and dashes (not C1 controls)", () => {
    const bytes = Uint8Array.from([...Buffer.from("Children"), 0x92, 0x73, 0x20, 0x96, 0x20, 0xa0, 0xe9, 0x80]);
    expect(decodeBytes(bytes)).toEqual({ text: "Children’s – \u00a0é€", encoding: "windows-1252" });
  });
  it("keeps valid UTF-8 as it is", () => {
    expect(decodeBytes(Buffer.from("Children’s home"))).toEqual({ text: "Children’s home", encoding: "utf-8" });
  });
});
