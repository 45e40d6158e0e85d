/**
 * "Download all N contracts": links to the data API for the whole filtered selection (not just
 * the page on screen), in each format. Plain links, so the browser streams the file itself.
 */
import { type Filters, formatCount } from "@lens/core";
import { TABLE_FORMATS, type TableId, tableAboutUrl, tableDownloadUrl } from "./table-download.js";

export function TableDownloads({
  table,
  filters,
  total,
  noun,
  extra,
}: {
  table: TableId;
  filters: Filters;
  /** Rows the table counts with these filters (null while loading). */
  total: number | null;
  noun: string;
  extra?: { q?: string; sort?: string; dir?: "asc" | "desc"; flag?: string };
}) {
  return (
    <p className="table-downloads" data-testid={`${table}-downloads`}>
      <span className="table-downloads__label">
        Download {total === null ? "all" : `all ${formatCount(total)}`} {noun} with these filters:
      </span>{" "}
      {TABLE_FORMATS.map((f, i) => (
        <span key={f.format}>
          {i > 0 && " · "}
          <a href={tableDownloadUrl(table, filters, f.format, extra)} download data-format={f.format}>
            {f.label}
          </a>{" "}
          <span className="n-note">({f.hint})</span>
        </span>
      ))}{" "}
      · <a href={tableAboutUrl(table, filters, extra)}>what the files hold</a>
    </p>
  );
}
