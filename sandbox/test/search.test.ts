import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FhirStore } from "../src/fhir/store.ts";
import { addBundle } from "../src/fhir/load.ts";
import { matchesDate, parseDateRange, parseObservationQuery, searchObservations } from "../src/fhir/search.ts";
import { CursorCodec } from "../src/fhir/cursors.ts";
import { FhirError } from "../src/fhir/outcome.ts";

function obs(id: string, date: string | undefined, code = "4548-4", status: fhir4.Observation["status"] = "final"): fhir4.Observation {
  return { resourceType: "Observation", id, status, code: { coding: [{ system: "http://loinc.org", code }] }, subject: { reference: "Patient/p" }, effectiveDateTime: date };
}

function store(): FhirStore {
  const s = new FhirStore();
  addBundle(s, {
    resourceType: "Bundle",
    type: "collection",
    entry: [obs("a", "2020-01-01"), obs("b", "2021-06-15T10:00:00Z"), obs("c", "2019-03-01"), obs("d", undefined), obs("g", "2020-05-05", "2345-7"), obs("e", "2022-01-01", "4548-4", "entered-in-error")].map((resource) => ({ resource })),
  });
  return s;
}

const q = (query: string) => parseObservationQuery(new URLSearchParams(query));
const ids = (query: string, offset = 0) => searchObservations(store(), "p", q(query), offset).page.map((o) => o.resource.id);

describe("Observation search", () => {
  it("sorts by date either way, undated results last", () => {
    expect(ids("code=4548-4&_sort=date")).toEqual(["c", "a", "b", "e", "d"]);
    expect(ids("code=4548-4&_sort=-date")).toEqual(["e", "b", "a", "c", "d"]);
    expect(ids("code=4548-4&_sort:desc=date")).toEqual(["e", "b", "a", "c", "d"]);
  });

  it("matches codes with or without a system, comma meaning OR", () => {
    expect(ids("code=http://loinc.org|2345-7")).toEqual(["g"]);
    expect(ids("code=2345-7,http://loinc.org|4548-4&_sort=date").sort()).toEqual(["a", "b", "c", "d", "e", "g"]);
    expect(ids("code=http://other|4548-4")).toEqual([]);
  });

  it("matches any LOINC code the app adds to a lab, e.g. the eGFR search with every method's code", () => {
    const s = new FhirStore();
    const egfr = [obs("aa", "2019-01-01", "48643-1"), obs("naa", "2019-01-01", "48642-3"), obs("f", "2020-01-01", "50044-7"), obs("ckd", "2021-01-01", "88294-4"), obs("new", "2022-01-01", "98979-8")];
    addBundle(s, { resourceType: "Bundle", type: "collection", entry: [...egfr, obs("g", "2020-05-05", "2345-7")].map((resource) => ({ resource })) });
    const codes = ["33914-3", "77147-7", "48643-1", "48642-3", "50044-7", "70969-1", "62238-1", "88293-6", "88294-4", "98979-8"].map((c) => `http://loinc.org|${c}`).join(",");
    const found = searchObservations(s, "p", q(`code=${encodeURIComponent(codes)}&_sort=date`), 0).page.map((o) => o.resource.id);
    expect(found).toEqual(["aa", "naa", "f", "ckd", "new"]);
  });

  it("filters dates with prefixes at the value's precision", () => {
    expect(ids("code=4548-4&date=ge2020&date=lt2022&_sort=date")).toEqual(["a", "b"]);
    expect(ids("code=4548-4&date=2021-06&_sort=date")).toEqual(["b"]);
    expect(ids("code=4548-4&date=gt2021-06-15&_sort=date")).toEqual(["e"]);
    expect(ids("code=4548-4&date=le2019-03-01&_sort=date")).toEqual(["c"]);
  });

  it("filters status", () => {
    expect(ids("code=4548-4&status=final,amended&_sort=date")).toEqual(["c", "a", "b", "d"]);
  });

  it("pages by _count, capped at 200", () => {
    expect(ids("code=4548-4&_sort=date&_count=2", 2)).toEqual(["b", "e"]);
    expect(q("_count=1000").count).toBe(200);
    const result = searchObservations(store(), "p", q("code=4548-4&_count=2"), 4);
    expect(result).toMatchObject({ total: 5, hasNext: false });
  });

  it("answers _summary=count with the total alone", () => {
    expect(searchObservations(store(), "p", q("code=4548-4&_summary=count"), 0)).toMatchObject({ total: 5, page: [], hasNext: false });
  });

  it("refuses unknown parameters and bad values with a 400", () => {
    for (const bad of ["foo=bar", "_sort=value", "date=yesterday", "date=sa2020", "_count=-1", "_count=x", "code=", "patient=../../etc"]) {
      expect(() => q(bad), bad).toThrow(FhirError);
      try {
        q(bad);
      } catch (error) {
        expect((error as FhirError).status).toBe(400);
      }
    }
  });

  it("parses date ranges at each precision", () => {
    expect(parseDateRange("2020")).toEqual({ start: Date.UTC(2020, 0, 1), end: Date.UTC(2021, 0, 1) });
    expect(parseDateRange("2020-02")).toEqual({ start: Date.UTC(2020, 1, 1), end: Date.UTC(2020, 2, 1) });
    expect(parseDateRange("2020-02-29T10:00:00+01:00")).toEqual({ start: Date.UTC(2020, 1, 29, 9), end: Date.UTC(2020, 1, 29, 9, 0, 1) });
    expect(parseDateRange("2020-13")).toBeUndefined();
  });
});

