/**
 * The eight claims of the Declaration of Interdependence (children's charities and unions), as
 * data: what each says (paraphrased), which registry measures test it, which query gives its
 * one-line answer, its charts, and — written once, here — what the data cannot tell and which
 * data would change that. No finding is written here: every finding is worded from the API's
 * numbers by ./words.ts.
 */
import { DELIVERY_MODEL_COUNCILS, type DimensionId } from "@lens/core";
import type { ChartRecipe } from "./chart-recipes.js";

/** Who the claims belong to, said the same way on every page and in every print. */
export const ATTRIBUTION =
  "Paraphrased from the Declaration of Interdependence for children's services, a joint statement by children's charities and unions.";

/** How a claim's one-line answer is read from the API. */
export type Headline =
  /** Groups of one measure compared (as recorded and, where the measure allows, like for like). */
  | {
      kind: "compare";
      metric: string;
      dimension: DimensionId;
      /** Only these groups (e.g. the two models the claim sets against each other). */
      groups?: readonly string[];
      /** The measure in a sentence ("the share of contracts lasting at least three years"). */
      words: string;
    }
  /** One council-level measure against each council's market mix, per proxy (metrics.scatter's Pearson r). */
  | {
      kind: "relation";
      x: string;
      ys: readonly string[];
      /** On a real build, the x measure reads only these sources (see MARKET_MIX_SOURCES). */
      realSources?: readonly string[];
    }
  /**
   * Councils whose children's services a trust or company ran at the time of each measure
   * (core's DELIVERY_MODELS) against the others: latest ILACS judgements, and each council-level
   * measure in its latest year.
   */
  | {
      kind: "delivery";
      measures: readonly { metric: string; words: string; realSources?: readonly string[] }[];
    }
  /** One measure for England (or the filters) at the first and last year with a value. */
  | {
      kind: "level";
      metric: string;
      words: string;
      /** What n counts, when the metric's row noun would mislead (council-years). */
      noun?: string;
      cash?: boolean;
      /**
       * On a real build, only these sources (the spend sources overlap and must not be added);
       * the generated sample has one source of its own, so the filter is not applied there.
       */
      realSources?: readonly string[];
      /** How the source restriction reads after the measure ("in the s251 outturn"). */
      sourceWords?: string;
    };

/**
 * A chart of a brief: a recipe, and on a real build the sources it reads (spend sources overlap,
 * so a spend chart reads one); the generated sample has one source of its own and is unfiltered.
 */
export type EvidenceChart = ChartRecipe & {
  realSources?: readonly string[];
  /** Only these councils, unless the reader chose a council (claim 6: the councils that have had a trust or company). */
  councils?: readonly string[];
};

export interface Claim {
  /** The URL slug: /evidence/<id>. */
  id: string;
  number: number;
  /** A short name for lists and the page title. */
  title: string;
  /** The claim in one sentence, paraphrased. */
  claim: string;
  /** Whether the open data measure the claim itself, only proxies for it, or not yet. */
  measured: "directly" | "proxies" | "not yet";
  /** Registry metric ids the page uses (shown with their definitions). */
  measures: readonly string[];
  headline: Headline;
  charts: readonly EvidenceChart[];
  /** Charts left out of the printed brief (a ranking of every council is pages long), with why. */
  screenOnly?: { ids: readonly string[]; why: string };
  /** What these data cannot tell you. */
  cannot: string;
  /** The data that would change that. */
  wouldChange: string;
}

const page = (id: string) => `/evidence/${id}`;

/** The for-profit share of spend is the council's market mix that proxies are set against. */
export const MARKET_MIX = "spend_share_for_profit";
/**
 * The spend sources overlap (the s251 outturn, a research panel built from it, council ledgers),
 * so on a real build a council's market mix is read from the s251 outturn alone, the one source
 * that covers every council in the same way. The sample has one generated source, so it is unfiltered.
 */
export const MARKET_MIX_SOURCES = ["s251-outturn"] as const;

function scatter(claim: string, y: string, title: string): EvidenceChart {
  return {
    id: `evidence-${claim}-${y}-vs-market-mix`,
    page: page(claim),
    metric: y,
    x: MARKET_MIX,
    chart: "scatter",
    groupBy: [],
    title,
    realSources: MARKET_MIX_SOURCES,
  };
}

