import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { Overview } from "./Overview.later";
import { parseViewState, type ViewState } from "./viewState";
import { a1c, fakeSession, httpError, searchBundle } from "../test/fakeSession";
import { loincObservation } from "../test/observations";
import type { AppSession } from "./appSession";

const HIGH = [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", code: "H" }] }];
const glucose = (id: string, date: string, value: number): fhir4.Observation => ({ ...loincObservation(id, `${date}T00:00:00Z`, "2345-7", value, "mg/dL"), interpretation: HIGH });

/** Answers each lab's search by its first code: HbA1c and glucose as given, every other lab with nothing. */
function labs({ hba1c = () => searchBundle([]), glucoseAnswer = () => searchBundle([]) }: { hba1c?: () => unknown; glucoseAnswer?: () => unknown }) {
  return fakeSession((url) => {
    const code = new URL(url).searchParams.get("code") ?? "";
    if (code.includes("4548-4")) return hba1c();
    if (code.includes("2345-7")) return glucoseAnswer();
    return searchBundle([]);
  });
}

function renderOverview(session: AppSession, hash = "#lab=overview", onView: (view: ViewState) => void = () => undefined) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <Overview session={session} patientId="p1" patient={{}} view={parseViewState(hash)} onView={onView} category={null} />
    </QueryClientProvider>,
  );
}

const figureNames = () => screen.queryAllByRole("figure").map((f) => f.getAttribute("aria-label"));

