/**
 * The shapes OCDS data arrives in, recognised by content (not by file name), and how each is
 * staged into `ocds_stage` with DuckDB's JSON readers:
 *  - release lines: one release per line (`releases.jsonl`, the generated sample);
 *  - package lines: one release package per line (Spend Network's CF 1.0 packages);
 *  - record lines: one OCDS record per line; its `compiledRelease` is staged at low priority;
 *  - package file: one whole release (or record) package per file, possibly pretty-printed
 *    (the FTS downloads, and the live fetcher's `page-0001.json`).
 * `line` is the physical line for JSON-lines files; for a whole-file package it is the
 * release's 1-based position in `releases[]`.
 */
import { readFile } from "node:fs/promises";
import type { DuckDBConnection } from "@duckdb/node-api";
import { readHead } from "../files.js";
import { SourceError, type SourceFile } from "../types.js";
import { RELEASE_SHAPE } from "./ocds-releases.js";

export type OcdsShape = "release-lines" | "package-lines" | "record-lines" | "package-file";

export interface OcdsFileInfo {
  shape: OcdsShape;
  /** The first release's ocid, for routing the file to its publisher's parser. */
  ocid: string;
}

const MAX_OBJECT = 268435456;
/** Whole-file packages are parsed in JS only to sniff them; pages are a few MB. */
const MAX_PACKAGE_SNIFF_BYTES = 256 * 1024 * 1024;

const sniffCache = new Map<string, Promise<OcdsFileInfo | null>>();

/** Which OCDS shape a file is, or null when it is not OCDS. Cached per path and size. */
export function sniffOcdsFile(file: SourceFile): Promise<OcdsFileInfo | null> {
  const key = `${file.path}:${file.size}`;
  let found = sniffCache.get(key);
  if (!found) {
    found = sniff(file);
    sniffCache.set(key, found);
  }
  return found;
}

