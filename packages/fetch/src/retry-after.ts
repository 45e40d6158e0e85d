/**
 * `Retry-After` comes either as delay-seconds or as an HTTP date (RFC 9110 §10.2.3).
 * Returns the wait in milliseconds, or null when the header is missing or unreadable,
 * so the caller falls back to its own backoff instead of guessing.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value == null) return null;
  const trimmed = value.trim();
  if (trimmed === "") return null;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // HTTP dates start with a day name; anything else ("-5", "2025") Date.parse would accept wrongly.
  if (!/^[A-Za-z]{3}/.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  // A date in the past means "now"; never a negative sleep.
  return Math.max(0, at - nowMs);
}

/**
 * Exponential backoff with "equal jitter": at least half the capped delay, so retries never
 * collapse to zero, plus a random half, so many clients retrying together spread out.
 */
export function backoffDelay(
  attempt: number,
  options: { baseMs: number; maxMs: number; random: () => number },
): number {
  const capped = Math.min(options.maxMs, options.baseMs * 2 ** attempt);
  return Math.round(capped / 2 + options.random() * (capped / 2));
}
