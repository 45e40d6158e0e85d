/**
 * Registry and provenance facts the data API returns beside the numbers: the metric's
 * definition, its sources with publisher, URL and licence, and whether the data is a sample.
 * Read from the same registries the SQL is compiled from.
 */
import {
  COUNCILS,
  getSource,
  licenceLine,
  type MetricDef,
  sourcesFor as registrySourcesFor,
  SAMPLE_NOTICE,
  type SourceInfo,
} from "@lens/core";
import type { BuildInfo } from "../warehouse-holder.js";

/** The sample notice is @lens/core's (provenance.ts), the words the pages and exports use. */
export { SAMPLE_NOTICE };

export function describeCouncils() {
  return COUNCILS.map((c) => ({
    laCode: c.laCode,
    onsCode: c.onsCode,
    name: c.name,
    region: c.region,
    laType: c.laType,
    neighbours: c.neighbours,
  }));
}

export type SourceSummary = Pick<SourceInfo, "id" | "title" | "publisher" | "url" | "licence" | "licenceUrl">;

/**
 * The sources behind a metric's numbers in this warehouse: the generated sample when the
 * warehouse is a sample, else the metric's sources that the build actually read (all of them
 * when the build did not record which).
 */
export function sourcesFor(metric: MetricDef, info: BuildInfo): SourceSummary[] {
  return registrySourcesFor([metric], info).map(({ id, title, publisher, url, licence, licenceUrl }) => ({
    id,
    title,
    publisher,
    url,
    licence,
    licenceUrl,
  }));
}

/**
 * The sources that contributed rows to one answer (compare's `sources`), with publisher,
 * address and licence from the catalogue, the label and the rows: the source line then names
 * exactly them. On a sample warehouse that is the generated sample.
 */
export function contributingSources(
  contributed: readonly { id: string; label: string; rows: number }[],
  info: BuildInfo,
): Array<SourceSummary & { label: string; rows: number }> {
  return contributed.map(({ id, label, rows }) => {
    const s = getSource(info.isSample ? "sample" : id);
    return {
      id,
      title: s?.title ?? id,
      publisher: s?.publisher ?? "not in the source catalogue",
      url: s?.url ?? "",
      licence: s?.licence ?? "not in the source catalogue",
      licenceUrl: s?.licenceUrl ?? "",
      label,
      rows,
    };
  });
}

/** The licence line (@lens/core's): with no source known it says so, rather than naming a licence. */
export function licenceOf(sources: readonly SourceSummary[]): string {
  return licenceLine(sources);
}
