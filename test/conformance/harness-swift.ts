/**
 * The Swift harness: compiles the generated Swift together with a harness main.swift rendered from
 * the model, feeds it every vector's payload (read there with JSONSerialization, so numbers arrive
 * as NSNumber, as from APNs), and maps its canonical JSON lines back onto the vectors. One swiftc
 * run per call, whatever the number of vectors.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { defaultTargetOptions, type TargetOptions } from "../../generator/model.js";
import { API_TYPES } from "../../generator/targets/swift/names.js";
import { runInSwiftRoot, shellQuote, SWIFT_FLAGS, swiftToolchainProblem } from "../swift/compile.js";
import { renderHarnessMain } from "../swift/harness/render.js";
import type { CanonicalResult, Harness, HarnessOutcome, HarnessRun } from "./harness.js";

/** Exit status of the harness script when swiftc fails, to tell a compile error from a trap. */
const COMPILE_FAILED = 97;

export const harness: Harness = {
  lang: "swift",
  toolchainProblem: swiftToolchainProblem,
  run: (request) => runSwiftHarness(request),
};

/**
 * Runs the vectors through the generated Swift parser. The generated file does not record its
 * options, so the type prefix is read from the declaration of the message enum unless given.
 */
export async function runSwiftHarness(request: HarnessRun, options?: TargetOptions): Promise<readonly HarnessOutcome[]> {
  const swiftDir = join(request.generatedDir, "swift");
  const sources = readdirSync(swiftDir).filter((f) => f.endsWith(".swift")).sort();
  if (sources.length === 0) throw new Error(`no Swift sources in ${swiftDir}; generate the swift target first`);
  const sourceTexts = sources.map((f) => readFileSync(join(swiftDir, f), "utf8"));
  const effective = options ?? { ...defaultTargetOptions, swiftTypePrefix: typePrefixOf(sourceTexts, swiftDir) };

  mkdirSync(request.workDir, { recursive: true });
  const dir = mkdtempSync(join(request.workDir, "swift-harness-"));
  sources.forEach((f, i) => writeFileSync(join(dir, f), sourceTexts[i]!));
  writeFileSync(join(dir, "main.swift"), renderHarnessMain(request.model, effective));
  writeFileSync(join(dir, "payloads.jsonl"), request.vectors.map((v, index) => JSON.stringify({ index, payload: v.payload })).join("\n") + "\n");

  const files = [...sources, "main.swift"].map(shellQuote).join(" ");
  const run = await runInSwiftRoot(
    dir,
    `swiftc ${SWIFT_FLAGS.join(" ")} -module-name PushExtrasHarness ${files} -o harness >&2 || exit ${COMPILE_FAILED}; ./harness < payloads.jsonl`,
  );
  if (run.status === COMPILE_FAILED) throw new Error(`the Swift harness does not compile:\n${run.stderr}`);
  return outcomesOf(request, run.stdout, run.status, run.stderr);
}

function typePrefixOf(sources: readonly string[], swiftDir: string): string {
  for (const text of sources) {
    const match = new RegExp(`\\benum ([\\p{L}\\p{N}_]*)${API_TYPES.message}: `, "u").exec(text);
    if (match) return match[1]!;
  }
  throw new Error(`no ${API_TYPES.message} enum in the Swift sources of ${swiftDir}`);
}

interface HarnessLine {
  readonly index: number;
  readonly result?: CanonicalResult;
  readonly error?: string;
}

function outcomesOf(request: HarnessRun, stdout: string, status: number, stderr: string): HarnessOutcome[] {
  const lines = stdout.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as HarnessLine);
  const byIndex = new Map(lines.map((l) => [l.index, l]));
  if (status !== 0) {
    const culprit = request.vectors.findIndex((_, i) => !byIndex.has(i));
    const name = culprit < 0 ? "(after the last vector)" : request.vectors[culprit]!.name;
    throw new Error(`the Swift harness stopped with status ${status} while parsing the vector ${name}:\n${stderr}`);
  }
  const problems = lines.filter((l) => l.error !== undefined).map((l) => `${request.vectors[l.index]?.name ?? `line ${l.index}`}: ${l.error}`);
  if (problems.length > 0) {
    throw new Error(`the Swift harness cannot run these vectors (limit them with "only"):\n${problems.join("\n")}`);
  }
  return request.vectors.map((vector, index) => {
    const line = byIndex.get(index);
    if (line?.result === undefined) throw new Error(`the Swift harness printed no result for the vector ${vector.name}`);
    return { name: vector.name, parsed: checkCanonical(line.result, vector.name) };
  });
}

function checkCanonical(result: CanonicalResult, name: string): CanonicalResult {
  if (result.kind !== "message" && result.kind !== "unknown" && result.kind !== "invalid") {
    throw new Error(`the Swift harness printed a result of no known kind for ${name}: ${JSON.stringify(result)}`);
  }
  return result;
}
