/**
 * The generated Swift compiles with the real compiler in Swift 6 language mode (complete strict
 * concurrency checking) with every warning an error: with the default options, with `internal`
 * access and a type prefix, and together with the iOS example, also after the spec gains a message
 * type (the example's `default:` branch keeps it compiling).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compileSwift, swiftToolchainProblem } from "./swift/compile.js";
import { generateSwift } from "./swift/generate.js";
import { PROJECT_SPEC } from "./swift/golden.js";

const EXAMPLE = join(import.meta.dirname, "swift", "examples", "IOSExample.swift");
const work = mkdtempSync(join(tmpdir(), "push-extras-swift-compile-"));

beforeAll(async () => {
  const problem = await swiftToolchainProblem();
  if (problem !== null) throw new Error(problem);
});

describe("generated Swift under swiftc -swift-version 6 -warnings-as-errors", () => {
  it("compiles with the default options, together with the iOS example", async () => {
    const generated = await generateSwift(PROJECT_SPEC, join(work, "default"));
    await compileSwift([generated.swiftFile, EXAMPLE], join(work, "default-build"));
  });

  it("compiles with internal access and a type prefix", async () => {
    const generated = await generateSwift(PROJECT_SPEC, join(work, "internal"), { swiftAccess: "internal", swiftTypePrefix: "PE" });
    expect(generated.contents).toMatch(/internal enum PEPushExtrasMessage/);
    await compileSwift([generated.swiftFile], join(work, "internal-build"));
  });

  it("keeps the iOS example compiling when the spec gains a message type", async () => {
    const specPath = join(work, "extended.schema.json");
    writeFileSync(specPath, JSON.stringify(withExtraMessage(JSON.parse(readFileSync(PROJECT_SPEC, "utf8")) as Spec), null, 2));
    const generated = await generateSwift(specPath, join(work, "extended"));
    expect(generated.contents).toMatch(/case extraNotice\(ExtraNotice\)/);
    await compileSwift([generated.swiftFile, EXAMPLE], join(work, "extended-build"));
  });

  it("fails on a warning, so a clean compile means no warnings", async () => {
    const source = join(work, "Warning.swift");
    writeFileSync(source, "func unusedValue() {\n    let unused = 1\n}\n");
    await expect(compileSwift([source], join(work, "warning-build"))).rejects.toThrow(/never used/);
  });
});

interface Spec {
  oneOf: { $ref: string }[];
  $defs: Record<string, unknown>;
  discriminator: { propertyName: string };
  "x-groups": { id: string }[];
}

/** The spec with one more message type, as a later version of the contract might add. */
function withExtraMessage(spec: Spec): Spec {
  const typeKey = spec.discriminator.propertyName;
  spec.oneOf.push({ $ref: "#/$defs/ExtraNotice" });
  spec.$defs["ExtraNotice"] = {
    title: "Extra notice",
    description: "A message type added after the example was written.",
    "x-group": spec["x-groups"][0]!.id,
    type: "object",
    required: [typeKey, "noticeId"],
    properties: {
      [typeKey]: { type: "string", const: "extra.notice", description: "Marks the added message." },
      noticeId: { type: "string", minLength: 1, description: "Identifier of the notice." },
    },
    examples: [{ [typeKey]: "extra.notice", noticeId: "n-1" }],
  };
  return spec;
}
