/**
 * The command line end to end, as a build pipeline runs it: the real built CLI in a child process.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, treeHash } from "./reliability/cli.js";

let work: string;

const cli = (...args: string[]) => runCli(args);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "push-extras-cli-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("push-extras generate", () => {
  it("writes every target, one progress line per target, and two runs give identical bytes", () => {
    const first = cli("generate", "--out", join(work, "a"));
    expect(first.status, first.stderr).toBe(0);
    for (const target of ["schema", "typescript", "validators", "kotlin", "swift", "docs"]) {
      expect(first.stdout).toMatch(new RegExp(`^✓ ${target} .* (ms|s)$`, "m"));
    }
    expect(cli("generate", "--out", join(work, "b"), "--quiet").stdout).toBe("");
    expect(treeHash(join(work, "b"))).toEqual(treeHash(join(work, "a")));
    expect(Object.keys(treeHash(join(work, "a"))).length).toBeGreaterThan(6);
  });

  it("check exits 0 when up to date and 1 naming the file after a one-byte edit", () => {
    const out = join(work, "check");
    expect(cli("generate", "--out", out, "--quiet").status).toBe(0);
    expect(cli("check", "--out", out).status).toBe(0);
    const victim = join(out, "ts", "types.ts");
    const bytes = readFileSync(victim);
    bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 1;
    writeFileSync(victim, bytes);
    const before = treeHash(out);
    const drift = cli("generate", "--check", "--out", out);
    expect(drift.status).toBe(1);
    expect(drift.stderr).toMatch(/changed +.*ts\/types\.ts/);
    expect(treeHash(out), "check writes nothing").toEqual(before);
  });

  it("check names missing and stale files, and generate removes the stale ones", () => {
    const out = join(work, "stale");
    expect(cli("generate", "--out", out, "--quiet").status).toBe(0);
    writeFileSync(join(out, "ts", "leftover.ts"), "export {};\n");
    rmSync(join(out, "docs"), { recursive: true });
    const drift = cli("check", "--out", out);
    expect(drift.status).toBe(1);
    expect(drift.stderr).toMatch(/stale +.*ts\/leftover\.ts/);
    expect(drift.stderr).toMatch(/missing +.*docs\//);
    expect(cli("generate", "--out", out, "--quiet").status).toBe(0);
    expect(existsSync(join(out, "ts", "leftover.ts"))).toBe(false);
    expect(cli("check", "--out", out).status).toBe(0);
  });

  it("refuses to replace a folder it did not make, and leaves it as it was", () => {
    const out = join(work, "foreign");
    mkdirSync(out);
    writeFileSync(join(out, "notes.txt"), "mine\n");
    const r = cli("generate", "--out", out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not made by push-extras/);
    expect(readdirSync(out)).toEqual(["notes.txt"]);
  });

  it("takes settings from a config file, with flags overriding it", () => {
    const dir = join(work, "config");
    mkdirSync(dir);
    writeFileSync(join(dir, "push-extras.config.json"), JSON.stringify({ spec: join(process.cwd(), "spec/push-extras.schema.json"), out: "out", targets: ["schema", "kotlin"], kotlinPackage: "org.example.push" }));
    const r = runCli(["generate", "--targets", "kotlin,schema,docs"], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["README.md", "docs", "kotlin", "schema"]);
    const kotlin = readdirSync(join(dir, "out", "kotlin"), { recursive: true }).map(String).find((f) => f.endsWith(".kt"))!;
    expect(readFileSync(join(dir, "out", "kotlin", kotlin), "utf8")).toMatch(/^package org\.example\.push$/m);
  });

  it("gives the same bytes whatever order the targets are named in", () => {
    expect(cli("generate", "--out", join(work, "order-a"), "--quiet", "--targets", "docs,schema").status).toBe(0);
    expect(cli("generate", "--out", join(work, "order-b"), "--quiet", "--targets", "schema,docs").status).toBe(0);
    expect(treeHash(join(work, "order-b"))).toEqual(treeHash(join(work, "order-a")));
  });

  it("validates settings against a config schema that is itself a valid draft 2020-12 schema", () => {
    // The command line compiles it without that check, to save its time on every run.
    const ajv = new Ajv2020({ strict: true });
    const schema = JSON.parse(readFileSync("generator/config.schema.json", "utf8")) as object;
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it("rejects unknown config keys and unknown flags with exit 2", () => {
    const config = join(work, "bad.config.json");
    writeFileSync(config, JSON.stringify({ outDir: "x" }));
    const r = cli("generate", "--config", config);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bad.config.json#/outDir: unknown setting "outDir"');
    const flag = cli("generate", "--outdir", "x");
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/unknown option '--outdir'/);
    expect(cli("generate", "--targets", "cobol").stderr).toMatch(/--targets: must be equal to one of the allowed values/);
  });

  it("prints help and version with exit 0, and usage errors with exit 2", () => {
    const help = cli("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Exit codes: 0 ok, 1 .*2 bad input or usage/);
    const version = cli("--version");
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
    expect(cli().status).toBe(2);
  });
});
