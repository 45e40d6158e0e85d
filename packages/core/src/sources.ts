/**
 * The source catalogue: every dataset Lens can read, who publishes it, where it lives and
 * under which licence. The build records which of these a warehouse was made from; the API,
 * the methods page and every export read their "Source: …" lines from here.
 */

export type SourceKind = "official" | "derived" | "sample";

export interface SourceInfo {
  id: string;
  title: string;
  publisher: string;
  url: string;
  licence: string;
  licenceUrl: string;
  kind: SourceKind;
  /** What one row is, and what to watch out for, in a sentence or two. */
  notes: string;
  /** A short name that reads inside a sentence ("… come from <label>"); the title when absent. */
  label?: string;
  /** The council whose own list this source is, when it is one council's (DfE code). */
  laCode?: string;
  /**
   * The date a register lists contracts live on (YYYY-MM-DD), for sources that are one
   * snapshot rather than a flow of notices: trends by start year from them over-represent
   * long contracts in early years (contracts that had already ended were not listed).
   */
  snapshotDate?: string;
}

export const OGL3 = {
  licence: "Open Government Licence v3.0",
  licenceUrl: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
} as const;

/**
 * Council files that carry no licence statement, published by councils that publish spending
 * and contract data under OGL v3.0 (Local Government Transparency Code): shown as the
 * council's own OGL publication, with the caveat in the licence line itself.
 */
export const COUNCIL_OGL_NOT_STATED = {
  licence: "Open Government Licence v3.0 (as published by the council; not stated in the file)",
  licenceUrl: OGL3.licenceUrl,
} as const;

