/**
 * Stage 5: the last touch every file gets, so that output is byte-stable whatever a target or
 * template left behind: Unix line endings, no trailing blanks, exactly one final newline.
 *
 * Written as loops, not as `/[ \t]+$/gm` and `/\n*$/`: on a long run of blanks or line breaks that
 * does not end the text (a spec's description can hold one) those take time quadratic in the run,
 * seconds for a description of a few ten thousand characters. A line ends where JavaScript's `$`
 * says it does, so at U+2028 and U+2029 too, which keeps the output what those expressions made.
 */
import type { OutputFile } from "./model.js";

export function format(file: OutputFile): OutputFile {
  let text = file.contents.replace(/\r\n?/g, "\n");
  // Most files have no blank at a line end: one scan tells, and spares them the split.
  if (/[ \t](?:[\n\u2028\u2029]|$)/.test(text)) {
    // Lines at even indices, each followed by the character that ended it.
    const parts = text.split(/([\n\u2028\u2029])/);
    for (let i = 0; i < parts.length; i += 2) parts[i] = withoutTrailingBlanks(parts[i]!);
    text = parts.join("");
  }
  let end = text.length;
  while (end > 0 && text[end - 1] === "\n") end--;
  return { path: file.path, contents: `${text.slice(0, end)}\n` };
}

function withoutTrailingBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === " " || line[end - 1] === "\t")) end--;
  return end === line.length ? line : line.slice(0, end);
}
