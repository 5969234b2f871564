/**
 * The docs target: a Markdown page for documentation sites and a self-contained HTML page, both
 * describing every message type, key and value of the spec. Both are rendered from one outline
 * (`outline.ts`), so they always say the same thing; each format escapes in its own module.
 */
import type { OutputFile, PushExtrasModel, TargetOptions } from "../../model.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";
import { buildOutline } from "./outline.js";

export const DOCS_MARKDOWN_PATH = "docs/push-extras.md";
export const DOCS_HTML_PATH = "docs/push-extras.html";

/** The docs have no options; the parameter keeps the signature of every target. */
export function emitDocs(model: PushExtrasModel, _options?: TargetOptions): readonly OutputFile[] {
  const outline = buildOutline(model);
  return [
    { path: DOCS_MARKDOWN_PATH, contents: renderMarkdown(outline) },
    { path: DOCS_HTML_PATH, contents: renderHtml(outline) },
  ];
}
