#!/usr/bin/env node
/**
 * The command line: `push-extras generate` and `push-extras check`.
 *
 * It is the only part of the generator that touches the disk or the terminal. Exit codes (also in
 * the README): 0 ok, 1 drift found by check, 2 bad input or usage, 3 internal error.
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { readConfigFile, settingsFrom, DEFAULT_OUT, DEFAULT_SPEC, type SettingsInput } from "./config.js";
import { ExitCode, InputError } from "./errors.js";
import { NameClashError } from "./naming/words.js";
import { PACKAGE_ROOT } from "./package-root.js";
import { InterruptedError, withInterruptsDeferred } from "./interrupt.js";
import { generate } from "./pipeline.js";
import { targets } from "./targets/index.js";
import { checkOutput, hasDrift, writeOutput, type Drift } from "./write.js";
import { createReporter, type Reporter } from "./report.js";

interface CommandFlags {
  readonly spec?: string;
  readonly out?: string;
  readonly targets?: string;
  readonly config?: string;
  readonly kotlinPackage?: string;
  readonly swiftAccess?: string;
  readonly swiftTypePrefix?: string;
  readonly check?: boolean;
  readonly quiet?: boolean;
}

function version(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
}

function addRunOptions(command: Command, withCheckFlag: boolean): Command {
  command
    .option("--spec <file>", `JSON Schema to compile (default: ${DEFAULT_SPEC} of the push-extras package)`)
    .option("--out <dir>", `output folder (default: ${DEFAULT_OUT})`)
    .option("--targets <list>", `comma-separated targets (default: all): ${targets.map((t) => t.name).join(", ")}`)
    .option("--config <file>", "config file (default: push-extras.config.json when present)")
    .option("--kotlin-package <name>", "package of the Kotlin file (default: com.pushextras)")
    .addOption(new Option("--swift-access <level>", "access level of the Swift declarations (default: public)").choices(["public", "internal"]))
    .option("--swift-type-prefix <prefix>", "prefix of the Swift type names (default: none)")
    .option("-q, --quiet", "print only errors");
  if (withCheckFlag) command.option("--check", "write nothing; list files that differ and exit 1 if any do");
  return command;
}

function buildProgram(run: (flags: CommandFlags, check: boolean) => Promise<number>, setExit: (code: number) => void): Command {
  const program = new Command("push-extras")
    .description("Compiles the push message extras JSON Schema into TypeScript, AJV validators, Kotlin, Swift and docs.")
    .version(version(), "-v, --version")
    .showHelpAfterError()
    .exitOverride()
    .addHelpText(
      "after",
      "\nExit codes: 0 ok, 1 check found generated files that differ, 2 bad input or usage, 3 internal error.\n" +
        `Targets:\n${targets.map((t) => `  ${t.name.padEnd(11)} ${t.summary}`).join("\n")}`,
    );
  addRunOptions(program.command("generate").description("generate every output into the output folder"), true)
    .exitOverride()
    .action(async (flags: CommandFlags) => setExit(await run(flags, flags.check === true)));
  addRunOptions(program.command("check").description("same as generate --check: exit 1 when the output folder is out of date"), false)
    .exitOverride()
    .action(async (flags: CommandFlags) => setExit(await run(flags, true)));
  return program;
}

async function run(flags: CommandFlags, check: boolean): Promise<number> {
  const reporter = createReporter({ quiet: flags.quiet === true });
  try {
    const fromFile = await readConfigFile(flags.config, process.cwd());
    const settings = settingsFrom(
      fromFile?.input,
      {
        spec: flags.spec,
        out: flags.out,
        targets: flags.targets?.split(",").map((t) => t.trim()).filter((t) => t !== ""),
        kotlinPackage: flags.kotlinPackage,
        swiftAccess: flags.swiftAccess,
        swiftTypePrefix: flags.swiftTypePrefix,
      } satisfies SettingsInput,
    );
    const started = performance.now();
    const result = await generate({
      specPath: settings.specPath,
      ...(settings.targets !== undefined ? { targets: settings.targets } : {}),
      options: settings.options,
      onTarget: (name, files, ms) => reporter.target(name, files.map((f) => f.path), ms),
    });
    const out = settings.outDir;
    if (check) {
      const drift = await checkOutput(out, result.files);
      reportDrift(reporter, out, drift);
      if (hasDrift(drift)) return ExitCode.drift;
      reporter.done(`${displayPath(out)} is up to date (${result.files.length} files)`, performance.now() - started);
      return ExitCode.ok;
    }
    const drift = await withInterruptsDeferred((signal) => writeOutput(out, result.files, signal));
    const changes = drift.changed.length + drift.missing.length + drift.stale.length;
    reporter.done(
      changes === 0
        ? `${displayPath(out)} was already up to date (${result.files.length} files)`
        : `wrote ${displayPath(out)} (${result.files.length} files, ${changes} changed)`,
      performance.now() - started,
    );
    return ExitCode.ok;
  } catch (error) {
    return reportFailure(reporter, error);
  }
}

function reportDrift(reporter: Reporter, out: string, drift: Drift): void {
  for (const path of drift.changed) reporter.drift("changed", `${displayPath(out)}/${path}`);
  for (const path of drift.missing) reporter.drift("missing", `${displayPath(out)}/${path}`);
  for (const path of drift.stale) reporter.drift("stale", `${displayPath(out)}/${path}`);
  if (hasDrift(drift)) reporter.error(`${displayPath(out)} is out of date: run \`npm run generate\` and commit the result`);
}

function reportFailure(reporter: Reporter, error: unknown): number {
  if (error instanceof InterruptedError) {
    reporter.error(`${error.message}: ${error.finished ? "the output folder was written in full" : "nothing was written"}`);
    return error.raise();
  }
  if (error instanceof InputError) {
    for (const line of error.message.split("\n")) reporter.error(line);
    reporter.error("nothing was written");
    return ExitCode.badInput;
  }
  if (error instanceof NameClashError) {
    reporter.error(error.message);
    reporter.error("nothing was written");
    return ExitCode.badInput;
  }
  reporter.error(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  reporter.error("nothing was written; please report this with the spec that caused it");
  return ExitCode.internal;
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === "" ? "." : rel.startsWith("..") ? path : rel;
}

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = buildProgram(run, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; every other parse error is a usage error.
      const ok = error.code === "commander.helpDisplayed" || error.code === "commander.version";
      return ok ? ExitCode.ok : ExitCode.badInput;
    }
    throw error;
  }
  return exitCode;
}

process.exitCode = await main(process.argv.slice(2));
