import { afterEach, describe, expect, it, vi } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App } from "./App";
import type { Session, SessionStatus } from "../fhir/session";
import type { AppSession } from "./appSession";
import { SessionError } from "../fhir/sessionErrors";
import { fakeSession, searchBundle } from "../test/fakeSession";

const PRACTITIONER: fhir4.Practitioner = { resourceType: "Practitioner", id: "prac-1", name: [{ prefix: ["Dr."], given: ["Priya"], family: "Natarajan" }] };
const PATIENT: fhir4.Patient = { resourceType: "Patient", id: "p1", name: [{ given: ["Amelia", "Jane"], family: "Rhodes" }] };

function respond(url: string): unknown {
  if (url.includes("/Practitioner/")) return PRACTITIONER;
  if (url.includes("/Patient/")) return PATIENT;
  return searchBundle([], undefined, 0);
}

/** A fake session whose status can change, as a real one does when it ends or signs out. */
function liveFake(overrides: Partial<Session> = {}) {
  let status: SessionStatus = { state: "active" };
  const listeners = new Set<() => void>();
  const setStatus = (next: SessionStatus) => {
    status = next;
    listeners.forEach((l) => l());
  };
  const session = fakeSession(respond, {
    status: () => status,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signOut: vi.fn(async () => setStatus({ state: "signed-out", message: "You are signed out. The EHR has cancelled the app's sign-in." })),
    relaunchUrl: "./launch.html?iss=x&launch=L",
    ...overrides,
  });
  return { session, setStatus };
}

function renderApp(session: Promise<AppSession>) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <App session={session} />
    </QueryClientProvider>,
  );
  return client;
}

afterEach(() => vi.restoreAllMocks());

describe("before the session", () => {
  it("says it is signing in", () => {
    renderApp(new Promise(() => undefined));
    expect(screen.getByRole("status")).toHaveTextContent("Signing in…");
  });

  it("a failure: its message in an alert, the details folded, the server's words as text, and Relaunch", async () => {
    const error = new SessionError("authorization-denied", "Access to the patient's records was not granted.", {
      detail: "error=access_denied",
      serverSaid: "<img src=x onerror=alert(1)>",
      relaunchUrl: "./launch.html?iss=x&launch=L",
      launchKind: "ehr",
    });
    renderApp(Promise.reject(error));
    // At once, the message; once the failure screens have loaded, the way forward too.
    expect(await screen.findByRole("alert")).toHaveTextContent("Access to the patient's records was not granted.");
    await screen.findByRole("link", { name: "Launch again" });
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Access to the patient's records was not granted.");
    expect(alert).toHaveTextContent("The sign-in service said: “<img src=x onerror=alert(1)>”");
    expect(alert.querySelector("img")).toBeNull();
    expect(within(alert).getByText("Details").closest("details")).not.toHaveAttribute("open");
    expect(screen.getByRole("link", { name: "Launch again" })).toHaveAttribute("href", "./launch.html?iss=x&launch=L");
    expect(screen.getAllByRole("status")).toHaveLength(1);
  });

  it("a standalone launch offers to sign in again", async () => {
    renderApp(Promise.reject(new SessionError("no-token", "Your session has ended.", { relaunchUrl: "./launch.html?iss=x", launchKind: "standalone" })));
    expect(await screen.findByRole("link", { name: "Sign in again" })).toHaveAttribute("href", "./launch.html?iss=x");
  });

  it("no known launch: points to the launch page", async () => {
    renderApp(Promise.reject(new SessionError("no-launch", "The app was opened without a launch.")));
    expect(await screen.findByRole("link", { name: "Go to the launch page" })).toHaveAttribute("href", "./launch.html");
  });

  it("storage denied in a frame: offers a new window", async () => {
    const open = vi.spyOn(window, "open").mockReturnValue(null);
    renderApp(Promise.reject(new SessionError("storage-blocked", "This browser does not let the app keep its sign-in inside the EHR window.")));
    await userEvent.click(await screen.findByRole("button", { name: "Open in a new window" }));
    expect(open).toHaveBeenCalledWith(expect.stringMatching(/\/launch\.html$/), "_blank", "noopener");
  });
});

describe("signed in", () => {
  it("names the signed-in clinician when the scope lets the app read them, and shows the encounter", async () => {
    const { session } = liveFake({ user: { resourceType: "Practitioner", id: "prac-1" }, encounterId: "enc-7", grantedScope: "user/Practitioner.rs patient/*.rs launch" });
    renderApp(Promise.resolve(session));
    expect(await screen.findByText("Signed in as Dr. Priya Natarajan")).toBeInTheDocument();
    expect(screen.getByText("Encounter enc-7")).toBeInTheDocument();
  });

  it("without a scope for the user's type, says who without asking the server", async () => {
    const { session } = liveFake({ user: { resourceType: "Practitioner", id: "prac-1" } });
    renderApp(Promise.resolve(session));
    expect(await screen.findByText("Signed in as a clinician")).toBeInTheDocument();
    await screen.findByText("Loaded 0 results");
    expect(session.calls.filter((u) => u.includes("Practitioner"))).toEqual([]);
  });

  it("a patient signed in as themselves: patient-facing words, one read of their record", async () => {
    const { session } = liveFake({ user: { resourceType: "Patient", id: "p1" }, patientFacing: true, launchKind: "standalone" });
    renderApp(Promise.resolve(session));
    expect(await screen.findByText("Signed in as Amelia Jane Rhodes — these are your own records")).toBeInTheDocument();
    expect(session.calls.filter((u) => u.includes("/Patient/"))).toHaveLength(1);
  });

  it("without permission to read Observations: says so plainly, and asks for nothing", async () => {
    const { session } = liveFake({ grantedScope: "launch patient/Patient.rs" });
    renderApp(Promise.resolve(session));
    expect(await screen.findByRole("alert")).toHaveTextContent("did not give the app permission to read lab results (Observation)");
    expect(session.calls.filter((u) => u.includes("Observation"))).toEqual([]);
  });

  it("the session ending mid-way replaces the chart with the relaunch message", async () => {
    const { session, setStatus } = liveFake();
    renderApp(Promise.resolve(session));
    await screen.findByText("Loaded 0 results");
    setStatus({ state: "ended", message: "Your session has ended: the sign-in expired. Launch the app again from your EHR.", detail: "401" });
    expect(await screen.findByRole("alert")).toHaveTextContent("Your session has ended: the sign-in expired.");
    expect(screen.getAllByRole("status")).toHaveLength(1);
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.getByRole("link", { name: "Launch again" })).toBeInTheDocument();
  });

  it("Sign out: revokes through the session, says so, and forgets the loaded records", async () => {
    const { session } = liveFake();
    const client = renderApp(Promise.resolve(session));
    await screen.findByText("Loaded 0 results");
    await userEvent.click(screen.getByRole("button", { name: "Sign out" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("You are signed out. The EHR has cancelled the app's sign-in."));
    expect(session.signOut).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("region", { name: "Patient" })).toBeNull();
    expect(client.getQueryCache().findAll({ queryKey: ["patient"] })).toEqual([]);
  });
});
