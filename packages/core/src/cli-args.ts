/**
 * The one argument layer for the `data:*` and `bench:*` commands. A command declares its options
 * once; the same declaration parses argv into typed values and writes the usage text, so the two
 * cannot drift apart. Parsing is pure (a result, never an exit or a throw) so it is testable
 * without a process; `parseCliOrExit` is the thin part that prints and exits.
 *
 * node:util's parseArgs does the tokenising (`--flag value`, `--flag=value`, `-h`, `--`); the
 * checks and messages are ours, because its strict-mode errors are worded for developers and a
 * string option there silently swallows the next flag as its value.
 *
 * Node-only: exported as `@lens/core/cli`, not from the package root the web app bundles.
 */
import { parseArgs } from "node:util";

/** One option: how it reads its occurrences on the command line and how usage describes it. */
export interface CliOption<V> {
  /** false for a flag (`--force`), true for an option that takes a value (`--out <dir>`). */
  readonly takesValue: boolean;
  /** Usage placeholder, e.g. `<dir>`; value options only. */
  readonly placeholder: string;
  /** Completes "--x needs …" in errors, e.g. "a folder". */
  readonly expects: string;
  /** One or more lines for the usage text. */
  readonly description: string;
  readonly short?: string;
  /**
   * Turns every occurrence (in order; "" for a flag) into the value, or names the raw text it
   * rejects (null: a required option that was not given).
   */
  readonly read: (occurrences: readonly string[]) => { ok: true; value: V } | { ok: false; rejected: string | null };
}

export type CliOptions = Readonly<Record<string, CliOption<unknown>>>;
export type CliValues<O extends CliOptions> = { [K in keyof O]: O[K] extends CliOption<infer V> ? V : never };

export interface CliSpec<O extends CliOptions> {
  /** The command's name in messages, e.g. `data:build`. */
  readonly command: string;
  /** What follows "Usage: ", e.g. `npm run data:build -- [options]`. */
  readonly synopsis: string;
  readonly options: O;
  /** Generated from the synopsis and the options (with --help added). */
  readonly usage: string;
}

export type CliParse<O extends CliOptions> =
  | { kind: "values"; values: CliValues<O> }
  | { kind: "help" }
  | { kind: "error"; message: string };

interface ValueSettings {
  placeholder: string;
  expects: string;
  description: string;
  short?: string;
}

/** `--name` with no value: true when given. */
export function flag(description: string, settings: { short?: string } = {}): CliOption<boolean> {
  return {
    takesValue: false,
    placeholder: "",
    expects: "no value",
    description,
    ...settings,
    read: (occurrences) => ({ ok: true, value: occurrences.length > 0 }),
  };
}

/**
 * An option with a value, checked by `parse` (undefined rejects the text). Given more than once,
 * the last occurrence wins, as in most command-line tools.
 */
export function valueOption<T>(
  settings: ValueSettings & { parse: (raw: string) => T | undefined; default: T },
): CliOption<T>;
export function valueOption<T>(
  settings: ValueSettings & { parse: (raw: string) => T | undefined },
): CliOption<T | undefined>;
export function valueOption<T>(
  settings: ValueSettings & { parse: (raw: string) => T | undefined; default?: T },
): CliOption<T | undefined> {
  const { parse, default: fallback, ...rest } = settings;
  return {
    takesValue: true,
    ...rest,
    read: (occurrences) => {
      const raw = occurrences.at(-1);
      if (raw === undefined) return { ok: true, value: fallback };
      const value = parse(raw);
      return value === undefined ? { ok: false, rejected: raw } : { ok: true, value };
    },
  };
}

/** An option with a value that must be given. */
export function requiredOption<T>(settings: ValueSettings & { parse: (raw: string) => T | undefined }): CliOption<T> {
  const optional = valueOption(settings);
  return {
    ...optional,
    read: (occurrences) => {
      if (occurrences.length === 0) return { ok: false, rejected: null };
      const read = optional.read(occurrences);
      // valueOption returns undefined only when nothing was given, which was ruled out above.
      return read.ok ? { ok: true, value: read.value as T } : read;
    },
  };
}

/** An option that may be repeated; every occurrence is checked and kept, in order. */
export function repeatedOption<T>(settings: ValueSettings & { parse: (raw: string) => T | undefined }): CliOption<T[]> {
  const { parse, ...rest } = settings;
  return {
    takesValue: true,
    ...rest,
    read: (occurrences) => {
      const values: T[] = [];
      for (const raw of occurrences) {
        const value = parse(raw);
        if (value === undefined) return { ok: false, rejected: raw };
        values.push(value);
      }
      return { ok: true, value: values };
    },
  };
}

/** Any non-empty text (a path, a name). */
export const text = (raw: string): string | undefined => (raw === "" ? undefined : raw);

