/**
 * Sources & methods: every source (publisher, licence, what was read in this build), every
 * metric's definition from the registry, the classification rules as the build wrote them
 * with their coverage, and the known caveats.
 */

import { SOURCES_CHARTS } from "@lens/charts/chart-recipes";
import { type Filters, formatCount, formatDate, METRICS, MODEL_INFO, SOURCES } from "@lens/core";
import { useQuery } from "@tanstack/react-query";
import { RecipeChart } from "../components/RecipeChart.js";
import { ScrollRegion } from "../components/ScrollRegion.js";
import { ErrorBlock, LoadingBlock } from "../components/States.js";
import { useTRPC } from "../lib/trpc.js";
import { useBuild } from "../lib/use-build.js";
import { DataDownloads } from "./DataDownloads.js";

const TABLE_LABELS: Record<string, string> = {
  contracts: "Contracts",
  provider_snapshots: "Providers and quality (Ofsted)",
  joiners_leavers: "Joiners and leavers (Ofsted)",
  spend: "Spend",
  council_indicators: "Outcomes for children (DfE, by council)",
};

const GENERAL_CAVEATS = [
  "Unknown values are never counted as zero: they leave the denominator and are reported as coverage.",
  "Groups below a metric's minimum n are suppressed (shown as “suppressed”, with their n); values resting on fewer than 30 rows are flagged.",
  "Contract values in notices are often ceilings or estimates, not spend; framework ceilings repeated on every supplier are treated as unknown.",
  "The commissioning model is assigned by versioned rules from published evidence; “unknown” is shown and counted, never dropped.",
  "Comparisons describe differences; they do not show that a commissioning model causes them.",
];

