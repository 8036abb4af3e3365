import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Plugin, Rollup } from "vite";
import { contentSecurityPolicy as policyFor, withPolicy } from "./scripts/csp.mjs";

type Bundle = Rollup.OutputBundle;
type Chunk = Rollup.OutputChunk;

/**
 * Modules whose file name ends in `.later.ts` or `.later.tsx` are what a page needs only after its first chart:
 * imported dynamically, they load on use or once the chart is drawn. No page preloads or prefetches them, and the
 * benchmark counts them apart from the page's first load.
 */
const LATER = /\.later\.tsx?$/;

/**
 * A language's message catalog (src/i18n/catalogs/<tag>.ts) loads only when that language is shown (before the
 * first chart, but only for that language's readers): no page preloads it, and the benchmark counts it apart.
 */
export const CATALOG = /\/src\/i18n\/catalogs\/[^/]+\.ts$/;

function isLater(chunk: Rollup.OutputChunk | Rollup.OutputAsset | undefined): boolean {
  return chunk?.type === "chunk" && chunk.facadeModuleId !== null && LATER.test(chunk.facadeModuleId);
}

function isCatalog(chunk: Rollup.OutputChunk | Rollup.OutputAsset | undefined): boolean {
  return chunk?.type === "chunk" && chunk.facadeModuleId !== null && CATALOG.test(chunk.facadeModuleId);
}

/**
 * Every chunk and style sheet an entry chunk loads, its dynamic imports included unless `dynamic` is false (the
 * plugins below preload them), and the `.later` ones only when `later` is true. The benchmark counts a page's
 * bytes with it too.
 */
export function closure(bundle: Bundle, entry: Chunk, { dynamic = true, later = false } = {}): { scripts: Set<string>; styles: Set<string> } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const visit = (fileName: string) => {
    const target = bundle[fileName];
    if (!target || target.type !== "chunk" || scripts.has(fileName)) return;
    scripts.add(fileName);
    for (const css of target.viteMetadata?.importedCss ?? []) styles.add(css);
    for (const imported of target.imports) visit(imported);
    if (!dynamic) return;
    for (const imported of target.dynamicImports) if (!isCatalog(bundle[imported]) && (later || !isLater(bundle[imported]))) visit(imported);
  };
  visit(entry.fileName);
  return { scripts, styles };
}

function link(rel: string, href: string, extra: Record<string, string | boolean> = {}) {
  return { tag: "link", attrs: { rel, href: `./${href}`, ...extra }, injectTo: "head" as const };
}

/** The id of the `<template>` holding the prefetch links of a page's own dynamic imports (see preloadDynamicImports). */
export const OWN_PREFETCH_TEMPLATE_ID = "prefetch-own-chunks";

/**
 * Lets each built page prefetch the chunks its entry imports dynamically (and their imports, but not the `.later`
 * ones, which load once the first chart is drawn), so that they download while the entry's first network work
 * runs instead of after it. Their `<link rel="prefetch">` tags wait, inert, in a `<template id="prefetch-own-chunks">`
 * until the entry moves them into the document: the graph page does once its token request is on its way
 * (src/app/main.tsx), so that half a megabyte of React and recharts competes neither with loading its first
 * script nor with sending that request. Prefetch, not modulepreload: a modulepreload is compiled as soon as it arrives; a prefetched chunk waits in the HTTP cache
 * until the entry imports it. The style sheets the dynamic imports bring wait in the same template as style sheets
 * (`<link rel="stylesheet">`), linked when it is released: in the page's head they would hold the entry back until
 * they arrived (a module script waits for the style sheets before it), while linked by script they block nothing,
 * and they are in place before the import that needs them (Vite's preload helper, finding them linked, then
 * imports at once instead of waiting for them to load). When the template stays inert (a near server's token comes
 * back before they could arrive), that helper links them beside the import.
 */
export function preloadDynamicImports(): Plugin {
  return {
    name: "preload-dynamic-imports",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        const { bundle, chunk } = ctx;
        // The launch page's dynamic imports (its landing and failures, with their words) load only when shown: an
        // EHR launch that goes well fetches nothing ahead of its redirect.
        if (!bundle || !chunk || chunk.name === "launch") return html;
        const { scripts, styles } = closure(bundle, chunk);
        const already = new Set([chunk.fileName, ...chunk.imports, ...(chunk.viteMetadata?.importedCss ?? [])]);
        const held = [...scripts, ...styles].filter((f) => !already.has(f)).map((f) => ({ ...link(f.endsWith(".css") ? "stylesheet" : "prefetch", f, { crossorigin: true }), injectTo: undefined }));
        return {
          html,
          tags: [
            ...(held.length ? [{ tag: "template", attrs: { id: OWN_PREFETCH_TEMPLATE_ID }, children: held, injectTo: "body" as const }] : []),
          ],
        };
      },
    },
  };
}

/**
 * Marks each page's first script (the `launch` and `index` entry chunks) with V8's explicit compile hint
 * `//# allFunctionsCalledOnLoad` (Chrome 136 and later; other engines read a comment): nearly every function in them
 * runs while the page launches, so V8 compiles them while the file streams in, on a background thread, instead of
 * one by one on the main thread when each is first called (between the token's arrival and the FHIR requests, on
 * the graph page).
 */
export function compileHints(): Plugin {
  return {
    name: "compile-hints",
    apply: "build",
    enforce: "post",
    generateBundle: {
      order: "post",
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === "chunk" && chunk.isEntry) chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
        }
      },
    },
  };
}

/**
 * The dev server's `config.json` for a sandbox on another port than 4400 (`SANDBOX_PORT`, as `npm start` and the
 * end-to-end tests may set): `public/config.json` with the sandbox's origins moved to that port. Dev only; a build
 * ships `public/config.json` as it is (`npm run configure` rewrites it for a deployment).
 */
export function sandboxPortConfig(port: number): Plugin {
  return {
    name: "sandbox-port-config",
    apply: "serve",
    configureServer(server) {
      if (port === 4400) return;
      server.middlewares.use((request, response, next) => {
        if (request.url?.split("?")[0] !== "/config.json") return next();
        const text = readFileSync(join(server.config.publicDir, "config.json"), "utf8");
        response.setHeader("Content-Type", "application/json");
        response.end(text.replace(/\/\/(127\.0\.0\.1|localhost):4400\//g, `//$1:${port}/`));
      });
    },
  };
}

/**
 * Puts the Content-Security-Policy into every built page, right after the charset declaration: no inline script or
 * style, and `connect-src` limited to the origins of the app's own config.json (`public/config.json`: its FHIR
 * servers, style hosts and `connectOrigins`; scripts/csp.mjs). It is written inert (`<meta name>`) and each page's
 * first script puts it in force before anything else (src/security/policy.ts), so that it does not hold the
 * browser's preload scanner back. `npm run configure` rewrites it for another config.json; docs/deploy.md gives
 * the same policy as a header.
 */
export function contentSecurityPolicy(): Plugin {
  let publicDir = "public";
  return {
    name: "content-security-policy",
    apply: "build",
    configResolved(config) {
      publicDir = config.publicDir;
    },
    transformIndexHtml: {
      order: "post",
      handler(html) {
        const config: unknown = JSON.parse(readFileSync(join(publicDir, "config.json"), "utf8"));
        return withPolicy(html, policyFor(config));
      },
    },
  };
}
