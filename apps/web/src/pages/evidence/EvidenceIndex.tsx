/**
 * /evidence: the Declaration's eight claims, each with a one-line answer worded from the API's
 * numbers and its strength line, linking to the claim's brief. Filters travel to the briefs.
 */

import { ATTRIBUTION, CLAIMS, type Claim } from "@lens/charts/claims";
import type { Filters } from "@lens/core";
import { FilterBar, useFilters } from "../../components/FilterBar.js";
import { useClaimFinding } from "../../evidence/use-finding.js";
import { Link, useLocation } from "../../lib/router.js";
import { MEASURED_LABEL } from "./EvidenceClaim.js";

function ClaimItem({ claim, filters, search }: { claim: Claim; filters: Filters; search: string }) {
  const { finding, strength, state } = useClaimFinding(claim, filters);
  return (
    <li className="evidence-list__item" data-claim={claim.id}>
      <h2 className="evidence-list__title">
        <Link to={`/evidence/${claim.id}${search}`}>
          {claim.number}. {claim.title}
        </Link>
        <span className={`evidence-badge evidence-badge--${claim.measured.replace(" ", "-")}`}>
          {MEASURED_LABEL[claim.measured]}
        </span>
      </h2>
      <p className="evidence-list__claim">{claim.claim}</p>
      {state.error ? (
        <p className="evidence-list__answer" role="alert">
          The answer could not be loaded: {state.error.message}
        </p>
      ) : finding ? (
        <>
          <p className="evidence-list__answer" data-testid="one-line-answer">
            {finding.oneLine}
          </p>
          {strength && <p className="evidence-strength">{strength}</p>}
        </>
      ) : (
        <p className="evidence-list__answer" aria-busy="true">
          Loading the answer…
        </p>
      )}
    </li>
  );
}

export default function EvidenceIndex() {
  const [filters] = useFilters();
  const { search } = useLocation();
  return (
    <div className="page evidence">
      <h1>Evidence: the Declaration's claims against the data</h1>
      <p className="lede">
        Children's charities and unions made eight claims about how children's services are commissioned. Each is tested
        here against open data, as far as the data reach: every answer below is worded from the numbers, with how strong
        the evidence is and a brief for each claim that prints on A4.
      </p>
      <p className="evidence-attribution">{ATTRIBUTION}</p>
      <FilterBar
        controls={["year", "region", "council"]}
        note="Choose one council to see its own brief; the filters apply to every answer and travel to each claim's page."
      />
      <ol className="evidence-list">
        {CLAIMS.map((c) => (
          <ClaimItem key={c.id} claim={c} filters={filters} search={search} />
        ))}
      </ol>
    </div>
  );
}
