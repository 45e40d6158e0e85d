/**
 * File discovery and decoding. Source files mix UTF-8 (with and without BOM) and
 * Windows-1252; decoding tries strict UTF-8 first and falls back to Windows-1252, whose few
 * non-ASCII characters (en dash, curly quote, non-breaking space) then decode correctly.
 */
import { createHash } from "node:crypto";
import { open, readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import type { SourceFile } from "./types.js";

export async function listSourceFiles(dir: string): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  async function walk(current: string): Promise<void> {
    const entries = await readdir(current, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const full = join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        const info = await stat(full);
        out.push({ path: full, relativePath: relative(dir, full).split("\\").join("/"), size: info.size });
      }
    }
  }
  await walk(dir);
  return out;
}

export type TextEncoding = "utf-8" | "utf-8-bom" | "windows-1252";

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    return { text, encoding: hasBom ? "utf-8-bom" : "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(body), encoding: "windows-1252" };
  }
}

export async function readTextFile(path: string): Promise<DecodedText & { checksum: string }> {
  const bytes = await readFile(path);
  return { ...decodeBytes(bytes), checksum: sha256(bytes) };
}

/** The first `maxBytes` of a file, decoded, for sniffing headers during discovery. */
export async function readHead(path: string, maxBytes = 16384): Promise<string> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(maxBytes);
    const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0);
    const slice = buffer.subarray(0, bytesRead);
    // A multi-byte character may be cut at the end; decode leniently for sniffing only.
    const hasBom = slice[0] === 0xef && slice[1] === 0xbb && slice[2] === 0xbf;
    return new TextDecoder("utf-8").decode(hasBom ? slice.subarray(3) : slice);
  } finally {
    await handle.close();
  }
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export async function fileChecksum(path: string): Promise<string> {
  return sha256(await readFile(path));
}
