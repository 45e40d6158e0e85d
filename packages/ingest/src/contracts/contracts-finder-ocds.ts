/**
 * Contracts Finder OCDS releases, one release per line (the API's search results saved as
 * JSON lines, and the generated sample). Recognised by content: each line is a release
 * whose ocid carries Contracts Finder's prefix.
 */
import { fileChecksum, readHead } from "../files.js";
import type { FileStats, SourceFile, SourceIngester } from "../types.js";
import { insertContractsFromReleases, resolveBuyersAndScope } from "./ocds-releases.js";

export const CONTRACTS_FINDER_OCID_PREFIX = "ocds-b5fd17-";
const NOTICE_URL = "https://www.contractsfinder.service.gov.uk/Notice/";

export async function isReleaseLinesFile(file: SourceFile, ocidPrefix: string): Promise<boolean> {
  if (!file.relativePath.endsWith(".jsonl")) return false;
  const first = (await readHead(file.path, 262144)).split("\n")[0] ?? "";
  try {
    const parsed: unknown = JSON.parse(first);
    if (typeof parsed !== "object" || parsed === null) return false;
    const ocid = (parsed as { ocid?: unknown }).ocid;
    return typeof ocid === "string" && ocid.startsWith(ocidPrefix) && "tag" in parsed;
  } catch {
    // A first line longer than the sniffed head cannot be parsed here; not a releases file we know.
    return false;
  }
}

export const contractsFinderOcdsIngester: SourceIngester = {
  id: "contracts-finder",
  label: "Contracts Finder OCDS releases",
  tables: ["contracts"],
  // Tender-only and superseded releases are accounted as rejects; most real pages mix them in.
  maxRejectRate: 0.8,
  async discover(files) {
    const out: SourceFile[] = [];
    for (const f of files) if (await isReleaseLinesFile(f, CONTRACTS_FINDER_OCID_PREFIX)) out.push(f);
    return out;
  },
  async ingest(ctx, files) {
    const stats: FileStats[] = [];
    for (const file of files) {
      ctx.progress(`reading ${file.relativePath}`);
      const checksum = await fileChecksum(file.path);
      await ctx.connection.run(
        `CREATE OR REPLACE TEMP TABLE ocds_release_lines AS
         SELECT row_number() OVER () AS line, json
         FROM read_ndjson_objects($path, maximum_object_size = 67108864)`,
        { path: file.path },
      );
      let result: Awaited<ReturnType<typeof insertContractsFromReleases>>;
      try {
        result = await insertContractsFromReleases(ctx.connection, {
          sourceId: ctx.isSample ? "sample" : "contracts-finder",
          sourceFile: file.relativePath,
          noticeUrlPrefix: NOTICE_URL,
        });
      } catch (error) {
        throw new Error(`${file.relativePath}: ${(error as Error).message}`);
      }
      await ctx.connection.run("DROP TABLE ocds_release_lines");
      for (const r of result.rejects) ctx.reject(file.relativePath, r.line, r.reason);
      await resolveBuyersAndScope(ctx.connection, file.relativePath);
      stats.push({
        file: file.relativePath,
        checksum,
        rowsRead: result.read,
        rowsKept: result.kept,
        rowsRejected: result.rejects.length,
      });
    }
    return stats;
  },
};
