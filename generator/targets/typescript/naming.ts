/**
 * TypeScript names and literals, in one place for every TypeScript output (types, constants,
 * guards, parser, validators): identifier casing, reserved words, string literals and doc comments.
 */
import type { Words } from "../../model.js";
import { camelCase, pascalCase } from "../../naming/words.js";

/** Reserved words and names that would shadow globals the generated code relies on. */
const RESERVED = new Set([
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
  "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in",
  "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try",
  "typeof", "var", "void", "while", "with", "implements", "interface", "let", "package", "private",
  "protected", "public", "static", "yield", "await", "any", "boolean", "never", "number", "object",
  "string", "symbol", "undefined", "unknown", "bigint", "type", "Object", "String", "Array",
  "Record", "Error", "Symbol", "Number", "Boolean", "Function", "JSON", "Map", "Set", "Promise",
  "constructor", "prototype", "__proto__", "arguments", "eval",
]);

/** Makes an identifier safe: a leading digit gets a `_`, a reserved word a trailing `_`. */
function safe(identifier: string): string {
  const base = identifier === "" ? "_" : identifier;
  const start = /^[\p{L}_$]/u.test(base) ? base : `_${base}`;
  return RESERVED.has(start) ? `${start}_` : start;
}

/** A type, interface or const-object name: `OperationInit`. */
export function typeName(words: Words): string {
  return safe(pascalCase(words));
}

/** A function or variable name: `parsePushExtras`, `isOperationInit`. */
export function valueName(words: Words): string {
  return safe(camelCase(words));
}

/** A property name: bare when it is an identifier, quoted otherwise (`"mtoken.result"`). */
export function propertyName(key: string): string {
  return /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(key) && key !== "__proto__" ? key : stringLiteral(key);
}

/** A double-quoted string literal; JSON escaping covers quotes, backslashes, controls and U+2028/9. */
export function stringLiteral(value: string): string {
  return JSON.stringify(value).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** Text for a JSDoc comment: `*\/` cannot end it early, and each line stays a comment line. */
export function docText(text: string): string {
  return text.replace(/\*\//g, "*\\/").replace(/\r\n?|\u2028|\u2029/g, "\n");
}
