/**
 * The Kotlin naming and escaping module, and the name clashes the Kotlin target must refuse.
 * These run without a compiler; test/kotlin.test.ts compiles what they promise.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../generator/errors.js";
import { NameClashError } from "../generator/naming/words.js";
import { generate } from "../generator/pipeline.js";
import { constantName, kdoc, kdocText, packageName, propertyName, stringLiteral, typeName } from "../generator/targets/kotlin/naming.js";

/** Reads a Kotlin string literal back, for the escapes that stringLiteral writes. */
function readKotlinLiteral(literal: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
  const body = literal.slice(1, -1);
  expect(body).not.toMatch(/(^|[^\\])(\\\\)*["$]/);
  return body.replace(/\\(u[0-9A-F]{4}|.)/g, (_, e: string) =>
    e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : ({ n: "\n", r: "\r", t: "\t" } as Record<string, string>)[e] ?? e,
  );
}

describe("kotlin naming", () => {
  it.each([
    [["operation", "init"], "OperationInit"],
    [["string"], "String_"],
    [["companion"], "Companion_"],
    [["object"], "Object"],
    [["2", "fa"], "_2Fa"],
    [["x²"], "X_uB2"],
  ])("type name of %j is %s", (words, want) => expect(typeName(words)).toBe(want));

  it.each([
    [["operation", "id"], "operationId"],
    [["object"], "`object`"],
    [["when"], "`when`"],
    [["in"], "`in`"],
    [["typeof"], "`typeof`"],
    [["value"], "value"],
    [["data"], "data"],
    [["field"], "field"],
    [["2", "fa"], "_2Fa"],
  ])("property name of %j is %s", (words, want) => expect(propertyName(words)).toBe(want));

  it.each([
    [["operation", "method", "not", "available"], "OPERATION_METHOD_NOT_AVAILABLE"],
    [["2", "fa"], "_2_FA"],
    [["in"], "IN"],
  ])("constant name of %j is %s", (words, want) => expect(constantName(words)).toBe(want));

  it("quotes keyword segments of the package and refuses what cannot be a package", () => {
    expect(packageName("com.example.in.push")).toBe("com.example.`in`.push");
    expect(packageName("com.pushextras")).toBe("com.pushextras");
    for (const bad of ["", "com..example", "com.example.", "1com", "com.ex-ample", "com.`in`", "_"]) {
      expect(() => packageName(bad), bad).toThrow(InputError);
    }
  });

  it.each([
    ["plain", '"plain"'],
    ["$price", '"\\$price"'],
    ["${x}", '"\\${x}"'],
    ['say "hi"', '"say \\"hi\\""'],
    ["back\\slash", '"back\\\\slash"'],
    ["nul\u0000tab\tline\n", '"nul\\u0000tab\\tline\\n"'],
    ["sep\u2028", '"sep\\u2028"'],
    ["emoji 🎉", '"emoji 🎉"'],
    ["lone \ud800", '"lone \\uD800"'],
  ])("string literal of %j is %s", (value, want) => expect(stringLiteral(value)).toBe(want));

  it("writes every string as a literal that reads back as itself", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (value) => {
        const literal = stringLiteral(value);
        expect(literal).not.toMatch(/[\n\r\u2028\u2029]/);
        expect(readKotlinLiteral(literal)).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps comment delimiters out of KDoc text, nested ones included", () => {
    expect(kdocText("a */ b /* c /*/ d **/ e")).toBe("a *\\/ b /\\* c /\\*\\/ d **\\/ e");
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom("*", "/", " ", "a", "\n", "\r", "\u2028") })), (paragraphs) => {
        const block = kdoc(paragraphs, "    ");
        const inside = block.replace(/^ *\/\*\*/, "").replace(/\*\/$/, "");
        expect(inside).not.toContain("*/");
        expect(inside).not.toContain("/*");
        for (const line of block.split("\n").slice(1)) expect(line).toMatch(/^ {4} \*/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("kotlin name clashes", () => {
  it("refuses two enum values that map to one entry", async () => {
    const clash = generate({ specPath: "test/fixtures/name-collision/push-extras.schema.json", targets: ["kotlin"] });
    await expect(clash).rejects.toThrow(NameClashError);
    await expect(clash).rejects.toThrow(/"operation\.timeout".*"operation-timeout".*OPERATION_TIMEOUT/);
  });

  it("refuses a message named like a type the generator declares", async () => {
    const clash = generate({ specPath: "test/kotlin/fixtures/generated-name-clash/push-extras.schema.json", targets: ["kotlin"] });
    await expect(clash).rejects.toThrow(NameClashError);
    await expect(clash).rejects.toThrow(/generated type Received and message "mtoken\.inboxMessage\.new"/);
  });

  it("refuses two keys that map to one constant (and one property)", async () => {
    const clash = generate({ specPath: "test/kotlin/fixtures/property-clash/push-extras.schema.json", targets: ["kotlin"] });
    await expect(clash).rejects.toThrow(NameClashError);
    await expect(clash).rejects.toThrow(/key constants: key "inboxId" and key "inbox_id" both map to the identifier INBOX_ID/);
  });
});
