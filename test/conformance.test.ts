/**
 * The conformance runner, end to end: the command line on freshly generated TypeScript (exit codes,
 * the summary line, disagreements), a spec of another shape, and the runner's own bookkeeping with
 * stand-in harnesses (missing, stray and duplicate results, a harness that fails, a toolchain
 * that is missing).
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateToTemp, type TempGeneration } from "./conformance/generate-temp.js";
import type { Vector } from "./conformance/harness.js";
import { runConformance } from "./conformance/runner.js";
import { UsageError } from "./conformance/usage-error.js";
import { appliesTo, loadVectors, vectorFiles } from "./conformance/vectors.js";

const ROOT = join(import.meta.dirname, "..");
const CLI = join(ROOT, "test", "conformance", "cli.ts");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const VECTORS = join(ROOT, "test", "vectors");
const PARCEL_SPEC = join(ROOT, "test", "conformance", "fixtures", "parcel.schema.json");
const PARCEL_VECTORS = join(ROOT, "test", "conformance", "fixtures", "parcel.vectors.json");

interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function conformance(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== "number") throw error;
    return { status: failed.code, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

let generated: TempGeneration;
let scratch: string;
let sharedVectors: Vector[];

beforeAll(async () => {
  generated = await generateToTemp();
  scratch = await mkdtemp(join(tmpdir(), "push-extras-conformance-test-"));
  sharedVectors = await loadVectors(await vectorFiles([VECTORS]));
});

afterAll(async () => {
  await generated?.remove();
  if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
});

async function vectorFile(name: string, vectors: readonly unknown[]): Promise<string> {
  const path = join(scratch, name);
  await writeFile(path, JSON.stringify(vectors));
  return path;
}

function shared(name: string): Vector {
  const found = sharedVectors.find((v) => v.name === name);
  if (found === undefined) throw new Error(`no shared vector ${name}`);
  const { file: _file, ...vector } = found as Vector & { file?: string };
  return vector;
}

describe("npm run conformance", () => {
  it("passes every shared vector on freshly generated TypeScript, and says so on its last line", async () => {
    const run = await conformance(["--lang", "ts", "--generated", generated.dir]);
    const expected = sharedVectors.filter((v) => appliesTo(v, "ts")).length;
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain(`ts: ${expected} passed, 0 failed`);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe(`${expected} passed, 0 failed`);
    expect(run.status).toBe(0);
  });

  it("exits 1 on a wrong vector and shows the vector, what was expected and what came back", async () => {
    const right = shared("operation-init-with-all-fields");
    const wrongResult = { ...shared("operation-finished-undocumented-result-error-unknown-is-kept-as-unknown"), name: "wrong-result" };
    const wrongVerdict = { ...shared("status-change-with-activation-id"), name: "wrong-verdict", valid: false };
    const file = await vectorFile("wrong.json", [
      right,
      { ...wrongResult, parsed: { ...wrongResult.parsed, fields: { ...(wrongResult.parsed as { fields: object }).fields, operationName: "logout" } } },
      wrongVerdict,
    ]);
    const run = await conformance(["--lang", "ts", "--generated", generated.dir, "--vectors", file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("ts: 1 passed, 2 failed");
    expect(run.stdout).toMatch(/\[ts\] wrong-result .*parsed result differs\n {2}expected: .*"operationName":"logout".*\n {2}actual: {3}.*"operationName":"login"/);
    expect(run.stdout).toMatch(/\[ts\] wrong-verdict .*strict verdict differs\n {2}expected: .* valid=false\n {2}actual: {3}.* valid=true/);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("1 passed, 2 failed");
  });

  it("exits 2 with the reason on an unknown flag, an unknown language or a missing file", async () => {
    const flag = await conformance(["--lang", "ts", "--no-such-flag"]);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain("--no-such-flag");
    const lang = await conformance(["--lang", "cobol", "--generated", generated.dir]);
    expect(lang.status).toBe(2);
    expect(lang.stderr).toMatch(/no harness for "cobol"; languages with a harness: .*ts/);
    const file = await conformance(["--lang", "ts", "--generated", generated.dir, "--vectors", join(scratch, "absent.json")]);
    expect(file.status).toBe(2);
    expect(file.stderr).toContain("vector file not found");
  });

  it("exits 2 with the reason when a requested language's toolchain is missing", async () => {
    const emptyRoot = await mkdtemp(join(scratch, "no-swift-"));
    const run = await conformance(["--lang", "swift", "--generated", generated.dir], { PUSH_EXTRAS_SWIFT_ROOT: emptyRoot });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/toolchain missing:\nswift: .*install/);
    expect(run.stdout).toBe("");
  });

  it("prints its usage on --help", async () => {
    const run = await conformance(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/--lang[\s\S]*--generated[\s\S]*--vectors/);
  });
});

describe("the runner on a spec of another shape", () => {
  it("passes vectors written for that spec, with its own discriminator, messages and no fallback object", async () => {
    const parcel = await generateToTemp(PARCEL_SPEC);
    try {
      const report = await runConformance({ langs: ["ts"], generatedDir: parcel.dir, vectorPaths: [PARCEL_VECTORS] });
      expect(report.disagreements).toEqual([]);
      expect(report.passed).toBe(8);
      // The shared vectors are about another spec: refused before any harness runs.
      await expect(runConformance({ langs: ["ts"], generatedDir: parcel.dir, vectorPaths: [VECTORS] })).rejects.toThrow(/do not fit the spec/);
    } finally {
      await parcel.remove();
    }
  });
});

describe("the runner's bookkeeping, with stand-in harnesses", () => {
  /** Writes harness-<lang>.ts files into a fresh folder, as the runner discovers them. */
  async function harnessDir(harnesses: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(join(scratch, "harnesses-"));
    for (const [lang, body] of Object.entries(harnesses)) {
      await writeFile(join(dir, `harness-${lang}.ts`), `export const harness = { lang: ${JSON.stringify(lang)}, ${body} };\n`);
    }
    return dir;
  }

  const echo = (transform: string) => `toolchainProblem: async () => null, run: async ({ vectors }) => ${transform}`;

  it("counts a missing result, a stray result, a duplicate and a result outside the canonical form as failures", async () => {
    const vectors = await vectorFile("bookkeeping.json", [shared("status-change-with-activation-id"), shared("empty-payload-is-invalid"), shared("missing-message-type-is-invalid"), shared("inbox-message-new-with-inbox-id")]);
    const dir = await harnessDir({
      fake: echo(`[
        { name: vectors[1].name, parsed: vectors[1].parsed },
        { name: vectors[1].name, parsed: vectors[1].parsed },
        { name: vectors[2].name, parsed: { kind: "invalid", reason: "extra" } },
        { name: vectors[3].name, parsed: vectors[3].parsed, problem: "threw a TypeError" },
        { name: "not-a-vector", parsed: { kind: "invalid" } },
      ]`),
    });
    const report = await runConformance({ langs: null, generatedDir: generated.dir, vectorPaths: [vectors], harnessDir: dir });
    const reasons = Object.fromEntries(report.disagreements.map((d) => [d.name, d.reasons.join("; ")]));
    expect(reasons).toEqual({
      "status-change-with-activation-id": "no result for this vector",
      "empty-payload-is-invalid": "2 results for this vector",
      "missing-message-type-is-invalid": 'the result is not in canonical form: unexpected key "reason"',
      "inbox-message-new-with-inbox-id": "threw a TypeError",
      "not-a-vector": "a result for a vector the runner did not give",
    });
    expect(report.languages).toEqual([{ lang: "fake", passed: 0, failed: 5, harnessError: null }]);
  });

  it("fails every vector of a language whose harness cannot run, and gives only its vectors to each language", async () => {
    const vectors = await vectorFile("only.json", [shared("empty-payload-is-invalid"), shared("null-payload-is-invalid"), shared("numeric-message-type-is-invalid")]);
    const dir = await harnessDir({
      ts: echo(`vectors.map((v) => ({ name: v.name, parsed: v.parsed, valid: v.valid }))`),
      swift: echo(`vectors.map((v) => ({ name: v.name, parsed: v.parsed }))`),
      kotlin: `toolchainProblem: async () => null, run: async () => { throw new Error("does not compile") }`,
    });
    const report = await runConformance({ langs: null, generatedDir: generated.dir, vectorPaths: [vectors], harnessDir: dir });
    expect(report.languages).toEqual([
      { lang: "kotlin", passed: 0, failed: 1, harnessError: "does not compile" },
      { lang: "swift", passed: 2, failed: 0, harnessError: null },
      { lang: "ts", passed: 3, failed: 0, harnessError: null },
    ]);
    expect(report.failed).toBe(1);
  });

  it("refuses to start when a requested toolchain is missing, naming the language and the reason", async () => {
    const dir = await harnessDir({
      ts: echo("[]"),
      rust: `toolchainProblem: async () => "cargo not found; install rustup", run: async () => []`,
    });
    const run = runConformance({ langs: null, generatedDir: generated.dir, vectorPaths: [VECTORS], harnessDir: dir });
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow("rust: cargo not found; install rustup");
  });

  it("refuses a harness file that does not export a harness of its language", async () => {
    const dir = await harnessDir({ ts: echo("[]") });
    await writeFile(join(dir, "harness-go.ts"), "export const harness = { lang: \"golang\", toolchainProblem: async () => null, run: async () => [] };\n");
    await writeFile(join(dir, "harness-zig.ts"), "export const somethingElse = 1;\n");
    await expect(runConformance({ langs: ["go"], generatedDir: generated.dir, vectorPaths: [VECTORS], harnessDir: dir })).rejects.toThrow(/exports the harness of "golang", not "go"/);
    await expect(runConformance({ langs: ["zig"], generatedDir: generated.dir, vectorPaths: [VECTORS], harnessDir: dir })).rejects.toThrow(/does not export a harness/);
  });

  it("refuses malformed vector files with the file and the vector", async () => {
    const cases: [unknown, RegExp][] = [
      [{ name: "x" }, /a vector file holds a JSON array/],
      [[{ name: "no-payload", valid: true, parsed: { kind: "invalid" } }], /vector 0: "no-payload" has no payload/],
      [[{ name: "bad-kind", payload: {}, valid: false, parsed: { kind: "broken" } }], /parsed is not a canonical result/],
      [[{ ...shared("empty-payload-is-invalid") }, { ...shared("empty-payload-is-invalid") }], /"empty-payload-is-invalid" is also used/],
      [[{ ...shared("empty-payload-is-invalid"), only: [] }], /only must be a non-empty list/],
    ];
    for (const [index, [content, message]] of cases.entries()) {
      const file = await vectorFile(`malformed-${index}.json`, content as unknown[]);
      await expect(runConformance({ langs: ["ts"], generatedDir: generated.dir, vectorPaths: [file] })).rejects.toThrow(message);
    }
  });
});
