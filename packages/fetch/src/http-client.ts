/**
 * The only place that talks to the network. Polite by construction: callers await one request
 * at a time, every request names the project in its User-Agent, waits a little between requests,
 * honours Retry-After, backs off exponentially with jitter, and gives up after a bounded number
 * of attempts with an error that names the URL.
 */
import { backoffDelay, parseRetryAfter } from "./retry-after.js";

export const USER_AGENT = "CommissioningLens/0.1 (+https://github.com/commissioning-lens/commissioning-lens)";

export type FetchErrorKind = "http" | "network" | "timeout" | "invalid-body" | "retry-after-too-long";

export class FetchError extends Error {
  override readonly name = "FetchError";
  constructor(
    message: string,
    readonly url: string,
    readonly kind: FetchErrorKind,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

export interface RetryEvent {
  url: string;
  attempt: number;
  delayMs: number;
  reason: string;
}

export interface HttpClientOptions {
  fetch?: typeof fetch;
  /** Injected so tests do not wait in real time. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Retries after the first attempt; 5 means at most 6 requests for one URL. */
  maxRetries?: number;
  timeoutMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A server asking for a longer pause than this is told "later", not waited on for hours. */
  maxRetryAfterMs?: number;
  /** Pause between consecutive requests, on top of the one-at-a-time rule. */
  minIntervalMs?: number;
  userAgent?: string;
  onRetry?: (event: RetryEvent) => void;
}

export interface HttpResponse {
  url: string;
  status: number;
  headers: Headers;
  body: Buffer;
  attempts: number;
}

export interface GetOptions {
  accept?: string;
  /** Throws when the body is unusable (truncated JSON, an HTML error page with status 200). */
  validate?: (body: Buffer) => void;
}

export interface HttpClient {
  get(url: string, options?: GetOptions): Promise<HttpResponse>;
}

const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

export const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const doFetch = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const maxRetries = options.maxRetries ?? 5;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const backoff = { baseMs: options.baseDelayMs ?? 1_000, maxMs: options.maxDelayMs ?? 60_000, random };
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 15 * 60_000;
  const minIntervalMs = options.minIntervalMs ?? 250;
  const userAgent = options.userAgent ?? USER_AGENT;
  let lastRequestAt: number | null = null;

  async function attemptOnce(url: string, accept: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
    if (lastRequestAt !== null) {
      const gap = lastRequestAt + minIntervalMs - now();
      if (gap > 0) await sleep(gap);
    }
    lastRequestAt = now();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await doFetch(url, {
        headers: { "User-Agent": userAgent, Accept: accept },
        signal: controller.signal,
        redirect: "follow",
      });
      // The timeout covers the body too: a server that stalls mid-body is as stuck as one that never answers.
      const body = Buffer.from(await response.arrayBuffer());
      return { status: response.status, headers: response.headers, body };
    } catch (error) {
      if (controller.signal.aborted) throw new FetchError(`timed out after ${timeoutMs} ms: ${url}`, url, "timeout");
      throw new FetchError(`network error (${describe(error)}): ${url}`, url, "network");
    } finally {
      clearTimeout(timer);
    }
  }

  async function get(url: string, getOptions: GetOptions = {}): Promise<HttpResponse> {
    const accept = getOptions.accept ?? "application/json";
    let lastError: FetchError | null = null;
    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      let delayMs = backoffDelay(attempt, backoff);
      try {
        const { status, headers, body } = await attemptOnce(url, accept);
        if (status >= 200 && status < 300) {
          try {
            getOptions.validate?.(body);
            return { url, status, headers, body, attempts: attempt + 1 };
          } catch (error) {
            // Usually a body cut short by a proxy or a dropped connection; worth another try.
            lastError = new FetchError(
              `invalid response body (${describe(error)}): ${url}`,
              url,
              "invalid-body",
              status,
            );
          }
        } else if (RETRYABLE_STATUS.has(status)) {
          lastError = new FetchError(`HTTP ${status}: ${url}`, url, "http", status);
          if (status === 429 || status === 503) {
            const asked = parseRetryAfter(headers.get("retry-after"), now());
            if (asked !== null && asked > maxRetryAfterMs) {
              throw new FetchError(
                `HTTP ${status}: server asked to wait ${Math.round(asked / 1000)} s (more than ${Math.round(maxRetryAfterMs / 1000)} s); try again later: ${url}`,
                url,
                "retry-after-too-long",
                status,
              );
            }
            if (asked !== null) delayMs = asked;
          }
        } else {
          // 4xx other than the few above: the request itself is wrong, repeating it cannot help.
          const snippet = body.toString("utf8", 0, Math.min(body.length, 200)).replace(/\s+/g, " ").trim();
          throw new FetchError(`HTTP ${status}${snippet ? ` (${snippet})` : ""}: ${url}`, url, "http", status);
        }
      } catch (error) {
        if (!(error instanceof FetchError) || error.kind === "http" || error.kind === "retry-after-too-long")
          throw error;
        lastError = error;
      }
      if (attempt < maxRetries) {
        options.onRetry?.({ url, attempt: attempt + 1, delayMs, reason: lastError?.message ?? "unknown" });
        await sleep(delayMs);
      }
    }
    const final = lastError ?? new FetchError(`failed: ${url}`, url, "network");
    throw new FetchError(`gave up after ${maxRetries + 1} attempts: ${final.message}`, url, final.kind, final.status);
  }

  return { get };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}
