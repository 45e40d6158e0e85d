/**
 * OCDS publishers other than Contracts Finder, each recognised by its ocid prefix. Scottish
 * and Welsh notices are kept for method comparison: their buyers are never mapped to an
 * English council, so they are never in scope.
 */
import { ocdsPublisherIngester } from "./ocds-source.js";

export const findATenderIngester = ocdsPublisherIngester({
  id: "find-a-tender",
  label: "Find a Tender OCDS release packages",
  ocidPrefix: "ocds-h6vhtk-",
  // Pipeline (planning) notices are rejects; a page can be mostly pipeline.
  maxRejectRate: 0.8,
});

export const publicContractsScotlandIngester = ocdsPublisherIngester({
  id: "public-contracts-scotland",
  label: "Public Contracts Scotland OCDS releases",
  ocidPrefix: "ocds-r6ebe6-",
  maxRejectRate: 0.5,
});

export const sell2walesIngester = ocdsPublisherIngester({
  id: "sell2wales",
  label: "Sell2Wales OCDS releases",
  ocidPrefix: "ocds-kuma6s-",
  maxRejectRate: 0.5,
});
