import type { ReactNode } from "react";
import { renderHook, waitFor } from "@testing-library/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useSmartStyle } from "./useSmartStyle";
import { fakeSession } from "../test/fakeSession";

const STYLE = { color_background: "#fdfdfd", color_text: "#111111" };

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.documentElement.removeAttribute("style");
});

describe("useSmartStyle", () => {
  it("loads a style from an origin the launch's styleAllowList names, and never reads config.json for it", async () => {
    const fetched: string[] = [];
    vi.stubGlobal("fetch", async (url: string) => (fetched.push(String(url)), Response.json(STYLE)));
    const session = fakeSession(() => ({}), { styleUrl: "https://styles.example.org/ehr.json", styleAllowList: ["https://styles.example.org"] });
    renderHook(() => useSmartStyle(session), { wrapper });
    await waitFor(() => expect(document.documentElement.style.length).toBeGreaterThan(0));
    expect(fetched).toEqual(["https://styles.example.org/ehr.json"]);
  });

  it("refuses a style from any other origin without fetching it, and says so", async () => {
    const fetch = vi.fn(async () => Response.json(STYLE));
    vi.stubGlobal("fetch", fetch);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const session = fakeSession(() => ({}), { styleUrl: "https://elsewhere.example.org/ehr.json", styleAllowList: ["https://styles.example.org"] });
    renderHook(() => useSmartStyle(session), { wrapper });
    await waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringContaining("Ignoring smart_style_url https://elsewhere.example.org/ehr.json")));
    expect(fetch).not.toHaveBeenCalled();
    expect(document.documentElement.style.length).toBe(0);
  });
});
