/**
 * Golden files of the Swift target for options other than the defaults (the output with the
 * default options is the committed generated/swift), and the path of the project's spec.
 * Regenerate them after an intended change with `UPDATE_GOLDEN=1 npx vitest run
 * test/swift-target.test.ts` and review the diff.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TargetOptions } from "../../generator/model.js";

export const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), "golden");
export const PROJECT_SPEC = join(dirname(fileURLToPath(import.meta.url)), "../../spec/push-extras.schema.json");

export interface GoldenCase {
  readonly file: string;
  readonly options: Partial<TargetOptions>;
}

export const GOLDEN_CASES: readonly GoldenCase[] = [
  { file: "PushExtras.internal-prefixed.swift", options: { swiftAccess: "internal", swiftTypePrefix: "PE" } },
];
