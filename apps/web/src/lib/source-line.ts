import { getSource, type MetricDef, type SourceInfo } from "@lens/core";

/** "Source: Cabinet Office, Contracts Finder notices (Open Government Licence v3.0)." — from the registry. */
export function sourcesFor(metrics: readonly MetricDef[], isSample: boolean): SourceInfo[] {
  if (isSample) return [getSource("sample")!];
  const ids = [...new Set(metrics.flatMap((m) => m.sources))];
  return ids.map((id) => getSource(id)).filter((s): s is SourceInfo => s !== undefined);
}

export function sourceLine(metrics: readonly MetricDef[], isSample: boolean): string {
  const sources = sourcesFor(metrics, isSample);
  return `Source: ${sources.map((s) => `${s.publisher}, ${s.title} (${s.licence})`).join("; ")}.`;
}
