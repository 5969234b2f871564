/**
 * Section 2: a fresh Node process that imports the generated validator and validates one payload,
 * against the plain AJV standalone module of the same schema and against compiling the schema
 * with AJV at run time. Each round starts every variant once, in a shuffled order.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchContext } from "../context.js";
import { writePlainStandalone } from "../peers/ajv.js";
import { atMost, milliseconds, type SectionResult } from "../report.js";
import { median, roundRobin } from "../stats.js";
import { runOk } from "../workspace.js";

const PROBE = join(dirname(fileURLToPath(import.meta.url)), "../probe/cold-start.mjs");

interface Variant {
  readonly id: string;
  readonly name: string;
  readonly args: readonly string[];
}

interface ProbeOutput {
  readonly milliseconds: number;
  readonly cpuMilliseconds: number;
  readonly sinceProcessStart: number;
  readonly valid: boolean | null;
}

export async function coldStartSection(context: BenchContext): Promise<SectionResult> {
  const first = context.model.messages[0]!.examples[0]!;
  const payload = JSON.stringify(first);
  const plainStandalone = await writePlainStandalone(context.model.schema as object, context.workDir);
  const variants: Variant[] = [
    { id: "generated", name: "generated validators.js", args: ["module", context.generated.validatorsPath, "validatePushExtras", payload] },
    { id: "standalone", name: "plain AJV standalone module", args: ["module", plainStandalone, "validatePushExtras", payload] },
    { id: "runtime", name: "AJV compiled at run time", args: ["compile", context.generator.ajvPath, context.specPath, payload] },
    { id: "none", name: "node alone (no validator)", args: ["none"] },
  ];
  const rounds = context.quick ? 3 : 15;
  const probes = new Map<string, ProbeOutput[]>(variants.map((v) => [v.id, []]));
  const wall = await roundRobin(variants, rounds + 1, context.seed, async (variant) => {
    const result = await runOk(process.execPath, [PROBE, ...variant.args]);
    const output = JSON.parse(result.stdout) as ProbeOutput;
    if (variant.id !== "none" && output.valid !== true) throw new Error(`${variant.name} rejected a spec example: ${payload}`);
    probes.get(variant.id)!.push(output);
    return result.milliseconds;
  });
  // The first round fills the file cache; it is kept in the JSON but left out of the medians.
  const warm = <T>(values: readonly T[]) => values.slice(1);
  const loadMs = (id: string) => median(warm(probes.get(id)!).map((p) => p.milliseconds));
  const loadCpuMs = (id: string) => median(warm(probes.get(id)!).map((p) => p.cpuMilliseconds));
  const sinceStart = (id: string) => median(warm(probes.get(id)!).map((p) => p.sinceProcessStart));
  const wallMs = (id: string) => median(warm(wall.get(id)!));
  const target = atMost(5, "5 ms");
  return {
    id: "cold-start",
    title: "Cold start",
    method:
      `A fresh \`node\` process per measurement (${process.version}) validating a spec example; median of ${rounds} rounds after one warm-up round, ` +
      "order shuffled per round. \"import + first validation\" is wall time from just before the import to just after the first call; " +
      "its CPU time (main and helper threads) shows how much of it was work rather than waiting for a core.",
    columns: ["variant", "import + first validation", "of which CPU", "since process start", "process wall time", "target"],
    rows: variants.map((v) => [
      v.name,
      v.id === "none" ? "" : milliseconds(loadMs(v.id)),
      v.id === "none" ? "" : milliseconds(loadCpuMs(v.id)),
      milliseconds(sinceStart(v.id)),
      milliseconds(wallMs(v.id)),
      v.id === "generated" ? target.text : "",
    ]),
    figures: [
      {
        figure: "cold import + first validation",
        value: loadMs("generated"),
        text: milliseconds(loadMs("generated")),
        peers: `AJV standalone ${milliseconds(loadMs("standalone"))}; AJV compiled at run time ${milliseconds(loadMs("runtime"))}`,
        target,
      },
    ],
    raw: Object.fromEntries(variants.map((v) => [v.id, { name: v.name, probes: probes.get(v.id), wallMilliseconds: wall.get(v.id) }])),
  };
}
