/**
 * Where the bench puts its files and how it runs the generator: a fresh temporary folder per run
 * (nothing lands in generated/), the command line from dist/ as users run it, and child processes
 * timed from spawn to exit.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { nowMs } from "./stats.js";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SPEC_PATH = join(REPO_ROOT, "spec/push-extras.schema.json");
export const CLI_PATH = join(REPO_ROOT, "dist/generator/cli.js");
export const DIST_AJV_PATH = join(REPO_ROOT, "dist/generator/ajv.js");
export const QUICKTYPE_PATH = join(REPO_ROOT, "node_modules/.bin/quicktype");

export interface RunResult {
  readonly milliseconds: number;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end; the time runs from just before spawn to the exit of the process. */
export function run(command: string, args: readonly string[], cwd = REPO_ROOT): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const started = nowMs();
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      resolvePromise({
        milliseconds: nowMs() - started,
        code: code ?? -1,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      });
    });
  });
}

/** Like `run`, but a non-zero exit is an error that shows what the command printed. */
export async function runOk(command: string, args: readonly string[], cwd = REPO_ROOT): Promise<RunResult> {
  const result = await run(command, args, cwd);
  if (result.code !== 0) {
    throw new Error(`${[command, ...args].join(" ")} exited with ${result.code}\n${result.stderr}${result.stdout}`.trim());
  }
  return result;
}

/**
 * A fresh temporary folder for one bench run. Its package.json makes the generated `.js` files
 * below it ES modules, as they are inside a package of type module.
 */
export async function createWorkspace(): Promise<{ readonly dir: string; dispose(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "push-extras-bench-"));
  await writeFile(join(dir, "package.json"), `${JSON.stringify({ type: "module", private: true })}\n`);
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Compiles the generator once (`npm run build:generator`), so that every timed run is the plain
 * `node dist/generator/cli.js`. The compiler emits even when it reports type errors, so those are
 * returned for the caller to show rather than thrown.
 */
export async function buildGenerator(): Promise<RunResult> {
  const result = await run("npm", ["run", "--silent", "build:generator"]);
  if (!existsSync(CLI_PATH)) throw new Error(`npm run build:generator did not produce ${CLI_PATH}\n${result.stdout}${result.stderr}`);
  return result;
}

/** The arguments of `generate` for a spec and an output folder, as a user would type them. */
export function generateArgs(specPath: string, outDir: string, extra: readonly string[] = []): string[] {
  return [CLI_PATH, "generate", "--spec", specPath, "--out", outDir, "--quiet", ...extra];
}

export async function generateInto(specPath: string, outDir: string): Promise<RunResult> {
  return runOk(process.execPath, generateArgs(specPath, outDir));
}

export interface GeneratedCode {
  readonly validatorsPath: string;
  readonly validatePushExtras: (value: unknown) => boolean;
  readonly parsePushExtras: (value: unknown) => { readonly kind: string; readonly messageType?: string; readonly message?: { readonly messageType: string } };
}

/**
 * Loads the generated validator module as it is, and the generated parser bundled to one ES
 * module by esbuild (it is TypeScript that imports its sibling files). The bundle goes beside the
 * output folder, not into it, so `--check` still sees exactly what the generator wrote.
 */
export async function loadGenerated(outDir: string): Promise<GeneratedCode> {
  const validatorsPath = join(outDir, "ts/validators.js");
  const parserBundle = `${outDir}.parser.mjs`;
  await build({ entryPoints: [join(outDir, "ts/parser.ts")], outfile: parserBundle, bundle: true, format: "esm", platform: "neutral", logLevel: "silent" });
  const validators = (await import(pathToFileURL(validatorsPath).href)) as Record<string, unknown>;
  const parser = (await import(pathToFileURL(parserBundle).href)) as Record<string, unknown>;
  if (typeof validators["validatePushExtras"] !== "function") throw new Error(`${validatorsPath} does not export validatePushExtras`);
  if (typeof parser["parsePushExtras"] !== "function") throw new Error(`${join(outDir, "ts/parser.ts")} does not export parsePushExtras`);
  return {
    validatorsPath,
    validatePushExtras: validators["validatePushExtras"] as GeneratedCode["validatePushExtras"],
    parsePushExtras: parser["parsePushExtras"] as GeneratedCode["parsePushExtras"],
  };
}
