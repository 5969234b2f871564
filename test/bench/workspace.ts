/**
 * Where the bench puts its files and how it runs the generator: a fresh temporary folder per run
 * (nothing lands in generated/ or dist/), the command line built from the sources as users run it,
 * and child processes timed from spawn to exit.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, cp, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { nowMs } from "./stats.js";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SPEC_PATH = join(REPO_ROOT, "spec/push-extras.schema.json");
export const QUICKTYPE_PATH = join(REPO_ROOT, "node_modules/.bin/quicktype");
const TSC_PATH = join(REPO_ROOT, "node_modules/typescript/bin/tsc");

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

/** The generator compiled by the bench, and the files of it that the bench runs. */
export interface GeneratorBuild {
  /** A stand-in package folder: package.json, templates/ and the rest linked to this repository. */
  readonly packageDir: string;
  readonly cliPath: string;
  readonly pipelinePath: string;
  readonly ajvPath: string;
}

/**
 * The generator is compiled into a package folder of the bench's own, not into dist/: other work
 * in this checkout rebuilds dist/ at any time, and a half-written file there would break a
 * measurement (or a rebuild by the bench would break theirs). The folder holds a copy of what the
 * generator reads from its package root (templates/, generator/config.schema.json), taken once so
 * that one run measures one version, and links node_modules/.
 */
export async function privateGenerator(workDir: string): Promise<GeneratorBuild> {
  const packageDir = join(workDir, "package");
  await mkdir(join(packageDir, "generator"), { recursive: true });
  await copyFile(join(REPO_ROOT, "package.json"), join(packageDir, "package.json"));
  await copyFile(join(REPO_ROOT, "generator/config.schema.json"), join(packageDir, "generator/config.schema.json"));
  await cp(join(REPO_ROOT, "templates"), join(packageDir, "templates"), { recursive: true });
  await symlink(join(REPO_ROOT, "node_modules"), join(packageDir, "node_modules"), "dir");
  const dist = join(packageDir, "dist/generator");
  return { packageDir, cliPath: join(dist, "cli.js"), pipelinePath: join(dist, "pipeline.js"), ajvPath: join(dist, "ajv.js") };
}

/** The compiler command of `npm run build:generator`, writing into the bench's package folder. */
export function buildArgs(generator: GeneratorBuild): string[] {
  return [TSC_PATH, "-p", join(REPO_ROOT, "tsconfig.generator.json"), "--outDir", join(generator.packageDir, "dist")];
}

/**
 * Compiles the generator as `npm run build:generator` does, so that every timed run is the plain
 * `node dist/generator/cli.js`. The compiler emits even when it reports type errors, so those are
 * returned for the caller to show rather than thrown.
 */
export async function buildGenerator(generator: GeneratorBuild): Promise<RunResult> {
  const result = await run(process.execPath, buildArgs(generator));
  if (!existsSync(generator.cliPath)) throw new Error(`the generator build did not produce ${generator.cliPath}\n${result.stdout}${result.stderr}`);
  return result;
}

/** The arguments of `generate` for a spec and an output folder, as a user would type them. */
export function generateArgs(generator: GeneratorBuild, specPath: string, outDir: string, extra: readonly string[] = []): string[] {
  return [generator.cliPath, "generate", "--spec", specPath, "--out", outDir, "--quiet", ...extra];
}

export async function generateInto(generator: GeneratorBuild, specPath: string, outDir: string): Promise<RunResult> {
  return runOk(process.execPath, generateArgs(generator, specPath, outDir));
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
