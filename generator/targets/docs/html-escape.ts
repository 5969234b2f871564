/**
 * HTML escaping, in one place. Every string from the spec passes `escapeHtml` before it reaches
 * the page, in text and in attribute values alike, so no description can open an element, close
 * one early or add an attribute. The only markup in the page's text is what `htmlInline` itself
 * writes: code, strong text and links to anchors inside the page.
 */
import { fragmentOf } from "./anchors.js";
import type { Inline } from "./inline.js";

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes text for an element's content or a quoted attribute value. NUL, which HTML parsers
 * drop or replace, becomes U+FFFD as it would in Markdown.
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!).replace(/\u0000/g, "\uFFFD");
}

export function htmlInline(pieces: readonly Inline[]): string {
  return pieces.map(renderPiece).join("");
}

function renderPiece(piece: Inline): string {
  switch (piece.kind) {
    case "text":
      return escapeHtml(piece.text);
    case "code":
      return piece.breakAnywhere ? `<code class="break-anywhere">${escapeHtml(piece.text)}</code>` : `<code>${escapeHtml(piece.text)}</code>`;
    case "strong":
      return `<strong>${htmlInline(piece.children)}</strong>`;
    case "link":
      return `<a href="${escapeHtml(fragmentOf(piece.anchor))}">${htmlInline(piece.children)}</a>`;
  }
}
