/**
 * Compiling and running Kotlin (and the Java that calls it) in tests, with the pinned compilers:
 * Kotlin 2.x from test/toolchain/kotlin.sh, and Kotlin 1.9 from test/kotlin/compat/kotlin-1.9.sh.
 *
 * Why a second compiler: the generated file must work for apps still on Kotlin 1.9, but Kotlin 2.4
 * no longer accepts `-language-version 1.9` (dropped with the K1 compiler, KT-80590, see the 2.4
 * compatibility guide) and warns that 2.0 and 2.1 are deprecated, so under -Werror its oldest
 * usable level is 2.2. Compiling with the last 1.9 release itself is the only real proof.
 *
 * Every compile runs with -Werror: a warning in generated code is a bug, since apps that build with
 * -Werror themselves would break on it.
 */
import { execFile } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const KOTLIN_SCRIPT = join(here, "..", "toolchain", "kotlin.sh");
export const KOTLIN_19_SCRIPT = join(here, "compat", "kotlin-1.9.sh");

interface Finished {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a program to its end with an empty stdin; never rejects, so callers decide what a failure means. */
export function run(command: string, args: readonly string[]): Promise<Finished> {
  return new Promise((resolve) => {
    const child = execFile(command, args, { maxBuffer: 256 * 1024 * 1024, encoding: "utf8" }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
      resolve({ code, stdout, stderr: error !== null && stderr === "" ? String(error.message) : stderr });
    });
    child.stdin?.end();
  });
}

async function compileWith(script: string, sources: readonly string[], outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const result = await run("bash", [script, "kotlinc", "-Werror", "-d", outDir, ...sources]);
  if (result.code !== 0) {
    throw new Error(`kotlinc (${script}) failed with exit code ${result.code}:\n${result.stdout}${result.stderr}`);
  }
}

/** Compiles Kotlin sources into class files in `outDir` with the pinned Kotlin 2.x and -Werror. */
export async function compileKotlin(sources: readonly string[], outDir: string): Promise<void> {
  await compileWith(KOTLIN_SCRIPT, sources, outDir);
}

/** The same with the Kotlin 1.9 compiler, which is fetched from Maven Central on first use. */
export async function compileKotlin19(sources: readonly string[], outDir: string): Promise<void> {
  const installed = await run("bash", [KOTLIN_19_SCRIPT, "install"]);
  if (installed.code !== 0) throw new Error(`cannot install Kotlin 1.9:\n${installed.stderr}`);
  await compileWith(KOTLIN_19_SCRIPT, sources, outDir);
}

/** The Kotlin standard library jar of the pinned 2.x compiler, which compiled code needs at run time. */
export async function kotlinStdlib(): Promise<string> {
  const result = await run("bash", [KOTLIN_SCRIPT, "classpath"]);
  const jar = result.stdout.trim().split(delimiter).find((path) => /[\\/]kotlin-stdlib-[0-9.]+\.jar$/.test(path));
  if (result.code !== 0 || jar === undefined) throw new Error(`no Kotlin standard library: ${result.stderr}`);
  return jar;
}

/** Null when the pinned Kotlin compiler and a Java runtime are there; else what is missing and how to get it. */
export async function kotlinToolchainProblem(): Promise<string | null> {
  const java = await run("java", ["-version"]);
  if (java.code !== 0) return "no Java runtime (java) on the PATH: install a JDK 17 or newer, such as Debian's openjdk-17-jdk-headless";
  const ready = await run("bash", [KOTLIN_SCRIPT, "ready"]);
  if (ready.code !== 0) return "the pinned Kotlin compiler is not installed: run `bash test/toolchain/install.sh` (needs Maven)";
  return null;
}

/** Compiles Java sources against class folders or jars with javac, treating warnings as errors. */
export async function compileJava(sources: readonly string[], classpath: readonly string[], outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const result = await run("javac", ["-Werror", "-Xlint:all", "-cp", classpath.join(delimiter), "-d", outDir, ...sources]);
  if (result.code !== 0) throw new Error(`javac failed with exit code ${result.code}:\n${result.stdout}${result.stderr}`);
}

/** Runs a main class and returns its standard output; throws with stderr when it fails. */
export async function runJava(classpath: readonly string[], mainClass: string, args: readonly string[] = []): Promise<string> {
  const result = await run("java", ["-Dfile.encoding=UTF-8", "-cp", classpath.join(delimiter), mainClass, ...args]);
  if (result.code !== 0) throw new Error(`java ${mainClass} failed with exit code ${result.code}:\n${result.stderr}`);
  return result.stdout;
}
