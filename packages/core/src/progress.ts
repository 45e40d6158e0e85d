/**
 * The one progress reporter of the long commands (data:build, data:fetch, data:sample,
 * data:export). Work is split into tasks, one per source (or table).
 *
 * On a terminal: one live line for the task in hand — rows, percent and time left — rewritten
 * in place and kept as a finished line when the task ends. Anywhere else (under `npm start`, CI
 * logs, pipes): exactly one line when a task starts and one when it ends, with counts and
 * seconds, so a log shows every source without being flooded by updates. Percent and time left
 * are shown only when the total is known, never guessed. A summary table of every task closes
 * the run.
 */

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  /** Terminal width; live lines are cut to it so they never wrap (a wrapped line cannot be rewritten). */
  columns?: number;
}

export interface TaskStart {
  /** The size of the work, in `unit`, when known (bytes of the files, pages, rows to write). */
  total?: number | null;
  unit?: ProgressUnit;
  /** A few words for the start line, e.g. "5 files, 12.3 MiB". */
  detail?: string;
}

export type ProgressUnit = "bytes" | "files" | "pages" | "rows";

export interface TaskUpdate {
  /** Work done so far, in the task's unit. */
  done?: number;
  /** The total, when it becomes known (or changes) after the task started. */
  total?: number | null;
  /** Rows (records) handled so far. */
  rows?: number;
  /** What is happening now, e.g. "reading ofsted/providers.csv". */
  detail?: string;
}

export interface TaskResult {
  /** Rows handled, or null where the task has no rows to count (a downloaded file). */
  rows: number | null;
  /** Further columns for the end line and the summary table, in order (e.g. kept, rejected). */
  columns?: Readonly<Record<string, string>>;
}

export interface ProgressTask {
  update(update: TaskUpdate): void;
  end(result: TaskResult): void;
  fail(message: string): void;
}

export interface SummaryRow {
  task: string;
  outcome: "done" | "failed";
  rows: number | null;
  columns: Readonly<Record<string, string>>;
  seconds: number;
}

export interface RunProgress {
  start(task: string, start?: TaskStart): ProgressTask;
  /** A line of its own (a retry, a warning), printed without disturbing the live line. */
  note(message: string): void;
  rows(): readonly SummaryRow[];
  /** The summary table of every task that ended, as text lines. */
  summaryTable(): string;
}

export interface ProgressOptions {
  now?: () => number;
  /** Least time between two renders of the live line, so a fast loop does not spend its time writing. */
  refreshMs?: number;
}

const CLEAR_LINE = "\r\x1b[2K";

export function createRunProgress(stream: ProgressStream, options: ProgressOptions = {}): RunProgress {
  const now = options.now ?? Date.now;
  const refreshMs = options.refreshMs ?? 100;
  const live = stream.isTTY === true;
  const summary: SummaryRow[] = [];
  let liveLineOpen = false;

  const clearLive = (): void => {
    if (liveLineOpen) stream.write(CLEAR_LINE);
    liveLineOpen = false;
  };
  const fit = (line: string): string => {
    // A terminal that reports no width (0, as under `script` or some CI runners) gets 100 columns.
    const width = stream.columns && stream.columns >= 20 ? stream.columns : 100;
    return line.length < width ? line : `${line.slice(0, Math.max(1, width - 2))}…`;
  };

  return {
    start(task, start = {}) {
      const startedAt = now();
      const unit = start.unit ?? "rows";
      const state: LiveState = {
        task,
        unit,
        total: start.total ?? null,
        done: 0,
        rows: null,
        detail: start.detail ?? "",
      };
      let lastRender = Number.NEGATIVE_INFINITY;
      let ended = false;
      const render = (force: boolean): void => {
        const t = now();
        if (!force && t - lastRender < refreshMs) return;
        lastRender = t;
        stream.write(`${CLEAR_LINE}${fit(formatLiveLine(state, (t - startedAt) / 1000))}`);
        liveLineOpen = true;
      };
      if (live) render(true);
      else stream.write(`${formatStartLine(task, start)}\n`);

      const finish = (row: SummaryRow, line: string): void => {
        if (ended) return;
        ended = true;
        summary.push(row);
        clearLive();
        stream.write(`${line}\n`);
      };
      return {
        update(update) {
          if (ended) return;
          if (update.done !== undefined) state.done = update.done;
          if (update.total !== undefined) state.total = update.total;
          if (update.rows !== undefined) state.rows = update.rows;
          if (update.detail !== undefined) state.detail = update.detail;
          // Off a terminal, updates are kept for the end line only: one line per task start and end.
          if (live) render(false);
        },
        end(result) {
          const seconds = (now() - startedAt) / 1000;
          const row: SummaryRow = { task, outcome: "done", rows: result.rows, columns: result.columns ?? {}, seconds };
          finish(row, formatEndLine(row));
        },
        fail(message) {
          const seconds = (now() - startedAt) / 1000;
          const row: SummaryRow = { task, outcome: "failed", rows: state.rows, columns: {}, seconds };
          finish(row, `${task}: FAILED after ${formatSeconds(seconds)}: ${message}`);
        },
      };
    },
    note(message) {
      clearLive();
      stream.write(`${message}\n`);
    },
    rows: () => summary,
    summaryTable: () => formatSummaryTable(summary),
  };
}