describe("page cursors", () => {
  it("round-trip, and a tampered cursor is a 400", async () => {
    const codec = new CursorCodec();
    const cursor = await codec.encode({ q: q("code=4548-4"), o: 50 });
    expect(await codec.decode(cursor)).toEqual({ q: q("code=4548-4"), o: 50 });
    const [header, body, sig] = cursor.split(".");
    const forged = Buffer.from(JSON.stringify({ q: { ...q("code=4548-4"), patient: "other" }, o: 0 })).toString("base64url");
    const unsigned = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    for (const bad of [`${header}.${forged}.${sig}`, `${header}.${body}.x${sig}`, `${unsigned}.${body}.${sig}`, "garbage", `${body}`, `${header}.${body}`, ""]) {
      await expect(codec.decode(bad), bad).rejects.toThrow(FhirError);
    }
    await expect(codec.decode(`${header}.${body}.x${sig}`)).rejects.toThrow("not valid for this server");
    await expect(codec.decode(`${header}.${body}`)).rejects.toThrow("malformed");
    await expect(new CursorCodec().decode(cursor)).rejects.toThrow("not valid for this server");
  });
});

describe("date windows", () => {
  it("cut by binary search, match a plain filter for any dates and prefixes", () => {
    const prefixes = ["eq", "ne", "gt", "lt", "ge", "le"] as const;
    const day = fc.integer({ min: 0, max: 400 }).map((d) => new Date(Date.UTC(2020, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(fc.option(day, { nil: undefined }), { maxLength: 40 }), fc.array(fc.tuple(fc.constantFrom(...prefixes), day), { maxLength: 3 }), fc.constantFrom("date", "-date"), (dates, filters, sort) => {
        const s = new FhirStore();
        addBundle(s, { resourceType: "Bundle", type: "collection", entry: dates.map((d, i) => ({ resource: obs(`o${i}`, d) })) });
        const query = q([...filters.map(([p, d]) => `date=${p}${d}`), `_sort=${sort}`, "_count=200"].join("&"));
        const got = searchObservations(s, "p", query, 0).page.map((o) => o.resource.id);
        const expected = searchObservations(s, "p", { ...query, dates: [] }, 0).page.filter((o) => query.dates.every((f) => matchesDate(o.time, f))).map((o) => o.resource.id);
        expect(got).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
