/**
 * File discovery and decoding. Source files mix UTF-8 (with and without BOM) and
 * Windows-1252; decoding tries strict UTF-8 first and falls back to Windows-1252, whose few
 * non-ASCII characters (en dash, curly quote, non-breaking space) then decode correctly.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, readdir, readFile, realpath, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import type { SourceFile } from "./types.js";

/**
 * Every file under `dir`, sorted by path within each folder. Symbolic links are followed (a
 * sources folder may be links to the real data), each real folder is walked once, and a
 * dangling link is skipped.
 */
export async function listSourceFiles(dir: string): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  const walked = new Set<string>();
  async function walk(current: string): Promise<void> {
    const real = await realpath(current);
    if (walked.has(real)) return;
    walked.add(real);
    const entries = await readdir(current, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const full = join(current, entry.name);
      const info = entry.isSymbolicLink() ? await stat(full).catch(() => null) : null;
      if (entry.isDirectory() || info?.isDirectory()) await walk(full);
      else if (entry.isFile() || info?.isFile()) {
        const size = info?.size ?? (await stat(full)).size;
        out.push({ path: full, relativePath: relative(dir, full).split("\\").join("/"), size });
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
    return { text: decodeWindows1252(body), encoding: "windows-1252" };
  }
}

/**
 * Windows-1252 bytes 0x80–0x9F (curly quotes, en dash, euro…). Node 20's TextDecoder treats
 * "windows-1252" as Latin-1 and turns them into C1 control characters, so they are mapped here.
 */
const CP1252_HIGH: readonly (number | undefined)[] = [
  0x20ac,
  undefined,
  0x201a,
  0x0192,
  0x201e,
  0x2026,
  0x2020,
  0x2021,
  0x02c6,
  0x2030,
  0x0160,
  0x2039,
  0x0152,
  undefined,
  0x017d,
  undefined,
  undefined,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2022,
  0x2013,
  0x2014,
  0x02dc,
  0x2122,
  0x0161,
  0x203a,
  0x0153,
  undefined,
  0x017e,
  0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  const chunk: number[] = [];
  for (const b of bytes) {
    chunk.push(b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? 0xfffd) : b);
    if (chunk.length === 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out + String.fromCharCode(...chunk);
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

/** SHA-256 of a file, streamed: a 1 GB contract file is hashed without holding it in memory. */
export async function fileChecksum(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
