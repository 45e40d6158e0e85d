/** Handmade ChartSpecs with deliberately long text, for the layout and CSV tests. */
import type { ChartKind, ChartSpec } from "./chart-spec.js";

const LONG_TITLE =
  "Share of children's services contracts lasting three years or more, by commissioning model, provider sector and the council's statistical neighbour group, England";
const LONG_CATEGORIES = [
  "Market-led (competitive tender, spot purchase or framework call-off to a for-profit company)",
  "Cooperative (grants, alliances, public–public co-operation, VCSE)",
  "In-house",
  "Unknown — evidence missing or contradictory",
  "Kingston upon Hull, City of",
  "Windsor and Maidenhead",
];

export function longSpec(kind: ChartKind, overrides: Partial<ChartSpec> = {}): ChartSpec {
  const categories = kind === "line" ? Array.from({ length: 11 }, (_, i) => String(2015 + i)) : LONG_CATEGORIES;
  const wave = (k: number) => categories.map((_, i) => 0.2 + 0.6 * Math.abs(Math.sin(i * 0.9 + k)));
  const series = [
    { key: "a", label: "Market-led commissioning (for-profit suppliers)", colour: "#c8553d" },
    { key: "b", label: "Cooperative commissioning (grants, alliances, VCSE)", colour: "#2a9d8f" },
    { key: "c", label: "In-house provision by the council or its wholly owned company", colour: "#6c5b7b" },
  ]
    .slice(0, kind === "bar" ? 1 : 3)
    .map((s, k) => {
      const values: (number | null)[] = wave(k);
      if (kind !== "stacked-bar") values[2] = null;
      return {
        ...s,
        values,
        ciLow: values.map((v) => (v === null ? null : Math.max(0, v - 0.08))),
        ciHigh: values.map((v) => (v === null ? null : Math.min(1, v + 0.08))),
        n: values.map(() => 120),
        suppressed: values.map((v) => v === null),
      };
    });
  return {
    id: "contract-length-by-model",
    kind,
    title: LONG_TITLE,
    subtitle:
      "Share of contracts with a known length that run 36 months or more; bars show 95% Wilson confidence intervals; groups with fewer than 20 contracts are suppressed",
    filtersInWords:
      "2015–2025 · North East or North West or Yorkshire and The Humber · Service: Fostering or Residential care or Short breaks for disabled children · all councils",
    format: kind === "box" ? "months" : "percent",
    xLabel: "Commissioning model of the contract, as assigned by the versioned classification rules",
    yLabel:
      kind === "box"
        ? "Contract length in months (box: quartiles; whiskers: shortest and longest)"
        : "Share of contracts lasting 36 months or more (with 95% confidence interval)",
    categories,
    series,
    boxes:
      kind === "box"
        ? LONG_CATEGORIES.map((category, i) => ({
            category,
            colour: ["#c8553d", "#2a9d8f", "#6c5b7b", "#999"][i % 4]!,
            min: 3,
            q1: 12 + i,
            median: 24 + i * 2,
            q3: 36 + i,
            max: 60 + i * 5,
            outliers: [84, 96 + i],
            n: 200 + i,
          }))
        : undefined,
    points:
      kind === "scatter"
        ? Array.from({ length: 60 }, (_, i) => ({
            id: String(i),
            label: i === 7 ? "Kingston upon Hull, City of" : `Council ${i}`,
            x: 1_000_000 + ((i * 7919) % 97) * 250_000,
            y: 0.1 + ((i * 31) % 17) / 20,
            highlight: i === 7,
          }))
        : undefined,
    xFormat: kind === "scatter" ? "gbp" : undefined,
    referenceLines: [
      {
        value: kind === "box" ? 36 : 0.5,
        label: "Half of contracts — the Declaration's three-year ask as a benchmark line",
      },
    ],
    notes: [
      "Contract length is known for 71% of contracts; contracts without an end date or duration are left out of the denominator, never counted as short.",
      "The commissioning model is assigned by rules (ruleset 2026.11-1) from the procedure and the supplier's ownership; 'unknown' is shown, not dropped.",
      "Framework call-offs inherit the framework's procedure; spot purchases are rarely published and are under-represented.",
    ],
    source:
      "Source: Cabinet Office, Contracts Finder notices (Open Government Licence v3.0); Cabinet Office, Find a Tender service notices (Open Government Licence v3.0); Norfolk County Council, contract register (Open Government Licence v3.0).",
    licence: "Open Government Licence v3.0",
    vintage: "built 25 Nov 2026 from sources up to 31 Mar 2025",
    n: "n = 12,345 contracts with a known length",
    summary: "Market-led 34%, cooperative 52%, in-house 61%.",
    yearRange: [2015, 2025],
    table: {
      columns: [
        { key: "model", label: "Commissioning model" },
        { key: "value", label: "Value" },
        { key: "numerator", label: "Numerator" },
        { key: "denominator", label: "Denominator" },
        { key: "n", label: "n" },
        { key: "suppressed", label: "Suppressed" },
      ],
      rows: [
        { model: "Market-led", value: 0.3412, numerator: 341, denominator: 1000, n: 1000, suppressed: false },
        { model: '=HYPERLINK("x")', value: null, numerator: null, denominator: null, n: 12, suppressed: true },
        { model: "Cooperative, grants", value: -0.5, numerator: 5, denominator: 10, n: 10, suppressed: false },
      ],
    },
    isSample: true,
    ...overrides,
  };
}
