import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { QueryClientProvider } from "@tanstack/react-query";
import type { AppSession } from "./appSession";
import type { FirstReads } from "./firstReads";
import { App } from "./App";
import { createQueryClient } from "./queryClient";
import { seedQueries } from "./seedQueries";
import "./app.css";

/** Renders the graph page, its query cache holding the reads the first script started (none if the sign-in failed). */
export function render(session: Promise<AppSession>, reads: Promise<FirstReads>): void {
  const queryClient = createQueryClient();
  reads.then((first) => seedQueries(queryClient, first)).catch(() => undefined);
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App session={session} />
      </QueryClientProvider>
    </StrictMode>,
  );
}
