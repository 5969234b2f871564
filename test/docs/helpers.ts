/**
 * Shared by the docs tests: generating the docs of a spec through the real pipeline, linting the
 * Markdown with markdownlint, and rendering it to HTML the way a GitHub-flavoured site would.
 */
import { lint } from "markdownlint/promise";
import { micromark } from "micromark";
import { gfmAutolinkLiteral, gfmAutolinkLiteralHtml } from "micromark-extension-gfm-autolink-literal";
import { gfmTable, gfmTableHtml } from "micromark-extension-gfm-table";
import type { PushExtrasModel } from "../../generator/model.js";
import { generate } from "../../generator/pipeline.js";
import { DOCS_HTML_PATH, DOCS_MARKDOWN_PATH } from "../../generator/targets/docs/index.js";

export const CANONICAL_SPEC = "spec/push-extras.schema.json";

/** Specs named after the edge they cover; the docs of each must be safe and complete. */
export const HOSTILE_SPECS = [
  "test/docs/fixtures/markdown-syntax/push-extras.schema.json",
  "test/fixtures/markup/push-extras.schema.json",
  "test/fixtures/comment-terminator/push-extras.schema.json",
  "test/fixtures/quotes-backslash-dollar/push-extras.schema.json",
  "test/fixtures/non-ascii/push-extras.schema.json",
  "test/fixtures/keyword-names/push-extras.schema.json",
] as const;

export interface GeneratedDocs {
  readonly model: PushExtrasModel;
  readonly markdown: string;
  readonly html: string;
}

export async function generateDocs(specPath: string): Promise<GeneratedDocs> {
  const { model, files } = await generate({ specPath, targets: ["docs"] });
  const contentsOf = (path: string) => {
    const file = files.find((f) => f.path === path);
    if (!file) throw new Error(`the docs target emitted no ${path}`);
    return file.contents;
  };
  return { model, markdown: contentsOf(DOCS_MARKDOWN_PATH), html: contentsOf(DOCS_HTML_PATH) };
}

/**
 * markdownlint with its default rules, except line length in tables and code blocks: a table row
 * is one line by definition and example payloads are data, so neither can be wrapped.
 */
export const MARKDOWNLINT_CONFIG = { default: true, MD013: { tables: false, code_blocks: false } } as const;

/** Every markdownlint finding, one line each ("line 12: MD013/line-length ..."); empty when clean. */
export async function lintMarkdown(markdown: string): Promise<string[]> {
  const results = await lint({ strings: { "push-extras.md": markdown }, config: MARKDOWNLINT_CONFIG });
  return (results["push-extras.md"] ?? []).map(
    (r) => `line ${r.lineNumber}: ${r.ruleNames.join("/")} ${r.ruleDescription}${r.errorDetail ? ` [${r.errorDetail}]` : ""}${r.errorContext ? ` (${r.errorContext})` : ""}`,
  );
}

/**
 * The Markdown as a GitHub-flavoured renderer shows it: tables and autolinks on, and raw HTML
 * passed through as GitHub's own renderer would before sanitising, so that any tag that slipped
 * through the escaping shows up as an element.
 */
export function markdownToHtml(markdown: string): string {
  const body = micromark(markdown, {
    allowDangerousHtml: true,
    allowDangerousProtocol: true,
    extensions: [gfmTable(), gfmAutolinkLiteral()],
    htmlExtensions: [gfmTableHtml(), gfmAutolinkLiteralHtml()],
  });
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Markdown</title></head><body>${body}</body></html>`;
}

/** Description text as a reader sees it: white space collapsed; backticks dropped (they delimit code). */
export function visibleProse(description: string): string {
  return description.replace(/`/g, "").replace(/\u0000/g, "\uFFFD").replace(/\s+/g, " ").trim();
}
