import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "./trpc.js";

/** The warehouse build being served (sample or real, when built); shared by every page. */
export function useBuild() {
  const trpc = useTRPC();
  return useQuery(trpc.meta.build.queryOptions());
}
