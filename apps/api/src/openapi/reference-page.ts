/**
 * The readable API reference at /api: plain HTML drawn from the OpenAPI document (the same
 * object /api/v1/openapi.json serves), so the page and the contract cannot disagree. No
 * script, one inline stylesheet (the security policy allows inline styles, not scripts).
 */
import { openApiDocument } from "./document.js";

type Json = Record<string, unknown>;

const escapeHtml = (text: unknown) => String(text ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A parameter's accepted values in a few words: the enum (shortened), the pattern or the type. */
function valuesOf(schema: Json | undefined): string {
  if (!schema) return "";
  const items = (schema.items as Json | undefined) ?? schema;
  const list = items.enum as unknown[] | undefined;
  if (list) {
    const shown = list.slice(0, 12).map(String).join(", ");
    return `${schema.type === "array" ? "list of " : ""}${shown}${list.length > 12 ? `, … (${list.length} values)` : ""}`;
  }
  if (items.pattern) return `${String(items.type ?? "string")} matching ${String(items.pattern)}`;
  return `${schema.type === "array" ? "list of " : ""}${String(items.type ?? "value")}`;
}

export function referencePage(): string {
  const doc = openApiDocument();
  const info = doc.info as Json;
  const sections: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = (op.parameters as Json[] | undefined) ?? [];
      const rows = params
        .map(
          (p) =>
            `<tr><td><code>${escapeHtml(p.name)}</code>${p.in === "path" ? " (path)" : ""}</td><td>${escapeHtml(p.description)}</td><td>${escapeHtml(valuesOf(p.schema as Json))}</td></tr>`,
        )
        .join("");
      const responses = Object.entries((op.responses as Record<string, Json>) ?? {})
        .map(
          ([code, r]) =>
            `<li><code>${escapeHtml(code)}</code> ${escapeHtml(r.description ?? (r.$ref ? "error (see below)" : ""))}</li>`,
        )
        .join("");
      const anchor = `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, "-");
      sections.push(`<section id="${anchor}">
<h2><span class="method">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h2>
<p>${escapeHtml(op.summary)}</p>${op.description ? `<p>${escapeHtml(op.description)}</p>` : ""}
${rows ? `<table><thead><tr><th scope="col">Parameter</th><th scope="col">Meaning</th><th scope="col">Values</th></tr></thead><tbody>${rows}</tbody></table>` : ""}
<ul class="responses">${responses}</ul>
</section>`);
    }
  }
  const toc = Object.entries(doc.paths as Record<string, Json>)
    .map(([path, ops]) => {
      const anchor = `${Object.keys(ops)[0]}-${path}`.replace(/[^A-Za-z0-9]+/g, "-");
      return `<li><a href="#${anchor}"><code>${escapeHtml(path)}</code></a></li>`;
    })
    .join("");
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference — Commissioning Lens</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<meta name="description" content="${escapeHtml(info.summary)}">
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:70rem;margin:0 auto;padding:1rem 1.5rem;color:#1b1b1b}
h1{font-size:1.8rem}h2{font-size:1.15rem;margin-top:2rem;border-top:1px solid #ccc;padding-top:1rem}
code{font-family:ui-monospace,monospace;font-size:.92em}.method{background:#1d4f91;color:#fff;border-radius:3px;padding:0 .4em;font-size:.85em}
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{text-align:left;vertical-align:top;border-bottom:1px solid #e2e2e2;padding:.3rem .5rem}
a{color:#1d4f91}.responses{font-size:.92rem}
</style>
</head>
<body>
<main>
<h1>Commissioning Lens data API</h1>
<p>${escapeHtml(info.summary)}. ${escapeHtml(info.description)}</p>
<p>The contract as OpenAPI ${escapeHtml(doc.openapi)}: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (this page is drawn from it). Back to the <a href="/">dashboard</a>; the data files are on <a href="/sources">Sources &amp; methods</a>.</p>
<nav aria-label="Endpoints"><ul>${toc}</ul></nav>
${sections.join("\n")}
</main>
</body>
</html>
`;
}
