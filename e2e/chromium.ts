/**
 * The Chromium the end-to-end tests and the benchmark drive: `CHROMIUM_PATH` if set, else Debian's build when
 * present (this project's CI), else Playwright's bundled browser; and the switches that keep it quiet on a
 * machine without internet (without the background-networking ones it floods refused connections).
 */
import { existsSync } from "node:fs";

export const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export const QUIET_CHROMIUM = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
