import { describe, expect, it } from "vitest";
import { createProgressReporter, formatProgress } from "./progress.js";
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

describe("progress", () => {
  it("shows pages, records, size and rate, without an estimate when the total is unknown", () => {
    expect(formatProgress(base, 8)).toBe("find-a-tender: 4 pages · 400 records · 2.0 MiB · 50.0 records/s");
  });

  it("estimates the time left when the total is known", () => {
    const line = formatProgress({ ...base, source: "dfe-cla", total: 10, records: 0, label: "files" }, 20);
    expect(line).toContain("4/10 files");
    expect(line).toContain("about 30 s left");
  });

  it("rewrites one line on a terminal and appends lines otherwise", () => {
    const chunks: string[] = [];
    const reporter = createProgressReporter({ isTTY: true, write: (t: string) => chunks.push(t) }, () => 0);
    reporter.update(base);
    reporter.finish("done");
    expect(chunks[0]?.startsWith("\r\x1b[2K")).toBe(true);
    expect(chunks.at(-1)).toBe("done\n");

    const plain = captureStream();
    const lines = createProgressReporter(plain, () => 0);
    lines.update(base);
    lines.update({ ...base, done: 5 });
    expect(plain.text().split("\n").filter(Boolean)).toHaveLength(2);
  });
});
