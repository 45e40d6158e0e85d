/**
 * The one frame every chart sits in: title, subtitle, the filters in words, the chart (or
 * its table), notes, n and the source line. Exports compose the same parts as SVG.
 */

import type { ChartRequest } from "@lens/charts/chart-request";
import type { ChartSpec } from "@lens/charts/chart-spec";
import { type ReactNode, useId, useState } from "react";
import { ExportMenu } from "../export/ExportMenu.js";

export interface ChartFrameProps {
  title: string;
  subtitle?: string;
  filtersInWords?: string;
  source: string;
  notes?: readonly string[];
  n?: string;
  summary: string;
  table: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
  /** A generated one-line takeaway, shown under the subtitle. */
  takeaway?: string;
  /** Words that travel with the chart (concentration, like for like vs as recorded), shown prominently. */
  disclosures?: readonly string[];
  /** Controls beside the disclosures (e.g. "Show without <contributor>"). */
  offers?: ReactNode;
  /** The chart as data and what names it for the server, for the export menu (PNG/SVG/CSV, permalink, embed). */
  spec: ChartSpec;
  request: ChartRequest;
}

export function ChartFrame(props: ChartFrameProps) {
  const [showTable, setShowTable] = useState(false);
  const titleId = useId();
  const summaryId = useId();
  return (
    // A figure named by its title and described by the chart's one-sentence summary.
    <figure
      className="chart-frame"
      aria-labelledby={titleId}
      aria-describedby={summaryId}
      data-chart-id={props.spec.id}
    >
      <header className="chart-frame__header">
        <div>
          <h2 id={titleId} className="chart-frame__title">
            {props.title}
          </h2>
          {props.subtitle && <p className="chart-frame__subtitle">{props.subtitle}</p>}
          {props.filtersInWords && <p className="chart-frame__filters">{props.filtersInWords}</p>}
          {props.takeaway && <p className="chart-frame__takeaway">{props.takeaway}</p>}
          {(props.disclosures?.length || props.offers) && (
            <div className="chart-frame__disclosures">
              {props.disclosures?.map((d) => (
                <p key={d} className="chart-frame__disclosure">
                  {d}
                </p>
              ))}
              {props.offers}
            </div>
          )}
        </div>
        <div className="chart-frame__actions">
          <button
            type="button"
            className="button-secondary"
            aria-pressed={showTable}
            onClick={() => setShowTable((v) => !v)}
          >
            {showTable ? "View as chart" : "View as table"}
          </button>
          {props.actions}
          <ExportMenu spec={props.spec} request={props.request} />
        </div>
      </header>
      <p id={summaryId} className="visually-hidden">
        {props.summary}
      </p>
      <div className="chart-frame__body">{showTable ? props.table : props.children}</div>
      <figcaption className="chart-frame__footer">
        {props.notes?.map((note) => (
          <p key={note} className="chart-frame__note">
            {note}
          </p>
        ))}
        {props.n && <p className="chart-frame__n">{props.n}</p>}
        <p className="chart-frame__source">{props.source}</p>
      </figcaption>
    </figure>
  );
}
