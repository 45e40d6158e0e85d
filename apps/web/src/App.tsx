import { highlightFromParams, withHighlightParam } from "@lens/charts/highlight";
import { useEffect, useRef } from "react";
import { SampleBanner } from "./components/SampleBanner.js";
import { ErrorBlock, LoadingBlock } from "./components/States.js";
import { FrozenBuildNotice } from "./export/FrozenBuildNotice.js";
import { lazyPage } from "./lib/lazy-page.js";
import { Link, useLocation } from "./lib/router.js";
import { useBuild } from "./lib/use-build.js";

export const NAV = [
  { to: "/", label: "Overview" },
  { to: "/explore", label: "Explore" },
  { to: "/benchmark", label: "Council benchmark" },
  { to: "/contracts", label: "Contracts" },
  { to: "/quality", label: "Provider quality" },
  { to: "/evidence", label: "Evidence" },
  { to: "/sources", label: "Sources & methods" },
] as const;

// One chunk per page: the shell loads first, then only the page being opened, shown as soon as it is in
// (pages that name their first charts have those charts' queries started at once: lib/route-prefetch.ts).
const PAGE_LOADING = <LoadingBlock label="page" />;
const Overview = lazyPage(() => import("./pages/Overview.js"), PAGE_LOADING);
const Explore = lazyPage(() => import("./pages/Explore.js"), PAGE_LOADING);
const Benchmark = lazyPage(() => import("./pages/Benchmark.js"), PAGE_LOADING);
const Contracts = lazyPage(() => import("./pages/Contracts.js"), PAGE_LOADING);
const Quality = lazyPage(() => import("./pages/Quality.js"), PAGE_LOADING);
const Sources = lazyPage(() => import("./pages/Sources.js"), PAGE_LOADING);
const EvidenceIndex = lazyPage(() => import("./pages/evidence/EvidenceIndex.js"), PAGE_LOADING);
const EvidenceClaim = lazyPage(() => import("./pages/evidence/EvidenceClaim.js"), PAGE_LOADING);
const NotFound = lazyPage(() => import("./pages/NotFound.js"), PAGE_LOADING);
const Embed = lazyPage(() => import("./pages/Embed.js"), <LoadingBlock label="chart" />);
const Snapshot = lazyPage(() => import("./pages/Snapshot.js"), PAGE_LOADING);

const TITLES: Record<string, string> = {
  "/": "Overview",
  "/explore": "Explore",
  "/benchmark": "Council benchmark",
  "/contracts": "Contracts",
  "/quality": "Provider quality",
  "/evidence": "Evidence",
  "/sources": "Sources & methods",
  "/embed": "Chart",
  "/s": "Cited numbers",
};

function isActive(to: string, path: string): boolean {
  return to === "/" ? path === "/" : path.startsWith(to);
}

function Page({ path }: { path: string }) {
  const benchmark = /^\/benchmark(?:\/(\d{3}))?\/?$/.exec(path);
  const evidence = /^\/evidence(?:\/([a-z-]+))?\/?$/.exec(path);
  const snapshot = /^\/s\/([A-Za-z0-9_-]{10})\/?$/.exec(path);
  if (path === "/") return <Overview />;
  if (path === "/explore") return <Explore />;
  if (benchmark) return <Benchmark laCode={benchmark[1] ?? null} />;
  if (path === "/contracts") return <Contracts />;
  if (path === "/quality") return <Quality />;
  if (path === "/sources") return <Sources />;
  if (snapshot) return <Snapshot id={snapshot[1]!} />;
  if (evidence) return evidence[1] ? <EvidenceClaim id={evidence[1]} /> : <EvidenceIndex />;
  return <NotFound />;
}

export function App() {
  const { path, search } = useLocation();
  // A council highlighted "everywhere" stays highlighted from page to page.
  const highlight = highlightFromParams(new URLSearchParams(search));
  const build = useBuild();
  const section = TITLES[`/${path.split("/")[1] ?? ""}`] ?? "Not found";
  const navList = useRef<HTMLUListElement>(null);
  useEffect(() => {
    document.title = `${section} — Commissioning Lens`;
  }, [section]);
  // On a phone the nav is one scrolling row: bring the current page's link into view.
  const activeNav = NAV.findIndex((item) => isActive(item.to, path));
  useEffect(() => {
    const ul = navList.current;
    const current = activeNav >= 0 ? (ul?.children[activeNav] as HTMLElement | undefined) : undefined;
    if (ul && current && ul.scrollWidth > ul.clientWidth)
      ul.scrollLeft = Math.max(0, current.offsetLeft - ul.offsetLeft - 8);
  }, [activeNav]);
  // Chart-only route for iframes: the frame without the site's navigation.
  if (path.startsWith("/embed/")) return <Embed />;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {build.data?.isSample && <SampleBanner />}
      <header className="site-header">
        <Link to="/" className="brand">
          Commissioning Lens
        </Link>
        <nav aria-label="Main">
          <ul ref={navList}>
            {NAV.map((item) => {
              const active = isActive(item.to, path);
              return (
                <li key={item.to}>
                  <Link
                    to={highlight ? withHighlightParam(item.to, highlight) : item.to}
                    aria-current={active ? "page" : undefined}
                  >
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      </header>
      <main id="main">
        <FrozenBuildNotice />
        {build.error ? <ErrorBlock error={build.error} onRetry={() => void build.refetch()} /> : <Page path={path} />}
      </main>
      <footer className="site-footer">
        <p>
          Commissioning Lens — open data on how English councils commission children's services. Numbers are computed
          from the sources listed under <Link to="/sources">Sources &amp; methods</Link>.
        </p>
        <p className="print-only">
          Permalink: {window.location.href}
          {build.data
            ? ` · data build ${build.data.buildId}${build.data.isSample ? " (sample data — not real)" : ""}`
            : ""}
          . Sources: each chart's source line; all of them under Sources &amp; methods.
        </p>
      </footer>
    </div>
  );
}
