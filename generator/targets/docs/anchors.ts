/**
 * Anchors of the docs' headings. Plain Markdown cannot give a heading an id, so a heading's anchor
 * is the one GitHub derives from its visible text (markdownlint's link check derives it the same
 * way). The HTML page uses the same ids, so a link into the docs works in both formats.
 */
import { InputError } from "../../errors.js";
import { assignUnique } from "../../naming/words.js";

/**
 * GitHub's rule: lower case, drop everything but letters, marks, digits, connector punctuation,
 * hyphens and spaces, then turn each space into a hyphen.
 */
export function headingAnchor(visibleText: string): string {
  return visibleText
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Mark}\p{Number}\p{Connector_Punctuation}\- ]/gu, "")
    .replace(/ /g, "-");
}

/** The link target of an anchor, percent-encoded as Markdown link checkers expect. */
export function fragmentOf(anchor: string): string {
  return `#${encodeURIComponent(anchor)}`;
}

export interface Heading {
  /** The heading as a reader sees it. */
  readonly visibleText: string;
  /** Where the heading's text comes from, for error messages. */
  readonly source: { readonly file: string; readonly pointer: string; readonly what: string };
}

/**
 * Gives every heading its anchor. Two headings with one anchor would make GitHub number the second
 * one (`-1`), so a link to it would depend on the order of sections; that fails loudly instead, as
 * does a heading without a single letter or digit, which gets no anchor at all.
 */
export function assignAnchors<T extends Heading>(headings: readonly T[]): Map<T, string> {
  for (const heading of headings) {
    if (headingAnchor(heading.visibleText).replace(/-/g, "") === "") {
      const { file, pointer, what } = heading.source;
      throw InputError.at(file, pointer, `${what} ${JSON.stringify(heading.visibleText)} has no letter or digit, so its docs heading gets no anchor`);
    }
  }
  return assignUnique(headings, (h) => headingAnchor(h.visibleText), (h) => `${h.source.what} ${JSON.stringify(h.visibleText)}`, "docs heading anchors");
}
