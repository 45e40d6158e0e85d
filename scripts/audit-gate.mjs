#!/usr/bin/env node
/**
 * `npm run audit:gate`: fails (exit 1) when the lockfile in the current folder holds a package
 * version with a known high or critical advisory, listing each one. When the advisory endpoint
 * cannot be asked (no network, DNS failure, time-out, or an HTTP error from the endpoint or a
 * proxy in front of it) it prints a one-line notice and exits 0: a gate that needs the network
 * must not fail an offline build. Anything else it cannot judge (no lockfile, output that is
 * not an audit report) exits 2. Plain Node, no dependencies; npm's own audit does the matching.
 */
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";

const BLOCKING = new Set(["high", "critical"]);
/** The whole audit is bounded: npm's own fetch time-out per request, and a cap on the run. */
const FETCH_TIMEOUT_MS = 60_000;
const RUN_TIMEOUT_MS = 180_000;
/** How npm reports a request that never got an answer, or got an HTTP error instead of a report. */
const UNREACHABLE =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ESOCKETTIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket hang up|network timeout|request to \S+ failed|^\d{3} [A-Za-z ]+ - (GET|POST) /;

/**
 * The verdict on one `npm audit --json` run: what to print and the exit code.
 * @param {{ stdout: string, stderr: string, status: number | null, timedOut: boolean }} run
 * @returns {{ code: 0 | 1 | 2, lines: string[] }}
 */
export function judge(run) {
  if (run.timedOut)
    return {
      code: 0,
      lines: [`audit-gate: skipped, the advisory endpoint did not answer within ${RUN_TIMEOUT_MS / 1000} s`],
    };
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    const detail = run.stderr.trim().split("\n").at(-1) ?? "";
    return { code: 2, lines: [`audit-gate: npm audit gave no report (exit ${run.status}): ${detail}`] };
  }
  if (report && typeof report.vulnerabilities === "object" && report.vulnerabilities !== null) {
    const blocking = Object.values(report.vulnerabilities).filter((v) => BLOCKING.has(v.severity));
    const counts = report.metadata?.vulnerabilities ?? {};
    const summary = ["critical", "high", "moderate", "low"].map((s) => `${counts[s] ?? 0} ${s}`).join(", ");
    if (blocking.length === 0)
      return { code: 0, lines: [`audit-gate: no high or critical advisory in the lockfile (${summary})`] };
    return {
      code: 1,
      lines: [
        `audit-gate: ${blocking.length} package(s) with a high or critical advisory (${summary}):`,
        ...blocking.map(describe),
      ],
    };
  }
  const message = String(report?.error?.summary || report?.message || "");
  const code = String(report?.error?.code ?? report?.code ?? "");
  if (UNREACHABLE.test(message) || UNREACHABLE.test(code) || (report?.statusCode ?? 0) >= 400)
    return { code: 0, lines: [`audit-gate: skipped, the advisory endpoint is unreachable (${message || code})`] };
  return {
    code: 2,
    lines: [`audit-gate: npm audit failed: ${[code, message].filter(Boolean).join(" ") || run.stderr.trim()}`],
  };
}

/** One line per vulnerable package: severity, name, affected range, advisories (or the dependency that brings them), fix. */
function describe(v) {
  const advisories = v.via.map((via) => (typeof via === "string" ? `via ${via}` : `${via.title} ${via.url}`));
  const fix =
    v.fixAvailable === true
      ? "fix: npm audit fix"
      : v.fixAvailable
        ? `fix: ${v.fixAvailable.name}@${v.fixAvailable.version}${v.fixAvailable.isSemVerMajor ? " (major)" : ""}`
        : "no fixed version";
  return `  ${v.severity} ${v.name} ${v.range} (${v.nodes.join(", ")}): ${advisories.join("; ")}; ${fix}`;
}

function main() {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(
    npm,
    [
      "audit",
      "--json",
      "--audit-level=high",
      "--package-lock-only",
      `--fetch-timeout=${FETCH_TIMEOUT_MS}`,
      "--fetch-retries=1",
    ],
    { encoding: "utf8", timeout: RUN_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.error && result.error.code !== "ETIMEDOUT") {
    console.error(`audit-gate: could not run npm: ${result.error.message}`);
    process.exit(2);
  }
  const verdict = judge({
    stdout: result.stdout ?? "",
    stderr: result.stderr ?? "",
    status: result.status,
    timedOut: result.error?.code === "ETIMEDOUT",
  });
  for (const line of verdict.lines) (verdict.code === 0 ? console.log : console.error)(line);
  process.exit(verdict.code);
}

// Run when invoked as a script; the test imports judge() without running an audit.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
