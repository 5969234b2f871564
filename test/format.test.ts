/**
 * The format stage: Unix line endings, no blanks at line ends, one final newline, in time linear
 * in the text. It replaced three regular expressions, two of which took quadratic time on long
 * runs of blanks or line breaks; on short texts, where they are quick, both must agree.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { format } from "../generator/format.js";

/** The regular expressions format.ts replaced, as the reference of what it must do. */
function byRegularExpressions(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/[ \t]+$/gm, "").replace(/\n*$/, "\n");
}

const formatted = (text: string) => format({ path: "f.txt", contents: text }).contents;

describe("format", () => {
  it("gives what the regular expressions gave, on texts made of blanks, line breaks and letters", () => {
    const piece = fc.constantFrom(" ", "\t", "\n", "\r", "\r\n", "a", "é", "\u2028", "\u2029", "  \n", "\n\n");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join("")), (text) => {
        expect(formatted(text)).toBe(byRegularExpressions(text));
      }),
      { numRuns: 20_000, seed: 20261204 },
    );
  });

  it("leaves a formatted text as it is", () => {
    const text = "line one\n  indented\n\nlast\n";
    expect(formatted(text)).toBe(text);
    expect(formatted("")).toBe("\n");
  });

  it("formats runs of a hundred thousand blanks and line breaks that end neither a line nor the text", () => {
    const run = 100_000;
    const text = `a${" ".repeat(run)}b${"\t".repeat(run)}\n${"\n".repeat(run)}c \r\n`;
    expect(formatted(text)).toBe(`a${" ".repeat(run)}b\n${"\n".repeat(run)}c\n`);
  });
});
