import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeBytes, fileChecksum, listSourceFiles, sha256 } from "./files.js";

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

describe("fileChecksum", () => {
  it("streams the file and equals the in-memory SHA-256 (empty, small and multi-chunk files)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lens-checksum-"));
    try {
      for (const [name, bytes] of [
        ["empty", Buffer.alloc(0)],
        ["small", Buffer.from("URN,Local authority\n")],
        ["large", Buffer.alloc(3 * 1024 * 1024 + 17, 0x61)],
      ] as const) {
        const path = join(dir, name);
        await writeFile(path, bytes);
        expect(await fileChecksum(path)).toBe(sha256(bytes));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("listSourceFiles", () => {
  it("follows links to folders and files, walks a folder once and skips dangling links", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lens-list-"));
    try {
      const real = join(dir, "real");
      await mkdir(join(real, "ofsted"), { recursive: true });
      await writeFile(join(real, "ofsted", "a.csv"), "a\n");
      await writeFile(join(real, "b.csv"), "bb\n");
      const sources = join(dir, "sources");
      await mkdir(sources);
      await symlink(join(real, "ofsted"), join(sources, "ofsted"));
      await symlink(join(real, "b.csv"), join(sources, "b.csv"));
      await symlink(join(dir, "missing.csv"), join(sources, "gone.csv"));
      await symlink(sources, join(sources, "loop"));
      const files = await listSourceFiles(sources);
      expect(files.map((f) => [f.relativePath, f.size])).toEqual([
        ["b.csv", 3],
        ["ofsted/a.csv", 2],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
