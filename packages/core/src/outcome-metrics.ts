/**
 * Outcomes for children, by council: figures DfE publishes per council, region and England
 * (children looked after, care leavers, FOI children's-homes placements, the social work
 * workforce), read from `council_indicators`.
 *
 * These metrics use the `published` aggregate: a query for England reads the file's own England
 * row, a query by region its regional rows, a query by council the council rows. Nothing is
 * re-derived by averaging councils, and a group of several areas (e.g. ten neighbours pooled)
 * has no value, because published rates cannot be pooled without their counts.
 */
import type { DimensionId } from "./dimensions.js";
import type { MetricDef } from "./metrics.js";

/** Where and when only: a published figure has no other breakdown. */
const OUTCOME_DIMENSIONS = ["council", "region", "year"] as const satisfies readonly DimensionId[];

const CLA_OUTCOMES = ["dfe-cla-outcomes"] as const;
const CSWW = ["dfe-csww"] as const;
const FOI_HOMES = ["dfe-foi-childrens-homes"] as const;

const PUBLISHED_AREAS =
  "England and regional values are DfE's own England and regional rows, not recomputed from councils. Those counts are rounded to the nearest 10 (council counts are not), so their ratio can differ from an exact one by a fraction of a point.";
const SUPPRESSED =
  "Cells DfE suppresses (c: small numbers, z: not applicable, x, u, low…) are missing, never 0; the marker is kept in council_indicators.marker.";
const LATEST_YEAR =
  "Without a year in the grouping, every area shows the latest year of the selection, the same year for all: blank where that year is suppressed (an older year is never shown in its place), and absent for a council whose figures stop earlier (e.g. one abolished by a boundary change).";
const WORKFORCE_RATES =
  "The value is DfE's published rate. council_indicators also keeps the FTEs behind it as numerator and denominator; DfE computes the rate from unrounded FTEs, so their ratio can differ from it by rounding (and for England in 2023–2024 by more).";

