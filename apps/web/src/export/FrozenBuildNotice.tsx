/** The warning a frozen permalink shows when the warehouse served is not the build it was pinned to. */
import { formatDate } from "@lens/core";
import { useLocation } from "../lib/router.js";
import { useBuild } from "../lib/use-build.js";
import { pinnedBuild } from "./permalink.js";
import "./export-menu.css";

export function FrozenBuildNotice() {
  const { search } = useLocation();
  const build = useBuild();
  const pinned = pinnedBuild(search);
  if (!pinned || !build.data || build.data.buildId === pinned) return null;
  return (
    <div className="frozen-notice" role="status">
      <strong>Newer data exists.</strong> This link was pinned to data build {pinned}; the chart now shows build{" "}
      {build.data.buildId}
      {build.data.builtAt ? ` (built ${formatDate(build.data.builtAt)})` : ""}, so its numbers may differ from the
      original.
    </div>
  );
}
