import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { compileHints, contentSecurityPolicy, preloadDynamicImports, sandboxPortConfig } from "./vite-plugins";

const appPort = Number(process.env.APP_PORT ?? 5173);
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4400);
const previewPort = Number(process.env.PREVIEW_PORT ?? 4173);

export default defineConfig({
  // Relative asset URLs: the built dist/ works from any sub-path of any static host.
  base: "./",
  plugins: [react(), preloadDynamicImports(), contentSecurityPolicy(), compileHints(), sandboxPortConfig(sandboxPort)],
  // fhirclient's debug logging is off unless a developer turns it on; the launch page's size budget cannot
  // carry the logger (vendor/debug-off). Unit tests (vitest.config.ts) keep the real package.
  resolve: { alias: { debug: fileURLToPath(new URL("vendor/debug-off/index.cjs", import.meta.url)) } },
  define: {
    // fhirclient's "pure" browser build: no fetch/AbortController polyfills (every supported browser has them).
    FHIRCLIENT_PURE: "true",
  },
  server: { host: "127.0.0.1", port: appPort, strictPort: true },
  preview: { host: "127.0.0.1", port: previewPort, strictPort: true },
  build: {
    target: "es2022",
    // Every browser the app supports (es2022) preloads modules natively: no polyfill on the graph page's first load.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: { index: "index.html", launch: "launch.html" },
      output: {
        // Libraries in chunks of their own: they change less often than the app, so browsers keep them cached.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler|@tanstack)[\\/]/ },
            { name: "recharts", test: /node_modules[\\/](recharts|d3-[a-z-]+|victory-vendor|@reduxjs|redux|immer|reselect|react-redux|use-sync-external-store|decimal\.js-light|es-toolkit|eventemitter3|tiny-invariant|internmap|clsx)[\\/]/ },
          ],
        },
      },
    },
  },
});
