/**
 * Contracts Finder "Harvester" daily CSV: OCDS 1.0 release packages flattened to
 * `releases/0/...` columns (333 of them). Each row is rebuilt into its release (blank cells
 * omitted, so unknown stays unknown) and staged with the JSON releases, so it is merged per
 * ocid with them and read by the same SQL.
 */
import { headerKey, parseCsv } from "../csv.js";
import { readHead, readTextFile } from "../files.js";
import { SourceError, type SourceFile } from "../types.js";
import type { StagedFile } from "./ocds-source.js";

const PREFIX = "releases/0/";

export async function isHarvesterCsv(file: SourceFile): Promise<boolean> {
  if (!file.relativePath.toLowerCase().endsWith(".csv")) return false;
  const header = (await readHead(file.path, 65536)).split(/\r?\n/)[0] ?? "";
  return header.includes("releases/0/ocid") && header.includes("releases/0/tag/0");
}

interface Tree {
  [key: string]: Tree | string;
}

/** Sets `value` at a slash path, building nested objects (numeric keys become arrays later). */
function setPath(root: Tree, path: readonly string[], value: string): void {
  let node = root;
  path.forEach((key, i) => {
    if (i === path.length - 1) node[key] = value;
    else {
      const next = node[key];
      if (typeof next === "object") node = next;
      else {
        const created: Tree = {};
        node[key] = created;
        node = created;
      }
    }
  });
}

/** Objects keyed 0..n become dense arrays in index order (blank cells leave gaps, which close up). */
function toJson(value: Tree | string): unknown {
  if (typeof value === "string") return value;
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k)))
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((k) => toJson(value[String(k)]!));
  return Object.fromEntries(keys.map((k) => [k, toJson(value[k]!)]));
}

export function harvesterStager(file: SourceFile): StagedFile {
  return {
    file,
    async stage(ctx) {
      const { text } = await readTextFile(file.path);
      let records: ReturnType<typeof parseCsv>;
      try {
        records = parseCsv(text);
      } catch (error) {
        const e = error as { line?: number; reason?: string; message: string };
        throw new SourceError(file.relativePath, e.line ?? null, e.reason ?? e.message);
      }
      const header = records[0];
      if (!header) throw new SourceError(file.relativePath, 1, "empty file");
      const columns = header.cells.map(headerKey);
      const appender = await ctx.connection.createAppender("ocds_stage_raw");
      const rejects: { line: number; reason: string }[] = [];
      for (const record of records.slice(1)) {
        if (record.cells.every((c) => c.trim() === "")) continue;
        if (record.cells.length !== columns.length) {
          rejects.push({
            line: record.line,
            reason: `row has ${record.cells.length} cells, header has ${columns.length} (truncated or shifted row)`,
          });
          continue;
        }
        const release: Tree = {};
        let uri: string | null = null;
        record.cells.forEach((raw, i) => {
          const name = header.cells[i] ?? "";
          const v = raw.trim();
          if (v === "") return;
          if (name === "uri") uri = v;
          if (name.startsWith(PREFIX)) setPath(release, name.slice(PREFIX.length).split("/"), raw);
        });
        appender.appendVarchar(file.relativePath);
        appender.appendInteger(record.line);
        appender.appendInteger(1);
        appender.appendInteger(0);
        if (uri === null) appender.appendNull();
        else appender.appendVarchar(uri);
        appender.appendVarchar(JSON.stringify(toJson(release)));
        appender.endRow();
      }
      appender.flushSync();
      appender.closeSync();
      // Staged rows are counted by the merge; these were never staged.
      return rejects;
    },
  };
}
