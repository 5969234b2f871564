/**
 * The Kotlin harness: compiles the generated Kotlin together with a harness rendered from the
 * model, feeds it every vector as the `Map<String, String>` an Android app gets from FCM, and reads
 * back one canonical JSON result per vector.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { compileKotlin, kotlinStdlib, kotlinToolchainProblem, runJava } from "../kotlin/compile.js";
import { HARNESS_MAIN_CLASS, renderHarness } from "../kotlin/harness/render.js";
import type { CanonicalResult, Harness, HarnessOutcome, HarnessRun, Vector } from "./harness.js";

export const harness: Harness = {
  lang: "kotlin",
  toolchainProblem: kotlinToolchainProblem,
  run: runKotlin,
};

async function runKotlin(request: HarnessRun): Promise<readonly HarnessOutcome[]> {
  const kotlinDir = join(request.generatedDir, "kotlin");
  const sources = (await readdir(kotlinDir).catch(() => [] as string[])).filter((f) => f.endsWith(".kt")).sort().map((f) => join(kotlinDir, f));
  if (sources.length === 0) throw new Error(`no generated Kotlin in ${kotlinDir}: generate with the kotlin target first`);

  const harnessSource = join(request.workDir, "Harness.kt");
  await writeFile(harnessSource, renderHarness(request.model, await packageOf(sources)));
  const classes = join(request.workDir, "classes");
  await compileKotlin([...sources, harnessSource], classes);

  const input = join(request.workDir, "vectors.txt");
  await writeFile(input, request.vectors.map(encodeVector).join("\n") + "\n");
  const output = await runJava([classes, await kotlinStdlib()], HARNESS_MAIN_CLASS, [input]);
  return readHarnessOutput(output, request.vectors);
}

/** The package the file was generated with (it is an option, not part of the model). */
async function packageOf(sources: readonly string[]): Promise<string> {
  for (const source of sources) {
    const clause = /^package (.+)$/m.exec(await readFile(source, "utf8"));
    if (clause) return clause[1]!.trim();
  }
  throw new Error(`no package clause in ${sources.join(", ")}`);
}

/** One line per vector; the format is described at the top of Harness.kt.hbs. */
export function encodeVector(vector: Vector): string {
  const payload = vector.payload;
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) return `${hex(vector.name)} !`;
  const tokens = [hex(vector.name)];
  for (const [key, value] of Object.entries(payload)) tokens.push(hex(key), typeof value === "string" ? hex(value) : "x");
  return tokens.join(" ");
}

function hex(text: string): string {
  let out = "h";
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).padStart(4, "0");
  return out;
}

/** Pairs the printed results with the vectors, in order. */
export function readHarnessOutput(output: string, vectors: readonly Vector[]): HarnessOutcome[] {
  const lines = output.split("\n").filter((l) => l !== "");
  if (lines.length !== vectors.length) {
    throw new Error(`the Kotlin harness printed ${lines.length} results for ${vectors.length} vectors:\n${output.slice(0, 2000)}`);
  }
  return lines.map((line, i) => {
    const printed = JSON.parse(line) as { name: string; parsed: CanonicalResult };
    if (printed.name !== vectors[i]!.name) throw new Error(`the Kotlin harness answered ${printed.name} for vector ${vectors[i]!.name}`);
    return { name: printed.name, parsed: printed.parsed };
  });
}
