import { defineConfig, devices } from "@playwright/test";
import { executablePath, QUIET_CHROMIUM } from "./e2e/chromium";
import { wait } from "./e2e/timeouts";

const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 4400);
const APP_PORT = Number(process.env.APP_PORT ?? 5173);

/**
 * Playwright's own --disable-features list includes ThirdPartyStoragePartitioning, which makes Chromium deny
 * storage to cross-site iframes (an EHR framing the app). Real Chrome, Firefox and Safari give such frames
 * partitioned storage, so the default project restates the list without it; Chromium keeps only the last
 * --disable-features switch. The "storage-blocked" project keeps Playwright's list, to test that case.
 */
const PLAYWRIGHT_DISABLED_FEATURES_BUT_PARTITIONING = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
];

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  // Stretched under CI (e2e/timeouts.ts): a slower machine needs longer waits, never different tests.
  timeout: wait(30_000),
  expect: { timeout: wait(10_000) },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: `http://localhost:${APP_PORT}`,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    // Tests select by the names of the language in use: English, whatever the machine's locale, unless a project says.
    locale: "en-US",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: /storage-blocked|screenshots|spanish|pseudo-locale/,
      use: {
        launchOptions: {
          executablePath,
          args: [...QUIET_CHROMIUM, `--disable-features=${PLAYWRIGHT_DISABLED_FEATURES_BUT_PARTITIONING.join(",")}`],
        },
      },
    },
    {
      // A Spanish reader (navigator.languages es-ES): the pages in Spanish, and the pseudo-languages' layouts at 320 px.
      name: "spanish",
      testMatch: /spanish|pseudo-locale/,
      use: {
        locale: "es-ES",
        launchOptions: {
          executablePath,
          args: [...QUIET_CHROMIUM, `--disable-features=${PLAYWRIGHT_DISABLED_FEATURES_BUT_PARTITIONING.join(",")}`],
        },
      },
    },
    {
      name: "storage-blocked",
      testMatch: /storage-blocked/,
      use: { launchOptions: { executablePath, args: QUIET_CHROMIUM } },
    },
    {
      // `npm run screenshots`: the pictures of the README and docs/, taken from the running app. Not part of `npm test`.
      name: "screenshots",
      testMatch: /screenshots/,
      use: {
        viewport: { width: 1200, height: 800 },
        launchOptions: {
          executablePath,
          args: [...QUIET_CHROMIUM, `--disable-features=${PLAYWRIGHT_DISABLED_FEATURES_BUT_PARTITIONING.join(",")}`],
        },
      },
    },
  ],
  webServer: [
    {
      command: "node_modules/.bin/tsx sandbox/main.ts",
      url: `http://127.0.0.1:${SANDBOX_PORT}/fhir/metadata`,
      reuseExistingServer: process.env.PW_REUSE === "1",
      stdout: "ignore",
      stderr: "pipe",
      timeout: wait(60_000),
    },
    {
      command: "node_modules/.bin/vite",
      url: `http://127.0.0.1:${APP_PORT}/launch.html`,
      reuseExistingServer: process.env.PW_REUSE === "1",
      stdout: "ignore",
      stderr: "pipe",
      timeout: wait(60_000),
    },
  ],
});
