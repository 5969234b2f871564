/**
 * The README, run from top to bottom as a newcomer would: in a copy of the repository and in an app
 * project beside it that installs the packed tarball (test/package/workspace.ts). Every code block
 * carries a mark naming its check (test/package/readme-blocks.ts); this file says what each check
 * does, and the README's "How this README is tested" says it in words.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { lint } from "markdownlint/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileKotlin, kotlinToolchainProblem } from "./kotlin/compile.js";
import { parseBlocks, type CodeBlock } from "./package/readme-blocks.js";
import { createWorkspace, mustRun, REPOSITORY, run, type Workspace } from "./package/workspace.js";
import { compileSwift, swiftToolchainProblem } from "./swift/compile.js";

const README = readFileSync(join(REPOSITORY, "README.md"), "utf8");
const TSC = join(REPOSITORY, "node_modules", "typescript", "bin", "tsc");
const { blocks, problems } = parseBlocks(README);

let workspace: Workspace;
/** What the last block that ran printed, for the `output` block after it. */
let lastOutput: { line: number; stdout: string } | undefined;

beforeAll(() => {
  workspace = createWorkspace("readme");
});
afterAll(() => {
  if (workspace !== undefined) rmSync(workspace.dir, { recursive: true, force: true });
});

function project(block: CodeBlock): string {
  const where = block.arguments[0];
  if (where === "repo") return workspace.repository;
  if (where === "app") return workspace.app;
  throw new Error(`README line ${block.line}: say where the config goes: "config repo" or "config app"`);
}

function sampleFile(block: CodeBlock, folder: string, name: string): string {
  const dir = join(folder, "readme-samples");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, `${block.code}\n`);
  return file;
}

function shell(block: CodeBlock, cwd: string): void {
  const r = run("bash", ["-euo", "pipefail", "-c", block.code], cwd);
  expect(r.status, `README line ${block.line} in ${cwd}:\n${r.stdout}\n${r.stderr}`).toBe(0);
  lastOutput = { line: block.line, stdout: r.stdout };
}

/**
 * The setup a README opens with. `npm ci` is left out: the repository copy shares this checkout's
 * installed dependencies. `npm test` is not run: it is the suite this test belongs to. Every
 * `npm run` runs; anything else is refused, so that the block cannot grow commands nobody runs.
 */
