/**
 * The generated Swift parser, compiled and run over vectors through the conformance harness
 * (payloads read with JSONSerialization, so numbers arrive as NSNumber as from APNs): the shared
 * vectors with the default options and with `internal` access and a type prefix, vectors derived
 * from every hostile fixture spec, and a broken parser that the vectors must catch.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { swiftToolchainProblem } from "./swift/compile.js";
import { vectorsFromSpec } from "./swift/derived-vectors.js";
import { generateSwift } from "./swift/generate.js";
import { PROJECT_SPEC } from "./swift/golden.js";
import { randomPayloadVectors } from "./swift/random-payloads.js";
import { sharedSwiftVectors, swiftDisagreements } from "./swift/vectors.js";

const work = mkdtempSync(join(tmpdir(), "push-extras-swift-conformance-"));
/** Fixtures that cannot generate by design: the Swift target must refuse them (see swift-target.test.ts). */
const REFUSED_FIXTURES = new Set(["name-collision", "shadows-standard-type"]);

beforeAll(async () => {
  const problem = await swiftToolchainProblem();
  if (problem !== null) throw new Error(problem);
});

describe("the generated Swift parser over the shared vectors", () => {
  const vectors = sharedSwiftVectors();

  it("has vectors to run", () => {
    expect(vectors.length).toBeGreaterThanOrEqual(60);
  });

  it("agrees with every vector that applies to Swift", async () => {
    const generated = await generateSwift(PROJECT_SPEC, join(work, "default"));
    expect(await swiftDisagreements(generated.dir, generated.model, vectors, join(work, "default-run"))).toEqual([]);
  });

  it("agrees with internal access and a type prefix, read from the generated file", async () => {
    const generated = await generateSwift(PROJECT_SPEC, join(work, "prefixed"), { swiftAccess: "internal", swiftTypePrefix: "PE" });
    expect(await swiftDisagreements(generated.dir, generated.model, vectors, join(work, "prefixed-run"))).toEqual([]);
  });

  it("catches a parser that accepts empty required fields", async () => {
    const generated = await generateSwift(PROJECT_SPEC, join(work, "broken"));
    const broken = generated.contents.replace("guard let value = string(key), !value.isEmpty else {", "guard let value = string(key) else {");
    expect(broken).not.toBe(generated.contents);
    writeFileSync(generated.swiftFile, broken);
    const found = await swiftDisagreements(generated.dir, generated.model, vectors, join(work, "broken-run"));
    expect(found.map((d) => d.name)).toContain("inbox-message-new-empty-inbox-id-is-invalid");
    for (const disagreement of found) expect(disagreement.expected).toEqual({ kind: "invalid" });
  });
});

describe("the generated Swift parser over hostile specs", () => {
  const fixtureRoots = [join(import.meta.dirname, "fixtures"), join(import.meta.dirname, "swift", "fixtures")];
  const specs = fixtureRoots.flatMap((root) =>
    readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !REFUSED_FIXTURES.has(e.name))
      .map((e) => ({ name: e.name, spec: join(root, e.name, "push-extras.schema.json") }))
      .filter((f) => existsSync(f.spec)),
  );

  it("has hostile specs to run", () => {
    expect(specs.map((s) => s.name)).toEqual(expect.arrayContaining(["keyword-names", "quotes-backslash-dollar", "comment-terminator", "swift-member-names"]));
  });

  for (const { name, spec } of specs) {
    it(`${name}: compiles, and parses the examples and their variants as the tolerant reading says`, async () => {
      const generated = await generateSwift(spec, join(work, name));
      const vectors = vectorsFromSpec(generated.model);
      expect(vectors.length).toBeGreaterThan(10);
      expect(await swiftDisagreements(generated.dir, generated.model, vectors, join(work, `${name}-run`))).toEqual([]);
      expect(readFileSync(generated.swiftFile, "utf8")).toBe(generated.contents);
    });
  }
});

describe("the generated Swift parser over random payloads", () => {
  it("never traps, and reads 2,000 random payloads as the tolerant reading says", async () => {
    const generated = await generateSwift(PROJECT_SPEC, join(work, "random"));
    const seed = Date.now() % 2_147_483_647;
    const vectors = randomPayloadVectors(generated.model, 2_000, seed);
    const kinds = new Set(vectors.map((v) => v.parsed.kind));
    expect([...kinds].sort(), "the payloads reach every kind of result").toEqual(["invalid", "message", "unknown"]);
    const found = await swiftDisagreements(generated.dir, generated.model, vectors, join(work, "random-run"));
    expect(found, `seed ${seed}`).toEqual([]);
  });
});
