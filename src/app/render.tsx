import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { QueryClientProvider } from "@tanstack/react-query";
import type { Session } from "../fhir/session";
import { createQueryClient } from "./queryClient";
import { App } from "./App";

export function render(session: Promise<Session>): void {
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <App session={session} />
      </QueryClientProvider>
    </StrictMode>,
  );
}
