import { describe, expect, it } from "vitest";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { LabPanel } from "./LabPanel";
import { parseViewState, type ViewState } from "./viewState";
import { a1c, fakeSession, httpError, searchBundle, TEST_BASE } from "../test/fakeSession";
import type { AppSession } from "./appSession";

function renderPanel(session: AppSession, onView: (view: ViewState) => void = () => undefined) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <LabPanel session={session} patientId="p1" patient={{}} view={parseViewState("")} onView={onView} category={null} />
    </QueryClientProvider>,
  );
}

const PAGE2 = `${TEST_BASE}/Observation?page=2`;
const PAGE3 = `${TEST_BASE}/Observation?page=3`;

describe("LabPanel", () => {
  it("shows loading first, then every page, newest first", async () => {
    const session = fakeSession((url) => {
      if (url === PAGE2) return searchBundle([a1c("b", "2020-01-01", 7.1), a1c("x", "2019-06-01", 9, "entered-in-error")], PAGE3, 5);
      if (url === PAGE3) return searchBundle([a1c("c", "2019-01-01", 8.2)], undefined, 5);
      return searchBundle([a1c("a", "2021-01-01", 6.4), a1c("d", "2018-01-01", 9.1)], PAGE2, 5);
    });
    renderPanel(session);
    expect(screen.getByRole("status")).toHaveTextContent("Loading Hemoglobin A1c results…");
    expect(await screen.findByText("Loaded 4 results")).toBeInTheDocument();
    const rows = within(screen.getByRole("table", { name: "Hemoglobin A1c" })).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining("6.4"),
      expect.stringContaining("7.1"),
      expect.stringContaining("8.2"),
      expect.stringContaining("9.1"),
    ]);
    expect(screen.getByText(/1 entered in error or cancelled, not shown/)).toBeInTheDocument();
    expect(screen.getByRole("figure", { name: "Hemoglobin A1c" })).toBeInTheDocument();
    expect(session.calls).toHaveLength(3);
    expect(session.calls[0]).toContain("code=http%3A%2F%2Floinc.org%7C4548-4");
  });

  it("a server's message in the results is shown once, beside the status, and counts as no result", async () => {
    const note = { resource: { resourceType: "OperationOutcome", issue: [{ severity: "information", code: "informational", details: { text: "Results before 1990 are archived." } }] }, search: { mode: "outcome" } };
    const warn = { resource: { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "processing", diagnostics: "One result could not be read." }] }, search: { mode: "outcome" } };
    const withNote = (bundle: fhir4.Bundle, ...extra: unknown[]) => ({ ...bundle, entry: [...(bundle.entry ?? []), ...extra] });
    const session = fakeSession((url) =>
      url === PAGE2 ? withNote(searchBundle([a1c("b", "2020-01-01", 7.1)], undefined, 2), note, warn) : withNote(searchBundle([a1c("a", "2021-01-01", 6.4)], PAGE2, 2), note),
    );
    renderPanel(session);
    expect(await screen.findByText("Loaded 2 results")).toBeInTheDocument();
    expect(screen.getAllByText("The server says: Results before 1990 are archived.")).toHaveLength(1);
    expect(screen.getByText("The server warns: One result could not be read.")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(within(screen.getByRole("table", { name: "Hemoglobin A1c" })).getAllByRole("row").slice(1)).toHaveLength(2);
  });

  it("while the first page is read: the chart's place, marked busy, and no table, summary or empty-state text", async () => {
    let answer: (bundle: unknown) => void = () => undefined;
    renderPanel(fakeSession(() => new Promise((resolve) => (answer = resolve))));
    const chart = screen.getByRole("figure", { name: "Hemoglobin A1c" });
    expect(chart).toHaveAttribute("aria-busy", "true");
    expect(chart).toHaveAccessibleDescription("Loading Hemoglobin A1c results…");
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.queryByText(/No Hemoglobin A1c results/)).toBeNull();
    expect(screen.queryByText(/results?, \d+ on the chart/)).toBeNull();
    answer(searchBundle([a1c("a", "2021-01-01", 6.4)], undefined, 1));
    expect(await screen.findByText("Loaded 1 results")).toBeInTheDocument();
    // The same figure, filled in.
    expect(screen.getByRole("figure", { name: "Hemoglobin A1c" })).toBe(chart);
    expect(chart).not.toHaveAttribute("aria-busy");
    expect(chart).not.toHaveAccessibleDescription("Loading Hemoglobin A1c results…");
    expect(within(screen.getByRole("table", { name: "Hemoglobin A1c" })).getAllByRole("row")).toHaveLength(2);
  });

  it("a deployment's lab settings (config.json labs) replace the catalog's default goal and retest intervals", async () => {
    const old = () => searchBundle([a1c("a", "2020-01-01", 6.4)], undefined, 1);
    const figure = () => screen.getByRole("figure", { name: "Hemoglobin A1c" });
    const catalog = renderPanel(fakeSession(old));
    expect(await screen.findByText("Loaded 1 results")).toBeInTheDocument();
    await waitFor(() => expect(figure()).toHaveAccessibleDescription(/Goal < 7\.0 % — default \(ADA: many non-pregnant adults\), drawn as a line\.$/));
    expect(within(screen.getByRole("list", { name: "Chart legend" })).getByText("Goal < 7.0 % — default (ADA: many non-pregnant adults)")).toBeInTheDocument();
    expect(await screen.findByText(/overdue: at goal, test at least every 6 months/)).toBeInTheDocument();
    catalog.unmount();
    const clinic = renderPanel(fakeSession(old, { labSettings: { hba1c: { target: { comparator: "<", value: 6, basis: "our clinic" }, retestMonthsNotAtGoal: 12 } } }));
    expect(await screen.findByText("Loaded 1 results")).toBeInTheDocument();
    await waitFor(() => expect(figure()).toHaveAccessibleDescription(/Goal < 6\.0 % — default \(our clinic\), drawn as a line\.$/));
    expect(await screen.findByText(/overdue: not at goal, test every 12 months/)).toBeInTheDocument();
    clinic.unmount();
    renderPanel(fakeSession(old, { labSettings: { hba1c: { target: null, overdueAfterMonths: null } } }));
    expect(await screen.findByText("Loaded 1 results")).toBeInTheDocument();
    expect(figure()).not.toHaveAccessibleDescription(/Goal/);
    expect(screen.queryByText(/overdue/)).toBeNull();
  });

  it("the patient's own Goal replaces the default; the others are named, an unreadable one is said", async () => {
    const goal = (id: string, value: number, startDate: string, code = "%"): fhir4.Goal => ({
      resourceType: "Goal",
      id,
      lifecycleStatus: "active",
      description: { text: `A1c goal ${id}` },
      subject: { reference: "Patient/p1" },
      startDate,
      target: [{ measure: { coding: [{ system: "http://loinc.org", code: "4548-4" }] }, detailQuantity: { value, comparator: "<", code, system: "http://unitsofmeasure.org" } }],
    });
    const session = fakeSession(
      (url) =>
        url.includes("/Goal?")
          ? { resourceType: "Bundle", type: "searchset", entry: [goal("old", 7.5, "2019-01-01"), goal("new", 8, "2023-02-01"), goal("odd", 150, "2024-01-01", "mg/dL")].map((resource) => ({ resource })) }
          : searchBundle([a1c("a", "2020-01-01", 7.8)], undefined, 1),
      { grantedScope: "launch patient/Observation.rs patient/Patient.rs patient/Goal.rs" },
    );
    renderPanel(session);
    expect(await screen.findByText("Loaded 1 results")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("figure", { name: "Hemoglobin A1c" })).toHaveAccessibleDescription(/Goal < 8\.0 % — patient's goal, drawn as a line\.$/));
    expect(within(screen.getByRole("list", { name: "Chart legend" })).getByText("Goal < 8.0 % — patient's goal")).toBeInTheDocument();
    const summary = screen.getByText("Latest").closest("dl")!;
    expect(summary).toHaveTextContent("Goal < 8.0 % — patient's goal. Also in the record, not drawn: Goal < 7.5 % — patient's goal (from 2019-01-01)");
    expect(summary).toHaveTextContent("A goal in the record (A1c goal odd) is in mg/dL, which cannot be converted to %; it is not drawn.");
    expect(summary).toHaveTextContent("overdue: at goal, test at least every 6 months");
    // The Goal search went out after the lab search.
    expect(session.calls.findIndex((u) => u.includes("/Goal?"))).toBeGreaterThan(session.calls.findIndex((u) => u.includes("/Observation?")));
  });

  it("a Goal read that fails for another reason than 'none here' draws the default and says so; 403 says nothing", async () => {
    const failing = (status: number) =>
      fakeSession(
        (url) => {
          if (url.includes("/Goal?")) throw httpError(status);
          return searchBundle([a1c("a", "2020-01-01", 6.4)], undefined, 1);
        },
        { grantedScope: "launch patient/Observation.rs patient/Goal.rs" },
      );
    const first = renderPanel(failing(500));
    expect(await screen.findByText(/The patient's goals could not be read \(The FHIR server had an error \(500\)\.\); the default goal is shown\./)).toBeInTheDocument();
    expect(screen.getByText("Latest").closest("dl")).toHaveTextContent("Goal < 7.0 % — default (ADA: many non-pregnant adults)");
    expect(screen.queryByRole("alert")).toBeNull();
    first.unmount();
    renderPanel(failing(403));
    expect(await screen.findByText("Loaded 1 results")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText("Latest").closest("dl")).toHaveTextContent("Goal < 7.0 % — default (ADA: many non-pregnant adults)"));
    expect(screen.queryByText(/could not be read/)).toBeNull();
  });

  it("an empty result: the table with no rows and an empty-state message, no alert", async () => {
    renderPanel(fakeSession(() => searchBundle([], undefined, 0)));
    expect(await screen.findByText("Loaded 0 results")).toBeInTheDocument();
    expect(within(screen.getByRole("table", { name: "Hemoglobin A1c" })).getAllByRole("row")).toHaveLength(1);
    expect(screen.getByText("No Hemoglobin A1c results are on record for this patient.")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("a failed page keeps what loaded, says what failed, and retries on request", async () => {
    let failPage2 = true;
    const session = fakeSession((url) => {
      if (url === PAGE2) {
        if (failPage2) throw httpError(500, url);
        return searchBundle([a1c("b", "2020-01-01", 7.1)]);
      }
      return searchBundle([a1c("a", "2021-01-01", 6.4)], PAGE2);
    });
    renderPanel(session);
    expect(await screen.findByRole("alert")).toHaveTextContent("The FHIR server had an error (500).");
    expect(screen.getByRole("status")).toHaveTextContent("Stopped after 1 results");
    expect(within(screen.getByRole("table", { name: "Hemoglobin A1c" })).getAllByRole("row")).toHaveLength(2);
    failPage2 = false;
    await userEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(await screen.findByText("Loaded 2 results")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("a first page that fails: an alert with Retry, no table of stale data", async () => {
    renderPanel(fakeSession(() => {
      throw httpError(503);
    }));
    expect(await screen.findByRole("alert")).toHaveTextContent("(503)");
    expect(screen.getByRole("button", { name: "Retry" })).toBeInTheDocument();
  });

  it("does not follow a next link to another origin, and says why it stopped", async () => {
    const session = fakeSession(() => searchBundle([a1c("a", "2021-01-01", 6.4)], "https://evil.example/fhir/Observation?page=2"));
    renderPanel(session);
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(/another server.*Loaded 1 results$/));
    expect(session.calls).toHaveLength(1);
  });

  it("stops when a next link loops back to a page already read", async () => {
    const session = fakeSession((url) => (url === PAGE2 ? searchBundle([a1c("b", "2020-01-01", 7.1)], PAGE2) : searchBundle([a1c("a", "2021-01-01", 6.4)], PAGE2)));
    renderPanel(session);
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(/loops back.*Loaded 2 results$/));
    expect(session.calls).toHaveLength(2);
  });

  it("partial: draws the first page at once; Stop keeps it and says so; Load the rest goes on", async () => {
    let page2Calls = 0;
    const session = fakeSession((url) => {
      if (url !== PAGE2) return searchBundle([a1c("a", "2021-01-01", 6.4)], PAGE2, 3);
      page2Calls++;
      // The first request for page 2 never answers: the reader stops waiting for it.
      return page2Calls === 1 ? new Promise(() => undefined) : searchBundle([a1c("b", "2020-01-01", 7.1), a1c("c", "2019-01-01", 8.2)], undefined, 3);
    });
    renderPanel(session);
    expect(await screen.findByText("Loaded 1 of 3 results…")).toBeInTheDocument();
    await waitFor(() => expect(within(screen.getByRole("table", { name: "Hemoglobin A1c" })).getAllByRole("row")).toHaveLength(2));
    expect(screen.getByRole("figure", { name: "Hemoglobin A1c" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Stop loading" }));
    expect(screen.getByRole("status")).toHaveTextContent("Stopped at your request (2 more on the server). Loaded 1 results");
    expect(screen.queryByRole("alert")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Load the rest" }));
    expect(await screen.findByText("Loaded 3 results")).toBeInTheDocument();
    expect(within(screen.getByRole("table", { name: "Hemoglobin A1c" })).getAllByRole("row")).toHaveLength(4);
    expect(screen.getAllByRole("status")).toHaveLength(1);
  });

  it("pauses at the page cap, says so, keeps what loaded, and goes on when asked", async () => {
    const session = fakeSession(
      (url) => {
        if (url === PAGE2) return searchBundle([a1c("b", "2020-01-01", 7.1)], PAGE3, 3);
        if (url === PAGE3) return searchBundle([a1c("c", "2019-01-01", 8.2)], undefined, 3);
        return searchBundle([a1c("a", "2021-01-01", 6.4)], PAGE2, 3);
      },
      { paging: { maxPages: 2, timeBudgetMs: 60_000 } },
    );
    renderPanel(session);
    expect(await screen.findByText("Paused after 2 pages, the most the app reads at a stretch for one lab. Loaded 2 results")).toBeInTheDocument();
    expect(within(screen.getByRole("table", { name: "Hemoglobin A1c" })).getAllByRole("row")).toHaveLength(3);
    expect(session.calls).toHaveLength(2);
    expect(screen.queryByRole("alert")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Load the rest" }));
    expect(await screen.findByText("Loaded 3 results")).toBeInTheDocument();
    expect(session.calls).toHaveLength(3);
  });

  it("pauses when reading takes longer than the time budget", async () => {
    const session = fakeSession(
      async (url) => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        return url === PAGE2 ? searchBundle([a1c("b", "2020-01-01", 7.1)]) : searchBundle([a1c("a", "2021-01-01", 6.4)], PAGE2);
      },
      { paging: { maxPages: 100, timeBudgetMs: 20 } },
    );
    renderPanel(session);
    expect(await screen.findByText("Paused after 0.02 seconds of loading, the longest the app reads at a stretch for one lab. Loaded 1 results")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Load the rest" }));
    expect(await screen.findByText("Loaded 2 results")).toBeInTheDocument();
  });

  it("a search the server forgot (410) runs again once; repeated results are shown once", async () => {
    let gone = true;
    const session = fakeSession((url) => {
      if (url === PAGE2 && gone) {
        gone = false;
        throw httpError(410, url);
      }
      if (url === PAGE2) return searchBundle([a1c("a", "2021-01-01", 6.4), a1c("b", "2020-01-01", 7.1)], undefined, 2);
      return searchBundle([a1c("a", "2021-01-01", 6.4)], PAGE2, 2);
    });
    renderPanel(session);
    expect(await screen.findByText("Loaded 2 results")).toBeInTheDocument();
    expect(within(screen.getByRole("table", { name: "Hemoglobin A1c" })).getAllByRole("row")).toHaveLength(3);
    expect(session.calls.map((u) => u === PAGE2)).toEqual([false, true, false, true]);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("says when its data is from and refreshes on request, not by itself", async () => {
    const session = fakeSession(() => searchBundle([a1c("a", "2021-01-01", 6.4)], undefined, 1));
    renderPanel(session);
    expect(await screen.findByText(/^Data as of /)).toBeInTheDocument();
    expect(session.calls).toHaveLength(1);
    await userEvent.click(screen.getByRole("button", { name: "Refresh" }));
    await waitFor(() => expect(session.calls).toHaveLength(2));
    expect(await screen.findByText("Loaded 1 results")).toBeInTheDocument();
  });

  it("the lab selector is named Lab, lists every lab and asks for the one chosen", async () => {
    const views: ViewState[] = [];
    renderPanel(fakeSession(() => searchBundle([], undefined, 0)), (v) => views.push(v));
    const select = await screen.findByRole("combobox", { name: "Lab" });
    expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual(["Hemoglobin A1c", "Glucose", "LDL cholesterol", "HDL cholesterol", "Total cholesterol", "Triglycerides", "Creatinine", "eGFR", "Overview"]);
    await userEvent.selectOptions(select, "Glucose");
    expect(views.map((v) => v.lab.id)).toEqual(["glucose"]);
    await userEvent.selectOptions(select, "Overview");
    expect(views.at(-1)?.overview).toBe(true);
  });

  it("data: the summary gives the latest value, the change and how long ago", async () => {
    renderPanel(fakeSession(() => searchBundle([a1c("a", "2021-01-01", 6.4), a1c("b", "2020-07-01", 7.1)], undefined, 2)));
    const summary = await screen.findByText("Latest");
    const list = summary.closest("dl")!;
    expect(list).toHaveTextContent("6.4 %");
    expect(list).toHaveTextContent("−0.7 % since Jul 1, 2020");
    await waitFor(() => expect(list).toHaveTextContent("overdue: at goal, test at least every 6 months"));
    expect(list).toHaveTextContent("Results2");
  });

  it("flags: the summary, the table and the legend say what the lab sent, and no more", async () => {
    const flagged = (o: fhir4.Observation, code: string): fhir4.Observation => ({ ...o, interpretation: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", code }] }] });
    renderPanel(fakeSession(() => searchBundle([flagged(a1c("a", "2021-01-01", 9.9), "HU"), flagged(a1c("b", "2020-07-01", 6.9), "POS"), a1c("c", "2020-01-01", 7.1)], undefined, 3)));
    const summary = (await screen.findByText("Latest")).closest("dl")!;
    expect(summary).toHaveTextContent("9.9 % (Significantly high) on");
    expect(summary).not.toHaveTextContent("Critical");
    const legend = await screen.findByRole("list", { name: "Chart legend" });
    expect(within(legend).getAllByRole("listitem").map((li) => li.textContent)).toEqual(expect.arrayContaining(["Not flagged", "Significantly high", "Positive"]));
    const table = screen.getByRole("table");
    for (const words of ["Significantly high (HU)", "Positive (POS)", "Not flagged"]) expect(within(table).getByText(words)).toBeInTheDocument();
    // Stepping through the chart announces each result's flag, "Not flagged" included.
    const chart = screen.getByRole("figure", { name: "Hemoglobin A1c" });
    act(() => chart.focus());
    expect(await screen.findByText(/9\.9 % ?, Significantly high \(HU\)\. Result 3 of 3\./)).toBeInTheDocument();
    await userEvent.keyboard("{Home}");
    expect(await screen.findByText(/7\.1 % ?, Not flagged\. Result 1 of 3\./)).toBeInTheDocument();
  });
});
