import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { appClients, TRPCProvider } from "./lib/trpc.js";
import "./styles.css";

function Root() {
  // The same clients the page prefetch uses (lib/route-prefetch.ts), so prefetched answers are found.
  const { queryClient, trpcClient } = appClients();
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <App />
      </TRPCProvider>
    </QueryClientProvider>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
