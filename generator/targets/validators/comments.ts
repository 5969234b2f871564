/**
 * Comments of the generated JavaScript and declarations, with their text escaped by the TypeScript
 * naming module so that `*\/` in a spec description cannot end a comment early.
 */
import { docText } from "../typescript/naming.js";

/** A `/* ... *\/` block of the given text, for file headers. */
export function blockComment(text: string): string {
  return `/*\n${commentLines(text, "")}\n */`;
}

/** A JSDoc comment of the given text, every line indented by `indent`. */
export function jsDoc(text: string, indent: string): string {
  return `${indent}/**\n${commentLines(text, indent)}\n${indent} */`;
}

function commentLines(text: string, indent: string): string {
  return docText(text.trim())
    .split("\n")
    .map((line) => (line.trim() === "" ? `${indent} *` : `${indent} * ${line}`))
    .join("\n");
}
