/**
 * Command-line arguments for `npm run data:fetch`. Parsing is pure and returns either options or
 * a usage error, so the CLI decides the exit code and tests need no process.
 */

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

export const USAGE = `Usage: npm run data:fetch -- --source <id|all> [options]

  --source <id|all>   a source id from --list, several comma-separated, or all
  --from YYYY-MM-DD   start of the window for contracts-finder / find-a-tender
  --to YYYY-MM-DD     end of the window, inclusive (default: today, UTC)
                      without --from: 30 days before --to, or the window of an earlier run
  --out <dir>         where to write (default data/raw); one folder per source
  --base-url <url>    send every request to this origin instead (a mirror, a test server)
  --force             refetch everything, ignoring what is already saved
  --all-cpv           do not mark children's-services CPV codes (manifest filter: null)
  --list              print each source, its publisher, licence and official address
  --help              this text`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseArgs(argv: readonly string[]): ParseResult {
  const args: FetchArgs = {
    sources: [],
    from: null,
    to: null,
    out: "data/raw",
    baseUrl: null,
    force: false,
    allCpv: false,
    list: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] ?? "";
    const [flag, inline] =
      raw.startsWith("--") && raw.includes("=")
        ? [raw.slice(0, raw.indexOf("=")), raw.slice(raw.indexOf("=") + 1)]
        : [raw, undefined];
    const value = (): string | null => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("--")) return null;
      i++;
      return next;
    };
    switch (flag) {
      case "--source": {
        const v = value();
        if (v === null) return { ok: false, error: "--source needs a value" };
        args.sources.push(
          ...v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
        );
        break;
      }
      case "--from":
      case "--to": {
        const v = value();
        if (v === null || !isValidDate(v)) return { ok: false, error: `${flag} needs a date as YYYY-MM-DD` };
        if (flag === "--from") args.from = v;
        else args.to = v;
        break;
      }
      case "--out": {
        const v = value();
        if (v === null) return { ok: false, error: "--out needs a folder" };
        args.out = v;
        break;
      }
      case "--base-url": {
        const v = value();
        if (v === null || !URL.canParse(v) || !/^https?:$/.test(new URL(v).protocol)) {
          return { ok: false, error: "--base-url needs an http(s) URL" };
        }
        args.baseUrl = v;
        break;
      }
      case "--force":
        args.force = true;
        break;
      case "--all-cpv":
        args.allCpv = true;
        break;
      case "--list":
        args.list = true;
        break;
      case "--help":
      case "-h":
        args.help = true;
        break;
      default:
        return { ok: false, error: `unknown argument: ${raw}` };
    }
  }
  if (args.from && args.to && args.from > args.to) return { ok: false, error: "--from is after --to" };
  if (!args.list && !args.help && args.sources.length === 0)
    return { ok: false, error: "--source is required (or --list)" };
  return { ok: true, args };
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
