/** The whole client wiring: only the router's type crosses from the API. */
import type { AppRouter } from "@lens/api";
import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext, createTRPCOptionsProxy } from "@trpc/tanstack-react-query";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { staleTime: 5 * 60_000, retry: 1, refetchOnWindowFocus: false } },
  });
}

export function makeTrpcClient() {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: "/api/trpc", maxURLLength: 4000 })],
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