export const SOURCES = [
  {
    id: "la-reference",
    title: "Local authority lookup with statistical neighbours",
    publisher: "Data to Insight (from DfE and ONS)",
    url: "https://www.datatoinsight.org/",
    ...OGL3,
    kind: "official",
    notes: "DfE 3-digit codes, ONS codes, regions, council types and the 10 statistical neighbours of each council.",
  },
  {
    id: "ofsted-providers",
    title: "Children's social care in England: provider level data as at 31 March",
    publisher: "Ofsted",
    url: "https://www.gov.uk/government/collections/childrens-social-care-statistics",
    ...OGL3,
    kind: "official",
    label: "Ofsted's provider files",
    notes:
      "One row per registered provider per snapshot. Some years list only providers with a full inspection; ratings are the latest full inspection.",
  },
  {
    id: "ofsted-inspections",
    title: "Children's social care: inspections carried out in the year",
    publisher: "Ofsted",
    url: "https://www.gov.uk/government/collections/childrens-social-care-statistics",
    ...OGL3,
    kind: "official",
    notes: "One row per inspection event in a financial year.",
  },
  {
    id: "ofsted-joiners-leavers",
    title: "Children's social care providers joining and leaving the register",
    publisher: "Ofsted",
    url: "https://www.gov.uk/government/collections/childrens-social-care-statistics",
    ...OGL3,
    kind: "official",
    notes: "Providers that registered or de-registered during the year.",
  },
  {
    id: "ofsted-ilacs",
    title: "Inspections of local authority children's services (ILACS): latest judgements",
    publisher: "Data to Insight (from Ofsted reports)",
    url: "https://www.gov.uk/government/collections/ofsted-inspections-of-local-authority-childrens-services",
    ...OGL3,
    kind: "derived",
    notes: "Latest overall ILACS judgement per council, scraped from published reports.",
  },
  {
    id: "s251-outturn",
    title: "Section 251 outturn: children's and young people's services",
    publisher: "Department for Education",
    url: "https://www.gov.uk/government/collections/section-251-materials",
    ...OGL3,
    kind: "official",
    label: "the section 251 outturn returns",
    notes: "Spend per council and budget line, split by own provision, private, other public and voluntary providers.",
  },
  {
    id: "dfe-cla",
    title: "Children looked after in England, including placements by provider",
    publisher: "Department for Education",
    url: "https://explore-education-statistics.service.gov.uk/find-statistics/children-looked-after-in-england-including-adoptions",
    ...OGL3,
    kind: "official",
    notes: "Children looked after at 31 March by council and placement provider. Suppressed cells are kept as missing.",
  },
  {
    id: "dfe-cla-outcomes",
    title: "Children looked after in England: placement stability, new placements and care leavers, by council",
    publisher: "Department for Education",
    url: "https://explore-education-statistics.service.gov.uk/find-statistics/children-looked-after-in-england-including-adoptions",
    ...OGL3,
    kind: "official",
    label: "DfE's children looked after statistics",
    notes:
      "Council, regional and England rows as DfE publishes them (SSDA903 return). National and regional counts are rounded to the nearest 10; suppressed cells (c, z, k…) are kept as missing with their marker.",
  },
  {
    id: "dfe-foi-childrens-homes",
    title:
      "Children looked after placed in children's homes: net gain and placements outside the council (FOI 2024-0040813)",
    publisher: "Department for Education (Freedom of Information release)",
    url: "https://explore-education-statistics.service.gov.uk/methodology/children-looked-after-in-england-including-adoptions#content-section-3-content-6",
    licence:
      "Crown copyright FOI disclosure; the files state no licence (DfE FOI releases are normally re-usable under OGL v3.0)",
    licenceUrl: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    kind: "official",
    label: "DfE's FOI release on children's homes placements",
    notes:
      "Children looked after at 31 March in children's homes, by responsible council, 2014–2024. The URL is the methodology page the files cite; the release has no page of its own.",
  },
  {
    id: "dfe-csww",
    title: "Children's social work workforce: agency workers, turnover and vacancies, by council",
    publisher: "Department for Education",
    url: "https://explore-education-statistics.service.gov.uk/find-statistics/children-s-social-work-workforce",
    ...OGL3,
    kind: "official",
    label: "DfE's children's social work workforce statistics",
    notes:
      "Rates at 30 September as DfE publishes them, per council, region and England. The source files state no URL; this is the publication's home.",
  },
  {
    id: "derived-cla-spend",
    title: "Looked-after children's spend by provider ownership, council panel 2011–2021",
    publisher: "Goodair et al. (research panel built from DfE s251 returns)",
    url: "https://github.com/BenGoodair/Care-Markets",
    licence: "Research data, reused with attribution",
    licenceUrl: "https://github.com/BenGoodair/Care-Markets",
    kind: "derived",
    notes: "A researcher-built panel, not an official statistic.",
  },
  {
    id: "devon-spend",
    title: "Devon County Council spending over £500 (children's services lines)",
    publisher: "Devon County Council",
    url: "https://www.devon.gov.uk/accessto/information/spending-over-500",
    ...OGL3,
    kind: "official",
    label: "Devon County Council's spending over £500",
    notes: "Payment ledger lines; supplier category gives ownership where present.",
  },
  {
    id: "devon-grants",
    title: "Devon County Council grants to the voluntary and community sector",
    publisher: "Devon County Council",
    url: "https://github.com/Devon-County-Council/grants",
    ...OGL3,
    kind: "official",
    label: "Devon County Council's grants register",
    notes: "Grant awards and payments; cooperative by construction.",
  },
  {
    id: "darlington-spend",
    title: "Darlington Borough Council transactions over £500 (children's services lines)",
    publisher: "Darlington Borough Council",
    url: "https://www.darlington.gov.uk/your-council/council-information/financial-information/spending-data/",
    ...COUNCIL_OGL_NOT_STATED,
    kind: "official",
    label: "Darlington Borough Council's spending over £500",
    laCode: "841",
    notes:
      "Payment lines, 2010–2022, from ODI Leeds' cleaned copies (header lines removed, dates made ISO). Children's lines chosen by service; the month is the month the file reports. Lines outside children's services are counted as rejected ('out of scope'), about three in four.",
  },
  {
    id: "salford-spend",
    title: "Salford City Council expenditure over £500 (children's services lines)",
    publisher: "Salford City Council",
    url: "https://www.salford.gov.uk/your-council/finance/council-expenditure-over-500/",
    ...COUNCIL_OGL_NOT_STATED,
    kind: "official",
    label: "Salford City Council's expenditure over £500",
    laCode: "355",
    notes:
      "Payment lines (net of VAT), 2011–2022, from ODI Leeds' cleaned copies. Children's lines are those whose directorate names children; lines outside them are counted as rejected ('out of scope'), about two in three. Six months' original URLs are unknown.",
  },
  {
    id: "wakefield-spend",
    title: "Wakefield Council spend over £500 (children's services lines)",
    publisher: "Wakefield Metropolitan District Council",
    url: "https://datamillnorth.org/dataset/wakefield-council-spend-over-500-pounds",
    ...COUNCIL_OGL_NOT_STATED,
    kind: "official",
    label: "Wakefield Council's spend over £500",
    laCode: "384",
    notes:
      "Payment lines, April 2014 – April 2019, from ODI Leeds' cleaned copies; directorate CHILDYOU; other directorates' lines are counted as rejected ('out of scope'), and so is the 2021-22 Q4 procurement-card list. Supplier company and charity numbers where the council gives them.",
  },
  {
    id: "contracts-finder",
    title: "Contracts Finder notices (OCDS releases and CSV exports)",
    publisher: "Cabinet Office",
    url: "https://www.contractsfinder.service.gov.uk/",
    ...OGL3,
    kind: "official",
    label: "Contracts Finder",
    notes: "Tender and award notices for English public contracts above £10k (£25k for councils).",
  },
  {
    id: "find-a-tender",
    title: "Find a Tender service (OCDS release packages)",
    publisher: "Cabinet Office",
    url: "https://www.find-tender.service.gov.uk/",
    ...OGL3,
    kind: "official",
    label: "Find a Tender",
    notes: "Above-threshold notices, including Procurement Act 2023 notices.",
  },
  {
    id: "public-contracts-scotland",
    title: "Public Contracts Scotland (OCDS releases)",
    publisher: "Scottish Government",
    url: "https://www.publiccontractsscotland.gov.uk/",
    ...OGL3,
    kind: "official",
    notes: "Scottish notices: kept for method comparison, outside the English council set.",
  },
  {
    id: "sell2wales",
    title: "Sell2Wales (OCDS releases)",
    publisher: "Welsh Government",
    url: "https://www.sell2wales.gov.wales/",
    ...OGL3,
    kind: "official",
    notes: "Welsh notices: kept for method comparison, outside the English council set.",
  },
  {
    id: "norfolk-register",
    title: "Norfolk County Council contract register (2015)",
    publisher: "Norfolk County Council",
    url: "https://www.norfolk.gov.uk/",
    ...OGL3,
    kind: "official",
    notes: "Local Government Transparency Code contract register.",
    label: "Norfolk County Council's 2015 contract register",
    laCode: "926",
    snapshotDate: "2015-03-28",
  },
  {
    id: "salford-register",
    title: "Salford City Council contracts register (July 2022)",
    publisher: "Salford City Council",
    url: "https://www.salford.gov.uk/media/398042/contracts-register-july-2022.csv",
    ...COUNCIL_OGL_NOT_STATED,
    kind: "official",
    notes:
      "Local Government Transparency Code contract register: procedure, OJEU/FTS flag, initial term and extensions. Published July 2022 (the day is not stated); copied from ODI Leeds' council-spending-data repository.",
    label: "Salford City Council's 2022 contracts register",
    laCode: "355",
    snapshotDate: "2022-07-01",
  },
  {
    id: "contracts-finder-lancashire",
    title: "Contracts Finder notices for Lancashire councils, reshaped by a third party",
    publisher: "Cabinet Office (Contracts Finder), reshaped by an open-source council-data project",
    url: "https://github.com/tompickup23/burnleycouncil",
    licence: "Contracts Finder content under Open Government Licence v3.0; the reshaping project states no licence",
    licenceUrl: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    kind: "derived",
    notes:
      "Third-party ETL of Contracts Finder search results: descriptions truncated, several suppliers comma-joined, no contract dates. Secondary to the OCDS releases.",
  },
  {
    id: "contracts-finder-scraped",
    title: "Contracts Finder award notices scraped from the website (Home Office buyers)",
    publisher: "Cabinet Office (Contracts Finder), via an open-source scraping project",
    url: "https://github.com/hajra-wajid/ContractFinder-gov-UK-contracts-scraper-python",
    licence: "Contracts Finder content under Open Government Licence v3.0; the scraping project states no licence",
    licenceUrl: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    kind: "derived",
    notes:
      "Award notice pages parsed from HTML: central government (Home Office), not children's services; some supplier SME cells hold stray amounts.",
  },
  {
    id: "sample",
    title: "Generated sample data — not real",
    publisher: "Commissioning Lens sample generator",
    url: "https://github.com/commissioning-lens/commissioning-lens",
    licence: "Synthetic data, no restrictions",
    licenceUrl: "https://creativecommons.org/publicdomain/zero/1.0/",
    kind: "sample",
    notes: "Seeded, synthetic data in the real sources' formats. Not evidence of anything.",
  },
] as const satisfies readonly SourceInfo[];

export type SourceId = (typeof SOURCES)[number]["id"];

export function getSource(id: string): SourceInfo | undefined {
  return (SOURCES as readonly SourceInfo[]).find((s) => s.id === id);
}

/** The name of a source inside a sentence: its short label, else its title, else the id as stored. */
export function sourceLabel(id: string): string {
  const source = getSource(id);
  return source?.label ?? source?.title ?? id;
}

/** Marker file the sample generator writes into its folder, so a build knows its rows are not real. */
export const SAMPLE_MARKER = "SAMPLE-DATA-NOT-REAL.txt";
