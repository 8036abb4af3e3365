import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { QueryClientProvider } from "@tanstack/react-query";
import { startSession } from "../fhir/session";
import { createQueryClient } from "./queryClient";
import { App } from "./App";
import "./app.css";

// The code exchange starts at once, before React renders, and exactly once per page load.
const session = startSession();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <App session={session} />
    </QueryClientProvider>
  </StrictMode>,
);
