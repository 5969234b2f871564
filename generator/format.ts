/**
 * Stage 5: the last touch every file gets, so that output is byte-stable whatever a target or
 * template left behind: Unix line endings, no trailing spaces, exactly one final newline.
 */
import type { OutputFile } from "./model.js";

export function format(file: OutputFile): OutputFile {
  const contents = file.contents
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n*$/, "\n");
  return { path: file.path, contents };
}