interface LiveState {
  task: string;
  unit: ProgressUnit;
  total: number | null;
  done: number;
  rows: number | null;
  detail: string;
}

function formatStartLine(task: string, start: TaskStart): string {
  const parts = [`${task}: started`];
  if (start.detail) parts.push(start.detail);
  else if (start.total !== undefined && start.total !== null)
    parts.push(formatAmount(start.total, start.unit ?? "rows"));
  return parts.join(" · ");
}

/** The live line: `task: 46% · 12,345 rows · 3.1 s · about 4 s left · reading x.csv`. */
export function formatLiveLine(state: LiveState, elapsedSeconds: number): string {
  let head = `${state.task}:`;
  const fraction = state.total !== null && state.total > 0 ? Math.min(1, state.done / state.total) : null;
  if (fraction !== null) head += ` ${Math.floor(fraction * 100)}%`;
  else if (state.done > 0 && state.unit !== "rows") head += ` ${formatAmount(state.done, state.unit)}`;
  const parts: string[] = [];
  if (state.rows !== null) parts.push(`${formatCount(state.rows)} rows`);
  parts.push(formatSeconds(elapsedSeconds));
  // An estimate needs some work done and a second of history; before that it is noise.
  if (fraction !== null && fraction > 0 && fraction < 1 && elapsedSeconds >= 1)
    parts.push(`about ${formatDuration((elapsedSeconds / fraction) * (1 - fraction))} left`);
  if (state.detail) parts.push(state.detail);
  return `${head}${head.endsWith(":") ? " " : " · "}${parts.join(" · ")}`;
}

function formatEndLine(row: SummaryRow): string {
  const parts = [`${row.task}: done`];
  if (row.rows !== null) parts.push(`${formatCount(row.rows)} rows`);
  for (const [name, value] of Object.entries(row.columns)) parts.push(`${name} ${value}`);
  parts.push(formatSeconds(row.seconds));
  return parts.join(" · ");
}

/** Columns: task, rows, each extra column in the order first seen, seconds; numbers right-aligned. */
export function formatSummaryTable(rows: readonly SummaryRow[]): string {
  if (rows.length === 0) return "";
  const extra: string[] = [];
  for (const row of rows) for (const name of Object.keys(row.columns)) if (!extra.includes(name)) extra.push(name);
  const header = ["source", "rows", ...extra, "time"];
  const body = rows.map((row) => [
    row.outcome === "failed" ? `${row.task} (failed)` : row.task,
    row.rows === null ? "—" : formatCount(row.rows),
    ...extra.map((name) => row.columns[name] ?? "—"),
    formatSeconds(row.seconds),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

export function formatAmount(amount: number, unit: ProgressUnit): string {
  if (unit === "bytes") return formatBytes(amount);
  return `${formatCount(amount)} ${unit}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-GB");
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function formatSeconds(seconds: number): string {
  return `${seconds.toFixed(1)} s`;
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export const silentStream: ProgressStream = { write: () => true };
