/**
 * The bench must keep running: its quick version goes end to end and prints every section and
 * every target figure. Timings are never asserted (they depend on the machine); the peers'
 * agreement with the contract and the synthetic specs' validity are, since the figures mean
 * nothing without them.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildModel } from "../generator/build-model.js";
import { check } from "../generator/check.js";
import type { PushExtrasModel } from "../generator/model.js";
import { allCases, timingSet } from "./bench/payloads.js";
import { compileOneOf, compileWithDiscriminator } from "./bench/peers/ajv.js";
import { isPushExtrasByHand, parsePushExtrasByHand } from "./bench/peers/handwritten.js";
import { isPushExtrasTypeBox } from "./bench/peers/typebox.js";
import { isPushExtrasZod } from "./bench/peers/zod.js";
import { syntheticSpec } from "./bench/synthetic-spec.js";
import { disagreements, type CallPeer } from "./bench/timing.js";
import { SPEC_PATH } from "./bench/workspace.js";

const TSX = join(process.cwd(), "node_modules/tsx/dist/cli.mjs");
const scratch = mkdtempSync(join(tmpdir(), "push-extras-bench-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function bench(...args: string[]) {
  return spawnSync(process.execPath, [TSX, "test/bench/cli.ts", ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

function modelOf(document: unknown, path: string): PushExtrasModel {
  return buildModel(check({ path, text: JSON.stringify(document), document }));
}

const realSpec = JSON.parse(readFileSync(SPEC_PATH, "utf8")) as unknown;

describe("bench peers and payloads", () => {
  it("every hand-written peer gives the contract's verdict on every payload", () => {
    const model = modelOf(realSpec, SPEC_PATH);
    const payloads = [...allCases(model, 1), ...timingSet(model, 64, 1)];
    const peer = (name: string, reading: CallPeer["reading"], call: CallPeer["call"]): CallPeer => ({ id: name, name, reading, call, payloads });
    const peers = [
      peer("AJV with discriminator", "strict", compileWithDiscriminator(model.schema as object)),
      peer("AJV oneOf", "strict", compileOneOf(model.schema as object)),
      peer("hand-written guard", "strict", isPushExtrasByHand),
      peer("zod", "strict", isPushExtrasZod),
      peer("TypeBox", "strict", isPushExtrasTypeBox),
      peer("hand-written parser", "tolerant", parsePushExtrasByHand),
    ];
    expect(peers.flatMap((p) => disagreements(p, payloads))).toEqual([]);
    // The set covers both verdicts of both readings, so agreement above is not vacuous.
    expect(new Set(payloads.map((p) => p.strictValid))).toEqual(new Set([true, false]));
    expect(new Set(payloads.map((p) => p.tolerantKind))).toEqual(new Set(["message", "unknown", "invalid"]));
  });

  it("a peer that gets one case wrong is caught", () => {
    const model = modelOf(realSpec, SPEC_PATH);
    const payloads = allCases(model, 1);
    const lax: CallPeer = { id: "lax", name: "lax", reading: "strict", call: (v) => typeof v === "object" && v !== null, payloads };
    expect(disagreements(lax, payloads).length).toBeGreaterThan(0);
  });

  it.each([4, 40])("a synthetic spec of %i message types passes the spec check and its payload verdicts match AJV", (size) => {
    const model = modelOf(syntheticSpec(size), `synthetic-${size}.json`);
    expect(model.messages).toHaveLength(size);
    const payloads = timingSet(model, 128, 1);
    const ajv: CallPeer = { id: "ajv", name: "AJV", reading: "strict", call: compileWithDiscriminator(model.schema as object), payloads };
    expect(disagreements(ajv, payloads)).toEqual([]);
  });

  it("payload sets are the same on every run", () => {
    const model = modelOf(realSpec, SPEC_PATH);
    expect(JSON.stringify(timingSet(model, 64, 7))).toBe(JSON.stringify(timingSet(model, 64, 7)));
  });
});

describe("npm run bench", () => {
  it("explains itself with --help and refuses unknown options", () => {
    const help = bench("--help");
    expect(help.status).toBe(0);
    for (const section of ["throughput", "cold-start", "size", "generation", "scaling", "--quick"]) expect(help.stdout).toContain(section);
    const wrong = bench("--no-such-option");
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("--no-such-option");
  });

  it("runs every section with --quick and prints every figure with its peers and target", () => {
    const jsonPath = join(scratch, "bench-quick.json");
    const run = bench("--quick", "--json", jsonPath);
    expect(run.stderr + run.stdout).not.toContain("FAILED");
    expect(run.status).toBe(0);
    const out = run.stdout;
    for (const title of ["## 1. Validator and parser throughput", "## 2. Cold start", "## 3. Size", "## 4. Generation", "## 5. Scaling", "## Targets"]) {
      expect(out).toContain(title);
    }
    for (const peer of ["hand-written type guard", "generated validator", "AJV with discriminator", "AJV oneOf", "TypeBox", "zod 4", "generated parser", "plain AJV standalone", "AJV compiled at run time", "quicktype -l ts", "quicktype -l kotlin", "quicktype -l swift", "generate --check", "400"]) {
      expect(out).toContain(peer);
    }
    const figures = [
      "validator time / hand-written guard",
      "cold import + first validation",
      "validator module, minified + gzipped",
      "full generate (all targets) / quicktype's three commands",
      "400 message types / 4 message types, generation time",
      "validator throughput, 400 types / 4 types, traffic of 4 types spread through the spec",
      "validator throughput, 400 types / 4 types, traffic of every type",
    ];
    const report = JSON.parse(readFileSync(jsonPath, "utf8")) as {
      quick: boolean;
      summary: { figure: string; value: number; peers: string; target: { text: string } | null; met: boolean | null }[];
      sections: Record<string, { raw: unknown }>;
      failures: unknown[];
    };
    expect(report.quick).toBe(true);
    expect(report.failures).toEqual([]);
    expect(Object.keys(report.sections).sort()).toEqual(["cold-start", "generation", "scaling", "size", "throughput"]);
    for (const name of figures) {
      const figure = report.summary.find((f) => f.figure === name);
      expect(figure, name).toBeDefined();
      // A figure, its peers and its target are printed; whether the target is met is not tested.
      expect(Number.isFinite(figure!.value), name).toBe(true);
      expect(figure!.target, name).not.toBeNull();
      expect(typeof figure!.met, name).toBe("boolean");
      expect(out).toContain(name);
      expect(out).toContain(figure!.target!.text);
    }
    for (const name of figures.filter((f) => !f.startsWith("400"))) expect(report.summary.find((f) => f.figure === name)!.peers, name).not.toBe("");
    expect(out).toContain("Where the time of `generate` goes");
  }, 900_000);
});
