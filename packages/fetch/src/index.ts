export { CATALOGUE, type CatalogueEntry, type FetchSourceId, findCatalogueEntry } from "./catalogue.js";
export {
  CHILDREN_CPV_FILTER,
  CHILDREN_CPV_RULES,
  matchesCpv,
  releaseCpvCodes,
  releaseIsChildrens,
} from "./cpv-filter.js";
export { fetchStaticFiles } from "./file-fetch.js";
export { createHttpClient, FetchError, USER_AGENT } from "./http-client.js";
export { MANIFEST_FILE, type Manifest, type ManifestEntry, readManifest } from "./manifest.js";
export { FetchRunError, type FetchSummary, fetchReleasePackages } from "./paged-fetch.js";
export { runFetchCli } from "./run-fetch.js";
