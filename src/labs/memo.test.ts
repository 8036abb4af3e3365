import { describe, expect, it, vi } from "vitest";
import { memoizeByKey, memoizeByObject } from "./memo";

describe("memoizeByObject", () => {
  it("makes each key's value once, and each key its own", () => {
    const made: string[] = [];
    const label = memoizeByObject((r: { id: string }) => {
      made.push(r.id);
      return `#${r.id}`;
    });
    const a = { id: "a" };
    const b = { id: "a" };
    expect([label(a), label(a), label(b), label(a)]).toEqual(["#a", "#a", "#a", "#a"]);
    expect(made).toEqual(["a", "a"]);
  });

  it("remembers values that are falsy too", () => {
    let calls = 0;
    const none = memoizeByObject((): undefined => {
      calls++;
      return undefined;
    });
    const key = {};
    expect(none(key)).toBeUndefined();
    expect(none(key)).toBeUndefined();
    expect(calls).toBe(1);
  });
});

describe("memoizeByKey", () => {
  it("makes each key's value once, and different keys apart", () => {
    const make = vi.fn((key: string) => ({ key }));
    const get = memoizeByKey(make);
    const a = get("en-US|1");
    expect(get("en-US|1")).toBe(a);
    expect(get("es|1")).not.toBe(a);
    expect(make).toHaveBeenCalledTimes(2);
  });
});
