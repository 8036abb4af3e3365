import type { Plugin, Rollup } from "vite";

type Bundle = Rollup.OutputBundle;
type Chunk = Rollup.OutputChunk;

/**
 * Modules whose file name ends in `.later.ts` or `.later.tsx` are what a page needs only after its first chart:
 * imported dynamically, they load on use or once the chart is drawn. No page preloads or prefetches them, and the
 * benchmark counts them apart from the page's first load.
 */
const LATER = /\.later\.tsx?$/;

function isLater(chunk: Rollup.OutputChunk | Rollup.OutputAsset | undefined): boolean {
  return chunk?.type === "chunk" && chunk.facadeModuleId !== null && LATER.test(chunk.facadeModuleId);
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
    for (const imported of target.dynamicImports) if (later || !isLater(bundle[imported])) visit(imported);
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
 * until the entry imports it. The styles the dynamic imports bring are linked as style sheets (small, and needed
 * for the first chart).
 */
export function preloadDynamicImports(): Plugin {
  return {
    name: "preload-dynamic-imports",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        const { bundle, chunk } = ctx;
        if (!bundle || !chunk) return html;
        const { scripts, styles } = closure(bundle, chunk);
        const already = new Set([chunk.fileName, ...chunk.imports, ...(chunk.viteMetadata?.importedCss ?? [])]);
        const prefetch = [...scripts].filter((f) => !already.has(f)).map((f) => ({ ...link("prefetch", f, { crossorigin: true }), injectTo: undefined }));
        return {
          html,
          tags: [
            ...[...styles].filter((f) => !already.has(f)).map((f) => link("stylesheet", f, { crossorigin: true })),
            ...(prefetch.length ? [{ tag: "template", attrs: { id: OWN_PREFETCH_TEMPLATE_ID }, children: prefetch, injectTo: "body" as const }] : []),
          ],
        };
      },
    },
  };
}

/**
 * The Content-Security-Policy every built page carries in a `<meta>` tag. It must work wherever the static
 * files are put, so it names no host: scripts, styles and images only from the app's own origin, no inline
 * script, and requests to the app's origin and any https server (the FHIR and authorization servers are
 * chosen by the EHR at launch, within config.json's allow-list) plus loopback http (the sandbox). A host can
 * send a stricter header (docs/deploy.md); `frame-ancestors` works only as a header.
 */
export const META_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:* http://[::1]:*",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

/** Puts META_CSP right after the charset declaration of every built page, before anything it governs. */
export function contentSecurityPolicy(): Plugin {
  return {
    name: "content-security-policy",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html) {
        const meta = `<meta http-equiv="Content-Security-Policy" content="${META_CSP}" />`;
        const charset = /<meta charset="[^"]*"\s*\/?>/i;
        if (!charset.test(html)) throw new Error("content-security-policy: the page has no <meta charset>, after which the policy goes.");
        return html.replace(charset, (tag) => `${tag}\n    ${meta}`);
      },
    },
  };
}
