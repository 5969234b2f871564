/**
 * Section 4: wall time of the generator as users run it, `generate` (every target) and
 * `generate --check`, against quicktype making TypeScript, Kotlin and Swift from the same schema:
 * the three commands a user of quicktype would run. Each command is a fresh process, started
 * directly (not through npx or npm, whose own start-up would swamp the difference).
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { BenchContext } from "../context.js";
import { atMost, milliseconds, ratio, type SectionResult } from "../report.js";
import { breakdownTable, measureBreakdown, type Breakdown } from "../breakdown.js";
import { median, medianRatio, nowMs, roundRobin } from "../stats.js";
import { buildArgs, buildGenerator, generateArgs, QUICKTYPE_PATH, runOk } from "../workspace.js";

interface Command {
  readonly id: string;
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  /** A command whose exit code is not part of what is measured (the build reports type errors of work in progress). */
  readonly mayFail?: boolean;
}

const QUICKTYPE_LANGUAGES = [
  { id: "quicktypeTs", lang: "ts", file: "PushExtras.ts" },
  { id: "quicktypeKotlin", lang: "kotlin", file: "PushExtras.kt" },
  { id: "quicktypeSwift", lang: "swift", file: "PushExtras.swift" },
] as const;

export async function generationSection(context: BenchContext): Promise<SectionResult> {
  const outDir = join(context.workDir, "generation", "out");
  const quicktypeDir = join(context.workDir, "generation", "quicktype");
  await mkdir(quicktypeDir, { recursive: true });
  const node = process.execPath;
  const commands: Command[] = [
    { id: "generate", name: "generate (all targets)", command: node, args: generateArgs(context.generator, context.specPath, outDir) },
    { id: "check", name: "generate --check", command: node, args: generateArgs(context.generator, context.specPath, context.generatedDir, ["--check"]) },
    ...QUICKTYPE_LANGUAGES.map((q) => ({
      id: q.id,
      name: `quicktype -l ${q.lang}`,
      command: QUICKTYPE_PATH,
      args: ["-s", "schema", context.specPath, "-l", q.lang, "-o", join(quicktypeDir, q.file)],
    })),
    { id: "build", name: "build:generator (tsc -p tsconfig.generator.json)", command: node, args: buildArgs(context.generator), mayFail: true },
  ];
  const rounds = context.quick ? 1 : 7;
  // One run of each first: it warms the file cache, and proves every command works before timing.
  // The build already ran when the bench started.
  for (const c of commands) if (!c.mayFail) await runOk(c.command, c.args);
  const breakdowns: Breakdown[] = [];
  const items = [...commands, { id: "breakdown", name: "pipeline in process, by stage", command: "", args: [] }];
  const figures = await roundRobin(items, rounds, context.seed, async (c) => {
    if (c.id === "breakdown") {
      const started = nowMs();
      breakdowns.push(await measureBreakdown(context.generator, context.specPath));
      return nowMs() - started;
    }
    const result = c.id === "build" ? await buildGenerator(context.generator) : await runOk(c.command, c.args);
    return result.milliseconds;
  });
  const ms = (id: string) => median(figures.get(id)!);
  const quicktypeRounds = figures.get("quicktypeTs")!.map((_, i) => QUICKTYPE_LANGUAGES.reduce((sum, q) => sum + figures.get(q.id)![i]!, 0));
  const quicktype = median(quicktypeRounds);
  const generateRatio = medianRatio(figures.get("generate")!, quicktypeRounds);
  const checkRatio = medianRatio(figures.get("check")!, quicktypeRounds);
  const npmGenerate = figures.get("build")!.map((b, i) => b + figures.get("generate")![i]!);
  const target = atMost(0.3, "0.3");
  const rows = commands.map((c) => [c.name, milliseconds(ms(c.id)), c.id === "generate" ? ratio(generateRatio) : c.id === "check" ? ratio(checkRatio) : "", c.id === "generate" ? target.text : ""]);
  rows.push(["quicktype, the three commands", milliseconds(quicktype), "1.00", ""]);
  rows.push(["npm run generate (build + generate)", milliseconds(median(npmGenerate)), ratio(medianRatio(npmGenerate, quicktypeRounds)), ""]);
  return {
    id: "generation",
    title: "Generation",
    method:
      `Wall time of each command as a fresh process, median of ${rounds} round(s) after one untimed run, order shuffled per round. ` +
      "`generate` is `node dist/generator/cli.js generate --spec <spec> --out <temp> --quiet` into a folder that already holds its output, as in a build that regenerates; " +
      "`npm run generate` also compiles the generator first (the same compiler command, here into the bench's own folder rather than dist/), shown as build + generate; npm's own start-up is left out.",
    columns: ["command", "wall time", "/ quicktype's three commands", "target"],
    rows,
    more: [breakdownTable("Where the time of `generate` goes (the pipeline from dist/ in a fresh process, median per stage):", [{ label: "real spec", breakdowns }])],
    figures: [
      {
        figure: "full generate (all targets) / quicktype's three commands",
        value: generateRatio,
        text: `${ratio(generateRatio)} (${milliseconds(ms("generate"))})`,
        peers: `quicktype ts + kotlin + swift ${milliseconds(quicktype)}; --check ${milliseconds(ms("check"))} (${ratio(checkRatio)})`,
        target,
      },
    ],
    raw: { rounds, breakdowns, millisecondsByRound: Object.fromEntries(commands.map((c) => [c.id, { name: c.name, rounds: figures.get(c.id) }])), quicktypeByRound: quicktypeRounds },
  };
}
