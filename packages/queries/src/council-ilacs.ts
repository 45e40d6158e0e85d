/**
 * councilIlacs: a council's latest Ofsted ILACS judgement (inspection and publication dates,
 * sub-judgements, provenance) and how the judgements fall among its 10 statistical neighbours,
 * its region and England. Region and England include the council itself; neighbours do not.
 *
 * Status: `judged` (an overall judgement is in the table), `not published` (an inspection is
 * listed but its overall judgement is blank: the report is not out yet) or `not inspected`
 * (no inspection listed, or the council is not in the table at all). Only judged councils
 * count towards a rating; the others are counted separately, never as a rating.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { RATINGS, type Rating } from "@lens/core";
import { z } from "zod";
import { QueryInputError } from "./compile-metric.js";
import { type RunOptions, runQuery } from "./run.js";

export const councilIlacsInput = z.object({
  council: z.string().regex(/^[0-9]{3}$/, { message: "must be a 3-digit DfE council code" }),
});
export type CouncilIlacsInput = z.input<typeof councilIlacsInput>;

export type IlacsStatus = "judged" | "not published" | "not inspected";

export interface IlacsJudgement {
  laCode: string;
  name: string;
  status: IlacsStatus;
  /** The overall effectiveness judgement (4-point), null unless judged. */
  rating: Rating | null;
  /** The grade as the file spells it. */
  ratingOriginal: string | null;
  /** ISO dates (yyyy-mm-dd) or null. */
  inspectionStartDate: string | null;
  inspectionDate: string | null;
  publicationDate: string | null;
  /** `short` or `standard`. */
  framework: string | null;
  subJudgements: {
    impactOfLeaders: Rating | null;
    helpAndProtection: Rating | null;
    inCare: Rating | null;
    careLeavers: Rating | null;
  };
  /** Source id of the row (`ofsted-ilacs`, or `sample`), file and spreadsheet row; null when the council has no row. */
  source: string | null;
  sourceFile: string | null;
  sourceLine: number | null;
}

export interface IlacsDistribution {
  /** Councils in the area. */
  councils: number;
  /** Judged councils per rating, in RATINGS order (zeros kept). */
  counts: { rating: Rating; n: number }[];
  judged: number;
  notPublished: number;
  notInspected: number;
}

export interface CouncilIlacsResult {
  council: IlacsJudgement & { region: string };
  neighbours: {
    distribution: IlacsDistribution;
    councils: (Pick<IlacsJudgement, "laCode" | "name" | "status" | "rating" | "publicationDate"> & { rank: number })[];
  };
  region: IlacsDistribution & { name: string };
  england: IlacsDistribution;
  /** The source ids behind the table (`ofsted-ilacs`, `sample`); empty when it has no rows. */
  sources: string[];
}

interface Row {
  la_code: string;
  name: string;
  region: string;
  has_row: boolean;
  overall_rating: Rating | null;
  overall_rating_original: string | null;
  inspection_start_date: string | null;
  inspection_date: string | null;
  publication_date: string | null;
  inspection_framework: string | null;
  impact_of_leaders_rating: Rating | null;
  help_and_protection_rating: Rating | null;
  in_care_rating: Rating | null;
  care_leavers_rating: Rating | null;
  source: string | null;
  source_file: string | null;
  source_line: number | null;
}

const COUNCILS_SQL = `SELECT la.la_code, la.name, la.region, i.la_code IS NOT NULL AS has_row,
  i.overall_rating, i.overall_rating_original,
  CAST(i.inspection_start_date AS VARCHAR) AS inspection_start_date,
  CAST(i.inspection_date AS VARCHAR) AS inspection_date,
  CAST(i.publication_date AS VARCHAR) AS publication_date,
  i.inspection_framework, i.impact_of_leaders_rating, i.help_and_protection_rating, i.in_care_rating,
  i.care_leavers_rating, i.source, i.source_file, i.source_line::INTEGER AS source_line
FROM local_authorities la
LEFT JOIN (SELECT * FROM ilacs QUALIFY row_number() OVER (PARTITION BY la_code ORDER BY inspection_date DESC NULLS LAST) = 1) i
  ON i.la_code = la.la_code
ORDER BY la.la_code`;

const known = (r: string | null): Rating | null =>
  (RATINGS as readonly string[]).includes(r ?? "") ? (r as Rating) : null;

function judgementOf(r: Row): IlacsJudgement {
  const rating = known(r.overall_rating);
  const status: IlacsStatus = rating ? "judged" : r.has_row && r.inspection_date ? "not published" : "not inspected";
  return {
    laCode: r.la_code,
    name: r.name,
    status,
    rating,
    ratingOriginal: r.overall_rating_original,
    inspectionStartDate: r.inspection_start_date,
    inspectionDate: r.inspection_date,
    publicationDate: r.publication_date,
    framework: r.inspection_framework,
    subJudgements: {
      impactOfLeaders: known(r.impact_of_leaders_rating),
      helpAndProtection: known(r.help_and_protection_rating),
      inCare: known(r.in_care_rating),
      careLeavers: known(r.care_leavers_rating),
    },
    source: r.source,
    sourceFile: r.source_file,
    sourceLine: r.source_line,
  };
}

/** How the judgements of a set of councils fall; exported for tests. */
export function ilacsDistribution(judgements: readonly Pick<IlacsJudgement, "status" | "rating">[]): IlacsDistribution {
  return {
    councils: judgements.length,
    counts: RATINGS.map((rating) => ({ rating, n: judgements.filter((j) => j.rating === rating).length })),
    judged: judgements.filter((j) => j.status === "judged").length,
    notPublished: judgements.filter((j) => j.status === "not published").length,
    notInspected: judgements.filter((j) => j.status === "not inspected").length,
  };
}

export async function councilIlacs(
  connection: DuckDBConnection,
  input: CouncilIlacsInput,
  options: RunOptions = {},
): Promise<CouncilIlacsResult> {
  const { council: code } = councilIlacsInput.parse(input);
  const rows = await runQuery<Row>(connection, { sql: COUNCILS_SQL, params: {} }, options);
  const own = rows.find((r) => r.la_code === code);
  if (!own) throw new QueryInputError(`unknown council '${code}'`);
  const neighbours = await runQuery<{ laCode: string; rank: number }>(
    connection,
    {
      sql: `SELECT neighbour_la_code AS "laCode", rank::INTEGER AS rank FROM statistical_neighbours WHERE la_code = $code ORDER BY rank`,
      params: { code },
    },
    options,
  );
  const sources = await runQuery<{ source: string }>(
    connection,
    { sql: "SELECT DISTINCT source FROM ilacs ORDER BY source", params: {} },
    options,
  );
  const all = new Map(rows.map((r) => [r.la_code, judgementOf(r)]));
  // A neighbour missing from local_authorities is still listed, as not inspected.
  const neighbourJudgements = neighbours.map(({ laCode, rank }) => {
    const j = all.get(laCode);
    return {
      laCode,
      name: j?.name ?? laCode,
      rank,
      status: j?.status ?? ("not inspected" as const),
      rating: j?.rating ?? null,
      publicationDate: j?.publicationDate ?? null,
    };
  });
  const inRegion = rows.filter((r) => r.region === own.region).map((r) => all.get(r.la_code)!);
  return {
    council: { ...all.get(code)!, region: own.region },
    neighbours: { distribution: ilacsDistribution(neighbourJudgements), councils: neighbourJudgements },
    region: { name: own.region, ...ilacsDistribution(inRegion) },
    england: ilacsDistribution([...all.values()]),
    sources: sources.map((s) => s.source),
  };
}
