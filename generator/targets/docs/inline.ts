/**
 * Running text of the docs, independent of the output format: plain text, code, strong text and
 * in-page links. The outline is written in these pieces once; the Markdown and HTML escaping
 * modules each render them, so both formats say exactly the same thing.
 */

export type Inline =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "code"; readonly text: string; readonly breakAnywhere?: boolean }
  | { readonly kind: "strong"; readonly children: readonly Inline[] }
  | { readonly kind: "link"; readonly anchor: string; readonly children: readonly Inline[] };

/** One paragraph (or one table cell) of running text. */
export type Paragraph = readonly Inline[];

export function text(value: string): Inline {
  return { kind: "text", text: value };
}

/** A wire value, key or pattern, shown exactly (see `displayValue`). */
export function code(value: string): Inline {
  return { kind: "code", text: displayValue(value) };
}

/**
 * A long code value without words, such as a regular expression: the HTML lets it break anywhere
 * rather than widen its table column.
 */
export function longCode(value: string): Inline {
  return { kind: "code", text: displayValue(value), breakAnywhere: true };
}

export function strong(...children: Inline[]): Inline {
  return { kind: "strong", children };
}

export function link(anchor: string, ...children: Inline[]): Inline {
  return { kind: "link", anchor, children };
}

/** Joins pieces with a separator, as in "`a`, `b` and `c`" without the "and". */
export function joined(items: readonly (readonly Inline[])[], separator: string): Inline[] {
  return items.flatMap((item, i) => (i === 0 ? [...item] : [text(separator), ...item]));
}

/**
 * Characters that cannot be seen or would change how the text around them is shown: control
 * characters, line and paragraph separators, byte order marks, zero-width spaces and bidirectional
 * overrides. The zero-width joiners that build emoji and scripts are left alone, as are the tag
 * characters of flag emoji.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const VISIBLE_FORMAT_CHARACTERS = /[\u200C\u200D\u{E0020}-\u{E007F}]/u;

function isInvisible(ch: string): boolean {
  return INVISIBLE.test(ch) && !VISIBLE_FORMAT_CHARACTERS.test(ch);
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t", '"': '\\"', "\\": "\\\\" };

/**
 * How a wire value is shown. A developer copies it from the docs, so what they see must be what
 * goes on the wire: a value that is empty, has spaces at its ends or holds invisible characters is
 * shown as a quoted JSON-style string literal with those characters escaped; any other value as is.
 */
export function displayValue(value: string): string {
  const needsQuoting = value === "" || value !== value.trim() || [...value].some(isInvisible);
  if (!needsQuoting) return value;
  const escaped = [...value]
    .map((ch) => SHORT_ESCAPES[ch] ?? (isInvisible(ch) ? unicodeEscape(ch) : ch))
    .join("");
  return `"${escaped}"`;
}

function unicodeEscape(ch: string): string {
  const point = ch.codePointAt(0) ?? 0;
  return point > 0xffff ? `\\u{${point.toString(16)}}` : `\\u${point.toString(16).padStart(4, "0")}`;
}

/**
 * Prose from the spec: paragraphs are separated by a blank line, any other run of white space
 * (line breaks included) is one space, and text between matching backtick runs is code, as in
 * CommonMark. Control characters other than white space become U+FFFD, as CommonMark does with NUL.
 */
export function descriptionParagraphs(description: string): Paragraph[] {
  return description
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g, "\uFFFD")
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => p !== "")
    .map(parseCodeSpans);
}

/** A description on one line, for a table cell: its paragraphs joined by a space. */
export function descriptionInline(description: string): Paragraph {
  return joined(descriptionParagraphs(description), " ");
}

/** A title or other short spec text on one line, without markup. */
export function plainLine(value: string): string {
  return value.replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g, "\uFFFD").replace(/\s+/g, " ").trim();
}

/** Splits one line of prose at backtick code spans: a run of N backticks up to the next run of exactly N. */
function parseCodeSpans(line: string): Inline[] {
  const pieces: Inline[] = [];
  let plain = "";
  let i = 0;
  while (i < line.length) {
    if (line[i] !== "`") {
      plain += line[i];
      i++;
      continue;
    }
    const run = /^`+/.exec(line.slice(i))![0];
    const close = findClosingRun(line, i + run.length, run.length);
    if (close === -1) {
      plain += run;
      i += run.length;
      continue;
    }
    if (plain !== "") pieces.push(text(plain));
    plain = "";
    pieces.push(code(stripOneSpace(line.slice(i + run.length, close))));
    i = close + run.length;
  }
  if (plain !== "") pieces.push(text(plain));
  return pieces;
}

function findClosingRun(line: string, from: number, length: number): number {
  const pattern = /`+/g;
  pattern.lastIndex = from;
  for (let m = pattern.exec(line); m !== null; m = pattern.exec(line)) {
    if (m[0].length === length) return m.index;
  }
  return -1;
}

/** CommonMark drops one space at each end of a code span when both ends have one. */
function stripOneSpace(content: string): string {
  return content.length >= 2 && content.startsWith(" ") && content.endsWith(" ") && content.trim() !== "" ? content.slice(1, -1) : content;
}

/** The text a reader sees, as used for heading anchors. */
export function plainText(pieces: readonly Inline[]): string {
  return pieces.map((p) => (p.kind === "text" || p.kind === "code" ? p.text : plainText(p.children))).join("");
}
