/**
 * Runs vectors through the Swift harness and reports every disagreement, for the Swift tests.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { PushExtrasModel, TargetOptions } from "../../generator/model.js";
import { runSwiftHarness } from "../conformance/harness-swift.js";
import type { CanonicalResult, Vector } from "../conformance/harness.js";

const SHARED_VECTORS = join(import.meta.dirname, "..", "vectors");

/** The shared vectors of test/vectors/ that apply to Swift. */
export function sharedSwiftVectors(): Vector[] {
  return readdirSync(SHARED_VECTORS)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(SHARED_VECTORS, f), "utf8")) as Vector[])
    .filter((v) => v.only === undefined || v.only.includes("swift"));
}

export interface Disagreement {
  readonly name: string;
  readonly expected: CanonicalResult;
  readonly actual: CanonicalResult | undefined;
}

/** Runs the harness once over all vectors; returns the vectors whose result differs. */
export async function swiftDisagreements(
  generatedDir: string,
  model: PushExtrasModel,
  vectors: readonly Vector[],
  workDir: string,
  options?: TargetOptions,
): Promise<Disagreement[]> {
  const outcomes = await runSwiftHarness({ generatedDir, model, vectors, workDir }, options);
  const byName = new Map(outcomes.map((o) => [o.name, o.parsed]));
  return vectors
    .filter((v) => canonicalJson(byName.get(v.name)) !== canonicalJson(v.parsed))
    .map((v) => ({ name: v.name, expected: v.parsed, actual: byName.get(v.name) }));
}

/** JSON with object keys sorted, so that key order never decides equality. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}
