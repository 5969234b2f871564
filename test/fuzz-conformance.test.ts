/**
 * The Kotlin and Swift parsers run a few thousand random payloads through the conformance runner
 * and must give the same results as the TypeScript parser and validator, without crashing.
 *
 * The expected results come from the TypeScript harness (the oracle), so the vectors file is
 * written here rather than by hand. Android gets flat string maps (FCM data); iOS gets JSON values
 * of any type and a nested `aps` dictionary (APNs userInfo), so those vectors are for ts and swift.
 * The seed is fixed for reproducible CI runs; set PUSH_EXTRAS_FUZZ_SEED to explore others.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateToTemp, type TempGeneration } from "./conformance/generate-temp.js";
import type { Vector } from "./conformance/harness.js";
import { harness as typescriptHarness } from "./conformance/harness-ts.js";
import { runConformance } from "./conformance/runner.js";
import { payloadArbitrary, type PayloadShape } from "./reliability/fuzz-payloads.js";

const SEED = Number(process.env["PUSH_EXTRAS_FUZZ_SEED"] ?? 20261203);
const STRING_MAPS = 2000;
const JSON_PAYLOADS = 1500;

let generated: TempGeneration;
let work: string;
let vectors: Vector[];

/** Asks the TypeScript harness what each payload gives, and turns the answers into vectors. */
async function oracleVectors(payloads: readonly unknown[], prefix: string, only: readonly string[] | undefined): Promise<Vector[]> {
  const questions = payloads.map((payload, i) => ({ name: `${prefix}-${i}`, payload, valid: false, parsed: { kind: "invalid" } as const }));
  const outcomes = await typescriptHarness.run({ generatedDir: generated.dir, model: generated.model, vectors: questions, workDir: work });
  const byName = new Map(outcomes.map((o) => [o.name, o]));
  return questions.map((q) => {
    const answer = byName.get(q.name);
    if (answer === undefined || answer.problem !== undefined || answer.valid === undefined) {
      throw new Error(`the TypeScript oracle has no clean answer for ${q.name} ${JSON.stringify(q.payload)}: ${answer?.problem ?? "none"}`);
    }
    return { name: q.name, payload: q.payload, valid: answer.valid, parsed: answer.parsed, ...(only !== undefined ? { only } : {}) };
  });
}

function sample(shape: PayloadShape, count: number, seed: number): unknown[] {
  return fc.sample(payloadArbitrary(generated.model, shape), { seed, numRuns: count });
}

beforeAll(async () => {
  generated = await generateToTemp(undefined, ["schema", "typescript", "validators", "kotlin", "swift"]);
  work = await mkdtemp(join(tmpdir(), "push-extras-fuzz-conformance-"));
  vectors = [
    ...(await oracleVectors(sample("string-map", STRING_MAPS, SEED), "string-map", undefined)),
    ...(await oracleVectors(sample("json", JSON_PAYLOADS, SEED + 1), "json", ["ts", "swift"])),
  ];
  await writeFile(join(work, "fuzz-vectors.json"), JSON.stringify(vectors));
});
afterAll(async () => {
  await generated?.remove();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

describe(`random payloads (seed ${SEED})`, () => {
  it("cover every kind of result, with and without a valid strict verdict", () => {
    const kinds = (shape: string) => new Set(vectors.filter((v) => v.name.startsWith(shape)).map((v) => `${v.parsed.kind}/${v.valid}`));
    for (const shape of ["string-map", "json"]) {
      expect([...kinds(shape)].sort(), shape).toEqual(expect.arrayContaining(["invalid/false", "message/false", "message/true", "unknown/false"]));
    }
    const unknownEnumValues = vectors.filter((v) => v.parsed.kind === "message" && Object.values(v.parsed.fields).some((f) => typeof f === "object" && f !== null));
    expect(unknownEnumValues.length).toBeGreaterThan(10);
  });

  it("Kotlin and Swift give the TypeScript results for every payload, and nothing crashes", async () => {
    const report = await runConformance({ langs: ["ts", "kotlin", "swift"], generatedDir: generated.dir, vectorPaths: [join(work, "fuzz-vectors.json")] });
    const summary = report.disagreements.slice(0, 10).map((d) => `${d.lang} ${d.name}: ${d.reasons.join("; ")}\n  payload ${JSON.stringify(vectors.find((v) => v.name === d.name)?.payload)}\n  expected ${JSON.stringify(d.expected)}\n  actual ${JSON.stringify(d.actual)}`);
    expect(report.languages.map((l) => [l.lang, l.harnessError])).toEqual([["ts", null], ["kotlin", null], ["swift", null]]);
    expect(summary).toEqual([]);
    expect(report.failed).toBe(0);
    expect(report.passed).toBe(vectors.length + STRING_MAPS * 2 + JSON_PAYLOADS);
  });
});
