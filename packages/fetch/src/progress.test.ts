import { createRunProgress } from "@lens/core/progress";
import { describe, expect, it } from "vitest";
import { formatProgress, taskReporter } from "./progress.js";
import { captureStream } from "./test-server.js";

const base = {
  source: "find-a-tender",
  done: 4,
  total: null,
  records: 400,
  bytes: 2 * 1024 * 1024,
  skipped: 0,
  label: "pages",
};

describe("fetch progress", () => {
  it("shows pages, records, size and rate", () => {
    expect(formatProgress(base, 8)).toBe("4 pages · 400 records · 2.0 MiB · 50.0 records/s");
  });

  it("shows files against their total and bytes per second where there are no records", () => {
    const line = formatProgress({ ...base, total: 10, records: 0, bytes: 10 * 1024, label: "files" }, 2);
    expect(line).toBe("4/10 files · 10.0 KiB · 5.0 KiB/s");
  });

  it("passes a fetcher's updates to its task: off a terminal only the start and end lines are written", () => {
    const out = captureStream();
    const run = createRunProgress(out, { now: () => 0 });
    const task = run.start("dfe-cla-la");
    const reporter = taskReporter(run, task, () => 0);
    reporter.update({ ...base, source: "dfe-cla-la", total: 2, records: 0, label: "files" });
    reporter.note("retry 1 in 1.0 s: HTTP 503");
    task.end({ rows: null, columns: { files: "2" } });
    expect(out.text()).toBe("dfe-cla-la: started\nretry 1 in 1.0 s: HTTP 503\ndfe-cla-la: done · files 2 · 0.0 s\n");
  });
});