function RulesTable() {
  const trpc = useTRPC();
  const rules = useQuery(trpc.meta.rules.queryOptions());
  if (rules.error) return <ErrorBlock error={rules.error} onRetry={() => void rules.refetch()} />;
  if (!rules.data) return <LoadingBlock label="classification rules" height={160} />;
  if (rules.data.length === 0) return <p>This warehouse was built without a rule table.</p>;
  const preferred = ["rule_id", "stage", "precedence", "result", "description"];
  const keys = Object.keys(rules.data[0]!);
  // The rule-set version is the same on every row and already stated above the table.
  const columns = [
    ...preferred.filter((k) => keys.includes(k)),
    ...keys.filter((k) => !preferred.includes(k) && k !== "ruleset_version"),
  ];
  const version = rules.data[0]!.ruleset_version;
  return (
    <ScrollRegion label="Classification rules (table)">
      <table className="data-table data-table--cards rules-table">
        <caption className="visually-hidden">
          Classification rules in precedence order{version ? ` (rule set ${String(version)})` : ""}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col" className={c === "precedence" ? "num" : undefined}>
                {RULE_COLUMN_LABELS[c] ?? c.replace(/_/g, " ")}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rules.data.map((r, i) => (
            <tr key={String(r.rule_id ?? i)}>
              {columns.map((c, ci) => {
                const v = r[c];
                const text =
                  c === "rows_decided"
                    ? typeof v === "number"
                      ? formatCount(v)
                      : "none"
                    : v === null || v === undefined
                      ? "—"
                      : String(v);
                const model = c === "result" ? MODEL_INFO[text as keyof typeof MODEL_INFO] : undefined;
                return (
                  <td
                    key={c}
                    data-label={RULE_COLUMN_LABELS[c] ?? c.replace(/_/g, " ")}
                    className={
                      ci === 0
                        ? "card-head nowrap"
                        : c === "precedence" || c === "rows_decided"
                          ? "num"
                          : c === "result"
                            ? "nowrap"
                            : undefined
                    }
                  >
                    {model ? (
                      <span className="model-tag">
                        <span className="swatch" style={{ background: model.colour }} aria-hidden="true" />
                        {model.label}
                      </span>
                    ) : c === "stage" ? (
                      (RULE_STAGE_LABELS[text] ?? text)
                    ) : (
                      text
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

const RULE_COLUMN_LABELS: Record<string, string> = {
  rule_id: "Rule",
  stage: "Decides",
  precedence: "Order",
  result: "Gives",
  description: "When",
  rows_decided: "Rows decided",
};
const RULE_STAGE_LABELS: Record<string, string> = {
  model: "Commissioning model",
  ownership: "Supplier ownership",
};

// The page has no filter bar: its charts cover every row of every source.
const NO_FILTERS: Filters = {};

export default function Sources() {
  const trpc = useTRPC();
  const build = useBuild();
  const used = useQuery(trpc.meta.sources.queryOptions());
  const usedById = new Map((used.data ?? []).map((s) => [s.id, s]));
  const caveats = [...new Set(METRICS.flatMap((m) => m.caveats))];
  return (
    <div className="page prose">
      <h1>Sources and methods</h1>
      <p className="lede">
        Where every number comes from, how it is defined and what to watch out for.
        {build.data && (
          <>
            {" "}
            This warehouse was built on {formatDate(build.data.builtAt)} with classification rules version{" "}
            {build.data.rulesetVersion}
            {build.data.isSample ? " from generated sample data (not real)." : "."}
          </>
        )}
      </p>
      <nav aria-label="On this page" className="toc">
        <a href="#sources">Sources</a> · <a href="#metrics">Metric definitions</a> ·{" "}
        <a href="#rules">Classification rules</a> · <a href="#caveats">Caveats</a>
      </nav>

      <section aria-labelledby="sources" className="card">
        <h2 id="sources">Sources</h2>
        {used.error && <ErrorBlock error={used.error} onRetry={() => void used.refetch()} />}
        <ScrollRegion label="Sources (table)">
          <table className="data-table">
            <caption className="visually-hidden">Source catalogue and what this build read</caption>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Publisher</th>
                <th scope="col">Licence</th>
                <th scope="col" className="num">
                  Rows kept
                </th>
                <th scope="col" className="num">
                  Rejected
                </th>
                <th scope="col">Read in build</th>
              </tr>
            </thead>
            <tbody>
              {SOURCES.map((s) => {
                const u = usedById.get(s.id);
                return (
                  <tr key={s.id}>
                    <th scope="row">
                      <a href={s.url} rel="noreferrer" target="_blank">
                        {s.title}
                      </a>
                      <div className="n-note">{s.notes}</div>
                    </th>
                    <td>{s.publisher}</td>
                    <td>
                      <a href={s.licenceUrl} rel="noreferrer" target="_blank">
                        {s.licence}
                      </a>
                    </td>
                    <td className="num">{u ? formatCount(u.rowsKept) : "—"}</td>
                    <td className="num">{u ? formatCount(u.rowsRejected) : "—"}</td>
                    <td>{u ? formatDate(u.builtAt) : used.data ? "not in this build" : "…"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      </section>

      <section aria-labelledby="metrics" className="card">
        <h2 id="metrics">Metric definitions</h2>
        {Object.entries(TABLE_LABELS).map(([table, label]) => (
          <div key={table}>
            <h3>{label}</h3>
            <dl className="metric-list">
              {METRICS.filter((m) => m.table === table).map((m) => (
                <div key={m.id} id={`metric-${m.id}`} className="metric-def">
                  <dt>{m.label}</dt>
                  <dd>
                    <p>{m.definition}</p>
                    <p className="n-note">
                      Unit: {m.unit} · suppressed below n = {m.minN} · id <code>{m.id}</code>
                    </p>
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
      </section>

      <section aria-labelledby="rules" className="card">
        <h2 id="rules">Classification rules</h2>
        <p>
          Each contract and spend line gets a commissioning model (market-led, cooperative, in-house or unknown) and a
          reason naming the rule and its evidence. Rules apply in precedence order; the first that matches wins.
        </p>
        <RulesTable />
      </section>
      {SOURCES_CHARTS.map((recipe) => (
        <RecipeChart key={recipe.id} recipe={recipe} filters={NO_FILTERS} />
      ))}

      <DataDownloads />

      <section aria-labelledby="caveats" className="card">
        <h2 id="caveats">Caveats</h2>
        <ul>
          {[...GENERAL_CAVEATS, ...caveats].map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
