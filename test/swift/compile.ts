/**
 * Compiles and runs Swift with the project's toolchain (test/toolchain/swift.sh): Debian trixie's
 * swiftlang in a chroot. Each call copies its folder into the root, so a call compiles once and
 * does everything it needs there; swiftc takes seconds, keep calls few.
 */
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const SWIFT_SH = resolve(dirname(fileURLToPath(import.meta.url)), "../toolchain/swift.sh");

/**
 * The flags every compilation of generated Swift uses: Swift 6 language mode (complete strict
 * concurrency checking) and no warning tolerated.
 */
export const SWIFT_FLAGS = ["-swift-version", "6", "-warnings-as-errors"] as const;

export interface SwiftRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Null when the Swift toolchain is ready, else why not and how to install it. */
export async function swiftToolchainProblem(): Promise<string | null> {
  const ready = await runSwiftScript(["ready"]);
  if (ready.status === 0) return null;
  return `the Swift toolchain is not installed (a Debian trixie root with swiftlang 6); install it with: sudo bash test/toolchain/swift.sh install`;
}

/**
 * Runs a shell script inside the Swift root, in a copy of `dir`. The script's output is returned;
 * nothing it writes comes back.
 */
export async function runInSwiftRoot(dir: string, script: string): Promise<SwiftRun> {
  return runSwiftScript(["run", dir, "sh", "-c", script]);
}

/**
 * Compiles Swift library sources (no top-level code) into a shared library, in Swift 6 mode with
 * warnings as errors, and throws with the compiler's output when that fails.
 */
export async function compileSwift(sources: readonly string[], workDir: string): Promise<void> {
  const dir = copySources(sources, workDir);
  const files = sources.map((s) => shellQuote(basename(s))).join(" ");
  const result = await runInSwiftRoot(
    dir,
    `swiftc ${SWIFT_FLAGS.join(" ")} -parse-as-library -emit-library -module-name PushExtrasCheck ${files} -o libPushExtrasCheck.so`,
  );
  if (result.status !== 0) {
    throw new Error(`swiftc failed (exit ${result.status}) on ${sources.join(", ")}:\n${result.stderr}${result.stdout}`);
  }
}

/** Copies sources into a fresh folder under workDir, refusing two files with one name. */
export function copySources(sources: readonly string[], workDir: string): string {
  mkdirSync(workDir, { recursive: true });
  const dir = mkdtempSync(join(workDir, "swift-"));
  for (const source of sources) {
    const target = join(dir, basename(source));
    if (existsSync(target)) throw new Error(`two Swift sources are named ${basename(source)}`);
    copyFileSync(source, target);
  }
  return dir;
}

export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function runSwiftScript(args: readonly string[]): Promise<SwiftRun> {
  return new Promise((resolvePromise, reject) => {
    execFile("bash", [SWIFT_SH, ...args], { maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") {
        reject(error);
        return;
      }
      resolvePromise({ status: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}