export const OUTCOME_METRICS = [
  {
    id: "cla_three_plus_placements",
    label: "Children looked after with three or more placements in the year",
    shortLabel: "3+ placements in year",
    definition:
      "Children looked after at 31 March who had three or more placements during the year, as a share of all children looked after at 31 March (DfE's placement stability measure: the 'CLA on 31 March' group, 'With 3 or more placements during the year' over 'Total children'). Council, regional and England figures are DfE's own rows.",
    kind: "ratio",
    format: "percent",
    unit: "share of children looked after",
    table: "council_indicators",
    aggregate: { kind: "published" },
    dimensions: OUTCOME_DIMENSIONS,
    minN: 1,
    sources: CLA_OUTCOMES,
    caveats: [
      PUBLISHED_AREAS,
      SUPPRESSED,
      LATEST_YEAR,
      "A planned move (e.g. to adoption) counts as a placement change like any other.",
    ],
    polarity: "lower-better",
  },
  {
    id: "cla_same_carer_2y",
    label: "Long-term placement stability: same carer for at least two years",
    shortLabel: "Same carer ≥ 2 yrs",
    definition:
      "Children under 16 looked after continuously for at least two and a half years at 31 March who had lived with the same carer for at least two years, as a share of all such children (DfE's long-term stability measure). Council, regional and England figures are DfE's own rows.",
    kind: "ratio",
    format: "percent",
    unit: "share of children in long-term care",
    table: "council_indicators",
    aggregate: { kind: "published" },
    dimensions: OUTCOME_DIMENSIONS,
    minN: 1,
    sources: CLA_OUTCOMES,
    caveats: [PUBLISHED_AREAS, SUPPRESSED, LATEST_YEAR],
    polarity: "higher-better",
  },
  {
    id: "placement_changes_provider_closure",
    label: "Placement changes caused by the provider resigning or closing",
    shortLabel: "Changes: provider closure",
    definition:
      "Placement changes during the year whose recorded reason is 'Resignation or closure of provision', as a share of all placement changes in the year ('Total placements changing'). A measure of market instability as children experience it. Council, regional and England figures are DfE's own rows.",
    kind: "ratio",
    format: "percent",
    unit: "share of placement changes",
    table: "council_indicators",
    aggregate: { kind: "published" },
    dimensions: OUTCOME_DIMENSIONS,
    minN: 1,
    sources: CLA_OUTCOMES,
    caveats: [
      PUBLISHED_AREAS,
      SUPPRESSED,
      LATEST_YEAR,
      "The reason is the one the council records for the change; a closure after a poor inspection may be recorded as a standards-of-care concern instead.",
      "Counts are placement changes, not children: a child can move several times.",
    ],
    polarity: "lower-better",
  },
  {
    id: "new_placements_over_20_miles",
    label: "New placements more than 20 miles from home",
    shortLabel: "New placements > 20 miles",
    definition:
      "New placements during the year more than 20 miles from the child's home (inside or outside the council's boundary), as a share of new placements whose distance is recorded: (inside > 20 miles + outside > 20 miles) ÷ (total new placements − distance not known or not recorded). Council, regional and England figures are computed the same way from DfE's own rows for that area.",
    kind: "ratio",
    format: "percent",
    unit: "share of new placements with a known distance",
    table: "council_indicators",
    aggregate: { kind: "published" },
    dimensions: OUTCOME_DIMENSIONS,
    minN: 1,
    sources: CLA_OUTCOMES,
    caveats: [
      "DfE's own percentages divide by all new placements, including those whose distance is not recorded (16% in England in 2024); this share leaves them out rather than counting them as near home, so it is higher than DfE's.",
      "Missing where any of the four counts is suppressed.",
      PUBLISHED_AREAS,
      LATEST_YEAR,
    ],
    polarity: "lower-better",
  },
  {
    id: "care_leavers_suitable_accommodation",
    label: "Care leavers aged 19–21 in suitable accommodation",
    shortLabel: "Care leavers: suitable accommodation",
    definition:
      "Care leavers aged 19 to 21 whose accommodation the council considers suitable, as a share of those whose suitability is known ('Accommodation considered suitable' ÷ (suitable + not suitable)). Council, regional and England figures are computed the same way from DfE's own rows for that area.",
    kind: "ratio",
    format: "percent",
    unit: "share of care leavers aged 19–21 with known accommodation",
    table: "council_indicators",
    aggregate: { kind: "published" },
    dimensions: OUTCOME_DIMENSIONS,
    minN: 1,
    sources: CLA_OUTCOMES,
    caveats: [
      "DfE's own percentage divides by all care leavers of the age, including those with no information; this share leaves 'No information' out of the denominator rather than counting it as unsuitable.",
      "Ages 17–18 are in council_indicators too (breakdown '17 to 18'), and ages 22–25 for 2023–2024.",
      PUBLISHED_AREAS,
      SUPPRESSED,
      LATEST_YEAR,
    ],
    polarity: "higher-better",
  },
  {
    id: "care_leavers_eet",
    label: "Care leavers aged 19–21 in education, employment or training",
    shortLabel: "Care leavers: EET",
    definition:
      "Care leavers aged 19 to 21 in education, employment or training, as a share of those whose activity is known ('Total in education, employment or training' ÷ (Total − 'Total information not known')). Council, regional and England figures are computed the same way from DfE's own rows for that area.",
    kind: "ratio",
    format: "percent",
    unit: "share of care leavers aged 19–21 with known activity",
    table: "council_indicators",
    aggregate: { kind: "published" },
    dimensions: OUTCOME_DIMENSIONS,
    minN: 1,
    sources: CLA_OUTCOMES,
    caveats: [
      "DfE's own percentage divides by all care leavers of the age, including those whose activity is not known; this share leaves them out rather than counting them as not in education, employment or training.",
      "Ages 17–18 are in council_indicators too (breakdown '17 to 18').",
      PUBLISHED_AREAS,
      SUPPRESSED,
      LATEST_YEAR,
    ],
    polarity: "higher-better",
  },
  {
    id: "social_worker_agency_rate",
    label: "Agency child and family social workers",
    shortLabel: "Agency social workers",
    definition:
      "Agency (not directly employed) child and family social workers as a share of all social workers, agency and in post, in full-time equivalents at 30 September: DfE's published agency worker rate (agency_rate_fte). A measure of how far a council relies on the staffing market.",
    kind: "ratio",
    format: "percent",
    unit: "share of social worker FTE",
    table: "council_indicators",
    aggregate: { kind: "published" },
    dimensions: OUTCOME_DIMENSIONS,
    minN: 1,
    sources: CSWW,
    caveats: [WORKFORCE_RATES, "England and regional values are DfE's own rows.", SUPPRESSED, LATEST_YEAR],
    polarity: "lower-better",
  },
  {
    id: "social_worker_turnover",
    label: "Social worker turnover",
    shortLabel: "Turnover",
    definition:
      "Child and family social workers (FTE) who left the council in the year to 30 September, as a share of those in post at 30 September: DfE's published turnover rate (turnover_rate_fte).",
    kind: "ratio",
    format: "percent",
    unit: "share of social worker FTE",
    table: "council_indicators",
    aggregate: { kind: "published" },
    dimensions: OUTCOME_DIMENSIONS,
    minN: 1,
    sources: CSWW,
    caveats: [
      WORKFORCE_RATES,
      "England and regional values are DfE's own rows.",
      "Leavers include moves to another council, so turnover is not loss to the profession.",
      SUPPRESSED,
      LATEST_YEAR,
    ],
    polarity: "lower-better",
  },
  {
    id: "social_worker_vacancy_rate",
    label: "Social worker vacancy rate",
    shortLabel: "Vacancy rate",
    definition:
      "Vacant child and family social worker posts (FTE) at 30 September as a share of vacancies plus social workers in post: DfE's published vacancy rate (vacancy_rate_fte). Vacancies covered by agency staff count as vacancies.",
    kind: "ratio",
    format: "percent",
    unit: "share of social worker posts",
    table: "council_indicators",
    aggregate: { kind: "published" },
    dimensions: OUTCOME_DIMENSIONS,
    minN: 1,
    sources: CSWW,
    caveats: [WORKFORCE_RATES, "England and regional values are DfE's own rows.", SUPPRESSED, LATEST_YEAR],
    polarity: "lower-better",
  },
  {
    id: "homes_placed_outside_council",
    label: "Children in children's homes placed outside their council",
    shortLabel: "Homes placements outside council",
    definition:
      "Children looked after at 31 March living in children's homes who are placed outside the boundary of the council responsible for them, as a share of all the council's children in children's homes: DfE's published percentage (whole numbers), with the count kept as numerator (FOI 2024-0040813, part 2).",
    kind: "ratio",
    format: "percent",
    unit: "share of children in children's homes",
    table: "council_indicators",
    aggregate: { kind: "published" },
    dimensions: OUTCOME_DIMENSIONS,
    minN: 1,
    sources: FOI_HOMES,
    caveats: [
      "The release publishes the percentage to whole numbers and no denominator, so the value carries that rounding.",
      "Outside the boundary is not the same as far away: a home just across the border counts.",
      "Children placed under a series of short-term respite placements are left out, as in the release.",
      PUBLISHED_AREAS,
      SUPPRESSED,
      LATEST_YEAR,
    ],
    polarity: "neutral",
  },
  {
    id: "homes_net_gain",
    label: "Net gain of children in children's homes",
    shortLabel: "Homes net gain",
    definition:
      "Children looked after at 31 March in children's homes who are other councils' responsibility placed inside this council's boundary, minus this council's own children in children's homes placed outside it (FOI 2024-0040813, part 1). Positive: the area hosts more children from elsewhere than it sends away.",
    kind: "count",
    format: "integer",
    unit: "children",
    table: "council_indicators",
    aggregate: { kind: "published" },
    dimensions: OUTCOME_DIMENSIONS,
    minN: 1,
    sources: FOI_HOMES,
    caveats: [
      "England's net gain is not zero (−300 in 2024): national and regional figures are rounded to the nearest 10, and a child placed outside England leaves one council's count without joining another's.",
      SUPPRESSED,
      LATEST_YEAR,
    ],
    polarity: "neutral",
  },
] as const satisfies readonly MetricDef[];
