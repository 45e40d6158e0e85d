/** The whole client wiring: only the router's type crosses from the API. */
import type { AppRouter } from "@lens/api";
import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, splitLink } from "@trpc/client";
import { createTRPCContext, createTRPCOptionsProxy } from "@trpc/tanstack-react-query";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { staleTime: 5 * 60_000, retry: 1, refetchOnWindowFocus: false } },
  });
}

/** Marks a page's first charts' calls (query-inputs.ts prefetchRecipes) for their own batch. */
export const FIRST_CHARTS = { context: { firstCharts: true } } as const;

export function makeTrpcClient() {
  const batch = () => httpBatchLink({ url: "/api/trpc", maxURLLength: 4000 });
  return createTRPCClient<AppRouter>({
    // A page's first charts always leave as a batch of their own. With one batch link, whether
    // the rest of the page joined their batch depended on whether React rendered the page before
    // the link's timer fired — and a joined batch is answered only when its slowest query is.
    links: [splitLink({ condition: (op) => op.context.firstCharts === true, true: batch(), false: batch() })],
  });
}

let clients: { queryClient: QueryClient; trpcClient: ReturnType<typeof makeTrpcClient> } | undefined;

/**
 * The app's one query client and tRPC client: main.tsx provides them to React, and the page
 * prefetch (route-prefetch.ts) starts a page's first queries with them before React renders it.
 */
export function appClients() {
  clients ??= { queryClient: makeQueryClient(), trpcClient: makeTrpcClient() };
  return clients;
}

/** Query options outside React, with the same keys the hooks use. */
export function appQueryOptions() {
  const { queryClient, trpcClient } = appClients();
  return createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
}
