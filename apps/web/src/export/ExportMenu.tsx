/**
 * The export menu on every chart frame: a disclosure button "Export" revealing PNG (with a
 * size choice), SVG and CSV downloads, a permalink (and a frozen one pinned to the warehouse
 * build) and embed code. The picture is the page's own chart component drawn offscreen at the
 * preset's size from the ChartSpec, never a screenshot of the page. A recipe chart's CSV and
 * about file, and its XLSX, are written by the server (exportCsv's chart view and
 * exportChartXlsx), which builds the same spec from the same procedures with the same builders.
 * Copied text is also shown in a read-only field, so copying works without clipboard access.
 */

import { aboutFileText } from "@lens/charts/chart-files";
import type { ChartRecipe } from "@lens/charts/chart-recipes";
import type { ChartRequest } from "@lens/charts/chart-request";
import type { ChartSpec } from "@lens/charts/chart-spec";
import { useId, useLayoutEffect, useRef, useState } from "react";
import { useDismiss } from "../components/use-dismiss.js";
import { useTRPCClient } from "../lib/trpc.js";
import { useBuild } from "../lib/use-build.js";
import { isSizePreset, SIZE_PRESET_IDS, SIZE_PRESETS, type SizePreset } from "./compose-svg.js";
import { exportFileName } from "./file-name.js";
import { embedCode, embedUrlFor, permalinkFor, SIZE_PARAM, storeSnapshot } from "./permalink.js";
import { composeForBrowser, copyText, downloadBlob, svgToPng } from "./rasterise.js";
import "./export-menu.css";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface ExportMenuProps {
  spec: ChartSpec;
  /** The URL whose state the permalink carries (default: the current page). */
  pageHref?: string;
  /** The iframe src for "Copy embed code" (default: /embed/<spec.id> with the page's state). */
  embedSrc?: string;
  /**
   * What names the chart for the server (a recipe and its filters, or what its page composes it
   * from): its CSV and about file are written by exportCsv's chart view from the same queries
   * and the same spec builders.
   */
  request: ChartRequest;
}

/** Only a recipe's own fields travel (a brief's chart carries more, which the server has no use for). */
function recipeFields(recipe: ChartRecipe): ChartRecipe {
  const { id, page, metric, chart, groupBy, x, title, subtitle, referenceLines, sortByValue, horizontal } = recipe;
  return { id, page, metric, chart, groupBy, x, title, subtitle, referenceLines, sortByValue, horizontal };
}

function initialSize(): SizePreset {
  const fromUrl = typeof window === "undefined" ? null : new URLSearchParams(window.location.search).get(SIZE_PARAM);
  return isSizePreset(fromUrl) ? fromUrl : "standard";
}

