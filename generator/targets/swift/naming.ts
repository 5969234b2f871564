/**
 * Swift names and literals, in one place for everything the Swift target and its test harness
 * print: identifier casing, keyword escaping, string literals and documentation comments.
 */
import type { Words } from "../../model.js";
import { camelCase, pascalCase } from "../../naming/words.js";

/**
 * Words that must be written in backticks to serve as a name: the reserved keywords of Swift 6,
 * plus contextual keywords and special names (`Type`, `Protocol`, `Self`, `self`, `init`) that
 * mean something else in some positions. Escaping a contextual keyword that would have worked
 * bare costs nothing, so the list errs on the side of escaping.
 */
const KEYWORDS = new Set([
  // declarations
  "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate",
  "func", "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "package",
  "precedencegroup", "private", "protocol", "public", "rethrows", "static", "struct", "subscript",
  "typealias", "var", "actor", "macro",
  // statements
  "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for",
  "guard", "if", "in", "repeat", "return", "switch", "throw", "where", "while",
  // expressions and types
  "Any", "Self", "Type", "Protocol", "any", "as", "await", "catch", "false", "is", "nil", "rethrows",
  "self", "some", "super", "throw", "throws", "true", "try", "async", "consume", "copy", "discard", "each",
  // contextual keywords
  "associativity", "convenience", "didSet", "dynamic", "final", "get", "indirect", "infix", "lazy",
  "left", "mutating", "none", "nonmutating", "optional", "override", "postfix", "precedence",
  "prefix", "required", "right", "set", "unowned", "weak", "willSet",
]);

/**
 * Type names the generated Swift relies on. A spec type with one of these names would shadow the
 * standard one in the whole module; that is a clash, not something to escape.
 */
export const SHADOWED_TYPE_NAMES: readonly string[] = [
  "Swift", "Foundation", "String", "Substring", "Character", "Any", "AnyHashable", "AnyObject",
  "Sendable", "Hashable", "Equatable", "CaseIterable", "RawRepresentable", "Error", "Never",
  "Optional", "Bool", "Int", "Dictionary", "Array", "Set", "Result", "Void",
];

/** Prefixes a name that starts with a digit, which Swift does not allow. */
function startLetter(identifier: string): string {
  return /^\p{N}/u.test(identifier) ? `_${identifier}` : identifier;
}

/** Writes a name in backticks when it is a keyword, as it must be wherever it is declared or used. */
export function escapeKeyword(identifier: string): string {
  return KEYWORDS.has(identifier) ? `\`${identifier}\`` : identifier;
}

/** A type name in UpperCamelCase, with the user's prefix: `OrderShipped`, `PEOrderShipped`. */
export function typeName(words: Words, prefix: string): string {
  return escapeKeyword(startLetter(prefix + pascalCase(words)));
}

/** A type name that is fixed by the generated API rather than derived from the spec. */
export function fixedTypeName(name: string, prefix: string): string {
  return escapeKeyword(prefix + name);
}

/** An enum case, property or constant name in lowerCamelCase: `orderShipped`, `` `default` ``. */
export function memberName(words: Words): string {
  return escapeKeyword(startLetter(camelCase(words)));
}

/** The bare identifier behind a possibly backticked name, for comparing names. */
export function bareName(identifier: string): string {
  return identifier.replace(/^`(.*)`$/, "$1");
}

/**
 * A label in a call's argument list. Swift accepts every keyword there except `inout`, `var` and
 * `let` bare, and warns about needless backticks, which `-warnings-as-errors` turns into errors.
 */
export function argumentLabel(member: string): string {
  const bare = bareName(member);
  return bare === "inout" || bare === "var" || bare === "let" ? member : bare;
}

/**
 * The local name of an initializer parameter. A parameter called `self` would hide `self` in the
 * initializer body, so it gets a name no spec word can produce (words never contain `_`).
 */
export function parameterLocalName(member: string): string {
  return bareName(member) === "self" ? "self_" : member;
}

/**
 * Checks the user's type prefix: it becomes the start of every type name, so it must be letters,
 * digits and underscores, not starting with a digit.
 */
export function checkTypePrefix(prefix: string): string | null {
  return /^(?:[\p{L}_][\p{L}\p{N}_]*)?$/u.test(prefix) ? null : `the Swift type prefix ${JSON.stringify(prefix)} is not the start of a Swift identifier`;
}

/**
 * A double-quoted Swift string literal. A backslash is doubled, so `\(` can never start an
 * interpolation; quotes, control characters, line and paragraph separators, format characters
 * (such as a right-to-left override) and combining marks are written as `\u{...}`, so the source
 * stays plain and a mark can never fuse with the surrounding quotes. Lone UTF-16 surrogates have no
 * Swift representation and are refused.
 */
export function stringLiteral(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      throw new Error(`the string ${JSON.stringify(value)} holds a lone UTF-16 surrogate, which a Swift string cannot hold`);
    }
    if (char === "\\") out += "\\\\";
    else if (char === '"') out += '\\"';
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    else if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{M}\p{Co}\p{Cn}]/u.test(char)) out += `\\u{${code.toString(16).toUpperCase()}}`;
    else out += char;
  }
  return out + '"';
}

/**
 * A documentation comment of `///` lines (or plain `//` lines, with that marker) at the given
 * indentation. Line comments end only at a
 * line break, so `*\/` and `/*` inside a description are plain text; every kind of line break
 * (CR, CRLF, U+0085, U+2028, U+2029) starts a new `///` line, and other control and format
 * characters (NUL makes swiftc warn, an override reorders what the reader sees) become spaces,
 * except the zero-width joiners that emoji and some scripts need.
 * Lone surrogates, which cannot be written as UTF-8, become U+FFFD.
 */
export function docComment(text: string, indent: string, marker = "///"): string {
  const lines = text
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, "\n")
    .replace(/[\p{Cc}\p{Cf}]/gu, (c) => (c === "\n" || c === "\u200C" || c === "\u200D" ? c : " "))
    .replace(/\p{Cs}/gu, "\uFFFD")
    .split("\n");
  while (lines.length > 1 && lines[lines.length - 1]!.trim() === "") lines.pop();
  return lines.map((line) => `${indent}${marker}${line.trim() === "" ? "" : ` ${line.trimEnd()}`}`).join("\n");
}

/** Several paragraphs as one documentation comment, skipping empty ones. */
export function docParagraphs(paragraphs: readonly string[], indent: string): string {
  return docComment(paragraphs.filter((p) => p.trim() !== "").join("\n\n"), indent);
}
