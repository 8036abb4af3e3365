/**
 * Checks the relative links of the project's Markdown (README.md, docs/*.md): each names a file that exists, and
 * each `#anchor` a heading of its target as GitHub renders it, so that moving a section never strands a link.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";

/** A link that does not resolve: where it is, what it says, and why it fails. */
export interface BrokenLink {
  readonly file: string;
  readonly line: number;
  readonly target: string;
  readonly reason: string;
}

/**
 * The lines outside fenced code blocks (others blank); with `blankCode`, inline code spans blanked too, since a
 * link written there is not a link (a heading's code, though, is part of its anchor).
 */
function proseLines(markdown: string, blankCode: boolean): string[] {
  let fence: string | null = null;
  return markdown.split("\n").map((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker !== undefined && (fence === null || marker.startsWith(fence))) {
      fence = fence === null ? marker : null;
      return "";
    }
    if (fence !== null) return "";
    return blankCode ? line.replace(/(`+)[^`]*?\1/g, (span) => " ".repeat(span.length)) : line;
  });
}

/**
 * GitHub's anchor for a heading: the rendered text (code, emphasis and link syntax dropped) in lower case,
 * punctuation other than `-` and `_` removed, each space a `-`.
 */
export function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*~]/g, "");
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** Every anchor a Markdown file offers: its headings' slugs (repeats get `-1`, `-2`, …) and any HTML `id`/`name`. */
export function anchors(markdown: string): Set<string> {
  const found = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of proseLines(markdown, false)) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line)?.[1];
    if (heading !== undefined) {
      const base = slug(heading);
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      found.add(count === 0 ? base : `${base}-${count}`);
    }
  }
  for (const match of markdown.matchAll(/<[a-z]+\s[^>]*\b(?:id|name)="([^"]+)"/gi)) {
    if (match[1] !== undefined) found.add(match[1]);
  }
  return found;
}

/** The link and image targets of a Markdown file, inline form `[text](target "title")`, with their lines. */
export function links(markdown: string): { readonly line: number; readonly target: string }[] {
  const out: { line: number; target: string }[] = [];
  proseLines(markdown, true).forEach((line, index) => {
    for (const match of line.matchAll(/\]\(\s*(?:<([^>]*)>|([^)\s]+))(?:\s+"[^"]*")?\s*\)/g)) {
      const target = match[1] ?? match[2];
      if (target !== undefined) out.push({ line: index + 1, target });
    }
  });
  return out;
}

/** The links of `files` (paths under `root`) that name a missing file or a missing anchor. */
export function brokenLinks(root: string, files: readonly string[]): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const anchorsOf = new Map<string, Set<string>>();
  const anchorsIn = (path: string): Set<string> => {
    let set = anchorsOf.get(path);
    if (set === undefined) {
      set = anchors(readFileSync(path, "utf8"));
      anchorsOf.set(path, set);
    }
    return set;
  };
  for (const file of files) {
    const path = resolve(root, file);
    for (const { line, target } of links(readFileSync(path, "utf8"))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//")) continue;
      const hash = target.indexOf("#");
      const pathPart = decodeURIComponent(hash === -1 ? target : target.slice(0, hash));
      const anchor = hash === -1 ? null : decodeURIComponent(target.slice(hash + 1));
      const targetPath = pathPart === "" ? path : resolve(dirname(path), pathPart);
      const where = { file: relative(root, path), line, target };
      if (!existsSync(targetPath)) {
        broken.push({ ...where, reason: `no file ${relative(root, targetPath)}` });
      } else if (anchor !== null && anchor !== "") {
        if (statSync(targetPath).isDirectory() || !targetPath.endsWith(".md")) {
          broken.push({ ...where, reason: `#${anchor} points into ${relative(root, targetPath)}, which is not Markdown` });
        } else if (!anchorsIn(targetPath).has(anchor)) {
          broken.push({ ...where, reason: `no heading #${anchor} in ${relative(root, targetPath)}` });
        }
      }
    }
  }
  return broken;
}
