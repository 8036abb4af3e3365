import { startSession } from "../fhir/session";
import "./app.css";

// The code exchange starts as soon as this small script runs, exactly once per page load. React, the chart
// and the rest load in parallel (preloaded by index.html) and render when they arrive.
const session = startSession();

void import("./render").then(({ render }) => render(session));
