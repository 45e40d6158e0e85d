/**
 * Contracts Finder, in every shape it reaches us, recognised by content:
 *  - OCDS releases, release packages (one per line or one per file, e.g. the live fetcher's
 *    `page-0001.json`) and compiled records, ocid prefix `ocds-b5fd17-` (and Spend Network's
 *    rewritten `ocds-b5fd17raw-`), plus the Harvester CSV (flattened releases): all merged
 *    per ocid across files, so each process counts once;
 *  - the website CSV export and the notice-titles extract, read row by row afterwards and
 *    rejected when the same notice already came from OCDS.
 */
import { queryRows } from "../query.js";
import { sourceLabel } from "../source-frame.js";
import type { FileStats, SourceFile, SourceIngester } from "../types.js";
import { CF_CSV_EXPORT_HEADER, cfCsvExportRow } from "./cf-csv-export.js";
import { harvesterStager, isHarvesterCsv } from "./cf-harvester-csv.js";
import { CF_NOTICE_TITLES_HEADER, cfNoticeTitleRow } from "./cf-notice-titles.js";
import { ContractSink } from "./contract-rows.js";
import { sniffOcdsFile } from "./ocds-files.js";
import { resolveBuyersAndScope } from "./ocds-releases.js";
import { ingestOcdsFiles, ocdsJsonStager, type StagedFile } from "./ocds-source.js";
import { csvHasHeader, readCsvContracts } from "./tabular.js";

export const CONTRACTS_FINDER_OCID_PREFIX = "ocds-b5fd17";

type Kind = "ocds" | "harvester" | "csv-export" | "notice-titles";

async function kindOf(file: SourceFile): Promise<Kind | null> {
  if ((await sniffOcdsFile(file))?.ocid.startsWith(CONTRACTS_FINDER_OCID_PREFIX)) return "ocds";
  if (await isHarvesterCsv(file)) return "harvester";
  if (await csvHasHeader(file, CF_CSV_EXPORT_HEADER)) return "csv-export";
  if (await csvHasHeader(file, CF_NOTICE_TITLES_HEADER)) return "notice-titles";
  return null;
}

export const contractsFinderOcdsIngester: SourceIngester = {
  id: "contracts-finder",
  label: "Contracts Finder (OCDS releases, Harvester and website CSV exports)",
  tables: ["contracts"],
  // Superseded, planning and duplicate releases are rejects; real pages mix many of them in.
  maxRejectRate: 0.8,
  async discover(files) {
    const out: SourceFile[] = [];
    for (const f of files) if ((await kindOf(f)) !== null) out.push(f);
    return out;
  },
  async ingest(ctx, files) {
    const sourceId = sourceLabel(ctx, "contracts-finder");
    const staged: StagedFile[] = [];
    const tabular: { file: SourceFile; kind: "csv-export" | "notice-titles" }[] = [];
    for (const file of files) {
      const kind = await kindOf(file);
      if (kind === "ocds") staged.push(ocdsJsonStager(file));
      else if (kind === "harvester") staged.push(harvesterStager(file));
      else if (kind === "csv-export" || kind === "notice-titles") tabular.push({ file, kind });
    }
    const stats: FileStats[] = await ingestOcdsFiles(ctx, staged, "contracts-finder");
    if (tabular.length === 0) return stats;

    const known = new Set(
      (
        await queryRows<{ notice_url: string }>(
          ctx.connection,
          "SELECT DISTINCT notice_url FROM contracts WHERE notice_url LIKE 'https://www.contractsfinder.service.gov.uk/Notice/%'",
        )
      ).map((r) => r.notice_url),
    );
    const sink = await ContractSink.open(ctx.connection);
    try {
      for (const { file, kind } of tabular) {
        ctx.progress(`reading ${file.relativePath}`);
        stats.push(
          kind === "csv-export"
            ? await readCsvContracts(ctx, file, sink, CF_CSV_EXPORT_HEADER, (record, col) =>
                cfCsvExportRow(sourceId, file.relativePath, record, col, known),
              )
            : await readCsvContracts(ctx, file, sink, CF_NOTICE_TITLES_HEADER, (record, col) =>
                cfNoticeTitleRow(sourceId, file.relativePath, record, col, known),
              ),
        );
      }
    } finally {
      sink.close();
    }
    await resolveBuyersAndScope(
      ctx.connection,
      tabular.map((t) => t.file.relativePath),
    );
    return stats;
  },
};
