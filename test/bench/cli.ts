/**
 * `npm run bench`: measures the generator and its output against their peers and the practical
 * limit, prints one Markdown table per section and a summary of the targets, and writes every raw
 * figure to a JSON file. `--quick` runs a short version of every section (CI runs it).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildModel } from "../../generator/build-model.js";
import { check } from "../../generator/check.js";
import { load } from "../../generator/load.js";
import type { BenchContext } from "./context.js";
import { isMet, printSection, summaryTable, type SectionResult } from "./report.js";
import { coldStartSection } from "./sections/cold-start.js";
import { generationSection } from "./sections/generation.js";
import { scalingSection } from "./sections/scaling.js";
import { sizeSection } from "./sections/size.js";
import { throughputSection } from "./sections/throughput.js";
import { buildGenerator, createWorkspace, generateInto, loadGenerated, privateGenerator, REPO_ROOT, SPEC_PATH } from "./workspace.js";

const SECTIONS = [
  { id: "throughput", run: throughputSection },
  { id: "cold-start", run: coldStartSection },
  { id: "size", run: sizeSection },
  { id: "generation", run: generationSection },
  { id: "scaling", run: scalingSection },
] as const;

const HELP = `Usage: npm run bench -- [options]

Measures push-extras against its peers and prints a table of ratios per section:
  1. throughput  validator and parser time per call / a hand-written type guard,
                 beside AJV (discriminator and oneOf), TypeBox and zod
  2. cold-start  a fresh node process importing the generated validator and
                 validating one payload, beside AJV standalone and AJV at run time
  3. size        ts/validators.js and the whole ts/ output, raw, gzip, minified + gzip
  4. generation  generate and generate --check wall time / quicktype (ts, kotlin, swift)
  5. scaling     synthetic specs of 4, 40 and 400 message types: generation time and
                 validator throughput

Options:
  --quick            a short version of every section (fewer, shorter rounds)
  --sections <list>  comma-separated sections to run (default: all)
  --json <file>      where to write the raw figures
                     (default: test-results/bench/bench.json, or bench-quick.json with --quick)
  --seed <n>         seed of the payloads and of the round orders (default: 1)
  --keep             keep the temporary folder and print its path
  -h, --help         show this help

Timings are medians over rounds, with the order of the peers shuffled in every round.
Exit code: 0 when every section ran (whether or not targets are met), 1 when one failed, 2 on bad usage.`;

async function main(argv: readonly string[]): Promise<number> {
  let options;
  try {
    options = parseArgs({
      args: [...argv],
      options: {
        quick: { type: "boolean", default: false },
        sections: { type: "string" },
        json: { type: "string" },
        seed: { type: "string", default: "1" },
        keep: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${HELP}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const seed = Number(options.seed);
  const wanted = options.sections?.split(",").map((s) => s.trim()) ?? SECTIONS.map((s) => s.id);
  const unknown = wanted.filter((id) => !SECTIONS.some((s) => s.id === id));
  if (unknown.length > 0 || !Number.isInteger(seed)) {
    process.stderr.write(`${unknown.length > 0 ? `unknown section(s): ${unknown.join(", ")}` : `--seed must be an integer`}\n\n${HELP}\n`);
    return 2;
  }
  const quick = options.quick;
  const jsonPath = resolve(options.json ?? join(REPO_ROOT, "test-results/bench", quick ? "bench-quick.json" : "bench.json"));
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

  const workspace = await createWorkspace();
  try {
    log("building the generator (the compiler command of npm run build:generator, into the bench's own folder)");
    const generator = await privateGenerator(workspace.dir);
    const built = await buildGenerator(generator);
    if (built.code !== 0) log(`the generator build reported errors; measuring what it emitted:\n${built.stdout}${built.stderr}`);
    const generatedDir = join(workspace.dir, "real");
    await generateInto(generator, SPEC_PATH, generatedDir);
    const context: BenchContext = {
      quick,
      seed,
      workDir: workspace.dir,
      specPath: SPEC_PATH,
      generator,
      model: buildModel(check(await load(SPEC_PATH))),
      generatedDir,
      generated: await loadGenerated(generatedDir),
      log,
    };

    const command = `npm run bench${argv.length > 0 ? ` -- ${argv.join(" ")}` : ""}`;
    const cpu = cpus();
    const machine = `${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}, Node ${process.version}, ${process.platform} ${process.arch}`;
    // Other work on the machine skews every timing; the load average says how much there was.
    const loadAtStart = loadavg()[0]!;
    process.stdout.write(`# push-extras bench\n\n\`${command}\` on ${machine}, load average ${loadAtStart.toFixed(2)} at the start\n\n`);

    const results: SectionResult[] = [];
    const failures: { id: string; error: string }[] = [];
    for (const [index, section] of SECTIONS.entries()) {
      if (!wanted.includes(section.id)) continue;
      log(`section ${index + 1}: ${section.id}`);
      try {
        const result = await section.run(context);
        results.push(result);
        process.stdout.write(`${printSection(index + 1, result)}\n`);
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        failures.push({ id: section.id, error: message });
        process.stdout.write(`## ${index + 1}. ${section.id}: FAILED\n\n\`\`\`\n${message}\n\`\`\`\n\n`);
      }
    }

    const figures = results.flatMap((r) => r.figures);
    process.stdout.write(`## Targets\n\n${summaryTable(figures)}\n`);
    const met = figures.filter((f) => isMet(f) === true).length;
    const targeted = figures.filter((f) => isMet(f) !== null).length;
    const loadAtEnd = loadavg()[0]!;
    process.stdout.write(`\nLoad average ${loadAtEnd.toFixed(2)} at the end.${Math.max(loadAtStart, loadAtEnd) > cpu.length ? " The machine was busy with other work: timings are less reliable." : ""}\n`);
    process.stdout.write(`\n${met} of ${targeted} targets met.${failures.length > 0 ? ` ${failures.length} section(s) failed: ${failures.map((f) => f.id).join(", ")}.` : ""}\n`);

    await mkdir(dirname(jsonPath), { recursive: true });
    const report = {
      command,
      machine: { loadAverage: { start: loadAtStart, end: loadAtEnd }, cpus: cpu.length, cpu: cpu[0]?.model ?? null, node: process.version, platform: process.platform, arch: process.arch },
      measuredAt: new Date().toISOString(),
      quick,
      seed,
      summary: figures.map((f) => ({ ...f, met: isMet(f) })),
      sections: Object.fromEntries(results.map((r) => [r.id, { title: r.title, method: r.method, columns: r.columns, rows: r.rows, raw: r.raw }])),
      failures,
    };
    await writeFile(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
    log(`raw figures written to ${relative(process.cwd(), jsonPath)}`);
    return failures.length > 0 ? 1 : 0;
  } finally {
    if (options.keep) log(`kept ${workspace.dir}`);
    else await workspace.dispose();
  }
}

process.exitCode = await main(process.argv.slice(2));
