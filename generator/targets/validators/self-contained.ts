/**
 * Makes AJV's standalone output a module that needs nothing at run time, and nothing it does not use.
 *
 * AJV's ESM output still reaches for its runtime helpers with `require("ajv/dist/runtime/...")`
 * (the code-point counter of `minLength`, deep equality, formats), which throws in a real ES
 * module. The counter is small and self-contained, so its source is copied in; any other helper
 * fails the generation, because shipping a module that breaks when loaded is worse.
 *
 * AJV also declares every schema object its compiled code could refer to (one per inlined
 * `$ref`), whether the code refers to it or not; the unused ones are dropped.
 */
import { createRequire } from "node:module";

// Loaded with `require` so that every loader (Node, tsx, vitest) gives the same CommonJS exports.
const ucs2length = (createRequire(import.meta.url)("ajv/dist/runtime/ucs2length.js") as { default: (text: string) => number }).default;

/** The source of AJV's code-point counter, for code that must count string lengths as AJV does. */
export const CODE_POINT_COUNTER_SOURCE = ucs2length.toString();

/** Runtime helpers whose source can be copied into the module, by AJV's module path. */
const INLINABLE_HELPERS: ReadonlyMap<string, string> = new Map([["ajv/dist/runtime/ucs2length", CODE_POINT_COUNTER_SOURCE]]);

/** AJV's code, made self-contained: strict-mode prologue, unused schema copies and helper imports gone. */
export function selfContained(ajvCode: string): string {
  // An ES module is strict already.
  const code = ajvCode.replace(/^"use strict";\n?/, "");
  return withoutUnusedSchemaConstants(withInlinedHelpers(code));
}

function withInlinedHelpers(code: string): string {
  return code.replace(/require\("([^"]+)"\)\.default/g, (call, path: string) => {
    const source = INLINABLE_HELPERS.get(path);
    return source === undefined ? call : `(${source})`;
  });
}

/**
 * AJV prints each module-scope value on a line of its own (`code.lines`), and a schema object as
 * JSON, which holds no line break; a `schemaN` constant named only where it is declared is unused.
 */
function withoutUnusedSchemaConstants(code: string): string {
  const mentions = new Map<string, number>();
  for (const [name] of code.matchAll(/\bschema\d+\b/g)) mentions.set(name, (mentions.get(name) ?? 0) + 1);
  return code
    .split("\n")
    .filter((line) => {
      const declared = /^const (schema\d+) = /.exec(line)?.[1];
      return declared === undefined || (mentions.get(declared) ?? 0) > 1;
    })
    .join("\n");
}

/**
 * Fails when the module would load anything at run time: a `require(...)`, an `import` or an
 * `export ... from`, outside strings and comments. The generated code holds no regular expression
 * literals (AJV writes `new RegExp("...")`), so strings and comments are all this scan needs to
 * tell apart.
 */
export function assertImportsNothing(path: string, code: string): void {
  // Statement by statement, so that no expression scans past a `;` (one that did took time
  // quadratic in the number of `export`s).
  for (const statement of codeOutsideStringsAndComments(code).split(";")) {
    const exported = statement.search(/\bexport\b/);
    const found = /\brequire\s*\(|\bimport\b/.exec(statement)?.[0] ?? (exported === -1 ? undefined : /\bfrom\s*["'`]/.exec(statement.slice(exported))?.[0]);
    if (found !== undefined) {
      throw new Error(`internal: ${path} would load other modules at run time (${JSON.stringify(found)}); it must be self-contained`);
    }
  }
}

/** The code with every string literal emptied and every comment removed. */
export function codeOutsideStringsAndComments(code: string): string {
  let result = "";
  let i = 0;
  while (i < code.length) {
    const char = code[i]!;
    const next = code[i + 1];
    if (char === "/" && next === "/") {
      while (i < code.length && code[i] !== "\n") i++;
    } else if (char === "/" && next === "*") {
      const end = code.indexOf("*/", i + 2);
      i = end === -1 ? code.length : end + 2;
    } else if (char === '"' || char === "'" || char === "`") {
      i++;
      while (i < code.length && code[i] !== char) i += code[i] === "\\" ? 2 : 1;
      i++;
      result += char + char;
    } else {
      result += char;
      i++;
    }
  }
  return result;
}
