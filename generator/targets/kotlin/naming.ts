/**
 * Kotlin names and literals, in one place for all Kotlin output (the generated file and the test
 * harness that calls it): identifier casing, keywords, package names, string literals and KDoc.
 */
import { InputError } from "../../errors.js";
import type { Words } from "../../model.js";
import { camelCase, pascalCase, upperSnakeCase } from "../../naming/words.js";

/**
 * Hard keywords: never an identifier unless quoted in backticks. Soft and modifier keywords
 * (`value`, `data`, `field`, `by`, `init`, `where`, ...) are valid property names and stay bare.
 */
const HARD_KEYWORDS = new Set([
  "as", "break", "class", "continue", "do", "else", "false", "for", "fun", "if", "in", "interface",
  "is", "null", "object", "package", "return", "super", "this", "throw", "true", "try", "typealias",
  "typeof", "val", "var", "when", "while",
]);

/**
 * Type names that the generated file uses unqualified: a spec type of the same name would shadow
 * them in the whole package (a message named `String` would change every property's type).
 */
const SHADOWED_TYPES = new Set([
  "Any", "Array", "Boolean", "Char", "Enum", "Int", "JvmStatic", "Long", "Map", "Nothing", "String",
  "Suppress", "Unit", "Companion",
]);

/**
 * Kotlin identifiers take letters (Lu, Ll, Lt, Lm, Lo), decimal digits and `_`. Anything else a
 * spec word may hold (other number forms such as `²`) is spelt out by its code point, which keeps
 * distinct names distinct.
 */
function identifierChars(text: string): string {
  return Array.from(text)
    .map((ch) => (/^[\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}\p{Nd}_]$/u.test(ch) ? ch : `_u${ch.codePointAt(0)!.toString(16).toUpperCase()}`))
    .join("");
}

/** A leading digit is not allowed, and `_` alone is reserved. */
function identifierStart(text: string): string {
  return /^[\p{Nd}]/u.test(text) || /^_*$/.test(text) ? `_${text}` : text;
}

/** A class, enum or object name: `OperationInit`. Names of types the file relies on get a `_`. */
export function typeName(words: Words): string {
  const name = identifierStart(identifierChars(pascalCase(words)));
  return SHADOWED_TYPES.has(name) ? `${name}_` : name;
}

/** A property name: `operationId`; a hard keyword is quoted: `` `object` ``. */
export function propertyName(words: Words): string {
  return quoteKeyword(identifierStart(identifierChars(camelCase(words))));
}

/** A constant or enum entry name: `OPERATION_ID`. Upper case never meets a keyword. */
export function constantName(words: Words): string {
  return identifierStart(identifierChars(upperSnakeCase(words)));
}

/** The identifier without the backticks, for comparing names and for JVM names. */
export function bareName(identifier: string): string {
  return identifier.replace(/^`(.*)`$/, "$1");
}

function quoteKeyword(name: string): string {
  return HARD_KEYWORDS.has(name) ? `\`${name}\`` : name;
}

/**
 * The package clause's name: dot-separated identifiers, keywords quoted (`com.example.\`in\``).
 * It comes from the user's options, so a name that cannot be a package is refused, not mangled.
 */
export function packageName(name: string): string {
  const segments = name.split(".");
  for (const segment of segments) {
    if (!/^[\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}_][\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}\p{Nd}_]*$/u.test(segment) || /^_+$/.test(segment)) {
      throw InputError.at("options", "", `kotlinPackage ${JSON.stringify(name)} is not a Kotlin package name (dot-separated identifiers, such as com.example.push)`);
    }
  }
  return segments.map(quoteKeyword).join(".");
}

/**
 * A double-quoted Kotlin string literal. `$` would start a template, `\` and `"` end or bend the
 * literal; control characters, line and paragraph separators and lone surrogates are written as
 * `\uXXXX` so that the source stays plain, single-line text.
 */
export function stringLiteral(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    const code = value.charCodeAt(i);
    if (ch === "\\" || ch === '"' || ch === "$") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(value.charCodeAt(i + 1))) out += ch + value[++i]!;
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || (code >= 0xd800 && code <= 0xdfff)) {
      out += `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
    } else out += ch;
  }
  return `"${out}"`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Text that is safe inside a KDoc comment. Kotlin comments nest, so `/*` would open a comment that
 * swallows the rest of the file just as `*\/` would end one early: a backslash goes between the
 * two characters (Markdown shows it as the plain character). Control characters become visible
 * `\uXXXX` and every kind of line break becomes a newline.
 */
export function kdocText(text: string): string {
  return text
    .replace(/\r\n?|\u2028|\u2029/g, "\n")
    .replace(/\/(?=\*)|\*(?=\/)/g, (ch) => `${ch}\\`)
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}

/** KDoc lines are wrapped to stay within this many columns, indentation included. */
const KDOC_LINE_LENGTH = 100;

/**
 * A complete KDoc block at the given indentation, from paragraphs of plain text: each paragraph
 * is escaped, wrapped at spaces, and separated from the next by an empty comment line.
 */
export function kdoc(paragraphs: readonly string[], indent: string): string {
  const lines: string[] = [];
  for (const paragraph of paragraphs.map(kdocText).filter((p) => p.trim() !== "")) {
    if (lines.length > 0) lines.push("");
    for (const sourceLine of paragraph.split("\n")) lines.push(...wrap(sourceLine.trim(), KDOC_LINE_LENGTH - indent.length - 3));
  }
  const single = `${indent}/** ${lines[0] ?? ""} */`;
  if (lines.length === 1 && single.length <= KDOC_LINE_LENGTH) return single;
  return [`${indent}/**`, ...lines.map((l) => (l === "" ? `${indent} *` : `${indent} * ${l}`)), `${indent} */`].join("\n");
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/ +/)) {
    if (current !== "" && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current === "" ? word : `${current} ${word}`;
  }
  lines.push(current);
  return lines;
}

/** A `//` comment line's text: no line break may end it early. */
export function lineCommentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029\u0085]+/g, " ");
}
