/**
 * Markdown escaping, in one place. Text from the spec is shown literally: every character that
 * CommonMark, GitHub tables, GitHub autolinks or math could read as markup is backslash-escaped,
 * code spans pick a fence that their content cannot close, and running text is wrapped at 80
 * columns without ever letting a line start look like a list, a heading or a code fence. Nothing a
 * description holds can end a table cell, open an HTML tag or start a new block.
 */
import { fragmentOf } from "./anchors.js";
import type { Inline } from "./inline.js";

/** Characters that mean something inline: emphasis, code, links, HTML, entities, table cells, strikethrough, math, headings, mentions. */
const INLINE_MARKUP = /[\\`*_[\]<>&|~$#@]/g;

export function escapeMarkdownText(value: string): string {
  return (
    value
      .replace(INLINE_MARKUP, "\\$&")
      // GitHub turns `https://...` and `www....` into links; an escaped character in between stops it.
      .replace(/:(?=\/\/)/g, "\\:")
      .replace(/(www)\./gi, "$1\\.")
  );
}

/**
 * A code span. Its content is literal (no escapes work inside), so the fence is one backtick more
 * than any run inside, which GitHub's table cells cannot take for more than one backtick in a row.
 * Content that a code span cannot carry exactly is shown as escaped text instead: a run of two
 * backticks, and in a table cell a backslash before a pipe (the table reads `\|` as an escaped pipe).
 */
export function markdownCodeSpan(value: string, inTableCell: boolean): string {
  if (value.includes("``") || (inTableCell && value.includes("\\|"))) return escapeMarkdownText(value);
  const content = inTableCell ? value.replace(/\|/g, "\\|") : value;
  const fence = value.includes("`") ? "``" : "`";
  const padding = content.startsWith("`") || content.endsWith("`") ? " " : "";
  return `${fence}${padding}${content}${padding}${fence}`;
}

/** A fenced code block whose fence no line of the content can close. */
export function markdownCodeBlock(content: string, language: string): string {
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${content}\n${fence}`;
}

/** Running text on one line: a table cell or a heading. */
export function markdownLine(pieces: readonly Inline[], inTableCell: boolean): string {
  return tokensOf(pieces, inTableCell)
    .map((t, i) => (i > 0 && t.spaceBefore ? ` ${t.text}` : t.text))
    .join("");
}

/**
 * A paragraph wrapped at `width` columns. `firstPrefix` starts the first line (such as "- " for a
 * list item) and `restPrefix` the others (the list item's indentation).
 */
export function markdownParagraph(pieces: readonly Inline[], width: number, firstPrefix = "", restPrefix = ""): string {
  const lines: string[] = [];
  let line = "";
  for (const token of tokensOf(pieces, false)) {
    const prefix = lines.length === 0 ? firstPrefix : restPrefix;
    if (line === "") {
      line = protectLineStart(token.text);
    } else if (token.spaceBefore && prefix.length + line.length + 1 + token.text.length > width) {
      lines.push(prefix + line);
      line = protectLineStart(token.text);
    } else {
      line = `${line}${token.spaceBefore ? " " : ""}${token.text}`;
    }
  }
  if (line !== "") lines.push((lines.length === 0 ? firstPrefix : restPrefix) + line);
  return lines.join("\n");
}

/**
 * Characters that are plain inside a line but start a block at the beginning of one: a list
 * bullet, a numbered item, a setext heading underline. Everything else that could is escaped anyway.
 */
function protectLineStart(line: string): string {
  if (/^[-+=]/.test(line)) return `\\${line}`;
  const numbered = /^(\d+)([.)])/.exec(line);
  return numbered ? `${numbered[1]}\\${line.slice(numbered[1]!.length)}` : line;
}

interface Token {
  readonly text: string;
  /** Whether a space (a place the line may break) comes before this token. */
  readonly spaceBefore: boolean;
}

/** Splits running text into words that keep their markup whole; a line may break only between them. */
function tokensOf(pieces: readonly Inline[], inTableCell: boolean): Token[] {
  const tokens: { text: string; spaceBefore: boolean }[] = [];
  let pendingSpace = false;
  const space = () => {
    pendingSpace = tokens.length > 0;
  };
  const append = (value: string) => {
    if (value === "") return;
    const last = tokens[tokens.length - 1];
    if (last === undefined || pendingSpace) tokens.push({ text: value, spaceBefore: pendingSpace });
    else last.text += value;
    pendingSpace = false;
  };
  const render = (piece: Inline): void => {
    switch (piece.kind) {
      case "text":
        piece.text.split(" ").forEach((word, i) => {
          if (i > 0) space();
          append(escapeMarkdownText(word));
        });
        return;
      case "code":
        append(markdownCodeSpan(piece.text, inTableCell));
        return;
      case "strong":
        append("**");
        piece.children.forEach(render);
        pendingSpace = false;
        append("**");
        return;
      case "link":
        append("[");
        piece.children.forEach(render);
        pendingSpace = false;
        append(`](${fragmentOf(piece.anchor)})`);
        return;
    }
  };
  pieces.forEach(render);
  return tokens;
}
