/**
 * Red flags on the Contracts table: chips on each row with the reason behind each, and a bar
 * that filters the table by flag and says how many contracts of the selection carry each one
 * (of how many it could be judged on). Every word says "a reason to look", never a verdict.
 */
import { formatCount, isRedFlagId, RED_FLAGS, type RedFlagId } from "@lens/core";

export interface RedFlagTally {
  total: number;
  anyFlag: number;
  flags: { flag: RedFlagId; flagged: number; judged: number }[];
}

/** The row's flags as chips, with the reasons one click away (and always in the chip's title). */
export function RedFlagChips({ flags }: { flags: readonly string[] }) {
  const known = flags.filter(isRedFlagId);
  if (known.length === 0) return null;
  return (
    <div className="red-flags">
      <ul aria-label="Reasons to look">
        {known.map((f) => (
          <li key={f} className="red-flag-chip" title={RED_FLAGS[f].reason}>
            {RED_FLAGS[f].label}
          </li>
        ))}
      </ul>
      <details className="reason">
        <summary>Why look</summary>
        {known.map((f) => (
          <p key={f} className="n-note">
            <strong>{RED_FLAGS[f].label}:</strong> {RED_FLAGS[f].reason}
          </p>
        ))}
      </details>
    </div>
  );
}

/** Filter buttons, one per flag with its count, and "All contracts" to clear. */
export function RedFlagFilter({
  tally,
  selected,
  onSelect,
}: {
  tally: RedFlagTally | undefined;
  selected: RedFlagId | null;
  onSelect: (flag: RedFlagId | null) => void;
}) {
  return (
    <fieldset className="red-flag-filter">
      <legend>Red flags — reasons to look, not findings</legend>
      <p className="n-note" data-testid="red-flag-summary">
        {tally
          ? `${formatCount(tally.anyFlag)} of ${formatCount(tally.total)} contracts in this selection carry at least one. Each flag is judged only where the data allow it (the second number).`
          : "Counting…"}
      </p>
      <div className="red-flag-filter__buttons">
        <button
          type="button"
          className="button-secondary"
          aria-pressed={selected === null}
          onClick={() => onSelect(null)}
        >
          All contracts
        </button>
        {(tally?.flags ?? []).map((f) => (
          <button
            key={f.flag}
            type="button"
            className="button-secondary"
            aria-pressed={selected === f.flag}
            title={RED_FLAGS[f.flag].reason}
            data-flag={f.flag}
            onClick={() => onSelect(selected === f.flag ? null : f.flag)}
          >
            {RED_FLAGS[f.flag].label}{" "}
            <span className="red-flag-filter__count">
              {formatCount(f.flagged)} of {formatCount(f.judged)}
              <span className="visually-hidden"> {RED_FLAGS[f.flag].judgedOn}</span>
            </span>
          </button>
        ))}
      </div>
      {selected && <p className="n-note">Showing: {RED_FLAGS[selected].reason}</p>}
    </fieldset>
  );
}
