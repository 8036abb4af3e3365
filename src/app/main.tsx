import { startSession } from "../fhir/session";
import { createQueryClient } from "./queryClient";
import { startFirstReads } from "./firstReads";
import "./app.css";

// The code exchange starts as soon as this small script runs, exactly once per page load, and the first
// FHIR reads as soon as it ends. React's rendering, the chart and the rest load in parallel (index.html
// preloads them) and draw from the query cache when they arrive.
const session = startSession();
const queryClient = createQueryClient();
session.then((s) => startFirstReads(queryClient, s)).catch(() => undefined);

void import("./render").then(({ render }) => render(session, queryClient));
