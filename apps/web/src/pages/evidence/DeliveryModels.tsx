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
  return (
    <section aria-labelledby={headingId} className="evidence-section evidence-delivery-models">
      <h2 id={headingId}>Councils counted as run by a trust or company</h2>
      <p>
        A council counts on the trust or company side for a measure when the body ran its children's social care for any
        part of the measure's financial year, and for an inspection when the body ran it on the inspection date.
      </p>
      <table className="evidence-delivery-models__table">
        <thead>
          <tr>
            <th scope="col">Council (DfE code)</th>
            <th scope="col">Body</th>
            <th scope="col">From</th>
            <th scope="col">Until</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {DELIVERY_MODELS.map((f) => (
            <tr key={`${f.laCode}-${f.body}`}>
              <td>
                {name(f.laCode)} ({f.laCode})
              </td>
              <td>
                {f.body} ({f.kind})
              </td>
              <td>{when(f.from)}</td>
              <td>{f.until ? when(f.until) : "—"}</td>
              <td>{f.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
