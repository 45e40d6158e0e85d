/**
 * Claim 6's reference list: the councils whose children's social care a trust or council-owned
 * company runs or ran, with the dates and where each fact is published (core's DELIVERY_MODELS),
 * so a reader can check which councils the comparison counted and when.
 */
import { COUNCILS, DELIVERY_MODELS } from "@lens/core";

const month = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
const when = (iso: string) => month.format(new Date(`${iso}T00:00:00Z`));

export function DeliveryModels({ headingId }: { headingId: string }) {
  const name = (code: string) => COUNCILS.find((c) => c.laCode === code)?.name ?? code;
  // One line per body (Achieving for Children and Northamptonshire's trust serve several councils).
  const bodies = [...new Set(DELIVERY_MODELS.map((f) => f.body))].map((body) => {
    const spans = DELIVERY_MODELS.filter((f) => f.body === body);
    return { body, kind: spans[0]!.kind, source: spans[0]!.source, spans };
  });
  return (
    <section aria-labelledby={headingId} className="evidence-section evidence-delivery-models">
      <h2 id={headingId}>Councils counted as run by a trust or company</h2>
      <p>
        Counted when the body ran the service in any part of a measure's financial year, or on an inspection's date.
      </p>
      <ul className="evidence-delivery-models__list">
        {bodies.map(({ body, kind, source, spans }) => (
          <li key={body}>
            <strong>{body}</strong> ({kind}):{" "}
            {spans
              .map((f) => `${name(f.laCode)} (${f.laCode}) ${when(f.from)}–${f.until ? when(f.until) : "now"}`)
              .join("; ")}
            . Source: {source}.
          </li>
        ))}
      </ul>
    </section>
  );
}
