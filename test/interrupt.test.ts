/**
 * Interrupts while the output is written: Ctrl-C, a cancelled CI job or a closed terminal leaves
 * the output folder either as it was or written in full, never half-replaced, with no temporary
 * folder beside it, and the process still ends by that signal.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isTemporaryOutputName, writeOutput } from "../generator/write.js";
import { syntheticSpec } from "./bench/synthetic-spec.js";
import { CLI, runCli, treeHash } from "./reliability/cli.js";

let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "push-extras-interrupt-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The writer's temporary folders beside any output folder in `dir`. */
function temporaryFolders(dir: string): string[] {
  const names = readdirSync(dir);
  return names.filter((name) => names.some((out) => out !== name && isTemporaryOutputName(name, join(dir, out))));
}

/** A folder holding the real spec's output, as a build that regenerates finds it. */
function generatedFolder(name: string): string {
  const out = join(work, name);
  const run = runCli(["generate", "--out", out, "--quiet"]);
  expect(run.status, run.stderr).toBe(0);
  return out;
}

describe("writing the output", () => {
  it("stops before the swap when its signal is aborted, leaving the folder as it was and no temporary folder", async () => {
    const out = generatedFolder("aborted");
    const before = treeHash(out);
    const controller = new AbortController();
    controller.abort();
    const files = Object.keys(before).map((path) => ({ path, contents: "changed\n" }));
    await expect(writeOutput(out, files, controller.signal)).rejects.toThrow();
    expect(treeHash(out)).toEqual(before);
    expect(temporaryFolders(work)).toEqual([]);
  });
});

describe("a signal during the write", () => {
  /** Runs a module in a child process and says how it ended. */
  function runModule(source: string) {
    const file = join(work, `probe-${Math.random().toString(36).slice(2)}.mjs`);
    writeFileSync(file, source);
    const r = spawnSync(process.execPath, [file], { encoding: "utf8" });
    return { stdout: r.stdout, stderr: r.stderr, signal: r.signal, status: r.status };
  }
  const interruptModule = JSON.stringify(resolve("dist/generator/interrupt.js"));

  it("is held until the work stops at a safe point, then ends the process by the same signal", () => {
    const run = runModule(`
      import { InterruptedError, withInterruptsDeferred } from ${interruptModule};
      try {
        await withInterruptsDeferred(async (signal) => {
          process.kill(process.pid, "SIGTERM");
          await new Promise((resolve) => setTimeout(resolve, 100));
          console.log("still running, aborted:", signal.aborted);
          signal.throwIfAborted();
          console.log("not reached");
        });
      } catch (error) {
        console.log(error instanceof InterruptedError, error.signal, error.finished);
        error.raise();
        await new Promise((resolve) => setTimeout(resolve, 1000));
        console.log("outlived the signal");
      }
    `);
    expect(run.stdout).toBe("still running, aborted: true\ntrue SIGTERM false\n");
    expect(run.signal).toBe("SIGTERM");
  });

  it("says when the work finished all the same, and leaves other signals to Node once it is over", () => {
    const run = runModule(`
      import { withInterruptsDeferred } from ${interruptModule};
      try {
        await withInterruptsDeferred(async () => {
          process.kill(process.pid, "SIGINT");
          await new Promise((resolve) => setTimeout(resolve, 100));
          return 42;
        });
      } catch (error) {
        console.log(error.signal, error.finished, process.listenerCount("SIGINT"), process.listenerCount("SIGTERM"));
      }
    `);
    expect(run.stdout).toBe("SIGINT true 0 0\n");
    expect(run.status).toBe(0);
  });

  it("from the command line leaves the output old or new in full, never a mix, and no temporary folder", async () => {
    // A large spec, so that writing its output takes long enough for the signal to land in it.
    const bigSpec = join(work, "big.schema.json");
    writeFileSync(bigSpec, JSON.stringify(syntheticSpec(400), null, 2));
    const fresh = join(work, "big-reference");
    expect(runCli(["generate", "--spec", bigSpec, "--out", fresh, "--quiet"]).status).toBe(0);
    const newTree = treeHash(fresh);
    for (const delay of [0, 5, 20]) {
      const out = generatedFolder(`interrupted-${delay}`);
      const oldTree = treeHash(out);
      const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolveEnd) => {
        const child = spawn(process.execPath, [CLI, "generate", "--spec", bigSpec, "--out", out], { env: { ...process.env, NO_COLOR: "1" } });
        let stdout = "";
        let stderr = "";
        let signalled = false;
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.stdout.on("data", (chunk: Buffer) => {
          stdout += chunk.toString();
          // The docs target is the last: the write starts right after its line.
          if (!signalled && /^✓ docs /m.test(stdout)) {
            signalled = true;
            setTimeout(() => child.kill("SIGINT"), delay);
          }
        });
        child.on("exit", (code, signal) => resolveEnd({ code, signal, stderr }));
      });
      const tree = treeHash(out);
      if (ended.signal === "SIGINT") {
        expect(ended.stderr).toMatch(/interrupted by SIGINT: (nothing was written|the output folder was written in full)|^$/);
        expect([oldTree, newTree]).toContainEqual(tree);
      } else {
        // The signal came after the run had ended.
        expect(ended.code, ended.stderr).toBe(0);
        expect(tree).toEqual(newTree);
      }
      expect(temporaryFolders(work)).toEqual([]);
    }
  });
});
