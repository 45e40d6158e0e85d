/**
 * Which year labels a line chart's axis shows. Real data runs from 1990 to 2025 plus "Not
 * recorded": 37 labels do not fit under a chart, and recharts' own thinning drops labels at
 * uneven places. Years are thinned to a round step (every 2, 5, 10… years) so the labels that
 * remain read as a scale; the first and last years are kept when they are not crowded by a
 * round one, and a category that is not a year ("Not recorded") is always labelled, with
 * the years just before it left unlabelled so the two do not overlap.
 */

const STEPS = [1, 2, 5, 10, 20, 25, 50, 100];
const isYear = (c: string) => /^\d{4}$/.test(c);

/**
 * The categories to label, at most `max` of them when a round step allows; null when the
 * categories are not years (the caller labels every category).
 */
export function yearTicks(categories: readonly string[], max: number): string[] | null {
  const years = categories.filter(isYear);
  if (years.length === 0) return null;
  if (categories.length <= max) return [...categories];
  const others = categories.filter((c) => !isYear(c));
  const values = years.map(Number);
  const budget = Math.max(2, max - others.length);
  const step = STEPS.find((s) => values.filter((v) => v % s === 0).length <= budget) ?? STEPS[STEPS.length - 1]!;
  const round = values.filter((v) => v % step === 0);
  const first = values[0]!;
  const last = values[values.length - 1]!;
  const picked = new Set(round);
  // An end year is labelled unless a round year sits less than half a step from it.
  if (!round.some((v) => Math.abs(v - first) < step / 2)) picked.add(first);
  if (!round.some((v) => Math.abs(v - last) < step / 2)) picked.add(last);
  // A label that is not a year ("Not recorded") is long: the years right before it give it room.
  const room = Math.ceil(step / 2);
  return categories.filter((c, i) => {
    if (!isYear(c)) return true;
    const crowded = categories.slice(i + 1, i + 1 + room).some((next) => !isYear(next));
    return picked.has(Number(c)) && !crowded;
  });
}
