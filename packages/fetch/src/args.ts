/**
 * Command-line arguments for `npm run data:fetch`. Parsing is pure and returns either options or
 * a usage error, so the CLI decides the exit code and tests need no process.
 */
import { defineCli, flag, parseCli, repeatedOption, text, valueOption } from "@lens/core/cli";

export interface FetchArgs {
  sources: string[];
  from: string | null;
  to: string | null;
  out: string;
  baseUrl: string | null;
  force: boolean;
  allCpv: boolean;
  list: boolean;
  help: boolean;
}

export type ParseResult = { ok: true; args: FetchArgs } | { ok: false; error: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const date = (raw: string): string | undefined => (isValidDate(raw) ? raw : undefined);

export const FETCH_CLI = defineCli({
  command: "data:fetch",
  synopsis: "npm run data:fetch -- --source <id|all> [options]",
  options: {
    source: repeatedOption({
      placeholder: "<id|all>",
      expects: "a source id",
      description: "a source id from --list, several comma-separated, or all",
      parse: (raw) => {
        const ids = raw
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
        return ids.length > 0 ? ids : undefined;
      },
    }),
    from: valueOption({
      placeholder: "YYYY-MM-DD",
      expects: "a date as YYYY-MM-DD",
      description: "start of the window for contracts-finder / find-a-tender",
      parse: date,
    }),
    to: valueOption({
      placeholder: "YYYY-MM-DD",
      expects: "a date as YYYY-MM-DD",
      description:
        "end of the window, inclusive (default: today, UTC)\nwithout --from: 30 days before --to, or the window of an earlier run",
      parse: date,
    }),
    out: valueOption({
      placeholder: "<dir>",
      expects: "a folder",
      description: "where to write (default data/raw); one folder per source",
      parse: text,
      default: "data/raw",
    }),
    "base-url": valueOption({
      placeholder: "<url>",
      expects: "an http(s) URL",
      description: "send every request to this origin instead (a mirror, a test server)",
      parse: (raw) => (URL.canParse(raw) && /^https?:$/.test(new URL(raw).protocol) ? raw : undefined),
    }),
    force: flag("refetch everything, ignoring what is already saved"),
    "all-cpv": flag("do not mark children's-services CPV codes (manifest filter: null)"),
    list: flag("print each source, its publisher, licence and official address"),
  },
});

export const USAGE = FETCH_CLI.usage;

/** The shared layer reads each option; the rules that span options are here. */
export function parseArgs(argv: readonly string[]): ParseResult {
  const parsed = parseCli(FETCH_CLI, argv);
  if (parsed.kind === "error") return { ok: false, error: parsed.message };
  const help = parsed.kind === "help";
  const values = parsed.kind === "values" ? parsed.values : parseDefaults();
  const args: FetchArgs = {
    sources: values.source.flat(),
    from: values.from ?? null,
    to: values.to ?? null,
    out: values.out,
    baseUrl: values["base-url"] ?? null,
    force: values.force,
    allCpv: values["all-cpv"],
    list: values.list,
    help,
  };
  if (help) return { ok: true, args };
  if (args.from && args.to && args.from > args.to) return { ok: false, error: "--from is after --to" };
  if (!args.list && args.sources.length === 0) return { ok: false, error: "--source is required (or --list)" };
  return { ok: true, args };
}

function parseDefaults() {
  const parsed = parseCli(FETCH_CLI, []);
  if (parsed.kind !== "values") throw new Error("data:fetch: the defaults do not parse");
  return parsed.values;
}

function isValidDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
