/**
 * What the fetchers report as they go (pages or files saved, records, bytes), passed on to the
 * run's one progress reporter (@lens/core/progress): a live line on a terminal, a start and an
 * end line per source otherwise. The rate is records per second for paged APIs, bytes per
 * second for files; time left is shown only when the total is known (a fixed list of files).
 */
import {
  formatBytes,
  formatCount,
  type ProgressStream,
  type ProgressTask,
  type RunProgress,
} from "@lens/core/progress";

export { formatBytes, type ProgressStream };

export interface ProgressUpdate {
  source: string;
  /** Pages or files saved so far in this run, including ones kept from an earlier run. */
  done: number;
  total: number | null;
  records: number;
  bytes: number;
  skipped: number;
  label: string;
}

export interface ProgressReporter {
  update(update: ProgressUpdate): void;
  note(message: string): void;
}

/** The reporter one source's fetcher writes to: updates go to its task, notes to the run. */
export function taskReporter(run: RunProgress, task: ProgressTask, now: () => number = Date.now): ProgressReporter {
  const startedAt = now();
  return {
    update(update) {
      task.update({
        done: update.done,
        total: update.total,
        rows: update.records,
        detail: formatProgress(update, (now() - startedAt) / 1000),
      });
    },
    note: (message) => run.note(message),
  };
}

/** The detail of a fetcher's live line: `4/10 files · 2.0 MiB · 50.0 records/s`. */
export function formatProgress(update: ProgressUpdate, elapsedSeconds: number): string {
  const fetched = update.done - update.skipped;
  const parts = [`${update.done}${update.total === null ? "" : `/${update.total}`} ${update.label}`];
  if (update.records > 0) parts.push(`${formatCount(update.records)} records`);
  parts.push(formatBytes(update.bytes));
  if (update.skipped > 0) parts.push(`${update.skipped} kept from earlier run`);
  if (elapsedSeconds > 0 && fetched > 0)
    parts.push(
      update.records > 0
        ? `${(update.records / elapsedSeconds).toFixed(1)} records/s`
        : `${formatBytes(update.bytes / elapsedSeconds)}/s`,
    );
  return parts.join(" · ");
}

export const silentProgress: ProgressReporter = { update() {}, note() {} };
