/**
 * `/s/<id>`: a citable link. Shows the numbers stored when the frozen link was made — not a
 * fresh query — with the build they came from, and a link to the same view on current data.
 */
import { formatDate, type MetricFormat } from "@lens/core";
import { useQuery } from "@tanstack/react-query";
import { SpecTable } from "../components/ChartCard.js";
import { ErrorBlock, LoadingBlock } from "../components/States.js";
import { Link } from "../lib/router.js";

interface StoredSnapshot {
  id: string;
  title: string;
  description: string;
  page: string;
  columns: { key: string; label: string; format?: MetricFormat }[];
  rows: Record<string, string | number | boolean | null>[];
  sources: string[];
  notes: string[];
  buildId: string;
  builtAt: string | null;
  createdAt: string;
  current: { id: string; builtAt: string | null };
}

/** The same view on current data: the stored page without the pinned build and export size. */
function currentHref(page: string): string {
  const url = new URL(page, "http://localhost");
  url.searchParams.delete("build");
  url.searchParams.delete("size");
  return `${url.pathname}${url.search}`;
}

export default function Snapshot({ id }: { id: string }) {
  const snapshot = useQuery({
    queryKey: ["snapshot", id],
    queryFn: async (): Promise<StoredSnapshot> => {
      const res = await fetch(`/api/v1/snapshots/${encodeURIComponent(id)}`);
      if (res.status === 404) throw new Error("There is no stored chart under this link.");
      if (!res.ok) throw new Error(`The stored chart could not be read (HTTP ${res.status}).`);
      return (await res.json()) as StoredSnapshot;
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (snapshot.isPending) return <LoadingBlock label="cited numbers" />;
  if (snapshot.isError) return <ErrorBlock error={snapshot.error} onRetry={() => void snapshot.refetch()} />;
  const s = snapshot.data;
  const same = s.current.id === s.buildId;
  return (
    <div className="page">
      <h1>{s.title}</h1>
      <div className="frozen-notice" role="status" data-testid="snapshot-notice">
        <strong>Cited numbers.</strong> These numbers are from build {s.buildId}
        {s.builtAt ? ` of ${formatDate(s.builtAt)}` : ""}, stored {formatDate(s.createdAt)}.{" "}
        {same ? "It is still the build served now." : "The current data may differ"} (
        <Link to={currentHref(s.page)}>see current</Link>).
      </div>
      {s.description && <p>{s.description}</p>}
      <section aria-labelledby="snapshot-table" className="card">
        <h2 id="snapshot-table">The numbers as cited</h2>
        {/* Drawn as the chart's own table view draws it: formats, suppression and gaps alike. */}
        <SpecTable table={{ columns: s.columns, rows: s.rows }} caption="The numbers as cited" />
        <p>{s.rows.length} rows.</p>
      </section>
      {(s.sources.length > 0 || s.notes.length > 0) && (
        <section aria-labelledby="snapshot-about" className="card">
          <h2 id="snapshot-about">Source and notes</h2>
          <ul>
            {[...s.sources, ...s.notes].map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
