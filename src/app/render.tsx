import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import type { Session } from "../fhir/session";
import { App } from "./App";

export function render(session: Promise<Session>, queryClient: QueryClient): void {
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App session={session} />
      </QueryClientProvider>
    </StrictMode>,
  );
}
