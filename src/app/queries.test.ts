import { describe, expect, it } from "vitest";
import type { ObservationPage } from "../fhir/observations";
import { HBA1C } from "../labs/catalog";
import { fakeSession } from "../test/fakeSession";
import { MAX_PAGES, observationSearch, observationsQuery } from "./queries";

const page = (n: number): ObservationPage => ({ url: `https://ehr.test/fhir/p${n}`, observations: [], total: undefined, next: `https://ehr.test/fhir/p${n + 1}`, stop: undefined });

describe("observationsQuery paging", () => {
  const options = observationsQuery(fakeSession(() => ({})), observationSearch("p1", HBA1C, null));
  const next = (pages: ObservationPage[]) => options.getNextPageParam(pages.at(-1)!, pages, undefined, []);

  it("follows next links, but not back to a page already read, and not past the page cap", () => {
    expect(next([page(1)])).toBe("https://ehr.test/fhir/p2");
    expect(next([page(1), { ...page(2), next: "https://ehr.test/fhir/p1" }])).toBeUndefined();
    expect(next(Array.from({ length: MAX_PAGES - 1 }, (_, i) => page(i)))).toBe(`https://ehr.test/fhir/p${MAX_PAGES - 1}`);
    expect(next(Array.from({ length: MAX_PAGES }, (_, i) => page(i)))).toBeUndefined();
  });

  it("one query key per server, patient and lab", () => {
    expect(options.queryKey).toEqual(["observations", "https://ehr.test/fhir", "p1", HBA1C.codes.map((c) => `${c.system}|${c.code}`), null, 50]);
  });
});
