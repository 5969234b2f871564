/**
 * Running the built command line the way a build pipeline does, and proving what it left on disk.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

export const CLI = "dist/generator/cli.js";

export interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], cwd?: string): CliRun {
  const cli = cwd === undefined ? CLI : join(process.cwd(), CLI);
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd, env: { ...process.env, NO_COLOR: "1" } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The `error:` lines of a run, without the closing "nothing was written" line. */
export function problemLines(run: CliRun): string[] {
  return run.stderr
    .split("\n")
    .filter((line) => line.startsWith("error: "))
    .filter((line) => !/^error: nothing was written/.test(line));
}

/** Every file and folder under `dir` with a hash of its bytes: equal maps mean byte-identical trees. */
export function treeHash(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const key = relative(dir, path);
    tree[key] = entry.isFile() ? createHash("sha256").update(readFileSync(path)).digest("hex") : entry.isDirectory() ? "(folder)" : "(other)";
  }
  return tree;
}
