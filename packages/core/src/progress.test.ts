import { describe, expect, it } from "vitest";
import { createRunProgress, formatLiveLine, formatSummaryTable, type ProgressStream } from "./progress.js";

/** A stand-in for stdout: records what was written; `isTTY` chooses the mode. */
function fakeStream(isTTY: boolean, columns = 100): ProgressStream & { chunks: string[]; text(): string } {
  const chunks: string[] = [];
  return { isTTY, columns, chunks, write: (t: string) => chunks.push(t), text: () => chunks.join("") };
}

/** A clock the test moves by hand. */
function clock(): { now: () => number; advance(ms: number): void } {
  let t = 0;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe("progress off a terminal", () => {
  it("writes exactly one line when a source starts and one when it ends, whatever the updates", () => {
    const out = fakeStream(false);
    const time = clock();
    const run = createRunProgress(out, { now: time.now });
    const task = run.start("ofsted-providers", { total: 2048, unit: "bytes", detail: "2 file(s), 2.0 KiB" });
    for (let i = 1; i <= 50; i++) {
      time.advance(100);
      task.update({ done: i * 40, rows: i * 10, detail: "reading a.csv" });
    }
    task.end({ rows: 500, columns: { kept: "490", rejected: "10" } });
    expect(out.text()).toBe(
      "ofsted-providers: started · 2 file(s), 2.0 KiB\nofsted-providers: done · 500 rows · kept 490 · rejected 10 · 5.0 s\n",
    );
  });

  it("names a failure with its seconds and keeps it in the summary", () => {
    const out = fakeStream(false);
    const time = clock();
    const run = createRunProgress(out, { now: time.now });
    const task = run.start("contracts-finder");
    time.advance(1500);
    task.fail("HTTP 404");
    task.end({ rows: 1 }); // a task ends once
    expect(out.text()).toBe("contracts-finder: started\ncontracts-finder: FAILED after 1.5 s: HTTP 404\n");
    expect(run.rows()).toEqual([
      { task: "contracts-finder", outcome: "failed", rows: null, columns: {}, seconds: 1.5 },
    ]);
  });

  it("closes with a table of every source: rows, the extra columns in order, seconds", () => {
    const time = clock();
    const run = createRunProgress(fakeStream(false), { now: time.now });
    const a = run.start("la-reference");
    time.advance(200);
    a.end({ rows: 153, columns: { files: "1", kept: "153" } });
    const b = run.start("s251-outturn");
    time.advance(12_345);
    b.end({ rows: 1_234_567, columns: { files: "11", kept: "1,200,000", rejected: "34,567" } });
    const c = run.start("dfe-cla-la");
    time.advance(50);
    c.end({ rows: null });
    expect(run.summaryTable()).toBe(
      [
        "source             rows  files       kept  rejected    time",
        "────────────  ─────────  ─────  ─────────  ────────  ──────",
        "la-reference        153      1        153         —   0.2 s",
        "s251-outturn  1,234,567     11  1,200,000    34,567  12.3 s",
        "dfe-cla-la            —      —          —         —   0.1 s",
      ].join("\n"),
    );
  });

  it("writes notes as lines of their own and an empty table when nothing ran", () => {
    const out = fakeStream(false);
    const run = createRunProgress(out);
    run.note("retry 1 in 7.0 s: HTTP 429");
    expect(out.text()).toBe("retry 1 in 7.0 s: HTTP 429\n");
    expect(formatSummaryTable([])).toBe("");
  });
});

describe("progress on a terminal", () => {
  it("rewrites one live line with percent, rows and time left, and keeps the end line", () => {
    const out = fakeStream(true);
    const time = clock();
    const run = createRunProgress(out, { now: time.now });
    const task = run.start("s251-outturn", { total: 1000, unit: "bytes" });
    time.advance(2000);
    task.update({ done: 250, rows: 5000, detail: "reading outturn_1415.csv" });
    time.advance(40); // within the refresh interval: not drawn
    task.update({ done: 260 });
    time.advance(2000);
    task.update({ done: 500 });
    task.end({ rows: 12_000 });
    expect(out.chunks).toEqual([
      "\r\x1b[2Ks251-outturn: 0% · 0.0 s",
      "\r\x1b[2Ks251-outturn: 25% · 5,000 rows · 2.0 s · about 6 s left · reading outturn_1415.csv",
      "\r\x1b[2Ks251-outturn: 50% · 5,000 rows · 4.0 s · about 5 s left · reading outturn_1415.csv",
      "\r\x1b[2K",
      "s251-outturn: done · 12,000 rows · 4.0 s\n",
    ]);
  });

  it("clears the live line before a note and cuts lines to the terminal's width", () => {
    const out = fakeStream(true, 20);
    const run = createRunProgress(out, { now: () => 0 });
    run.start("a-very-long-source-name", { detail: "x" });
    run.note("retry");
    expect(out.chunks).toEqual(["\r\x1b[2Ka-very-long-source…", "\r\x1b[2K", "retry\n"]);

    const unsized = fakeStream(true, 0); // a terminal reporting no width gets 100 columns
    createRunProgress(unsized, { now: () => 0 }).start("s251-outturn");
    expect(unsized.chunks).toEqual(["\r\x1b[2Ks251-outturn: 0.0 s"]);
  });
});

describe("the live line", () => {
  const state = { task: "find-a-tender", unit: "pages" as const, total: null, done: 0, rows: null, detail: "" };

  it("shows pages done, not a percent, when the total is unknown", () => {
    expect(formatLiveLine({ ...state, done: 12, rows: 1200 }, 30)).toBe(
      "find-a-tender: 12 pages · 1,200 rows · 30.0 s",
    );
  });

  it("gives no estimate in the first second or once the work is done", () => {
    expect(formatLiveLine({ ...state, total: 10, done: 5 }, 0.5)).toBe("find-a-tender: 50% · 0.5 s");
    expect(formatLiveLine({ ...state, total: 10, done: 10 }, 20)).toBe("find-a-tender: 100% · 20.0 s");
    expect(formatLiveLine({ ...state, total: 10, done: 1 }, 120)).toContain("about 18 min left");
  });
});
