/**
 * A filter that takes several values: a disclosure button ("Region: London, North West")
 * opening a group of checkboxes, with a search box for long lists (councils). Each tick
 * writes the URL at once, like the single selects did. Escape or a click/focus outside
 * closes it; Escape returns focus to the button.
 */

import { selectionSummary, toggleValue } from "@lens/charts/filter-state";
import { useId, useRef, useState } from "react";
import { useDismiss } from "./use-dismiss.js";

export interface MultiSelectOption {
  value: string;
  label: string;
}

export function MultiSelect({
  label,
  options,
  selected,
  onChange,
  searchLabel,
}: {
  label: string;
  options: readonly MultiSelectOption[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
  /** Shows a search box with this accessible name (long lists). */
  searchLabel?: string;
}) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const labelOf = new Map(options.map((o) => [o.value, o.label]));
  const chosen = options.filter((o) => selected.includes(o.value)).map((o) => o.label);
  // Values in the URL but outside the current options (e.g. a council outside the chosen regions) still count.
  for (const v of selected) if (!labelOf.has(v)) chosen.push(v);
  const q = query.trim().toLowerCase();
  const shown = q ? options.filter((o) => o.label.toLowerCase().includes(q)) : options;

  const close = (focusButton: boolean) => {
    setOpen(false);
    setQuery("");
    if (focusButton) button.current?.focus();
  };
  useDismiss(root, open, close);

  return (
    <div ref={root} className="filter-bar__field multi-select">
      <span id={`${id}-label`} className="multi-select__label">
        {label}
      </span>
      <button
        ref={button}
        type="button"
        id={`${id}-button`}
        className="multi-select__button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        aria-labelledby={`${id}-label ${id}-button`}
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        <span className="multi-select__summary">{selectionSummary(chosen)}</span>
        <span className="multi-select__chevron" aria-hidden="true" />
      </button>
      <div id={`${id}-panel`} className="multi-select__panel" hidden={!open}>
        {open && (
          <fieldset>
            <legend className="visually-hidden">{label}</legend>
            {searchLabel && (
              <input
                type="search"
                className="multi-select__search"
                aria-label={searchLabel}
                placeholder={searchLabel}
                value={query}
                // biome-ignore lint/a11y/noAutofocus: the panel was opened to search it
                autoFocus
                onChange={(e) => setQuery(e.target.value)}
              />
            )}
            {searchLabel && (
              // Announced as the search narrows the list.
              <p className="multi-select__count" aria-live="polite">
                {q ? `${shown.length} ${shown.length === 1 ? "match" : "matches"}` : `${options.length} to choose from`}
              </p>
            )}
            <ul className="multi-select__options">
              {shown.map((o) => (
                <li key={o.value}>
                  <label>
                    <input
                      type="checkbox"
                      checked={selected.includes(o.value)}
                      onChange={(e) => {
                        const order = options.map((x) => x.value);
                        onChange(toggleValue(selected, o.value, e.target.checked, order));
                      }}
                    />
                    {o.label}
                  </label>
                </li>
              ))}
              {shown.length === 0 && <li className="multi-select__empty">No match for “{query}”</li>}
            </ul>
            <div className="multi-select__actions">
              {selected.length > 0 && (
                <button type="button" className="button-secondary" onClick={() => onChange([])}>
                  Clear selection
                </button>
              )}
              <button type="button" className="button-secondary" onClick={() => close(true)}>
                Done
              </button>
            </div>
          </fieldset>
        )}
      </div>
    </div>
  );
}
