/**
 * Where generation time goes: the pipeline run in a fresh process (probe/generate-targets.mjs),
 * timing Node's start, loading the generator, reading and modelling the spec, and each target.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { milliseconds, type Table } from "./report.js";
import { median } from "./stats.js";
import { runOk, type GeneratorBuild } from "./workspace.js";

const PROBE = join(dirname(fileURLToPath(import.meta.url)), "probe/generate-targets.mjs");

export interface Breakdown {
  readonly nodeStart: number;
  readonly importPipeline: number;
  readonly specAndModel: number;
  readonly targets: Readonly<Record<string, number>>;
}

export async function measureBreakdown(generator: GeneratorBuild, specPath: string): Promise<Breakdown> {
  return JSON.parse((await runOk(process.execPath, [PROBE, generator.pipelinePath, specPath])).stdout) as Breakdown;
}

/** Stage names and their median milliseconds over several breakdowns, in pipeline order. */
export function medianStages(breakdowns: readonly Breakdown[]): [string, number][] {
  const first = breakdowns[0];
  if (first === undefined) return [];
  const stages: [string, (b: Breakdown) => number][] = [
    ["node start-up", (b) => b.nodeStart],
    ["loading the generator", (b) => b.importPipeline],
    ["spec: load, check, model", (b) => b.specAndModel],
    ...Object.keys(first.targets).map((name): [string, (b: Breakdown) => number] => [`target ${name}`, (b) => b.targets[name] ?? Number.NaN]),
  ];
  return stages.map(([name, of]) => [name, median(breakdowns.map(of))]);
}

/** One column per spec: the median time of each stage. */
export function breakdownTable(caption: string, columns: readonly { readonly label: string; readonly breakdowns: readonly Breakdown[] }[]): Table {
  const perColumn = columns.map((c) => new Map(medianStages(c.breakdowns)));
  const stages = [...new Set(perColumn.flatMap((m) => [...m.keys()]))];
  return {
    caption,
    columns: ["stage", ...columns.map((c) => c.label)],
    rows: stages.map((stage) => [stage, ...perColumn.map((m) => milliseconds(m.get(stage) ?? Number.NaN))]),
  };
}
