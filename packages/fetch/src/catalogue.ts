/**
 * The sources `data:fetch` can download, where from, and how. Publisher, licence and official
 * address come from the project's source catalogue (@lens/core), so `--list`, the dashboard and
 * every export name a source the same way. Addresses here are the official origins; `--base-url`
 * swaps the origin for a mirror or a test server.
 *
 * Static statistics files have no stable download URL (GOV.UK asset paths are content hashes,
 * EES file ids change with each release), so each entry names a discovery document instead — the
 * GOV.UK Content API item of a statistics release, or an EES publication's latest release — and
 * the files are picked from it by name.
 */
import { SOURCES, type SourceInfo } from "@lens/core";

export type FetchSourceId =
  | "contracts-finder"
  | "find-a-tender"
  | "ofsted-providers"
  | "ofsted-inspections"
  | "dfe-s251"
  | "dfe-cla";

export interface ReleasePackageApi {
  kind: "release-packages";
  /** Builds the first page's URL for an inclusive window of whole days (UTC). */
  firstPageUrl(from: string, to: string): string;
  /** Whether the CPV filter applies (procurement notices only). */
  cpvFilter: true;
}

export interface GovUkAttachments {
  kind: "govuk-attachments";
  /** GOV.UK Content API items (`/api/content/<path>`), one per statistics release. */
  contentUrls: readonly string[];
  /** Matched against each attachment's title and file name. */
  include: RegExp;
  exclude?: RegExp;
}

export interface EesLatestRelease {
  kind: "ees-latest-release";
  /** The EES content API's latest release of a publication. */
  releaseUrl: string;
  /** Builds a file's download URL from the release and file ids. */
  fileUrl(releaseId: string, fileId: string): string;
  include: RegExp;
}

export type FetchMethod = ReleasePackageApi | GovUkAttachments | EesLatestRelease;

export interface CatalogueEntry {
  id: FetchSourceId;
  /** The id in @lens/core's SOURCES that describes this data. */
  coreId: string;
  /** The official address a person would visit. */
  officialUrl: string;
  method: FetchMethod;
  /** What one run covers, in a sentence, for --list and the README. */
  covers: string;
}

const CF_ORIGIN = "https://www.contractsfinder.service.gov.uk";
const FTS_ORIGIN = "https://www.find-tender.service.gov.uk";
const GOVUK_CONTENT = "https://www.gov.uk/api/content";
const EES_CONTENT = "https://content.explore-education-statistics.service.gov.uk/api";

function ofstedReleaseUrls(): string[] {
  // Release pages named "Children's social care data in England <year>" (2022 onwards); older
  // releases had other titles and are listed on the collection page.
  return [2022, 2023, 2024, 2025].map(
    (year) => `${GOVUK_CONTENT}/government/statistics/childrens-social-care-data-in-england-${year}`,
  );
}

function eesRelease(slug: string, include: RegExp): EesLatestRelease {
  return {
    kind: "ees-latest-release",
    releaseUrl: `${EES_CONTENT}/publications/${slug}/releases/latest`,
    fileUrl: (releaseId, fileId) => `${EES_CONTENT}/releases/${releaseId}/files/${fileId}`,
    include,
  };
}

export const CATALOGUE: readonly CatalogueEntry[] = [
  {
    id: "contracts-finder",
    coreId: "contracts-finder",
    officialUrl: `${CF_ORIGIN}/apidocumentation`,
    covers:
      "OCDS releases published in the window, 100 a page, all stages; children's CPV codes marked in the manifest",
    method: {
      kind: "release-packages",
      cpvFilter: true,
      firstPageUrl: (from, to) =>
        `${CF_ORIGIN}/Published/Notices/OCDS/Search?publishedFrom=${from}T00:00:00&publishedTo=${to}T23:59:59&limit=100`,
    },
  },
  {
    id: "find-a-tender",
    coreId: "find-a-tender",
    officialUrl: `${FTS_ORIGIN}/apidocumentation/1.0/GET-ocdsReleasePackages`,
    covers:
      "OCDS release packages updated in the window (nothing before 2021), 100 a page; children's CPV codes marked",
    method: {
      kind: "release-packages",
      cpvFilter: true,
      firstPageUrl: (from, to) =>
        `${FTS_ORIGIN}/api/1.0/ocdsReleasePackages?updatedFrom=${from}T00:00:00&updatedTo=${to}T23:59:59&limit=100`,
    },
  },
  {
    id: "ofsted-providers",
    coreId: "ofsted-providers",
    officialUrl: "https://www.gov.uk/government/collections/childrens-social-care-statistics",
    covers: "provider-level 'as at 31 March' files of the 2022–2025 releases",
    method: {
      kind: "govuk-attachments",
      contentUrls: ofstedReleaseUrls(),
      include: /provider[\s_-]*level/i,
      exclude: /in[\s_-]*year|\.pdf$/i,
    },
  },
  {
    id: "ofsted-inspections",
    coreId: "ofsted-inspections",
    officialUrl: "https://www.gov.uk/government/collections/childrens-social-care-statistics",
    covers: "provider-level in-year inspection files of the 2022–2025 releases",
    method: {
      kind: "govuk-attachments",
      contentUrls: ofstedReleaseUrls(),
      include: /in[\s_-]*year/i,
      exclude: /\.pdf$/i,
    },
  },
  {
    id: "dfe-s251",
    coreId: "s251-outturn",
    officialUrl: "https://explore-education-statistics.service.gov.uk/find-statistics/la-and-school-expenditure",
    covers: "data files of the latest 'LA and school expenditure' release (s251 outturn)",
    method: eesRelease("la-and-school-expenditure", /\.(csv|zip)$/i),
  },
  {
    id: "dfe-cla",
    coreId: "dfe-cla",
    officialUrl:
      "https://explore-education-statistics.service.gov.uk/find-statistics/children-looked-after-in-england-including-adoptions",
    covers: "data files of the latest 'Children looked after in England' release",
    method: eesRelease("children-looked-after-in-england-including-adoptions", /\.(csv|zip)$/i),
  },
];

export function findCatalogueEntry(id: string): CatalogueEntry | undefined {
  return CATALOGUE.find((entry) => entry.id === id);
}

export function describeSource(entry: CatalogueEntry): SourceInfo {
  const info = SOURCES.find((source) => source.id === entry.coreId);
  if (!info) throw new Error(`catalogue entry ${entry.id} names unknown core source ${entry.coreId}`);
  return info;
}