function setup(block: CodeBlock): void {
  const scripts = (JSON.parse(readFileSync(join(workspace.repository, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const commands = block.code.split("\n").flatMap((line) => line.replace(/#.*/, "").split("&&")).map((c) => c.trim()).filter((c) => c !== "");
  expect(commands.length).toBeGreaterThan(0);
  for (const command of commands) {
    const words = command.split(/\s+/);
    if (command === "npm ci") continue;
    if (command === "npm test") {
      expect(scripts["test"], "npm test needs a test script").toBeDefined();
      continue;
    }
    expect(words.slice(0, 2), `README line ${block.line}: only npm ci, npm test and npm run belong here: ${command}`).toEqual(["npm", "run"]);
    expect(scripts[words[2] ?? ""], `README line ${block.line}: no script ${words[2]}`).toBeDefined();
    mustRun("npm", ["run", "--silent", ...words.slice(2)], workspace.repository);
  }
}

/** TypeScript in the app: checked as strictly as the generated code is, against the installed package, then run. */
function typescript(block: CodeBlock): void {
  const file = sampleFile(block, workspace.app, `block-${block.line}.ts`);
  const outDir = join(workspace.app, "readme-samples", "build");
  const compiled = run(
    process.execPath,
    [
      TSC,
      ...["--ignoreConfig", "--strict", "--noUncheckedIndexedAccess", "--verbatimModuleSyntax", "--isolatedModules"],
      ...["--module", "nodenext", "--target", "es2022", "--outDir", outDir, "--rootDir", join(workspace.app, "readme-samples")],
      ...["--typeRoots", join(REPOSITORY, "node_modules", "@types"), "--types", "node"],
      file,
    ],
    workspace.app,
  );
  expect(compiled.status, `README line ${block.line}:\n${compiled.stdout}${compiled.stderr}`).toBe(0);
  const r = mustRun(process.execPath, [join(outDir, `block-${block.line}.js`)], workspace.app);
  lastOutput = { line: block.line, stdout: r.stdout };
}

function commonjs(block: CodeBlock): void {
  const file = sampleFile(block, workspace.app, `block-${block.line}.cjs`);
  const r = mustRun(process.execPath, [file], workspace.app);
  lastOutput = { line: block.line, stdout: r.stdout };
}

function output(block: CodeBlock): void {
  expect(lastOutput, `README line ${block.line}: an output block needs a block that ran right before it`).toBeDefined();
  expect(lastOutput!.stdout.trimEnd(), `the output of README line ${lastOutput!.line}`).toBe(block.code.trimEnd());
  lastOutput = undefined;
}

function config(block: CodeBlock): void {
  const schema = JSON.parse(readFileSync(join(REPOSITORY, "generator", "config.schema.json"), "utf8"));
  const validate = new Ajv2020({ allErrors: true }).compile(schema);
  const value = JSON.parse(block.code) as unknown;
  expect(validate(value) ? [] : validate.errors, `README line ${block.line}`).toEqual([]);
  // A `$schema` path is for editors: it must lead to the schema from where the file is saved.
  const editorSchema = (value as { $schema?: unknown }).$schema;
  if (typeof editorSchema === "string") expect(existsSync(join(project(block), editorSchema)), `README line ${block.line}: $schema ${editorSchema}`).toBe(true);
  writeFileSync(join(project(block), "push-extras.config.json"), `${block.code}\n`);
  lastOutput = undefined;
}

/** The generated file a Kotlin or Swift sample is compiled with, as an earlier block made it. */
function generatedWith(block: CodeBlock): string {
  const path = block.options["with"];
  if (path === undefined) throw new Error(`README line ${block.line}: name the generated file to compile with: with=PATH (relative to the app)`);
  return join(workspace.app, path);
}

async function kotlin(block: CodeBlock): Promise<void> {
  const problem = await kotlinToolchainProblem();
  if (problem !== null) throw new Error(problem);
  const sample = sampleFile(block, workspace.app, `ReadmeBlock${block.line}.kt`);
  await compileKotlin([generatedWith(block), sample], join(workspace.dir, "kotlin-classes", String(block.line)));
  lastOutput = undefined;
}

async function swift(block: CodeBlock): Promise<void> {
  const problem = await swiftToolchainProblem();
  if (problem !== null) throw new Error(problem);
  const sample = sampleFile(block, workspace.app, `ReadmeBlock${block.line}.swift`);
  await compileSwift([generatedWith(block), sample], join(workspace.dir, "swift"));
  lastOutput = undefined;
}

const checks: Record<CodeBlock["kind"], (block: CodeBlock) => void | Promise<void>> = {
  "sh-setup": setup,
  "sh-repo": (block) => shell(block, workspace.repository),
  "sh-app": (block) => shell(block, workspace.app),
  ts: typescript,
  cjs: commonjs,
  output,
  config,
  kotlin,
  swift,
};

describe("the README's code blocks", () => {
  it("are each marked with a check", () => {
    expect(problems).toEqual([]);
    expect(blocks.length).toBeGreaterThan(10);
  });

  it("cover every user the README promises a quick start", () => {
    const kinds = new Set(blocks.map((b) => b.kind));
    for (const kind of ["sh-setup", "sh-repo", "sh-app", "ts", "cjs", "config", "kotlin", "swift"] as const) expect(kinds).toContain(kind);
    expect(blocks.some((b) => b.kind === "sh-repo" && /--check/.test(b.code))).toBe(true);
  });

  // In document order: later blocks use what earlier ones installed, generated or saved.
  for (const block of blocks) {
    it(`line ${block.line}: ${block.kind}${block.arguments.length > 0 ? ` ${block.arguments.join(" ")}` : ""}`, async () => {
      await checks[block.kind](block);
    });
  }

  it("name only subpaths that the installed package resolves, and its schema's $id", () => {
    const subpaths = [...new Set([...README.matchAll(/`(push-extras\/[^`\s]+)`/g)].map((m) => m[1]!))];
    expect(subpaths.length).toBeGreaterThan(4);
    const script = `for (const s of ${JSON.stringify(subpaths)}) require.resolve(s); console.log(require("push-extras/schema.json").$id)`;
    const resolved = mustRun(process.execPath, ["-e", script], workspace.app);
    expect(README).toContain(`\`$id\` \`${resolved.stdout.trim()}\``);
  });
});

describe("the README's Markdown", () => {
  it("passes markdownlint, with prose lines of up to 100 columns", async () => {
    const config = { default: true, MD013: { line_length: 100, tables: false, code_blocks: false } };
    const results = await lint({ strings: { "README.md": README }, config });
    const findings = (results["README.md"] ?? []).map((r) => `line ${r.lineNumber}: ${r.ruleNames.join("/")} ${r.ruleDescription} ${r.errorDetail ?? ""}`);
    expect(findings).toEqual([]);
  });
});

describe("the block parser", () => {
  it("reports a block without a mark, an unknown kind and a dangling mark", () => {
    const text = ["```sh", "ls", "```", "<!-- check: perl -->", "```perl", "1", "```", "<!-- check: ts -->", "", "```ts", "1", "```"].join("\n");
    expect(parseBlocks(text).problems).toEqual([
      expect.stringMatching(/^line 1: a code block without a check mark/),
      'line 5: unknown check "perl" (kinds: sh-setup, sh-repo, sh-app, ts, cjs, output, config, kotlin, swift)',
      "line 8: a check mark with no code block right after it",
      expect.stringMatching(/^line 10: a code block without a check mark/),
    ]);
  });

  it("reads the kind, the words and the options of a mark, and the code", () => {
    const text = ["<!-- check: kotlin with=a/B.kt -->", "```kotlin", "fun main() {}", "```", "<!-- check: config app -->", "~~~json", "{}", "~~~"].join("\n");
    expect(parseBlocks(text)).toEqual({
      problems: [],
      blocks: [
        { line: 2, kind: "kotlin", arguments: [], options: { with: "a/B.kt" }, language: "kotlin", code: "fun main() {}" },
        { line: 6, kind: "config", arguments: ["app"], options: {}, language: "json", code: "{}" },
      ],
    });
  });
});
