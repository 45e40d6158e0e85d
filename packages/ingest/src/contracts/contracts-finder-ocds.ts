/**
 * Contracts Finder, in every shape it reaches us, recognised by content:
 *  - OCDS releases, release packages (one per line or one per file, e.g. the live fetcher's
 *    `page-0001.json`) and compiled records, ocid prefix `ocds-b5fd17-` (and Spend Network's
 *    rewritten `ocds-b5fd17raw-`), plus the Harvester CSV (flattened releases): all merged
 *    per ocid across files, so each process counts once;
 *  - the website CSV export and the notice-titles extract, read row by row afterwards and
 *    rejected when the same notice already came from OCDS.
 */
import type { CsvRecord } from "../csv.js";
import { queryRows } from "../query.js";
import { defineSource } from "../source-frame.js";
import type { SourceFile } from "../types.js";
import { CF_CSV_EXPORT_HEADER, cfCsvExportRow } from "./cf-csv-export.js";
import { harvesterStager, isHarvesterCsv } from "./cf-harvester-csv.js";
import { CF_NOTICE_TITLES_HEADER, cfNoticeTitleRow } from "./cf-notice-titles.js";
import { sniffOcdsFile } from "./ocds-files.js";
import { resolveBuyersAndScope } from "./ocds-releases.js";
import {
  mergeOcdsFiles,
  ocdsJsonStager,
  openStaged,
  type StagedFile,
  type StagedOutcomes,
  type StagedRelease,
} from "./ocds-source.js";
import { csvHasHeader, openCsvContracts } from "./tabular.js";

export const CONTRACTS_FINDER_OCID_PREFIX = "ocds-b5fd17";

type Kind = "ocds" | "harvester" | "csv-export" | "notice-titles";

async function kindOf(file: SourceFile): Promise<Kind | null> {
  if ((await sniffOcdsFile(file))?.ocid.startsWith(CONTRACTS_FINDER_OCID_PREFIX)) return "ocds";
  if (await isHarvesterCsv(file)) return "harvester";
  if (await csvHasHeader(file, CF_CSV_EXPORT_HEADER)) return "csv-export";
  if (await csvHasHeader(file, CF_NOTICE_TITLES_HEADER)) return "notice-titles";
  return null;
}

const isTabular = (kind: Kind | null | undefined) => kind === "csv-export" || kind === "notice-titles";

/** One run: each file's kind, the merged OCDS outcomes, the notices they gave, the tabular ids kept so far. */
interface Run {
  kinds: Map<string, Kind | null>;
  outcomes: StagedOutcomes;
  known: Set<string>;
  ids: Set<string>;
}

export const contractsFinderOcdsIngester = defineSource<"contracts", StagedRelease | CsvRecord, Run>({
  id: "contracts-finder",
  label: "Contracts Finder (OCDS releases, Harvester and website CSV exports)",
  table: "contracts",
  // Superseded, planning and duplicate releases are rejects; real pages mix many of them in.
  maxRejectRate: 0.8,
  recognise: async (file) => (await kindOf(file)) !== null,
  // The OCDS releases and Harvester rows are merged and written first, so the tabular exports
  // read afterwards can reject a notice they already gave.
  async begin(ctx, files) {
    const kinds = new Map<string, Kind | null>();
    const staged: StagedFile[] = [];
    for (const file of files) {
      const kind = await kindOf(file);
      kinds.set(file.relativePath, kind);
      if (kind === "ocds") staged.push(ocdsJsonStager(file));
      else if (kind === "harvester") staged.push(harvesterStager(file));
    }
    const outcomes = await mergeOcdsFiles(ctx, staged, "contracts-finder");
    const known = new Set<string>();
    if ([...kinds.values()].some(isTabular)) {
      const rows = await queryRows<{ notice_url: string }>(
        ctx.connection,
        "SELECT DISTINCT notice_url FROM contracts WHERE notice_url LIKE 'https://www.contractsfinder.service.gov.uk/Notice/%'",
      );
      for (const r of rows) known.add(r.notice_url);
    }
    return { kinds, outcomes, known, ids: new Set() };
  },
  open(file, _ctx, run) {
    const kind = run.kinds.get(file.relativePath);
    if (kind === "csv-export")
      return openCsvContracts(file, CF_CSV_EXPORT_HEADER, run.ids, (record, col, { source }) =>
        cfCsvExportRow(source, file.relativePath, record, col, run.known),
      );
    if (kind === "notice-titles")
      return openCsvContracts(file, CF_NOTICE_TITLES_HEADER, run.ids, (record, col, { source }) =>
        cfNoticeTitleRow(source, file.relativePath, record, col, run.known),
      );
    return openStaged(run.outcomes, file);
  },
  // The OCDS rows were resolved by the merge; the tabular rows are resolved here.
  finish: (ctx, files, run) =>
    resolveBuyersAndScope(
      ctx.connection,
      files.filter((f) => isTabular(run.kinds.get(f.relativePath))).map((f) => f.relativePath),
    ),
});
