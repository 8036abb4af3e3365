import { describe, expect, it } from "vitest";
import { appSession, pagingLimits } from "./appSession";
import { DEFAULT_PAGING } from "../fhir/paging";
import { readLaunchSettings } from "../config/launchSettings";
import { fakeSession } from "../test/fakeSession";

describe("paging limits", () => {
  it("take a deployer's settings only when they are numbers above 0", () => {
    expect(pagingLimits(undefined)).toEqual(DEFAULT_PAGING);
    expect(pagingLimits({ maxPages: 3, timeBudgetSeconds: 2.5 })).toEqual({ maxPages: 3, timeBudgetMs: 2500 });
    expect(pagingLimits({ maxPages: -1, timeBudgetSeconds: Number.NaN })).toEqual(DEFAULT_PAGING);
  });
});

describe("a launch's settings", () => {
  it("are read back as the launch page kept them", () => {
    const kept = { observationCategory: "laboratory", paging: { maxPages: 2 }, labs: { hba1c: { target: null } }, styleAllowList: ["https://styles.example.org"] };
    expect(readLaunchSettings(JSON.parse(JSON.stringify(kept)))).toEqual(kept);
  });

  it("leave out what an altered sessionStorage made the wrong kind, and default the rest", () => {
    const none = { observationCategory: null, paging: undefined, labs: undefined, styleAllowList: undefined };
    expect(readLaunchSettings({ observationCategory: 7, paging: "many", labs: null, styleAllowList: "https://styles.example.org" })).toEqual(none);
    expect(readLaunchSettings({ styleAllowList: ["https://styles.example.org", 7] })).toEqual(none);
    expect(readLaunchSettings(undefined)).toEqual(none);
    expect(readLaunchSettings("laboratory")).toEqual(none);
  });

  it("become the graph page's session: the FHIR session's transport as it is, the settings applied", async () => {
    const fhir = fakeSession(() => ({}), { launchSettings: { observationCategory: "laboratory", paging: { maxPages: 3 }, labs: { hba1c: { retestMonthsNotAtGoal: 6 } }, styleAllowList: ["https://styles.example.org"] } });
    const session = appSession(fhir);
    expect(session).toMatchObject({ serverUrl: fhir.serverUrl, patientId: "p1", observationCategory: "laboratory", paging: { maxPages: 3, timeBudgetMs: DEFAULT_PAGING.timeBudgetMs }, labSettings: { hba1c: { retestMonthsNotAtGoal: 6 } }, styleAllowList: ["https://styles.example.org"] });
    await session.get("Patient/p1");
    expect(fhir.calls).toEqual(["https://ehr.test/fhir/Patient/p1"]);
    expect(appSession(fakeSession(() => ({}), { launchSettings: undefined }))).toMatchObject({ observationCategory: null, paging: DEFAULT_PAGING, labSettings: {}, styleAllowList: [] });
  });
});