export function ExportMenu({ spec, pageHref, embedSrc, request }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [size, setSize] = useState<SizePreset>(initialSize);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [copied, setCopied] = useState<{ label: string; text: string } | null>(null);
  const build = useBuild();
  const trpcClient = useTRPCClient();
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  const href = () => pageHref ?? window.location.href;
  const permalink = (frozen = false) => permalinkFor(href(), size, frozen ? build.data?.buildId : undefined);
  const compose = () => composeForBrowser(spec, size, { permalink: permalink(), exportedAt: new Date() });

  const run = async (what: string, job: () => Promise<void> | void) => {
    setBusy(true);
    setStatus("");
    try {
      await job();
      setStatus(`${what} ready.`);
    } catch (error) {
      setStatus(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  /** What names this chart for the server, which writes its files. */
  const chartInput = () => ({
    chart: request.kind === "recipe" ? { ...request, recipe: recipeFields(request.recipe) } : request,
    highlight: spec.highlightCouncil?.code,
    permalink: permalink(),
    // The build the chart was drawn from: the server refuses to write another build's rows under it.
    buildId: build.data?.buildId,
  });
  const csvFiles = (layout: "spreadsheet" | "plain"): Promise<{ csv: string; about: string[] }> =>
    trpcClient.exportCsv.query({ view: "chart", ...chartInput(), layout });
  const csvBlob = (text: string) => new Blob([text], { type: "text/csv;charset=utf-8" });

  /** PNG is rasterised from the composed SVG at the preset's density. */
  const makePicture = async (ext: "png" | "svg"): Promise<Blob> => {
    const layout = await compose();
    if (ext === "svg") return new Blob([layout.svg], { type: "image/svg+xml;charset=utf-8" });
    return svgToPng(layout.svg, layout.width, layout.height, SIZE_PRESETS[size].density);
  };
  const download = (ext: "png" | "svg" | "csv") =>
    run(ext.toUpperCase(), async () => {
      if (ext !== "csv") return downloadBlob(await makePicture(ext), exportFileName(spec, ext, size));
      // The CSV holds only rows; what they are travels in the about file beside it.
      const files = await csvFiles("spreadsheet");
      downloadBlob(csvBlob(files.csv), exportFileName(spec, "csv"));
      downloadBlob(
        new Blob([aboutFileText(files.about)], { type: "text/plain;charset=utf-8" }),
        exportFileName(spec, "about.txt"),
      );
    });
  const downloadPlainCsv = () =>
    run("Plain CSV", async () => downloadBlob(csvBlob((await csvFiles("plain")).csv), exportFileName(spec, "csv")));
  const downloadXlsx = () =>
    run("XLSX", async () => {
      const { base64 } = await trpcClient.exportChartXlsx.query(chartInput());
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      downloadBlob(new Blob([bytes], { type: XLSX_TYPE }), exportFileName(spec, "xlsx"));
    });

  const copy = async (label: string, text: string) => {
    const ok = await copyText(text);
    setCopied({ label, text });
    setStatus(ok ? `${label} copied to the clipboard.` : `${label}: select the text below and copy it.`);
  };

  const root = useRef<HTMLDivElement>(null);
  useDismiss(root, open, (returnFocus) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  });
  // Open towards whichever side has room, so the panel never leaves the viewport.
  const [alignRight, setAlignRight] = useState(false);
  useLayoutEffect(() => {
    const el = panel.current;
    const anchor = button.current;
    if (!open || !el || !anchor) return;
    const width = el.getBoundingClientRect().width;
    const { left, right } = anchor.getBoundingClientRect();
    setAlignRight(left + width > window.innerWidth - 8 && right - width >= 8);
  }, [open]);

  return (
    <div ref={root} className="export-menu">
      <button
        ref={button}
        type="button"
        className="button-secondary"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        Export
      </button>
      <div
        id={panelId}
        ref={panel}
        className={`export-menu__panel${alignRight ? " export-menu__panel--right" : ""}`}
        hidden={!open}
      >
        <fieldset className="export-menu__sizes">
          <legend>PNG size</legend>
          {SIZE_PRESET_IDS.map((id) => (
            <label key={id}>
              <input
                type="radio"
                name={`${panelId}-size`}
                value={id}
                checked={size === id}
                onChange={() => setSize(id)}
              />{" "}
              {SIZE_PRESETS[id].label}
            </label>
          ))}
        </fieldset>
        <ul className="export-menu__items">
          {(["png", "svg", "csv"] as const).map((ext) => (
            <li key={ext}>
              <button type="button" disabled={busy} onClick={() => download(ext)}>
                Download {ext.toUpperCase()}
                {ext === "csv" && <span className="export-menu__hint"> (for spreadsheets, with an about file)</span>}
              </button>
            </li>
          ))}
          <li>
            <button type="button" disabled={busy} onClick={downloadXlsx}>
              Download XLSX <span className="export-menu__hint">(data and about sheets)</span>
            </button>
          </li>
          <li>
            <button type="button" disabled={busy} onClick={downloadPlainCsv}>
              Download plain CSV <span className="export-menu__hint">(for scripts: no byte-order mark)</span>
            </button>
          </li>
          <li>
            <button type="button" onClick={() => void copy("Link", permalink())}>
              Copy link
            </button>
          </li>
          <li>
            <button
              type="button"
              disabled={!build.data || busy}
              onClick={() =>
                // The server stores these rows under a short id: the link shows them after later builds.
                run("Frozen link", async () =>
                  copy("Frozen link", await storeSnapshot(spec, permalink(true), build.data!.buildId)),
                )
              }
            >
              Copy frozen link (this data build)
            </button>
          </li>
          <li>
            <button
              type="button"
              onClick={() =>
                void copy(
                  "Embed code",
                  embedCode(embedSrc ?? embedUrlFor(href(), spec.id, new URL(href()).pathname), spec.title),
                )
              }
            >
              Copy embed code
            </button>
          </li>
        </ul>
        {copied && (
          <label className="export-menu__copied">
            {copied.label}
            <textarea
              readOnly
              rows={copied.text.length > 120 ? 3 : 1}
              value={copied.text}
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
        )}
        <p className="export-menu__status" role="status" aria-live="polite">
          {status}
        </p>
      </div>
    </div>
  );
}
