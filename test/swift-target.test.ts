/**
 * The Swift target without a compiler: its output against the committed generated/swift and, for
 * other options, against golden files; naming and escaping, name clashes, options, and that the
 * generator holds no name of the contract. Compiling and running the output is in
 * swift-compile.test.ts and swift-conformance.test.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../generator/errors.js";
import { NameClashError } from "../generator/naming/words.js";
import { generate } from "../generator/pipeline.js";
import { SWIFT_FILE } from "../generator/targets/swift/index.js";
import { argumentLabel, docComment, memberName, stringLiteral, typeName } from "../generator/targets/swift/naming.js";
import { expectMatchesCommitted, expectMatchesGoldenFile } from "./golden.js";
import { GOLDEN_CASES, GOLDEN_DIR, PROJECT_SPEC } from "./swift/golden.js";

const FIXTURES = join(import.meta.dirname, "fixtures");
const SWIFT_FIXTURES = join(import.meta.dirname, "swift", "fixtures");

async function swiftOf(specPath: string, options = {}): Promise<string> {
  const { files } = await generate({ specPath, targets: ["swift"], options });
  return files.find((f) => f.path === SWIFT_FILE)!.contents;
}

describe("Swift golden files", () => {
  it("the output for the default options matches the committed generated/swift", async () => {
    expectMatchesCommitted(SWIFT_FILE, await swiftOf(PROJECT_SPEC));
  });

  for (const golden of GOLDEN_CASES) {
    it(`${golden.file} matches the output for ${JSON.stringify(golden.options)}`, async () => {
      expectMatchesGoldenFile(join(GOLDEN_DIR, golden.file), await swiftOf(PROJECT_SPEC, golden.options));
    });
  }

  it("is deterministic", async () => {
    expect(await swiftOf(PROJECT_SPEC)).toBe(await swiftOf(PROJECT_SPEC));
  });

  it("applies the access level and the type prefix to every declaration", async () => {
    const swift = await swiftOf(PROJECT_SPEC, { swiftAccess: "internal", swiftTypePrefix: "PE" });
    const code = swift.split("\n").filter((line) => !line.trimStart().startsWith("//")).join("\n");
    expect(code).not.toMatch(/\bpublic\b/);
    const declared = [...swift.matchAll(/^(?:internal |fileprivate )?(?:final )?(?:enum|struct|class) (\w+)/gm)].map((m) => m[1]!);
    expect(declared.length).toBeGreaterThan(5);
    for (const name of declared) expect(name).toMatch(/^PE/);
    const topLevel = [...swift.matchAll(/^(\w+ )*(enum|struct|class) /gm)].map((m) => m[0]);
    for (const declaration of topLevel) expect(declaration).toMatch(/^(internal|fileprivate) /);
  });
});

describe("Swift naming and escaping", () => {
  it.each([
    ["plain", '"plain"'],
    ['a "quoted" word', '"a \\"quoted\\" word"'],
    ["back\\slash", '"back\\\\slash"'],
    ["\\(interpolation)", '"\\\\(interpolation)"'],
    ['"""', '"\\"\\"\\""'],
    ["line\nbreak\r\ttab", '"line\\nbreak\\r\\ttab"'],
    ["nul\u0000bell\u0007", '"nul\\u{0}bell\\u{7}"'],
    ["sep\u2028par\u2029", '"sep\\u{2028}par\\u{2029}"'],
    ["rtl\u202Eoverride", '"rtl\\u{202E}override"'],
    ["e\u0301", '"e\\u{301}"'],
    ["žluťoučký 日本 💳", '"žluťoučký 日本 💳"'],
    ["*/ /* $x ${y}", '"*/ /* $x ${y}"'],
  ])("string literal of %j is %s", (value, literal) => {
    expect(stringLiteral(value)).toBe(literal);
  });

  it("refuses a lone surrogate in a string literal", () => {
    expect(() => stringLiteral("a\uD800b")).toThrow(/surrogate/);
  });

  it("keeps doc comments inside their lines whatever the text", () => {
    const doc = docComment("ends */ here /* nested\r\nnext\u2028line\u0000nul\u202Erlo", "    ");
    expect(doc.split("\n")).toEqual(["    /// ends */ here /* nested", "    /// next", "    /// line nul rlo"]);
  });

  it.each([
    [["default"], "`default`"],
    [["class"], "`class`"],
    [["self"], "`self`"],
    [["init"], "`init`"],
    [["protocol"], "`protocol`"],
    [["type"], "type"],
    [["operation", "init"], "operationInit"],
    [["3ds"], "_3ds"],
  ])("member name of %j is %s", (words, name) => {
    expect(memberName(words)).toBe(name);
  });

  it.each([
    [["type"], "", "`Type`"],
    [["self"], "", "`Self`"],
    [["protocol"], "", "`Protocol`"],
    [["any"], "", "`Any`"],
    [["type"], "PE", "PEType"],
    [["operation", "result"], "", "OperationResult"],
  ])("type name of %j with prefix %j is %s", (words, prefix, name) => {
    expect(typeName(words, prefix)).toBe(name);
  });

  it("writes argument labels bare except where Swift requires backticks", () => {
    expect(argumentLabel("`default`")).toBe("default");
    expect(argumentLabel("`in`")).toBe("in");
    expect(argumentLabel("`inout`")).toBe("`inout`");
  });
});

describe("Swift name clashes and options", () => {
  it("refuses two enum values that map to one case, naming both", async () => {
    await expect(swiftOf(join(FIXTURES, "name-collision", "push-extras.schema.json"))).rejects.toThrow(
      expect.objectContaining({ name: NameClashError.name, message: expect.stringMatching(/operation\.timeout.*operation-timeout/) }),
    );
  });

  it("refuses a type that would shadow a standard Swift type, and accepts it with a prefix", async () => {
    const spec = join(SWIFT_FIXTURES, "shadows-standard-type", "push-extras.schema.json");
    await expect(swiftOf(spec)).rejects.toThrow(expect.objectContaining({ name: NameClashError.name, message: expect.stringMatching(/standard type String/) }));
    expect(await swiftOf(spec, { swiftTypePrefix: "PE" })).toMatch(/public struct PEString: Sendable, Hashable/);
  });

  it("avoids members Swift or the file already declares instead of refusing them", async () => {
    const swift = await swiftOf(join(SWIFT_FIXTURES, "swift-member-names", "push-extras.schema.json"));
    expect(swift).toMatch(/case unknown_\(Unknown\)/);
    expect(swift).toMatch(/case unknown\(messageType: String\)/);
    expect(swift).toMatch(/case parse_\(Parse\)/);
    expect(swift).toMatch(/public let hashValue_: String/);
    expect(swift).toMatch(/case allCases_ = "allCases"/);
    expect(swift).toMatch(/case `protocol`\(`Protocol`\)/);
  });

  it("refuses a type prefix that cannot start a Swift identifier", async () => {
    await expect(swiftOf(PROJECT_SPEC, { swiftTypePrefix: "9x" })).rejects.toThrow(InputError);
    await expect(swiftOf(PROJECT_SPEC, { swiftTypePrefix: "P-E" })).rejects.toThrow(InputError);
  });
});

describe("Swift generator sources", () => {
  it("hold no message type, key or enumeration value of the contract", () => {
    const spec = JSON.parse(readFileSync(PROJECT_SPEC, "utf8")) as { $defs: Record<string, unknown> };
    const contractNames = new Set<string>();
    JSON.stringify(spec, (key, value: unknown) => {
      if (key === "const" && typeof value === "string") contractNames.add(value);
      if (key === "enum" && Array.isArray(value)) for (const v of value) contractNames.add(String(v));
      if (key === "properties" && value !== null && typeof value === "object") for (const k of Object.keys(value)) contractNames.add(k);
      return value;
    });
    for (const name of Object.keys(spec.$defs)) contractNames.add(name);
    expect(contractNames.size).toBeGreaterThan(10);
    const sources = [
      ...listFiles(join(import.meta.dirname, "..", "generator", "targets", "swift")),
      ...listFiles(join(import.meta.dirname, "..", "templates", "swift")),
    ];
    expect(sources.length).toBeGreaterThan(3);
    for (const file of sources) {
      const text = readFileSync(file, "utf8");
      for (const name of contractNames) expect(text.includes(name), `${file} mentions ${name}`).toBe(false);
    }
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