export const CLAIMS: readonly Claim[] = [
  {
    id: "quality",
    number: 1,
    title: "Price-driven competition lowers quality",
    claim:
      "Competition on price has driven down the quality of children's services, so provision run for profit is worse than provision run by councils and charities.",
    measured: "directly",
    measures: [
      "homes_good_outstanding",
      "homes_inadequate",
      "supplier_homes_good_outstanding",
      "contracts_supplier_without_home",
      "weekly_cost_per_child",
    ],
    headline: {
      kind: "compare",
      metric: "homes_good_outstanding",
      dimension: "sector",
      // The claim sets for-profit against council and charity provision; the few NHS-run homes are in the charts.
      groups: ["Private", "Voluntary", "Local Authority"],
      words: "the share of children's homes rated Good or Outstanding",
    },
    charts: [
      {
        id: "evidence-quality-homes-good-outstanding-by-sector",
        page: page("quality"),
        metric: "homes_good_outstanding",
        chart: "bar",
        groupBy: ["sector"],
        title: "Children's homes rated Good or Outstanding, by sector",
        subtitle: "Share of inspected children's homes, all snapshots in the selection; whiskers: 95% interval",
      },
      {
        id: "evidence-quality-homes-good-outstanding-by-year",
        page: page("quality"),
        metric: "homes_good_outstanding",
        chart: "line",
        groupBy: ["year", "sector"],
        title: "Children's homes rated Good or Outstanding, by sector, over time",
        subtitle: "Share of inspected children's homes at each 31 March snapshot",
      },
      {
        id: "evidence-quality-supplier-homes-by-model",
        page: page("quality"),
        metric: "supplier_homes_good_outstanding",
        chart: "bar",
        groupBy: ["model"],
        title: "Contract suppliers' children's homes rated Good or Outstanding, by commissioning model",
        subtitle:
          "Of the rated children's homes run by each contract's supplier at the snapshot before it started; whiskers: 95% interval",
      },
      {
        id: "evidence-quality-weekly-cost-by-provider",
        page: page("quality"),
        metric: "weekly_cost_per_child",
        chart: "bar",
        groupBy: ["provider_ownership"],
        title: "Weekly placement cost per child, by provider type",
        subtitle:
          "s251 residential and fostering spend ÷ children placed with that kind of provider ÷ 52.18 weeks, £ cash; the years in the selection pooled",
      },
    ],
    cannot:
      "Ratings by sector describe who runs the homes, not how they were commissioned. Ratings by commissioning model read the homes a contract's supplier ran, linked by name to Ofsted's owners: they say who councils contract with, not which homes a contract bought, and contracts whose supplier runs no rated home (most of them: transport, family support, fostering agencies, names the linkage cannot match) are counted, not rated. The weekly cost by provider type is an average over all of a council's residential and fostering placements with that kind of provider, in the years both sources publish, not the fee for a home of a given rating. A rating is the latest full inspection at each snapshot and can be years old.",
    wouldChange:
      "Ofsted's provider URNs on contract and placement records (which home each placement bought), and the weekly fee paid for each placement, so that the quality and the cost of the same homes could be set side by side.",
  },
  {
    id: "contract-length",
    number: 2,
    title: "Contracts should run at least three years",
    claim:
      "Councils should let contracts for children's services run for at least three years, rather than re-tendering them on short cycles.",
    measured: "directly",
    measures: ["share_36_months", "median_duration_months"],
    headline: {
      kind: "compare",
      metric: "share_36_months",
      dimension: "model",
      groups: ["market-led", "cooperative"],
      words: "the share of contracts lasting at least three years",
    },
    charts: [
      {
        id: "evidence-contract-length-share-36-by-model",
        page: page("contract-length"),
        metric: "share_36_months",
        chart: "bar",
        groupBy: ["model"],
        title: "Contracts lasting at least three years, by commissioning model",
        subtitle: "Share of contracts with a known length; as recorded and like for like, with 95% intervals",
      },
      {
        id: "evidence-contract-length-duration-by-model",
        page: page("contract-length"),
        metric: "median_duration_months",
        chart: "box",
        groupBy: ["model"],
        title: "Contract length by commissioning model",
        subtitle: "Each contract's length in months, against the three-year ask",
        referenceLines: [{ value: 36, label: "Three-year ask", colour: "#1d1d1f" }],
      },
      {
        id: "evidence-contract-length-share-36-by-council",
        page: page("contract-length"),
        metric: "share_36_months",
        chart: "bar",
        groupBy: ["council"],
        title: "Contracts lasting at least three years, by council",
        subtitle: "Share of each council's contracts with a known length; the ask is all of them (100%)",
        sortByValue: true,
        horizontal: true,
      },
    ],
    screenOnly: {
      ids: ["evidence-contract-length-share-36-by-council"],
      why: "The ranking of every council is on the web page (see the permalink); choose a council to print its own distance to the ask.",
    },
    cannot:
      "Only contracts that councils publish are counted, and their recorded length may leave out optional extensions. A council whose contracts are mostly from its own register is compared with others seen only through notices. Length by model is not length by outcome: these data do not show whether longer contracts served children better.",
    wouldChange:
      "Complete contract registers from every council (with extensions and actual end dates), so a council's share could be read from all its contracts, not only the notices it published.",
  },
  {
    id: "retendering",
    number: 3,
    title: "Re-tendering churns services",
    claim:
      "Repeated tendering churns services: the same service is re-let again and again, disrupting children and staff.",
    measured: "proxies",
    measures: ["retender_within_3y"],
    headline: {
      kind: "compare",
      metric: "retender_within_3y",
      dimension: "model",
      groups: ["market-led", "cooperative"],
      words: "the share of contracts re-tendered within three years",
    },
    charts: [
      {
        id: "evidence-retendering-by-model",
        page: page("retendering"),
        metric: "retender_within_3y",
        chart: "bar",
        groupBy: ["model"],
        title: "Contracts re-tendered within three years, by commissioning model",
        subtitle: "Share followed by a new contract from the same council for the same service within three years",
      },
      {
        id: "evidence-retendering-by-year",
        page: page("retendering"),
        metric: "retender_within_3y",
        chart: "line",
        groupBy: ["year"],
        title: "Contracts re-tendered within three years, by year",
        subtitle: "Share of each year's contracts followed by a new one for the same service within three years",
      },
    ],
    cannot:
      "This is approximate: a 'same service' is a broad category (two different residential contracts count as a re-tender), lots let on different dates look like re-tenders of each other, and contracts from the last three years of the data are left out because their follow-up cannot be seen yet. It counts contracts, not children who changed provider.",
    wouldChange:
      "A contract identifier that persists across re-procurements (OCDS 'related processes' filled in by councils), and placement-level records of children who moved provider when a contract changed hands.",
  },
  {
    id: "placement-stability",
    number: 4,
    title: "“Creaming and parking” and placement instability",
    claim:
      "Providers in a market pick the children who are easiest to care for and leave the rest (“creaming and parking”), and children are moved more and placed further from home.",
    measured: "proxies",
    measures: [
      "cla_three_plus_placements",
      "placement_changes_provider_closure",
      "new_placements_over_20_miles",
      "homes_placed_outside_council",
      MARKET_MIX,
    ],
    headline: {
      kind: "relation",
      x: MARKET_MIX,
      realSources: MARKET_MIX_SOURCES,
      ys: [
        "cla_three_plus_placements",
        "placement_changes_provider_closure",
        "new_placements_over_20_miles",
        "homes_placed_outside_council",
      ],
    },
    charts: [
      scatter(
        "placement-stability",
        "cla_three_plus_placements",
        "Three or more placements in the year, by market mix",
      ),
      scatter(
        "placement-stability",
        "placement_changes_provider_closure",
        "Placement changes caused by provider closure, by market mix",
      ),
      scatter("placement-stability", "new_placements_over_20_miles", "New placements over 20 miles, by market mix"),
      scatter(
        "placement-stability",
        "homes_placed_outside_council",
        "Children's home placements outside the council, by market mix",
      ),
    ],
    cannot:
      "These are proxies, not measures of creaming and parking: no open data record which children providers accept or refuse. A correlation across councils is not a cause. The market mix is the share of spend with for-profit providers in the s251 outturn, over every service and every year of the selection, while each proxy is its latest published year: the two need not be the same years.",
    wouldChange:
      "Referral and refusal records (which placements providers were asked for and declined, and why), and placement moves linked to the provider and the contract that bought the placement.",
  },
  {
    id: "staff",
    number: 5,
    title: "Staff terms and conditions",
    claim: "Competition has worsened the pay and terms of the people who care for children, and staffing has suffered.",
    measured: "proxies",
    measures: ["social_worker_agency_rate", "social_worker_turnover", "social_worker_vacancy_rate", MARKET_MIX],
    headline: {
      kind: "relation",
      x: MARKET_MIX,
      realSources: MARKET_MIX_SOURCES,
      ys: ["social_worker_agency_rate", "social_worker_turnover", "social_worker_vacancy_rate"],
    },
    charts: [
      scatter("staff", "social_worker_agency_rate", "Agency social workers, by market mix"),
      scatter("staff", "social_worker_turnover", "Social worker turnover, by market mix"),
      scatter("staff", "social_worker_vacancy_rate", "Social worker vacancies, by market mix"),
      {
        id: "evidence-staff-agency-rate-by-year",
        page: page("staff"),
        metric: "social_worker_agency_rate",
        chart: "line",
        groupBy: ["year"],
        title: "Agency child and family social workers, over time",
        subtitle: "Share of social worker FTE at 30 September (DfE's published rate)",
      },
    ],
    cannot:
      "These are councils' own social workers; the open data say nothing about the pay, contracts or turnover of staff employed by providers, which is where the claim bites hardest. A correlation across councils is not a cause, and the market mix (s251 spend, every year of the selection) and the staff figures (latest published year) need not be the same years.",
    wouldChange:
      "Workforce data from providers (pay, contract type, turnover and vacancies in children's homes and fostering agencies), which Ofsted's annual provider returns collect but do not publish by provider.",
  },
  {
    id: "commissioning-function",
    number: 6,
    title: "Commissioning itself should not be outsourced",
    claim:
      "Councils should keep the commissioning of children's services themselves, rather than handing the function to trusts or companies.",
    measured: "proxies",
    measures: [
      "spend_share_for_profit",
      "placement_spend_per_cla",
      "cla_three_plus_placements",
      "new_placements_over_20_miles",
    ],
    headline: {
      kind: "delivery",
      measures: [
        {
          metric: "spend_share_for_profit",
          words: "the share of spend with for-profit providers (s251 outturn)",
          realSources: MARKET_MIX_SOURCES,
        },
        { metric: "placement_spend_per_cla", words: "placement spend per child looked after (cash)" },
        {
          metric: "cla_three_plus_placements",
          words: "the share of children looked after with three or more placements",
        },
        { metric: "new_placements_over_20_miles", words: "the share of new placements over 20 miles from home" },
      ],
    },
    charts: [
      {
        id: "evidence-commissioning-for-profit-spend-trust-councils",
        page: page("commissioning-function"),
        metric: "spend_share_for_profit",
        chart: "bar",
        groupBy: ["council"],
        title: "Share of spend with for-profit providers, councils that have had a trust or company",
        subtitle:
          "Each council's spend with private providers as a share of spend of known ownership, s251 outturn, the years in the selection pooled, whether or not the body ran the service in them",
        sortByValue: true,
        horizontal: true,
        realSources: MARKET_MIX_SOURCES,
        councils: DELIVERY_MODEL_COUNCILS,
      },
      {
        id: "evidence-commissioning-three-plus-trust-councils",
        page: page("commissioning-function"),
        metric: "cla_three_plus_placements",
        chart: "bar",
        groupBy: ["council"],
        title: "Three or more placements in the year, councils that have had a trust or company",
        subtitle: "Share of each council's children looked after, DfE's published rate, latest year",
        sortByValue: true,
        horizontal: true,
        councils: DELIVERY_MODEL_COUNCILS,
      },
    ],
    screenOnly: {
      ids: ["evidence-commissioning-for-profit-spend-trust-councils"],
      why: "Each listed council's share of spend with for-profit providers is charted on the web page (see the permalink); their median and range are in the findings above.",
    },
    cannot:
      "About a dozen councils are set against the rest, and most of the bodies were imposed by government direction after an Inadequate judgement, so the groups differed before any trust existed: neither a gap nor its absence shows what a trust or company causes. The list leaves out partnerships and shared services. In an independent trust's years its council's own-provision spend is of unknown ownership, which raises that council's for-profit share. A trust commissions for its council, so where commissioning should sit — the claim itself — is not what these numbers measure.",
    wouldChange:
      "Each council's measures before and after its trust or company began, against similar councils judged Inadequate that were not directed; and records of who holds the commissioning function in each council.",
  },
  {
    id: "spending-plan",
    number: 7,
    title: "A five-year spending plan",
    claim:
      "Children's services need a five-year national spending plan, because year-to-year funding has not kept up with need.",
    measured: "proxies",
    measures: ["placement_spend_per_cla", "spend_total"],
    headline: {
      kind: "level",
      metric: "placement_spend_per_cla",
      words: "placement spend per child looked after",
      noun: "council-years",
      cash: true,
    },
    charts: [
      {
        id: "evidence-spending-plan-per-cla-by-year",
        page: page("spending-plan"),
        metric: "placement_spend_per_cla",
        chart: "line",
        groupBy: ["year"],
        title: "Placement spend per child looked after, over time",
        subtitle: "£ cash per child looked after at 31 March (not adjusted for inflation)",
      },
      {
        id: "evidence-spending-plan-spend-by-year",
        page: page("spending-plan"),
        metric: "spend_total",
        chart: "line",
        groupBy: ["year"],
        title: "Children's services spend in the s251 outturn, over time",
        subtitle: "£ cash, all councils in the selection; one source only, because the spend sources overlap",
        realSources: MARKET_MIX_SOURCES,
      },
    ],
    cannot:
      "These figures are cash: the warehouse holds no price deflator, so they do not show spend in real terms, and a rise in cash can be a fall in what it buys. Spend is not need: the data do not say whether spend kept up with the number or needs of children.",
    wouldChange:
      "A published deflator series as reference data (HM Treasury's GDP deflators, with its release date), and the full s251 outturn for every year, to show spend per child in real terms.",
  },
  {
    id: "quality-weighting",
    number: 8,
    title: "Weight quality and social value in tendering",
    claim:
      "When councils tender, they should weight quality and social value above price in deciding who wins the contract.",
    measured: "not yet",
    measures: ["single_tenderer_share", "procedure_mix"],
    headline: {
      kind: "level",
      metric: "single_tenderer_share",
      words: "the share of contracts with a single tenderer",
    },
    charts: [
      {
        id: "evidence-quality-weighting-procedure-mix",
        page: page("quality-weighting"),
        metric: "procedure_mix",
        chart: "stacked-bar",
        groupBy: ["model"],
        title: "How contracts were awarded, by commissioning model",
        subtitle: "Share of each model's contracts by procedure type",
      },
      {
        id: "evidence-quality-weighting-single-tenderer",
        page: page("quality-weighting"),
        metric: "single_tenderer_share",
        chart: "line",
        groupBy: ["year"],
        title: "Contracts with a single tenderer, over time",
        subtitle: "Share of contracts where the number of tenderers is known",
      },
    ],
    cannot:
      "The open notices read here do not record the award criteria or their weights (price against quality and social value), so whether councils weight quality cannot be measured yet. How contracts were awarded, and how many bid, is what the notices do record.",
    wouldChange:
      "The award criteria and their weightings from each tender (the OCDS 'awardCriteria' fields, which Find a Tender notices can carry), and the scores of winning and losing bids.",
  },
];

export function claimById(id: string): Claim | undefined {
  return CLAIMS.find((c) => c.id === id);
}

/** Every evidence chart, for /embed/<id> to find by id. */
export const EVIDENCE_RECIPES: readonly ChartRecipe[] = CLAIMS.flatMap((c) => c.charts);
