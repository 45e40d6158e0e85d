/**
 * Progress lines: one live, rewritten line on a terminal; plain appended lines otherwise (CI logs,
 * pipes). Rate is records per second for paged APIs, bytes per second for files. An estimate of
 * the time left is shown only when the total is known (a fixed list of files), never guessed.
 */

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
  finish(message: string): void;
}

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export function createProgressReporter(stream: ProgressStream, now: () => number = Date.now): ProgressReporter {
  const live = stream.isTTY === true;
  let startedAt: number | null = null;
  let liveLineOpen = false;

  const clearLive = (): void => {
    if (liveLineOpen) stream.write("\r\x1b[2K");
    liveLineOpen = false;
  };

  return {
    update(update) {
      startedAt ??= now();
      const line = formatProgress(update, (now() - startedAt) / 1000);
      if (live) {
        stream.write(`\r\x1b[2K${line}`);
        liveLineOpen = true;
      } else {
        stream.write(`${line}\n`);
      }
    },
    note(message) {
      clearLive();
      stream.write(`${message}\n`);
    },
    finish(message) {
      clearLive();
      stream.write(`${message}\n`);
      startedAt = null;
    },
  };
}

export function formatProgress(update: ProgressUpdate, elapsedSeconds: number): string {
  const fetched = update.done - update.skipped;
  const parts = [
    `${update.source}: ${update.done}${update.total === null ? "" : `/${update.total}`} ${update.label}`,
    `${update.records.toLocaleString("en-GB")} records`,
    formatBytes(update.bytes),
  ];
  if (update.skipped > 0) parts.push(`${update.skipped} kept from earlier run`);
  if (elapsedSeconds > 0 && fetched > 0) {
    const perSecond =
      update.records > 0
        ? `${(update.records / elapsedSeconds).toFixed(1)} records/s`
        : `${formatBytes(update.bytes / elapsedSeconds)}/s`;
    parts.push(perSecond);
    if (update.total !== null) {
      const remaining = update.total - update.done;
      const eta = (elapsedSeconds / fetched) * remaining;
      parts.push(`about ${formatDuration(eta)} left`);
    }
  }
  return parts.join(" · ");
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export const silentProgress: ProgressReporter = { update() {}, note() {}, finish() {} };
