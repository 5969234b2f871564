/**
 * The Kotlin target, proven three ways: equal to the committed generated/kotlin, compiled with
 * -Werror by the pinned Kotlin 2 compiler and by Kotlin 1.9, and run against vectors (shared ones
 * for the real spec, ones made from the model for hostile specs). Compiling takes seconds, so all
 * sources that can share a compiler run do: the real spec's output, the Android example and every
 * hostile spec's output and harness go through one run per compiler.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OutputFile, type PushExtrasModel } from "../generator/model.js";
import { generate } from "../generator/pipeline.js";
import { KOTLIN_PATH } from "../generator/targets/kotlin/index.js";
import { packageName } from "../generator/targets/kotlin/naming.js";
import type { Vector } from "./conformance/harness.js";
import { encodeVector, harness, readHarnessOutput } from "./conformance/harness-kotlin.js";
import { expectMatchesCommitted } from "./golden.js";
import { compileJava, compileKotlin, compileKotlin19, kotlinStdlib, runJava } from "./kotlin/compile.js";
import { HARNESS_MAIN_CLASS, renderHarness } from "./kotlin/harness/render.js";
import { vectorsFromModel } from "./kotlin/model-vectors.js";

const REAL_SPEC = "spec/push-extras.schema.json";

/** Scratch folders of this file, removed when it ends. */
const scratch: string[] = [];
async function scratchDir(purpose: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `push-extras-kotlin-${purpose}-`));
  scratch.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});
/** Hostile specs that must generate, compile and parse; name-collision must fail instead (see kotlin-naming.test.ts). */
const HOSTILE_SPECS = [
  "test/kotlin/fixtures/kotlin-names",
  "test/fixtures/comment-terminator",
  "test/fixtures/keyword-names",
  "test/fixtures/markup",
  "test/fixtures/non-ascii",
  "test/fixtures/quotes-backslash-dollar",
];

async function writeOutput(files: readonly OutputFile[], dir: string): Promise<void> {
  for (const file of files) {
    await mkdir(dirname(join(dir, file.path)), { recursive: true });
    await writeFile(join(dir, file.path), file.contents);
  }
}

async function sharedVectors(): Promise<Vector[]> {
  const dir = "test/vectors";
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  const all = (await Promise.all(files.map(async (f) => JSON.parse(await readFile(join(dir, f), "utf8")) as Vector[]))).flat();
  return all.filter((v) => v.only === undefined || v.only.includes("kotlin"));
}

function expectedOutcomes(vectors: readonly Vector[]) {
  return vectors.map((v) => ({ name: v.name, parsed: v.parsed }));
}

describe("kotlin target, real spec", () => {
  let model: PushExtrasModel;
  let files: readonly OutputFile[];

  beforeAll(async () => {
    ({ model, files } = await generate({ specPath: REAL_SPEC, targets: ["kotlin"] }));
  });

  it("emits one file that matches the committed generated/kotlin", () => {
    expect(files.filter((f) => f.path.startsWith("kotlin/")).map((f) => f.path)).toEqual([KOTLIN_PATH]);
    expectMatchesCommitted(KOTLIN_PATH, files.find((f) => f.path === KOTLIN_PATH)!.contents);
  });

  it("puts the file in the package given by the options", async () => {
    const { files: custom } = await generate({ specPath: REAL_SPEC, targets: ["kotlin"], options: { kotlinPackage: "com.example.when.push" } });
    expect(custom.find((f) => f.path === KOTLIN_PATH)!.contents).toContain("\npackage com.example.`when`.push\n");
  });

  it("passes every shared vector and the vectors made from its examples through the harness", async () => {
    const generatedDir = await scratchDir("gen");
    await writeOutput((await generate({ specPath: REAL_SPEC, targets: ["schema", "kotlin"] })).files, generatedDir);
    const vectors = [...(await sharedVectors()), ...vectorsFromModel(model)];
    expect(await harness.toolchainProblem()).toBeNull();
    const outcomes = await harness.run({ generatedDir, model, vectors, workDir: await scratchDir("work") });
    expect(outcomes).toEqual(expectedOutcomes(vectors));
  });
});

interface CompiledSpec {
  readonly source: string;
  readonly model: PushExtrasModel;
  readonly harnessPackage: string;
}

describe("kotlin target, compiled together: real spec, Android example, Java caller, hostile specs", () => {
  const work = scratchDir("all");
  const sources: string[] = [];
  const hostile: CompiledSpec[] = [];
  let classes: string;

  beforeAll(async () => {
    const dir = await work;
    const real = await generate({ specPath: REAL_SPEC, targets: ["kotlin"] });
    await writeOutput(real.files, join(dir, "real"));
    sources.push(join(dir, "real", KOTLIN_PATH), "test/kotlin/examples/AndroidExample.kt");
    for (const [i, specDir] of HOSTILE_SPECS.entries()) {
      const kotlinPackage = `hostile.spec${i}.in`;
      const { model, files } = await generate({ specPath: join(specDir, "push-extras.schema.json"), targets: ["kotlin"], options: { kotlinPackage } });
      const out = join(dir, `hostile${i}`);
      await writeOutput(files, out);
      const harnessPackage = `harness${i}`;
      await writeFile(join(out, "Harness.kt"), renderHarness(model, packageName(kotlinPackage), harnessPackage));
      sources.push(join(out, KOTLIN_PATH), join(out, "Harness.kt"));
      hostile.push({ source: specDir, model, harnessPackage });
    }
    classes = join(dir, "classes");
    await compileKotlin(sources, classes);
  });

  it("lets Java call the parser, the constants, the enum lookup and the example", async () => {
    const javaClasses = join(await work, "java");
    const stdlib = await kotlinStdlib();
    await compileJava(["test/kotlin/java/JavaCaller.java"], [classes, stdlib], javaClasses);
    const printed = await runJava([classes, javaClasses, stdlib], "JavaCaller");
    expect(printed.split("\n")).toEqual([
      "finished 7f3d2a1e-5b6c-4d8e-9f0a-1b2c3d4e5f60 OPERATION_TIMEOUT activation=null",
      "lookup AUTHENTICATION_SUCCESS null",
      "null map true",
      "raw map Invalid(reason=inboxId is missing or empty in a mtoken.inboxMessage.new message)",
      "close 7f3d2a1e-5b6c-4d8e-9f0a-1b2c3d4e5f60: Finished",
      "refresh all",
      "",
    ]);
  });

  it.each(HOSTILE_SPECS.map((s, i) => [s, i] as const))("%s: its output compiles and parses its examples and edge cases", async (_spec, i) => {
    const spec = hostile[i]!;
    const vectors = vectorsFromModel(spec.model);
    const input = join(await work, `vectors${i}.txt`);
    await writeFile(input, vectors.map(encodeVector).join("\n") + "\n");
    const printed = await runJava([classes, await kotlinStdlib()], `${spec.harnessPackage}.${HARNESS_MAIN_CLASS}`, [input]);
    expect(readHarnessOutput(printed, vectors)).toEqual(expectedOutcomes(vectors));
  });

  // The Kotlin 1.9 compiler is much slower than Kotlin 2 on the same sources, hence the room.
  it("compiles with Kotlin 1.9 too, for apps that have not moved to Kotlin 2", { timeout: 600_000 }, async () => {
    await compileKotlin19(sources, join(await work, "classes-1.9"));
  });
});
