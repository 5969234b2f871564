/**
 * Anchors of the docs' headings. Plain Markdown cannot give a heading an id, so a heading's anchor
 * is the one GitHub derives from its visible text (markdownlint's link check derives it the same
 * way). The HTML page uses the same ids, so a link into the docs works in both formats.
 */
import { InputError } from "../../errors.js";
import { NameClashError } from "../../naming/words.js";

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
  readonly source: HeadingSource;
}

export interface HeadingSource {
  readonly file: string;
  /** JSON pointer of the spec value the heading shows, "" for the page's own headings. */
  readonly pointer: string;
  /** The spec value the heading is made from, such as `the title "Inbox" of group "inbox"`. */
  readonly what: string;
  /**
   * What to change in the spec to give the heading another anchor, such as `the title of group
   * "inbox"`; null for the page's own headings, which no spec can change.
   */
  readonly change: string | null;
}

/**
 * Gives every heading its anchor. Two headings with one anchor would make GitHub number the second
 * one (`-1`), so a link to it would depend on the order of sections; that fails loudly instead, as
 * does a heading without a single letter or digit, which gets no anchor at all. Both errors say
 * which spec value to change: an x-name renames code, never a heading.
 */
export function assignAnchors<T extends Heading>(headings: readonly T[]): Map<T, string> {
  const byAnchor = new Map<string, T>();
  for (const heading of headings) {
    const anchor = headingAnchor(heading.visibleText);
    if (anchor.replace(/-/g, "") === "") {
      const { file, pointer, what } = heading.source;
      throw InputError.at(file, pointer, `${what} gives the docs heading ${JSON.stringify(heading.visibleText)}, which has no letter or digit and so gets no anchor; change ${changeOf(heading)} to hold one`);
    }
    const earlier = byAnchor.get(anchor);
    if (earlier !== undefined) throw anchorClash(earlier, heading, anchor);
    byAnchor.set(anchor, heading);
  }
  return new Map(headings.map((h) => [h, headingAnchor(h.visibleText)]));
}

function anchorClash(earlier: Heading, later: Heading, anchor: string): Error {
  const changes = [earlier, later].flatMap((h) => (h.source.change === null ? [] : [h.source.change]));
  if (changes.length === 0) return new Error(`internal: the docs' own headings ${JSON.stringify(earlier.visibleText)} and ${JSON.stringify(later.visibleText)} share an anchor`);
  return new NameClashError(
    `docs heading anchors: ${describeHeading(earlier)} and ${describeHeading(later)} both get the anchor #${anchor}, ` +
      "because an anchor keeps only the letters, digits, spaces, hyphens and underscores of a heading, in lower case; " +
      `change ${changes.join(" or ")} so that the two anchors differ`,
  );
}

function describeHeading(heading: Heading): string {
  const { file, pointer, what } = heading.source;
  const shown = JSON.stringify(heading.visibleText);
  return pointer === "" ? `the page's own heading ${shown}` : `${what} at ${file}#${pointer} (the heading ${shown})`;
}

function changeOf(heading: Heading): string {
  if (heading.source.change === null) throw new Error(`internal: the docs heading ${JSON.stringify(heading.visibleText)} has no anchor`);
  return heading.source.change;
}
