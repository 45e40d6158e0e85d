import { describe, expect, it } from "vitest";
import {
  defineCli,
  flag,
  parseCli,
  repeatedOption,
  reportCliParse,
  requiredOption,
  text,
  valueOption,
  wholeNumber,
} from "./cli-args.js";

const spec = defineCli({
  command: "data:demo",
  synopsis: "npm run data:demo -- [options]",
  options: {
    out: valueOption({ placeholder: "<dir>", expects: "a folder", description: "where to write", parse: text }),
    count: valueOption({
      placeholder: "<n>",
      expects: "a whole number ≥ 1",
      description: "how many\n(default 10)",
      parse: wholeNumber(1),
      default: 10,
    }),
    tag: repeatedOption({ placeholder: "<tag>", expects: "a tag", description: "repeatable", parse: text }),
    force: flag("overwrite", { short: "f" }),
  },
});

function capture() {
  let written = "";
  return { write: (chunk: string) => (written += chunk), text: () => written };
}

describe("parseCli", () => {
  it("returns typed values with defaults, in --flag value, --flag=value and short forms", () => {
    expect(parseCli(spec, [])).toEqual({
      kind: "values",
      values: { out: undefined, count: 10, tag: [], force: false },
    });
    const parsed = parseCli(spec, ["--out", "tmp", "--count=3", "--tag", "a", "--tag=b", "-f"]);
    expect(parsed).toEqual({ kind: "values", values: { out: "tmp", count: 3, tag: ["a", "b"], force: true } });
    if (parsed.kind === "values") {
      // Compile-time check that the values are typed, not unknown.
      const count: number = parsed.values.count;
      const out: string | undefined = parsed.values.out;
      expect([count, out]).toEqual([3, "tmp"]);
    }
  });

  it("lets the last of a repeated single-value option win", () => {
    expect(parseCli(spec, ["--count", "2", "--count", "5"])).toMatchObject({ values: { count: 5 } });
  });

  it.each([
    [["--bogus"], "unknown argument: --bogus"],
    [["-x"], "unknown argument: -x"],
    [["--bogus=1"], "unknown argument: --bogus"],
    [["stray"], "unexpected argument: stray"],
    [["--out"], "--out needs a folder"],
    [["--out", "--force"], "--out needs a folder"],
    [["--count", "abc"], "--count needs a whole number ≥ 1, got 'abc'"],
    [["--count=0"], "--count needs a whole number ≥ 1, got '0'"],
    [["--count", "1.5"], "--count needs a whole number ≥ 1, got '1.5'"],
    [["--count", "1e3"], "--count needs a whole number ≥ 1, got '1e3'"],
    [["--out="], "--out needs a folder, got ''"],
    [["--force=yes"], "--force takes no value"],
  ])("rejects %j", (argv, message) => {
    expect(parseCli(spec, argv)).toEqual({ kind: "error", message });
  });

  it("treats --help and -h as help even beside a mistake, but not after --", () => {
    expect(parseCli(spec, ["--bogus", "--help"])).toEqual({ kind: "help" });
    expect(parseCli(spec, ["-h"])).toEqual({ kind: "help" });
    expect(parseCli(spec, ["--", "--help"])).toEqual({ kind: "error", message: "unexpected argument: --help" });
  });

  it("takes a value that starts with a dash only inline", () => {
    const negative = defineCli({
      command: "x",
      synopsis: "x",
      options: {
        seed: valueOption({ placeholder: "<n>", expects: "a whole number", description: "", parse: wholeNumber() }),
      },
    });
    expect(parseCli(negative, ["--seed=-5"])).toEqual({ kind: "values", values: { seed: -5 } });
    expect(parseCli(negative, ["--seed", "-5"])).toMatchObject({ kind: "error" });
  });
});

describe("requiredOption", () => {
  const required = defineCli({
    command: "x",
    synopsis: "x",
    options: {
      port: requiredOption({ placeholder: "<n>", expects: "a port", description: "", parse: wholeNumber(1, 65535) }),
    },
  });

  it("is an error when absent, checked like any value when present", () => {
    expect(parseCli(required, [])).toEqual({ kind: "error", message: "--port is required" });
    expect(parseCli(required, ["--port", "70000"])).toEqual({
      kind: "error",
      message: "--port needs a port, got '70000'",
    });
    const parsed = parseCli(required, ["--port", "8080"]);
    expect(parsed).toEqual({ kind: "values", values: { port: 8080 } });
    if (parsed.kind === "values") {
      const port: number = parsed.values.port;
      expect(port).toBe(8080);
    }
  });
});

describe("usage", () => {
  it("lists every option once, aligned, with --help added", () => {
    expect(spec.usage).toBe(
      [
        "Usage: npm run data:demo -- [options]",
        "",
        "  --out <dir>   where to write",
        "  --count <n>   how many",
        "                (default 10)",
        "  --tag <tag>   repeatable",
        "  -f, --force   overwrite",
        "  -h, --help    this text",
      ].join("\n"),
    );
  });

  it("refuses a command that declares its own --help", () => {
    expect(() => defineCli({ command: "x", synopsis: "x", options: { help: flag("mine") } })).toThrow(/--help/);
  });
});

describe("reportCliParse", () => {
  it("prints usage to stdout and exits 0 for help; message and usage to stderr and 2 for an error", () => {
    const [stdout, stderr] = [capture(), capture()];
    expect(reportCliParse(spec, parseCli(spec, ["--help"]), { stdout, stderr })).toBe(0);
    expect(stdout.text()).toBe(`${spec.usage}\n`);
    expect(stderr.text()).toBe("");

    const [out2, err2] = [capture(), capture()];
    expect(reportCliParse(spec, parseCli(spec, ["--count", "abc"]), { stdout: out2, stderr: err2 })).toBe(2);
    expect(out2.text()).toBe("");
    expect(err2.text()).toBe(`data:demo: --count needs a whole number ≥ 1, got 'abc'\n\n${spec.usage}\n`);
  });

  it("carries on (null) with values", () => {
    const streams = { stdout: capture(), stderr: capture() };
    expect(reportCliParse(spec, parseCli(spec, []), streams)).toBeNull();
  });
});

describe("wholeNumber", () => {
  it("accepts signs and surrounding space, rejects unsafe integers and the range's outside", () => {
    const n = wholeNumber(-10, 10);
    expect([n("+3"), n(" -4 "), n("11"), n("-11"), n("")]).toEqual([3, -4, undefined, undefined, undefined]);
    expect(wholeNumber()("9007199254740993")).toBeUndefined();
  });
});
