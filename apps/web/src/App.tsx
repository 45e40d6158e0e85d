import { lazy, Suspense } from "react";
import { SampleBanner } from "./components/SampleBanner.js";
import { ErrorBlock, LoadingBlock } from "./components/States.js";
import { Link, useLocation } from "./lib/router.js";
import { useBuild } from "./lib/use-build.js";
import { Overview } from "./pages/Overview.js";

export const NAV = [
  { to: "/", label: "Overview" },
  { to: "/explore", label: "Explore" },
  { to: "/benchmark", label: "Council benchmark" },
  { to: "/contracts", label: "Contracts" },
  { to: "/quality", label: "Provider quality" },
  { to: "/sources", label: "Sources & methods" },
] as const;

const NotFound = lazy(() => import("./pages/NotFound.js"));

function Page({ path }: { path: string }) {
  if (path === "/") return <Overview />;
  return <NotFound />;
}

export function App() {
  const { path } = useLocation();
  const build = useBuild();
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
          <ul>
            {NAV.map((item) => {
              const active = item.to === "/" ? path === "/" : path.startsWith(item.to);
              return (
                <li key={item.to}>
                  <Link to={item.to} aria-current={active ? "page" : undefined}>
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      </header>
      <main id="main">
        {build.error ? (
          <ErrorBlock error={build.error} onRetry={() => void build.refetch()} />
        ) : (
          <Suspense fallback={<LoadingBlock label="page" />}>
            <Page path={path} />
          </Suspense>
        )}
      </main>
      <footer className="site-footer">
        <p>
          Commissioning Lens — open data on how English councils commission children's services. Numbers are computed
          from the sources listed under <Link to="/sources">Sources &amp; methods</Link>.
        </p>
      </footer>
    </div>
  );
}
