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
import { spreadTypes, syntheticSpec } from "../synthetic-spec.js";
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
    breakdowns.get(spec.id)!.push(await measureBreakdown(context.generator, spec.specPath));
    return 0;
  });
  context.log(`scaling: generated ${SIZES.join(", ")} message types in process; timing the command line`);
  const generation = await roundRobin(specs, rounds, context.seed, async (spec) => (await runOk(process.execPath, generateArgs(context.generator, spec.specPath, spec.outDir))).milliseconds);

  // Two kinds of traffic: four message types spread through the spec (the same work per call at
  // every size, so only the spec's size differs), and every message type of the spec (also more
  // distinct code and payload shapes, as a receiver of hundreds of types would see).
  const traffics = [
    { id: "spread", name: "4 types spread through the spec", types: (size: number): readonly string[] | undefined => spreadTypes(size) },
    { id: "all", name: "every type", types: (): readonly string[] | undefined => undefined },
  ] as const;
  const peers: CallPeer[] = [];
  const crossChecks: CallPeer[] = [];
  for (const spec of specs) {
    const model = buildModel(check(await load(spec.specPath)));
    const code = await loadGenerated(spec.outDir);
    const ajv = compileWithDiscriminator(model.schema as object);
    for (const traffic of traffics) {
      const payloads = timingSet(model, PAYLOAD_COUNT, context.seed, traffic.types(spec.size));
      const at = `${traffic.id}${spec.size}`;
      peers.push({ id: `validator-${at}`, name: `generated validator, ${spec.size} types, ${traffic.name}`, reading: "strict", call: code.validatePushExtras, payloads });
      peers.push({ id: `parser-${at}`, name: `generated parser, ${spec.size} types, ${traffic.name}`, reading: "tolerant", call: code.parsePushExtras, payloads });
      // AJV compiled from the same synthetic spec vouches for the payloads' strict verdicts.
      crossChecks.push({ id: `ajv-${at}`, name: `AJV at run time, ${spec.size} types`, reading: "strict", call: ajv, payloads });
    }
  }
  assertAgreement([...crossChecks, ...peers], (peer) => peer.payloads);
  context.log("scaling: generated code agrees with the contract on every synthetic payload; timing");
  const callRounds = context.quick ? 3 : 15;
  const times = await timeCalls(peers, { rounds: callRounds, millisecondsPerRound: context.quick ? 10 : 100, seed: context.seed });
  const calls = times.cpu;

  const smallest = SIZES[0];
  const largest = SIZES[SIZES.length - 1]!;
  const generationRatio = medianRatio(generation.get(String(largest))!, generation.get(String(smallest))!);
  const perCall = (kind: string, traffic: string, size: number) => calls.get(`${kind}-${traffic}${size}`)!;
  // Throughput is calls per second, the inverse of time per call: small / large.
  const throughput = (kind: string, traffic: string, size: number) => medianRatio(perCall(kind, traffic, smallest), perCall(kind, traffic, size));
  const generationTarget = atMost(3, "3");
  const throughputTarget = atLeast(0.8, "0.8");
  return {
    id: "scaling",
    title: "Scaling",
    method:
      `Synthetic specs of ${SIZES.join(", ")} message types. Generation: wall time of \`generate\` (every target), median of ${rounds} round(s). ` +
      `Throughput: CPU time per call on ${PAYLOAD_COUNT} payloads made from each spec (two thirds valid), median of ${callRounds} rounds, ` +
      `with traffic of ${traffics.map((t) => t.name).join(" and of ")}; relative throughput is (time at ${smallest} types) / (time at the size).`,
    columns: ["message types", "generation", `/ ${smallest} types`],
    rows: specs.map((s) => [String(s.size), milliseconds(median(generation.get(s.id)!)), ratio(medianRatio(generation.get(s.id)!, generation.get(String(smallest))!))]),
    more: [
      {
        caption: "Throughput of the generated code at each size:",
        columns: ["message types", "traffic", "validator per call", `validator throughput / ${smallest} types`, "parser per call", `parser throughput / ${smallest} types`],
        rows: specs.flatMap((s) =>
          traffics.map((t) => [
            String(s.size),
            t.name,
            nanoseconds(median(perCall("validator", t.id, s.size))),
            ratio(throughput("validator", t.id, s.size)),
            nanoseconds(median(perCall("parser", t.id, s.size))),
            ratio(throughput("parser", t.id, s.size)),
          ]),
        ),
      },
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
      ...traffics.map((t) => ({
        figure: `validator throughput, ${largest} types / ${smallest} types, traffic of ${t.name}`,
        value: throughput("validator", t.id, largest),
        text: ratio(throughput("validator", t.id, largest)),
        peers: `parser ${ratio(throughput("parser", t.id, largest))}; per call ${nanoseconds(median(perCall("validator", t.id, smallest)))} at ${smallest} types, ${nanoseconds(median(perCall("validator", t.id, largest)))} at ${largest}`,
        target: throughputTarget,
      })),
    ],
    raw: {
      sizes: SIZES,
      breakdowns: Object.fromEntries(specs.map((s) => [s.size, breakdowns.get(s.id)])),
      generationMillisecondsByRound: Object.fromEntries(specs.map((s) => [s.size, generation.get(s.id)])),
      nanosecondsPerCallByRound: Object.fromEntries(peers.map((p) => [p.id, { cpu: times.cpu.get(p.id), wall: times.wall.get(p.id) }])),
    },
  };
}
