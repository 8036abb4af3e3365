import { describe, expect, it } from "vitest";
import { memoizeByObject } from "./memo";

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
