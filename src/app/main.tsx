import { startSession } from "../fhir/session";
import { startFirstReads } from "./firstReads";
import "./app.css";

// The first script: it completes the code exchange, exactly once per page load, and sends the lab search and the
// Patient read the moment the token arrives. React, React Query, the chart and the rest are downloaded meanwhile
// (index.html prefetches them) but compiled and evaluated only once those requests are on their way, or the sign-in has failed;
// they draw from the reads already in flight.
const session = startSession();
const reads = session.then(startFirstReads);

reads
  .catch(() => undefined)
  .then(() => import("./render"))
  .then(({ render }) => render(session, reads))
  .catch(() => {
    // The page's own code could not load (a deploy replaced it, the connection dropped): said plainly.
    const alert = document.createElement("p");
    alert.setAttribute("role", "alert");
    alert.textContent = "The app could not load. Check your connection, then reload the page.";
    document.getElementById("root")?.replaceChildren(alert);
  });