/** A whole number in [min, max]; rejects "1e3", "12abc", "" and unsafe integers. */
export function wholeNumber(min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  return (raw: string): number | undefined => {
    if (!/^[-+]?\d+$/.test(raw.trim())) return undefined;
    const value = Number(raw);
    return Number.isSafeInteger(value) && value >= min && value <= max ? value : undefined;
  };
}

const HELP: CliOption<boolean> = flag("this text", { short: "h" });

export function defineCli<O extends CliOptions>(spec: { command: string; synopsis: string; options: O }): CliSpec<O> {
  if ("help" in spec.options) throw new Error(`${spec.command}: --help is added by defineCli`);
  return { ...spec, usage: formatUsage(spec.synopsis, { ...spec.options, help: HELP }) };
}

function formatUsage(synopsis: string, options: CliOptions): string {
  const heads = Object.entries(options).map(([name, option]) => {
    const short = option.short ? `-${option.short}, ` : "";
    return `${short}--${name}${option.takesValue ? ` ${option.placeholder}` : ""}`;
  });
  const width = Math.max(...heads.map((h) => h.length)) + 3;
  const lines = Object.values(options).flatMap((option, i) =>
    option.description.split("\n").map((line, j) => `  ${(j === 0 ? heads[i]! : "").padEnd(width)}${line}`.trimEnd()),
  );
  return `Usage: ${synopsis}\n\n${lines.join("\n")}`;
}

/** Parses argv against the spec. `--help`/`-h` anywhere before `--` wins over every other problem. */
export function parseCli<O extends CliOptions>(spec: CliSpec<O>, argv: readonly string[]): CliParse<O> {
  const terminator = argv.indexOf("--");
  const beforeTerminator = terminator < 0 ? argv : argv.slice(0, terminator);
  if (beforeTerminator.includes("--help") || beforeTerminator.includes("-h")) return { kind: "help" };

  const config: Record<string, { type: "string" | "boolean"; short?: string }> = {};
  for (const [name, option] of Object.entries(spec.options))
    config[name] = { type: option.takesValue ? "string" : "boolean", ...(option.short ? { short: option.short } : {}) };
  // Non-strict: unknown options and positionals come back as tokens for us to word, rather than as throws.
  const { tokens } = parseArgs({
    args: [...argv],
    options: config,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });

  const occurrences = new Map<string, string[]>();
  for (const token of tokens) {
    if (token.kind === "option-terminator") continue;
    if (token.kind === "positional") return { kind: "error", message: `unexpected argument: ${token.value}` };
    const option = Object.hasOwn(spec.options, token.name) ? spec.options[token.name] : undefined;
    if (!option) return { kind: "error", message: `unknown argument: ${token.rawName}` };
    let value = "";
    if (option.takesValue) {
      // A separate value that looks like a flag is the next flag, not this option's value ("--out --force").
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith("-")))
        return { kind: "error", message: `${token.rawName} needs ${option.expects}` };
      value = token.value;
    } else if (token.value !== undefined) {
      return { kind: "error", message: `${token.rawName} takes no value` };
    }
    occurrences.set(token.name, [...(occurrences.get(token.name) ?? []), value]);
  }

  const values: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(spec.options)) {
    const read = option.read(occurrences.get(name) ?? []);
    if (!read.ok)
      return {
        kind: "error",
        message:
          read.rejected === null
            ? `--${name} is required`
            : `--${name} needs ${option.expects}, got '${read.rejected}'`,
      };
    values[name] = read.value;
  }
  return { kind: "values", values: values as CliValues<O> };
}

export interface CliStreams {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** The exit code for a usage error (as the fetch CLI and most Unix tools use). */
export const EXIT_USAGE = 2;

/**
 * Writes what a parse result asks for and returns the exit code, or null to carry on:
 * usage on stdout and 0 for --help, the message and usage on stderr and 2 for an error.
 */
export function reportCliParse<O extends CliOptions>(
  spec: CliSpec<O>,
  parsed: CliParse<O>,
  streams: CliStreams,
): number | null {
  if (parsed.kind === "help") {
    streams.stdout.write(`${spec.usage}\n`);
    return 0;
  }
  if (parsed.kind === "error") {
    streams.stderr.write(`${spec.command}: ${parsed.message}\n\n${spec.usage}\n`);
    return EXIT_USAGE;
  }
  return null;
}

/** For a command's entry point: the typed values, or the process exits after printing (0 for --help, 2 for misuse). */
export function parseCliOrExit<O extends CliOptions>(
  spec: CliSpec<O>,
  argv: readonly string[] = process.argv.slice(2),
): CliValues<O> {
  const parsed = parseCli(spec, argv);
  const code = reportCliParse(spec, parsed, process);
  // Writes to a pipe or file are synchronous on POSIX, so nothing is lost by exiting here.
  if (code !== null || parsed.kind !== "values") process.exit(code ?? EXIT_USAGE);
  return parsed.values;
}
