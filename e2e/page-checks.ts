/**
 * Checks the browser tests share: the tRPC answer a page should show, and axe's serious or
 * critical violations on a page.
 */
import { createRequire } from "node:module";
import type { Page } from "./browser.js";

const axeSource: string = (createRequire(import.meta.url)("axe-core") as { source: string }).source;

/** A tRPC query's data over plain HTTP, as the page's own client would get it. */
export async function trpcGet<T>(baseUrl: string, path: string, input?: unknown): Promise<T> {
  const q = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await fetch(`${baseUrl}/api/trpc/${path}${q}`);
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
  if (!body.result) throw new Error(`${path}: ${body.error?.message ?? res.status}`);
  return body.result.data;
}

export interface AxeViolation {
  id: string;
  impact: string;
  targets: string[];
}

/** Runs axe on the page and returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not injected as an inline <script>: the app's
  // Content-Security-Policy (rightly) refuses inline scripts, and the audit must not weaken it.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run: (
          ctx: unknown,
          opts: unknown,
        ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
      };
    };
    const r = await w.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
