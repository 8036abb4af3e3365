/**
 * The graph page's own pieces in Spanish: the session header with its Language control, the status line, the
 * failure screens and the Overview's status; and the Language control switching the page (and `<html lang>`) at
 * once, keeping the choice for the next launch and the view as it was.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App } from "./App";
import { Overview } from "./Overview.later";
import { parseViewState } from "./viewState";
import type { AppSession } from "./appSession";
import { SessionError } from "../fhir/sessionErrors";
import { storageBlocked } from "../fhir/classify.later";
import { setLanguage } from "../i18n/i18n";
import { LANGUAGE_STORAGE_KEY } from "../i18n/languages";
import graph from "../i18n/catalogs/es";
import patient from "../i18n/catalogs/es.patient";
import { a1c, fakeSession, searchBundle } from "../test/fakeSession";

const catalog = { ...graph, ...patient };
const PRACTITIONER: fhir4.Practitioner = { resourceType: "Practitioner", id: "prac-1", name: [{ prefix: ["Dr."], given: ["Priya"], family: "Natarajan" }] };
const PATIENT: fhir4.Patient = { resourceType: "Patient", id: "p1", name: [{ given: ["Amelia", "Jane"], family: "Rhodes" }] };
const RESULTS = [a1c("a", "2021-01-01", 6.4), a1c("b", "2022-03-01", 7.2), a1c("c", "2023-05-01", 7.0)];

function respond(url: string): unknown {
  if (url.includes("/Practitioner/")) return PRACTITIONER;
  if (url.includes("/Patient/")) return PATIENT;
  return new URL(url).searchParams.get("code")?.includes("4548-4") ? searchBundle(RESULTS, undefined, RESULTS.length) : searchBundle([], undefined, 0);
}

const ACTIVE = { state: "active" } as const;
/** A session whose status is one object, as a real session's is between changes. */
const signedIn = (overrides: Partial<AppSession> = {}, answer = respond) => fakeSession(answer, { status: () => ACTIVE, ...overrides });

function renderApp(session: Promise<AppSession>) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <App session={session} />
    </QueryClientProvider>,
  );
}

afterEach(() => {
  setLanguage("en");
  localStorage.clear();
  window.history.replaceState(null, "", "/");
  vi.restoreAllMocks();
});

