/**
 * Draws the labelled sample of suppliers for the supplier ↔ Ofsted owner linkage and prints,
 * for each, the Ofsted owner names a reader checks it against (owners sharing any distinctive
 * word of the name). It never runs the matcher: the labels are decided from this list, before
 * the matcher's answer is looked at.
 *
 *   npx tsx packages/warehouse/src/supplier-owner-links-sample.ts --warehouse FILE [--seed N]
 *
 * Population: every distinct supplier name as written on `contracts` and `spend`, placeholders
 * left out. Strata (decided from the name and Ofsted's owner list only):
 * - `owner-word`: the name's first distinctive word is the first word of an Ofsted owner;
 * - `care-word`: otherwise, the name holds a care word (care, child, foster, home, residential,
 *   support, school, education, young, youth, family, trust, charity, autism, therapy);
 * - `other`: the rest.
 * Within a stratum, names sorted by code point are shuffled by a seeded Fisher–Yates shuffle
 * (mulberry32) and the first QUOTA taken.
 *
 * A second draw (`placements`, seed PLACEMENT_SEED) takes PLACEMENT_QUOTA more names from the
 * suppliers of in-scope contracts whose service is residential care or fostering (the
 * contracts the quality metrics read), leaving out names the first draw took: a random sample
 * drawn from all names holds few care providers.
 */
import { isPlaceholderSupplier, normaliseOrganisationName } from "@lens/core/classify";
import { Random } from "@lens/sample";
import { openWarehouse, queryRows } from "./db.js";

export const SAMPLE_SEED = 20261214;
export const QUOTAS = { "owner-word": 60, "care-word": 30, other: 20 } as const;
export type SampleStratum = keyof typeof QUOTAS;
export const PLACEMENT_SEED = 20261215;
export const PLACEMENT_QUOTA = 30;

const CARE_WORD =
  /\b(care|carers?|child|children|childrens|childcare|foster\w*|homes?|residential|support\w*|schools?|education\w*|young|youth|family|families|trust|charity|autism|autistic|therapy|therapeutic)\b/;
/** Words that say nothing about which organisation a name is. */
const FILLER = new Set(["the", "and", "of", "for", "ltd", "plc", "llp", "cic", "limited", "uk", "group", "services"]);

export const words = (name: string): string[] =>
  normaliseOrganisationName(name)
    .split(" ")
    .filter((w) => w.length >= 3 && !FILLER.has(w));

export function stratumOf(name: string, ownerFirstWords: ReadonlySet<string>): SampleStratum {
  const first = words(name)[0];
  if (first && ownerFirstWords.has(first)) return "owner-word";
  return CARE_WORD.test(normaliseOrganisationName(name)) ? "care-word" : "other";
}

export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const random = new Random(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args[args.indexOf("--warehouse") + 1];
  const seed = args.includes("--seed") ? Number(args[args.indexOf("--seed") + 1]) : SAMPLE_SEED;
  if (!file || !args.includes("--warehouse")) throw new Error("usage: --warehouse FILE [--seed N]");
  const warehouse = await openWarehouse(file, { readOnly: true });
  const connection = await warehouse.connect();
  const owners = (
    await queryRows<{ owner_name: string }>(
      connection,
      "SELECT DISTINCT owner_name FROM provider_snapshots WHERE nullif(trim(owner_name), '') IS NOT NULL ORDER BY 1",
    )
  ).map((r) => r.owner_name);
  const df = new Map<string, number>();
  for (const o of owners) for (const w of new Set(words(o))) df.set(w, (df.get(w) ?? 0) + 1);
  const ownerFirstWords = new Set(owners.map((o) => words(o)[0]).filter((w): w is string => Boolean(w)));
  const names = (
    await queryRows<{ supplier_name: string; sources: string }>(
      connection,
      `SELECT supplier_name, string_agg(DISTINCT source, ',' ORDER BY source) AS sources FROM (
         SELECT supplier_name, source FROM contracts WHERE supplier_name IS NOT NULL
         UNION ALL SELECT supplier_name, source FROM spend WHERE supplier_name IS NOT NULL
       ) GROUP BY supplier_name`,
    )
  ).filter((r) => !isPlaceholderSupplier(r.supplier_name));
  names.sort((a, b) => (a.supplier_name < b.supplier_name ? -1 : a.supplier_name > b.supplier_name ? 1 : 0));
  const strata = new Map<SampleStratum, typeof names>();
  for (const n of names) {
    const s = stratumOf(n.supplier_name, ownerFirstWords);
    strata.set(s, [...(strata.get(s) ?? []), n]);
  }
  for (const [stratum, quota] of Object.entries(QUOTAS) as [SampleStratum, number][]) {
    const pool = strata.get(stratum) ?? [];
    console.log(`## ${stratum}: population ${pool.length}, drawn ${Math.min(quota, pool.length)}`);
    for (const n of shuffle(pool, seed).slice(0, quota)) printCandidates(n.supplier_name, n.sources);
  }
  function printCandidates(name: string, sources: string): void {
    {
      const mine = new Set(words(name));
      // Ranked by the rarity of the words shared, so "Keys" outranks "Care".
      const candidates = owners
        .map((o) => ({ o, score: words(o).reduce((a, w) => a + (mine.has(w) ? 1 / (df.get(w) ?? 1) : 0), 0) }))
        .filter((c) => c.score > 0)
        .sort((a, b) => b.score - a.score || a.o.localeCompare(b.o))
        .slice(0, 8)
        .map((c) => c.o);
      console.log(`- ${JSON.stringify(name)} [${sources}]`);
      for (const c of candidates) console.log(`    · ${c}`);
    }
  }
  const first = new Set(
    (Object.entries(QUOTAS) as [SampleStratum, number][]).flatMap(([stratum, quota]) =>
      shuffle(strata.get(stratum) ?? [], seed)
        .slice(0, quota)
        .map((n) => n.supplier_name),
    ),
  );
  const placements = (
    await queryRows<{ supplier_name: string }>(
      connection,
      `SELECT DISTINCT supplier_name FROM contracts WHERE in_scope AND service IN ('residential care', 'fostering')
       AND supplier_name IS NOT NULL`,
    )
  )
    .map((r) => r.supplier_name)
    .filter((n) => !isPlaceholderSupplier(n) && !first.has(n))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  console.log(`## placements: population ${placements.length}, drawn ${Math.min(PLACEMENT_QUOTA, placements.length)}`);
  for (const n of shuffle(placements, PLACEMENT_SEED).slice(0, PLACEMENT_QUOTA)) printCandidates(n, "contracts");
  connection.closeSync();
  warehouse.close();
}

if (process.argv[1]?.endsWith("supplier-owner-links-sample.ts")) await main();
