/**
 * "Download the data" on Sources & methods: the current warehouse as a DuckDB file and as a
 * Parquet zip, with their sizes, SHA-256 checksums and the build they are of, read from
 * GET /api/v1/downloads (made once per build on the server; "being prepared" until then).
 */
import { formatCount, formatDate } from "@lens/core";
import { useQuery } from "@tanstack/react-query";

interface DownloadsIndex {
  status: "ready" | "preparing";
  build: { id: string; builtAt?: string | null };
  files?: { name: string; url: string; bytes: number; sha256: string; filename: string; description: string }[];
  tables?: { name: string; rows: number }[];
  checksums?: string;
  message?: string;
}

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

export function DataDownloads() {
  const index = useQuery({
    queryKey: ["api-v1-downloads"],
    queryFn: async (): Promise<DownloadsIndex> => {
      const res = await fetch("/api/v1/downloads");
      if (res.status !== 200 && res.status !== 503) throw new Error(`downloads: HTTP ${res.status}`);
      return (await res.json()) as DownloadsIndex;
    },
    // While the server prepares the files, ask again.
    refetchInterval: (q) => (q.state.data?.status === "preparing" ? 15_000 : false),
  });
  return (
    <section aria-labelledby="downloads" className="card">
      <h2 id="downloads">Download the data</h2>
      <p>
        The whole warehouse these pages are computed from, for your own analysis: one DuckDB file, or one Parquet file
        per table in a zip. Check a download with <code>sha256sum -c SHA256SUMS</code>. The Contracts and Providers
        tables download their filtered rows from their own pages; every endpoint is in the{" "}
        <a href="/api">API reference</a>.
      </p>
      {index.isPending && <p>Looking up the files…</p>}
      {index.isError && <p role="alert">The downloads could not be listed: {index.error.message}</p>}
      {index.data?.status === "preparing" && (
        <p role="status">The files for build {index.data.build.id} are being prepared; this list updates itself.</p>
      )}
      {index.data?.status === "ready" && index.data.files && (
        <>
          <p>
            Build <code>{index.data.build.id}</code>
            {index.data.build.builtAt ? `, built ${formatDate(index.data.build.builtAt)}` : ""}.
          </p>
          <ul className="downloads-list">
            {index.data.files.map((f) => (
              <li key={f.name}>
                <a href={f.url} download={f.filename}>
                  {f.filename}
                </a>{" "}
                ({megabytes(f.bytes)}) — {f.description}
                <br />
                <small>
                  SHA-256 <code>{f.sha256}</code>
                </small>
              </li>
            ))}
            {index.data.checksums && (
              <li>
                <a href={index.data.checksums}>SHA256SUMS</a> (both checksums, for <code>sha256sum -c</code>)
              </li>
            )}
          </ul>
          {index.data.tables && (
            <p>
              Tables:{" "}
              {index.data.tables.map((t, i) => (
                <span key={t.name}>
                  {i > 0 ? ", " : ""}
                  <code>{t.name}</code> ({formatCount(t.rows)} rows)
                </span>
              ))}
              .
            </p>
          )}
        </>
      )}
    </section>
  );
}
