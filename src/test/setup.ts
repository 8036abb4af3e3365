import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach, beforeAll } from "vitest";
import { loadAfterChart } from "../app/useAfterChart";

// In the browser, the parts that follow the first chart load once it is drawn (afterChart.later.ts); component
// tests render them at once, as they would be a moment later. The e2e tests cover the real loading.
beforeAll(() => loadAfterChart());

afterEach(() => cleanup());
