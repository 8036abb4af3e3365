import { afterEach, describe, expect, it, vi } from "vitest";
import { NEAR_SERVER_KEY, nearServer, sessionStorageAvailable } from "./storage";

afterEach(() => {
  vi.restoreAllMocks();
  sessionStorage.clear();
});

describe("nearServer", () => {
  it("is what the launch page kept for this tab, read once: the flag is removed as it is read", () => {
    expect(nearServer()).toBe(false);
    sessionStorage.setItem(NEAR_SERVER_KEY, "1");
    expect(nearServer()).toBe(true);
    expect(sessionStorage.getItem(NEAR_SERVER_KEY)).toBeNull();
    expect(nearServer()).toBe(false);
  });

  it("is false, without throwing, where the page may not use sessionStorage", () => {
    vi.spyOn(Storage.prototype, "getItem").mockImplementation(() => {
      throw new DOMException("denied", "SecurityError");
    });
    expect(nearServer()).toBe(false);
  });
});

describe("sessionStorageAvailable", () => {
  it("says whether the page may write to sessionStorage", () => {
    expect(sessionStorageAvailable()).toBe(true);
    vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("denied", "SecurityError");
    });
    expect(sessionStorageAvailable()).toBe(false);
  });
});