describe("Overview", () => {
  it("one figure per lab with results, named by the lab, its latest result in words; the status counts results and labs", async () => {
    const session = labs({ hba1c: () => searchBundle([a1c("a", "2021-01-01", 6.4), a1c("b", "2022-03-01", 7.2)]), glucoseAnswer: () => searchBundle([glucose("g", "2020-05-05", 130)]) });
    renderOverview(session);
    expect(await screen.findByText("Loaded 3 results in 2 labs")).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent(/^Loaded 3 results in 2 labs$/);
    expect(figureNames()).toEqual(["Hemoglobin A1c", "Glucose"]);
    const a1cFigure = screen.getByRole("figure", { name: "Hemoglobin A1c" });
    expect(within(a1cFigure).getByText(/^Latest 7\.2 % \(Not flagged\), Mar 1, 2022$/)).toBeInTheDocument();
    expect(within(screen.getByRole("figure", { name: "Glucose" })).getByText(/^Latest 130 mg\/dL \(High \(H\)\), May 5, 2020$/)).toBeInTheDocument();
    // One search per lab, with all its codes: the same searches as the lab panel's.
    expect(session.calls.filter((u) => u.includes("/Observation?"))).toHaveLength(8);
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("every chart draws the same time span: the union of the labs' spans", async () => {
    renderOverview(labs({ hba1c: () => searchBundle([a1c("a", "2021-01-01", 6.4), a1c("b", "2022-03-01", 7.2)]), glucoseAnswer: () => searchBundle([glucose("g", "2015-05-05", 130)]) }));
    await screen.findByText("Loaded 3 results in 2 labs");
    const ticks = (name: string) => [...screen.getByRole("figure", { name }).querySelectorAll(".tick-bottom")].map((t) => t.textContent);
    expect(ticks("Glucose")).toEqual(ticks("Hemoglobin A1c"));
    expect(ticks("Glucose")).toContain("2016");
    expect(ticks("Glucose")).toContain("2022");
  });

  it("hovering one chart marks the same time on every chart", async () => {
    renderOverview(labs({ hba1c: () => searchBundle([a1c("a", "2021-01-01", 6.4), a1c("b", "2022-03-01", 7.2)]), glucoseAnswer: () => searchBundle([glucose("g", "2015-05-05", 130)]) }));
    await screen.findByText("Loaded 3 results in 2 labs");
    expect(document.querySelectorAll(".hover-line")).toHaveLength(0);
    const surface = screen.getByRole("figure", { name: "Glucose" }).querySelector(".pointer-surface")!;
    fireEvent.pointerMove(surface, { clientX: 300, clientY: 50 });
    const lines = [...document.querySelectorAll(".hover-line")];
    expect(lines).toHaveLength(2);
    expect(lines[0]!.getAttribute("x1")).toBe(lines[1]!.getAttribute("x1"));
    expect(Number(lines[0]!.getAttribute("x1"))).toBeCloseTo(300, 0);
    fireEvent.pointerLeave(surface);
    expect(document.querySelectorAll(".hover-line")).toHaveLength(0);
  });

  it("dragging across one chart zooms every chart to that window", async () => {
    const views: ViewState[] = [];
    renderOverview(labs({ hba1c: () => searchBundle([a1c("a", "2021-01-01", 6.4), a1c("b", "2022-03-01", 7.2)]), glucoseAnswer: () => searchBundle([glucose("g", "2015-05-05", 130)]) }), "#lab=overview", (v) => views.push(v));
    await screen.findByText("Loaded 3 results in 2 labs");
    const surface = screen.getByRole("figure", { name: "Hemoglobin A1c" }).querySelector(".pointer-surface")!;
    fireEvent.pointerDown(surface, { clientX: 200, clientY: 50 });
    fireEvent.pointerMove(surface, { clientX: 400, clientY: 50 });
    fireEvent.pointerUp(surface, { clientX: 400, clientY: 50 });
    const range = views.at(-1)?.range;
    expect(range?.kind).toBe("window");
    if (range?.kind !== "window") return;
    // A window inside the union of the labs' spans (2015–2022), kept in the Overview.
    expect(range.from).toBeGreaterThan(Date.UTC(2015, 0, 1));
    expect(range.to).toBeLessThan(Date.UTC(2022, 6, 1));
    expect(range.from).toBeLessThan(range.to);
    expect(views.at(-1)?.overview).toBe(true);
  });

  it("clicking a chart's title opens that lab", async () => {
    const views: ViewState[] = [];
    renderOverview(labs({ glucoseAnswer: () => searchBundle([glucose("g", "2020-05-05", 130)]) }), "#lab=overview&range=3y", (v) => views.push(v));
    await screen.findByText("Loaded 1 result in 1 lab");
    await userEvent.click(screen.getByRole("button", { name: "Glucose" }));
    expect(views.at(-1)).toMatchObject({ lab: { id: "glucose" }, range: { kind: "preset", preset: "3y" } });
    expect(views.at(-1)?.overview).toBeUndefined();
  });

  it("while labs load: the ones in are drawn, the status counts the labs read", async () => {
    renderOverview(labs({ hba1c: () => searchBundle([a1c("a", "2021-01-01", 6.4)]), glucoseAnswer: () => new Promise(() => undefined) }));
    expect(screen.getByRole("status")).toHaveTextContent("Reading 0 of 8 labs…");
    expect(await screen.findByText("Reading 7 of 8 labs…")).toBeInTheDocument();
    expect(figureNames()).toEqual(["Hemoglobin A1c"]);
  });

  it("a lab whose search failed says so in its own figure, and the status before the count", async () => {
    renderOverview(labs({ hba1c: () => searchBundle([a1c("a", "2021-01-01", 6.4)]), glucoseAnswer: () => Promise.reject(httpError(500)) }));
    expect(await screen.findByText("1 lab could not be read. Loaded 1 result in 1 lab")).toBeInTheDocument();
    const failed = screen.getByRole("figure", { name: "Glucose" });
    expect(failed).toHaveTextContent("Glucose could not be read: The FHIR server had an error (500).");
    expect(within(failed).getByRole("button", { name: "Retry" })).toBeInTheDocument();
    expect(failed.querySelector("svg")).toBeNull();
  });

  it("no lab has results: says so, and draws nothing", async () => {
    renderOverview(labs({}));
    expect(await screen.findByText("Loaded 0 results in 0 labs")).toBeInTheDocument();
    expect(screen.getByText("No lab results are on record for this patient.")).toBeInTheDocument();
    expect(screen.queryAllByRole("figure")).toHaveLength(0);
    await waitFor(() => expect(screen.queryByRole("group", { name: "Time range" })).toBeNull());
  });
});