function asObject(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function releaseOcid(value: unknown): string | null {
  const o = asObject(value);
  return o && typeof o.ocid === "string" ? o.ocid : null;
}

/** Classifies one parsed JSON value as a release, package or record (line or whole file). */
function classify(value: unknown, wholeFile: boolean): OcdsFileInfo | null {
  const o = asObject(value);
  if (!o) return null;
  if (asObject(o.compiledRelease)) {
    const ocid = releaseOcid(o.compiledRelease);
    return ocid && !wholeFile ? { shape: "record-lines", ocid } : null;
  }
  if (Array.isArray(o.releases) && !("ocid" in o)) {
    const ocid = releaseOcid(o.releases[0]);
    return ocid ? { shape: wholeFile ? "package-file" : "package-lines", ocid } : null;
  }
  if (Array.isArray(o.records)) {
    const ocid = releaseOcid(asObject(o.records[0])?.compiledRelease);
    return ocid && wholeFile ? { shape: "package-file", ocid } : null;
  }
  const ocid = releaseOcid(o);
  if (ocid && !wholeFile && ("tag" in o || "date" in o)) return { shape: "release-lines", ocid };
  return null;
}

async function sniff(file: SourceFile): Promise<OcdsFileInfo | null> {
  const head = await readHead(file.path, 1 << 20);
  const trimmed = head.trimStart();
  if (!trimmed.startsWith("{")) return null;
  const firstLine = trimmed.split("\n")[0] ?? "";
  try {
    const info = classify(JSON.parse(firstLine), false);
    // A whole package on a single line is a package file with one line, not package lines.
    if (info?.shape === "package-lines" && !/\n\s*\{/.test(trimmed.slice(firstLine.length))) {
      return { ...info, shape: "package-file" };
    }
    if (info) return info;
  } catch {
    // The first line is not a complete JSON value: maybe a pretty-printed package, read below.
  }
  if (!/"(releases|records)"\s*:/.test(head)) return null;
  if (file.size > MAX_PACKAGE_SNIFF_BYTES) return brokenPackage(head);
  try {
    return classify(JSON.parse((await readFile(file.path, "utf8")).replace(/^\uFEFF/, "")), true);
  } catch {
    // A truncated page is still claimed, so staging fails loudly with its line.
    return brokenPackage(head);
  }
}

/** A file that looks like a release package but could not be parsed here: claimed by its ocid. */
function brokenPackage(head: string): OcdsFileInfo | null {
  if (!/"releases"\s*:\s*\[/.test(head)) return null;
  const ocid = /"ocid"\s*:\s*"([^"]+)"/.exec(head)?.[1];
  return ocid ? { shape: "package-file", ocid } : null;
}

/**
 * Appends one file's releases to `ocds_stage`. A file that is not valid JSON throws
 * `SourceError(file, line, reason)` naming the first bad line.
 */
export async function stageOcdsFile(
  connection: DuckDBConnection,
  file: SourceFile,
  info: OcdsFileInfo,
  options: { priority?: number } = {},
): Promise<void> {
  const params = { path: file.path, file: file.relativePath, priority: options.priority ?? 0 };
  const lines = `SELECT row_number() OVER ()::INTEGER AS line, json
                 FROM read_ndjson_objects($path, maximum_object_size = ${MAX_OBJECT})`;
  const parse = (json: string) => `json_transform(${json}, '${RELEASE_SHAPE}')`;
  const sql: Record<OcdsShape, string> = {
    "release-lines": `INSERT INTO ocds_stage SELECT $file, line, 1, $priority, NULL, ${parse("json")} FROM (${lines})`,
    "package-lines": `INSERT INTO ocds_stage
       SELECT $file, line, i + 1, $priority, json->>'uri', ${parse("json_extract(json, '$.releases[' || i || ']')")}
       FROM (SELECT line, json, unnest(range(coalesce(json_array_length(json, '$.releases'), 0)::BIGINT)) AS i FROM (${lines}))`,
    "record-lines": `INSERT INTO ocds_stage
       SELECT $file, line, 1, greatest($priority, 2), NULL, ${parse("json_extract(json, '$.compiledRelease')")} FROM (${lines})`,
    "package-file": `INSERT INTO ocds_stage
       SELECT $file, (i + 1)::INTEGER, 1, CASE WHEN is_record THEN greatest($priority, 2) ELSE $priority END, uri,
              ${parse(`CASE WHEN is_record THEN json_extract(json, '$.records[' || i || '].compiledRelease')
                   ELSE json_extract(json, '$.releases[' || i || ']') END`)}
       FROM (SELECT json, json->>'uri' AS uri, json_exists(json, '$.records') AS is_record,
                    unnest(range(coalesce(json_array_length(json, '$.releases'), json_array_length(json, '$.records'), 0)::BIGINT)) AS i
             FROM read_json_objects($path, format = 'auto', maximum_object_size = ${MAX_OBJECT}))`,
  };
  try {
    await connection.run(sql[info.shape], params);
  } catch (error) {
    throw await locateJsonError(file, info.shape, error as Error);
  }
}

/** Finds the first line that is not valid JSON, so the error reads `file:line: reason`. */
async function locateJsonError(file: SourceFile, shape: OcdsShape, cause: Error): Promise<Error> {
  const text = (await readFile(file.path, "utf8")).replace(/^\uFEFF/, "");
  if (shape === "package-file") {
    try {
      JSON.parse(text);
    } catch (error) {
      const message = (error as Error).message;
      const at = /position (\d+)/.exec(message);
      const offset = at ? Number(at[1]) : text.length;
      const line = text.slice(0, offset).split("\n").length;
      return new SourceError(file.relativePath, line, `invalid JSON (${message}; truncated file?)`);
    }
  } else {
    const lines = text.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i] ?? "";
      if (l.trim() === "") continue;
      try {
        JSON.parse(l);
      } catch (error) {
        return new SourceError(file.relativePath, i + 1, `invalid JSON (${(error as Error).message}; truncated line?)`);
      }
    }
  }
  return new SourceError(file.relativePath, null, `DuckDB could not read it: ${cause.message}`);
}
