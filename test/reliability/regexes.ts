/**
 * Finds the regular expressions in a spec and in generated code, so each can be checked for
 * catastrophic backtracking. An expression that cannot be read statically (built from a variable)
 * is reported as `dynamic`: a checker cannot vouch for what it cannot see.
 */
import { ts } from "ts-morph";

export interface FoundRegex {
  /** Where it was found: a JSON pointer or `file:line`. */
  readonly where: string;
  readonly source: string;
  readonly flags: string;
}

export interface RegexScan {
  readonly found: readonly FoundRegex[];
  /** Places that build a regular expression from something other than a literal. */
  readonly dynamic: readonly string[];
}

/** Keywords whose value is a map of schemas, a schema, or a list of schemas (draft 2020-12). */
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);
const SCHEMA_VALUES = new Set(["not", "if", "then", "else", "additionalProperties", "contains", "propertyNames", "unevaluatedProperties", "unevaluatedItems", "items"]);
const SCHEMA_LISTS = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);

/** Every `pattern` and `patternProperties` key of a JSON Schema, found by walking schema positions only. */
export function schemaPatterns(schema: unknown, pointer = ""): FoundRegex[] {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return [];
  const found: FoundRegex[] = [];
  const node = schema as Record<string, unknown>;
  const at = (...segments: string[]) => pointer + segments.map((s) => `/${s.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
  if (typeof node["pattern"] === "string") found.push({ where: at("pattern"), source: node["pattern"], flags: "u" });
  for (const [key, value] of Object.entries(node)) {
    if (SCHEMA_MAPS.has(key) && typeof value === "object" && value !== null) {
      for (const [name, sub] of Object.entries(value)) {
        if (key === "patternProperties") found.push({ where: at(key, name), source: name, flags: "u" });
        found.push(...schemaPatterns(sub, at(key, name)));
      }
    } else if (SCHEMA_VALUES.has(key)) {
      found.push(...schemaPatterns(value, at(key)));
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      value.forEach((sub, i) => found.push(...schemaPatterns(sub, at(key, String(i)))));
    }
  }
  return found;
}

/** Regex literals and `RegExp(...)` calls in TypeScript or JavaScript source. */
export function scriptRegexes(fileName: string, code: string): RegexScan {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const found: FoundRegex[] = [];
  const dynamic: string[] = [];
  const where = (node: ts.Node) => `${fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const text = node.text;
      const end = text.lastIndexOf("/");
      found.push({ where: where(node), source: text.slice(1, end), flags: text.slice(end + 1) });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === "RegExp") {
      const [pattern, flags] = node.arguments ?? [];
      if (pattern !== undefined && ts.isStringLiteralLike(pattern) && (flags === undefined || ts.isStringLiteralLike(flags))) {
        found.push({ where: where(node), source: pattern.text, flags: flags?.text ?? "" });
      } else {
        dynamic.push(where(node));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { found, dynamic };
}

/** `Regex("...")`, `"...".toRegex()` and `Pattern.compile("...")` in Kotlin source. */
export function kotlinRegexes(fileName: string, code: string): RegexScan {
  return scanCalls(fileName, code, [/\bRegex\(\s*/g, /\bPattern\.compile\(\s*/g], /(?=\.toRegex\(\))/g, readKotlinString);
}

/** `NSRegularExpression(pattern: "...")`, `Regex("...")` and `#/.../#` literals in Swift source. */
export function swiftRegexes(fileName: string, code: string): RegexScan {
  const scan = scanCalls(fileName, code, [/\bNSRegularExpression\(\s*pattern:\s*/g, /\bRegex\(\s*/g], null, readSwiftString);
  const found = [...scan.found];
  for (const m of code.matchAll(/#\/(.*?)\/#/g)) found.push({ where: `${fileName}:${lineOf(code, m.index)}`, source: m[1]!, flags: "" });
  if (/\.regularExpression\b/.test(code)) {
    return { found, dynamic: [...scan.dynamic, `${fileName}: .regularExpression search (check by hand)`] };
  }
  return { found, dynamic: scan.dynamic };
}

type StringReader = (code: string, start: number) => { value: string; end: number } | null;

function scanCalls(fileName: string, code: string, calls: readonly RegExp[], suffix: RegExp | null, read: StringReader): RegexScan {
  const found: FoundRegex[] = [];
  const dynamic: string[] = [];
  for (const call of calls) {
    for (const m of code.matchAll(call)) {
      const literal = read(code, m.index + m[0].length);
      const where = `${fileName}:${lineOf(code, m.index)}`;
      if (literal === null) dynamic.push(where);
      else found.push({ where, source: literal.value, flags: "" });
    }
  }
  if (suffix !== null) {
    for (const m of code.matchAll(suffix)) {
      const literal = readBackwards(code, m.index, read);
      const where = `${fileName}:${lineOf(code, m.index)}`;
      if (literal === null) dynamic.push(where);
      else found.push({ where, source: literal, flags: "" });
    }
  }
  return { found, dynamic };
}

/** The string literal that ends right before `end`: the first one on its line that does. */
function readBackwards(code: string, end: number, read: StringReader): string | null {
  for (let start = code.lastIndexOf("\n", end) + 1; start < end; start++) {
    if (code[start] !== '"') continue;
    const literal = read(code, start);
    if (literal !== null && literal.end === end) return literal.value;
  }
  return null;
}

function lineOf(code: string, index: number): number {
  return code.slice(0, index).split("\n").length;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", "0": "\0", "\\": "\\", '"': '"', "'": "'", $: "$" };

/** A Kotlin string literal without templates ("..." or """...""") at `start`, or null. */
export function readKotlinString(code: string, start: number): { value: string; end: number } | null {
  if (code.startsWith('"""', start)) {
    const close = code.indexOf('"""', start + 3);
    if (close === -1) return null;
    const body = code.slice(start + 3, close);
    // In a raw string `$` starts a template unless written as ${'$'}.
    const value = body.replace(/\$\{'\$'\}/g, "\u0000DOLLAR\u0000");
    if (/\$[\p{L}_{]/u.test(value)) return null;
    return { value: value.replace(/\u0000DOLLAR\u0000/g, "$"), end: close + 3 };
  }
  if (code[start] !== '"') return null;
  let value = "";
  for (let i = start + 1; i < code.length; i++) {
    const c = code[i]!;
    if (c === '"') return { value, end: i + 1 };
    if (c === "\n") return null;
    if (c === "$" && /[\p{L}_{]/u.test(code[i + 1] ?? "")) return null;
    if (c !== "\\") {
      value += c;
      continue;
    }
    const next = code[i + 1] ?? "";
    if (next === "u") {
      value += String.fromCharCode(parseInt(code.slice(i + 2, i + 6), 16));
      i += 5;
    } else if (next in SIMPLE_ESCAPES && next !== "0") {
      value += SIMPLE_ESCAPES[next];
      i += 1;
    } else {
      return null;
    }
  }
  return null;
}

/** A Swift string literal without interpolation ("..." or #"..."#) at `start`, or null. */
export function readSwiftString(code: string, start: number): { value: string; end: number } | null {
  let hashes = 0;
  while (code[start + hashes] === "#") hashes++;
  const quote = start + hashes;
  if (code[quote] !== '"' || code.startsWith('"""', quote)) return null;
  const closing = '"' + "#".repeat(hashes);
  const escape = "\\" + "#".repeat(hashes);
  let value = "";
  for (let i = quote + 1; i < code.length; i++) {
    if (code.startsWith(closing, i)) return { value, end: i + closing.length };
    if (code[i] === "\n") return null;
    if (!code.startsWith(escape, i)) {
      value += code[i];
      continue;
    }
    const j = i + escape.length;
    const next = code[j] ?? "";
    if (next === "u" && code[j + 1] === "{") {
      const close = code.indexOf("}", j);
      value += String.fromCodePoint(parseInt(code.slice(j + 2, close), 16));
      i = close;
    } else if (next in SIMPLE_ESCAPES && next !== "$" && next !== "b") {
      value += SIMPLE_ESCAPES[next];
      i = j;
    } else {
      return null; // interpolation \( or an unknown escape
    }
  }
  return null;
}
