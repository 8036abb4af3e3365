import type { Plugin, Rollup } from "vite";

type Bundle = Rollup.OutputBundle;
type Chunk = Rollup.OutputChunk;

/**
 * Modules whose file name ends in `.later.ts` or `.later.tsx` are what a page needs only after its first chart:
 * imported dynamically, they load on use or once the chart is drawn. The page itself never preloads them (the
 * launch page prefetches them, at idle priority, with the rest of the graph page), and the benchmark counts them
 * apart from the page's first load.
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

/**
 * Adds `<link rel="prefetch">` to each built page for the chunks its entry imports dynamically (and their
 * imports, the `.later` ones too), so that they download while the entry's first work — the token exchange and
 * the first FHIR requests — is under way, instead of after it. Prefetch, not modulepreload: a modulepreload is
 * compiled as soon as it arrives, and compiling React and recharts would compete with the first script on the
 * main thread; a prefetched chunk waits in the HTTP cache until the entry imports it. The styles the dynamic
 * imports bring are linked as style sheets (small, and needed for the first chart).
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
        const { styles } = closure(bundle, chunk);
        const { scripts } = closure(bundle, chunk, { later: true });
        const already = new Set([chunk.fileName, ...chunk.imports, ...(chunk.viteMetadata?.importedCss ?? [])]);
        return {
          html,
          tags: [
            ...[...styles].filter((f) => !already.has(f)).map((f) => link("stylesheet", f, { crossorigin: true })),
            ...[...scripts].filter((f) => !already.has(f)).map((f) => link("prefetch", f, { crossorigin: true })),
          ],
        };
      },
    },
  };
}

/** The id of the `<template>` holding a page's prefetch links (see prefetchPage). */
export const PREFETCH_TEMPLATE_ID = "prefetch-next-page";

/**
 * Lets one page fetch, at idle priority, what another page needs before its first script runs (`rel="prefetch"`):
 * the launch page prefetches the graph page's first script and style sheets while the EHR's authorization
 * redirects run, so the graph page finds them in the HTTP cache. Assets are content-hashed, so hosts may cache them for good.
 * The links wait, inert, in a `<template id="prefetch-next-page">` until the page's script moves them into the
 * document (src/launch/main.ts does once discovery is done, as it redirects): before that, nothing may compete
 * with config.json → discovery → authorize.
 */
export function prefetchPage(from: string, to: string): Plugin {
  return {
    name: "prefetch-page",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        const { bundle, chunk } = ctx;
        if (!bundle || !chunk || chunk.name !== from) return html;
        const target = Object.values(bundle).find((c): c is Chunk => c.type === "chunk" && c.isEntry && c.name === to);
        if (!target) return html;
        const own = closure(bundle, chunk);
        // Only what the page needs before its first script runs: its entry with the entry's static imports, and
        // the style sheets it links (which hold that script back until they load). The rest (React, recharts,
        // the `.later` chunks) the page prefetches itself while its token exchange runs (preloadDynamicImports):
        // here it would compete with the authorization redirect.
        const { scripts } = closure(bundle, target, { dynamic: false });
        const { styles } = closure(bundle, target);
        const wanted = [...styles, ...scripts].filter((f) => !own.scripts.has(f) && !own.styles.has(f));
        const links = wanted.map((f) => ({ ...link("prefetch", f, { crossorigin: true }), injectTo: undefined }));
        return { html, tags: [{ tag: "template", attrs: { id: PREFETCH_TEMPLATE_ID }, children: links, injectTo: "body" }] };
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