describe("the graph page in Spanish", () => {
  it("the header (who, encounter, Language, Cerrar sesión) and the status line", async () => {
    setLanguage("es", catalog);
    const session = signedIn({ user: { resourceType: "Practitioner", id: "prac-1" }, encounterId: "enc-7", grantedScope: "user/Practitioner.rs patient/*.rs launch" });
    renderApp(Promise.resolve(session));
    expect(await screen.findByText("Cargados 3 resultados", {}, { timeout: 5000 })).toHaveAttribute("role", "status");
    const header = screen.getByRole("banner", { name: "Sesión" });
    expect(await within(header).findByText("Sesión iniciada como Dr. Priya Natarajan")).toBeInTheDocument();
    expect(within(header).getByText("Consulta enc-7")).toBeInTheDocument();
    expect(within(header).getByRole("button", { name: "Cerrar sesión" })).toBeInTheDocument();
    const language = within(header).getByRole("combobox", { name: "Idioma" });
    expect(language).toHaveValue("es");
    expect(within(language).getAllByRole("option").map((o) => o.textContent)).toEqual(["English", "Español"]);
    expect(screen.getByRole("region", { name: "Resultados de laboratorio" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Actualizar" })).toBeInTheDocument();
    expect(screen.queryByText(/Loaded|Sign out|Signed in/)).toBeNull();
  });

  it("one result is counted in the singular", async () => {
    setLanguage("es", catalog);
    renderApp(Promise.resolve(signedIn({}, (url) => (url.includes("/Patient/") ? PATIENT : searchBundle(url.includes("4548-4") ? [RESULTS[0]!] : [], undefined, 1)))));
    expect(await screen.findByText("Cargado 1 resultado", {}, { timeout: 5000 })).toBeInTheDocument();
  });

  it("the Language control is there for a standalone patient launch that names no user too", async () => {
    setLanguage("es", catalog);
    renderApp(Promise.resolve(signedIn({ launchKind: "standalone", patientFacing: true })));
    expect(await screen.findByRole("combobox", { name: "Idioma" }, { timeout: 5000 })).toHaveValue("es");
    expect(screen.getByRole("group", { name: "Vista" })).toBeInTheDocument();
  });

  it("a failure at start-up, made before the Spanish words arrived, is said in Spanish with its way forward", async () => {
    // The sign-in fails before the catalog is in (storage is checked first thing): its words follow the page's.
    const error = new SessionError("storage-blocked", storageBlocked);
    expect(error.message).toMatch(/^This browser does not let the app/);
    setLanguage("es", catalog);
    renderApp(Promise.reject(error));
    expect(await screen.findByRole("button", { name: "Abrir en una ventana nueva" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("La aplicación no pudo iniciarse.");
    expect(screen.getByRole("alert")).toHaveTextContent(/^Este navegador no permite que la aplicación mantenga su sesión/);
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Gráfica de análisis");
  });

  it("a session without permission to read results says so in Spanish", async () => {
    setLanguage("es", catalog);
    renderApp(Promise.resolve(signedIn({ grantedScope: "launch patient/Patient.rs" })));
    expect(await screen.findByRole("alert")).toHaveTextContent(/^La historia clínica electrónica no dio permiso a la aplicación para leer resultados de laboratorio/);
    expect(screen.getAllByRole("status")[0]).toHaveTextContent("Sin permiso para leer resultados.");
    expect(screen.getByText("Detalles")).toBeInTheDocument();
  });

  it("the Overview's status counts results and labs in Spanish", async () => {
    setLanguage("es", catalog);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <Overview session={fakeSession(respond)} patientId="p1" patient={{}} view={parseViewState("#lab=overview")} onView={() => undefined} category={null} />
      </QueryClientProvider>,
    );
    expect(await screen.findByText("Cargados 3 resultados en 1 análisis")).toHaveAttribute("role", "status");
    expect(screen.getByRole("heading", { name: "Resumen" })).toBeInTheDocument();
  });
});

describe("the Language control", () => {
  it("switches the page and <html lang> at once, keeps the choice, and keeps the view", async () => {
    window.history.replaceState(null, "", "/#range=3y");
    const user = userEvent.setup();
    renderApp(Promise.resolve(signedIn({ user: { resourceType: "Practitioner", id: "prac-1" } })));
    expect(await screen.findByText("Loaded 3 results", {}, { timeout: 5000 })).toBeInTheDocument();
    const control = await screen.findByRole("combobox", { name: "Language" });
    expect(control).toHaveValue("en");
    expect(document.documentElement.lang).toBe("en");

    await user.selectOptions(control, "es");
    await waitFor(() => expect(document.documentElement.lang).toBe("es"));
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe("es");
    expect(await screen.findByRole("status")).toHaveTextContent("Cargados 3 resultados");
    expect(screen.getByRole("button", { name: "Cerrar sesión" })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Idioma" })).toHaveValue("es");
    expect(document.title).toBe("Gráfica de análisis");
    // The view is the one chosen before: the same range, in the address too.
    expect(window.location.hash).toBe("#range=3y");

    await user.selectOptions(screen.getByRole("combobox", { name: "Idioma" }), "en");
    await waitFor(() => expect(document.documentElement.lang).toBe("en"));
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe("en");
    expect(screen.getByRole("status")).toHaveTextContent(/^Loaded 3 results$/);
    expect(screen.getByRole("button", { name: "Sign out" })).toBeInTheDocument();
    expect(document.title).toBe("Lab graph");
  });
});
