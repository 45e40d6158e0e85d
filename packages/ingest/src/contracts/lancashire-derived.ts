/**
 * Contracts Finder notices for Lancashire councils as reshaped by a third-party ETL (see the
 * `contracts-finder-lancashire` source entry): `{ meta, stats, contracts[] }` per council. Awarded notices
 * are stage 'award' (value = awarded_value); closed/open ones stage 'tender' (value_high,
 * else value_low); withdrawn and Pipeline/PreProcurement notices are rejected. Several
 * suppliers are comma-joined in one string by the ETL and cannot be split safely: kept as
 * one row. A notice already read from Contracts Finder OCDS (same notice URL) or from
 * another council's file (joint procurement) is rejected as a duplicate.
 */
import { readHead, readTextFile } from "../files.js";
import { queryRows } from "../query.js";
import { defineSource } from "../source-frame.js";
import { SourceError, type SourceFile } from "../types.js";
import { type ContractRow, cleanText, knownMoney, parseContractDate, toWarehouseRow } from "./contract-rows.js";
import { resolveBuyersAndScope } from "./ocds-releases.js";

export const LANCASHIRE_SOURCE_ID = "contracts-finder-lancashire";
const NOTICE_URL = "https://www.contractsfinder.service.gov.uk/Notice/";

interface Notice {
  id?: unknown;
  title?: unknown;
  description?: unknown;
  organisation?: unknown;
  status?: unknown;
  notice_type?: unknown;
  published_date?: unknown;
  deadline_date?: unknown;
  awarded_date?: unknown;
  value_low?: unknown;
  value_high?: unknown;
  awarded_value?: unknown;
  awarded_supplier?: unknown;
  awarded_to_sme?: unknown;
  cpv_codes?: unknown;
}

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);
const num = (v: unknown): number | null => (typeof v === "number" || typeof v === "string" ? knownMoney(v) : null);

async function isLancashireFile(file: SourceFile): Promise<boolean> {
  if (!file.relativePath.endsWith(".json")) return false;
  const head = await readHead(file.path, 4096);
  return /^\s*\{\s*"meta"\s*:/.test(head) && /"council_id"/.test(head) && /Contracts Finder/.test(head);
}

/** One run: notice URLs Contracts Finder OCDS already gave, and each notice id kept so far with its file. */
interface Run {
  known: Set<string>;
  seen: Map<string, string>;
}

export const lancashireDerivedIngester = defineSource<"contracts", Notice, Run>({
  id: LANCASHIRE_SOURCE_ID,
  label: "Contracts Finder notices for Lancashire councils (third-party reshaped)",
  table: "contracts",
  maxRejectRate: 0.2,
  recognise: isLancashireFile,
  async begin(ctx) {
    const rows = await queryRows<{ notice_url: string }>(
      ctx.connection,
      "SELECT DISTINCT notice_url FROM contracts WHERE notice_url LIKE $p",
      { p: `${NOTICE_URL}%` },
    );
    return { known: new Set(rows.map((r) => r.notice_url)), seen: new Map() };
  },
  async open(file, _ctx, { known, seen }) {
    const { text } = await readTextFile(file.path);
    let doc: { contracts?: unknown };
    try {
      doc = JSON.parse(text) as { contracts?: unknown };
    } catch (error) {
      const message = (error as Error).message;
      const at = /position (\d+)/.exec(message);
      const line = text.slice(0, at ? Number(at[1]) : text.length).split("\n").length;
      throw new SourceError(file.relativePath, line, `invalid JSON (${message}; truncated file?)`);
    }
    if (!Array.isArray(doc.contracts)) throw new SourceError(file.relativePath, 1, "no contracts[] array");
    return {
      // source_line is the notice's 1-based position in contracts[] (the file is pretty-printed JSON).
      records: (doc.contracts as Notice[]).map((record, i) => ({ line: i + 1, record })),
      toRow(raw, { source, line }) {
        const id = str(raw.id);
        if (id === null) return { reject: "notice has no id" };
        const url = NOTICE_URL + id.toLowerCase();
        if (known.has(url)) return { reject: `notice ${id} already read from Contracts Finder OCDS releases` };
        const earlier = seen.get(id);
        if (earlier) return { reject: `notice ${id} already read from ${earlier} (joint procurement listed twice)` };
        const status = str(raw.status)?.toLowerCase() ?? null;
        const type = str(raw.notice_type);
        if (type !== null && /^(pipeline|preprocurement)$/i.test(type))
          return { reject: `${type} notice: planning, no contract tendered yet` };
        if (status === "withdrawn" || status === "cancelled") return { reject: `notice ${status}: no contract` };
        let supplier = cleanText(str(raw.awarded_supplier));
        if (supplier !== null && /^not awarded to supplier$/i.test(supplier)) supplier = null;
        const awarded = status === "awarded";
        const published = parseContractDate(str(raw.published_date));
        const deadline = parseContractDate(str(raw.deadline_date));
        const awardDate = parseContractDate(str(raw.awarded_date));
        if (published === undefined || deadline === undefined || awardDate === undefined)
          return { reject: "unreadable date" };
        const row: ContractRow = {
          contract_id: `cf-lancashire:${id}`,
          source,
          stage: awarded ? "award" : "tender",
          buyer_name: cleanText(str(raw.organisation)),
          title: cleanText(str(raw.title)),
          description: cleanText(str(raw.description)),
          cpv: str(raw.cpv_codes)?.split(/[\s,]+/)[0] ?? null,
          value_gbp: awarded ? num(raw.awarded_value) : (num(raw.value_high) ?? num(raw.value_low)),
          award_date: awarded ? awardDate : null,
          tender_end_date: deadline,
          supplier_name: awarded ? supplier : null,
          supplier_is_sme:
            awarded && supplier !== null && typeof raw.awarded_to_sme === "boolean" ? raw.awarded_to_sme : null,
          notice_url: url,
          source_file: file.relativePath,
          source_line: line,
        };
        seen.set(id, file.relativePath);
        return toWarehouseRow(row);
      },
    };
  },
  finish: (ctx, files) =>
    resolveBuyersAndScope(
      ctx.connection,
      files.map((f) => f.relativePath),
    ),
});
