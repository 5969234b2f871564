/**
 * Section 5: how generation time and validator throughput grow with the spec. Synthetic specs of
 * 4, 40 and 400 message types (synthetic-spec.ts) are written to the scratch folder, generated
 * with every target, and their validators and parsers timed on payloads made from each spec.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { buildModel } from "../../../generator/build-model.js";
import { check } from "../../../generator/check.js";
import { load } from "../../../generator/load.js";
import type { BenchContext } from "../context.js";
import { timingSet } from "../payloads.js";
import { compileWithDiscriminator } from "../peers/ajv.js";
import { atLeast, atMost, milliseconds, nanoseconds, ratio, type SectionResult } from "../report.js";
import { breakdownTable, measureBreakdown, type Breakdown } from "../breakdown.js";
import { median, medianRatio, roundRobin } from "../stats.js";
import { syntheticSpec } from "../synthetic-spec.js";
import { assertAgreement, timeCalls, type CallPeer } from "../timing.js";
import { generateArgs, loadGenerated, runOk } from "../workspace.js";

const SIZES = [4, 40, 400] as const;
const PAYLOAD_COUNT = 256;

export async function scalingSection(context: BenchContext): Promise<SectionResult> {
  const dir = join(context.workDir, "scaling");
  await mkdir(dir, { recursive: true });
  const specs = await Promise.all(
    SIZES.map(async (size) => {
      const specPath = join(dir, `synthetic-${size}.schema.json`);
      await writeFile(specPath, `${JSON.stringify(syntheticSpec(size), null, 2)}\n`);
      return { id: String(size), size, specPath, outDir: join(dir, `out-${size}`) };
    }),
  );

  const rounds = context.quick ? 1 : 5;
  // The stage breakdown runs the same code untimed first, so it also warms the file cache.
  const breakdowns = new Map(specs.map((spec) => [spec.id, [] as Breakdown[]]));
  await roundRobin(specs, context.quick ? 1 : 3, context.seed, async (spec) => {
    breakdowns.get(spec.id)!.push(await measureBreakdown(spec.specPath));
    return 0;
  });
  context.log(`scaling: generated ${SIZES.join(", ")} message types in process; timing the command line`);
  const generation = await roundRobin(specs, rounds, context.seed, async (spec) => (await runOk(process.execPath, generateArgs(spec.specPath, spec.outDir))).milliseconds);

  const peers: CallPeer[] = [];
  const crossChecks: CallPeer[] = [];
  for (const spec of specs) {
    const model = buildModel(check(await load(spec.specPath)));
    const payloads = timingSet(model, PAYLOAD_COUNT, context.seed);
    const code = await loadGenerated(spec.outDir);
    peers.push({ id: `validator${spec.size}`, name: `generated validator, ${spec.size} types`, reading: "strict", call: code.validatePushExtras, payloads });
    peers.push({ id: `parser${spec.size}`, name: `generated parser, ${spec.size} types`, reading: "tolerant", call: code.parsePushExtras, payloads });
    // AJV compiled from the same synthetic spec vouches for the payloads' strict verdicts.
    crossChecks.push({ id: `ajv${spec.size}`, name: `AJV at run time, ${spec.size} types`, reading: "strict", call: compileWithDiscriminator(model.schema as object), payloads });
  }
  assertAgreement([...crossChecks, ...peers], (peer) => peer.payloads);
  context.log("scaling: generated code agrees with the contract on every synthetic payload; timing");
  const times = await timeCalls(peers, { rounds: context.quick ? 3 : 15, millisecondsPerRound: context.quick ? 10 : 100, seed: context.seed });
  const calls = times.cpu;

  const smallest = SIZES[0];
  const largest = SIZES[SIZES.length - 1]!;
  const generationRatio = medianRatio(generation.get(String(largest))!, generation.get(String(smallest))!);
  // Throughput is calls per second, the inverse of time per call: small / large.
  const throughput = (kind: string, size: number) => medianRatio(calls.get(`${kind}${smallest}`)!, calls.get(`${kind}${size}`)!);
  const generationTarget = atMost(3, "3");
  const throughputTarget = atLeast(0.8, "0.8");
  return {
    id: "scaling",
    title: "Scaling",
    method:
      `Synthetic specs of ${SIZES.join(", ")} message types. Generation: wall time of \`generate\` (every target), median of ${rounds} round(s). ` +
      `Throughput: CPU time per call on ${PAYLOAD_COUNT} payloads made from each spec (message types drawn evenly, two thirds valid), ` +
      `median of ${context.quick ? 3 : 15} rounds; relative throughput is (time at ${smallest} types) / (time at the size).`,
    columns: ["message types", "generation", `/ ${smallest} types`, "validator per call", "validator throughput / 4 types", "parser per call", "parser throughput / 4 types"],
    rows: specs.map((s) => [
      String(s.size),
      milliseconds(median(generation.get(s.id)!)),
      ratio(medianRatio(generation.get(s.id)!, generation.get(String(smallest))!)),
      nanoseconds(median(calls.get(`validator${s.size}`)!)),
      ratio(throughput("validator", s.size)),
      nanoseconds(median(calls.get(`parser${s.size}`)!)),
      ratio(throughput("parser", s.size)),
    ]),
    more: [
      breakdownTable(
        "Where the generation time goes at each size (the pipeline from dist/ in a fresh process, median per stage):",
        specs.map((s) => ({ label: `${s.size} types`, breakdowns: breakdowns.get(s.id)! })),
      ),
    ],
    figures: [
      {
        figure: `${largest} message types / ${smallest} message types, generation time`,
        value: generationRatio,
        text: ratio(generationRatio),
        peers: specs.map((s) => `${s.size}: ${milliseconds(median(generation.get(s.id)!))}`).join(", "),
        target: generationTarget,
      },
      {
        figure: `validator throughput, ${largest} types / ${smallest} types`,
        value: throughput("validator", largest),
        text: ratio(throughput("validator", largest)),
        peers: `parser ${ratio(throughput("parser", largest))}`,
        target: throughputTarget,
      },
    ],
    raw: {
      sizes: SIZES,
      breakdowns: Object.fromEntries(specs.map((s) => [s.size, breakdowns.get(s.id)])),
      generationMillisecondsByRound: Object.fromEntries(specs.map((s) => [s.size, generation.get(s.id)])),
      nanosecondsPerCallByRound: Object.fromEntries(peers.map((p) => [p.id, { cpu: times.cpu.get(p.id), wall: times.wall.get(p.id) }])),
    },
  };
}
