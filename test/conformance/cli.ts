/**
 * `npm run conformance -- [--lang ts,kotlin,swift] [--generated DIR] [--vectors FILE ...]`
 *
 * Exit codes: 0 every language agrees with every vector; 1 some result disagrees or is missing;
 * 2 the run could not start (bad argument, missing file, missing toolchain), with the reason.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { formatReport } from "./report.js";
import { runConformance } from "./runner.js";
import { UsageError } from "./usage-error.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

const HELP = `Usage: npm run conformance -- [options] [VECTOR_FILE ...]

Runs each language's generated parser (and validator, where the language has one) over the shared
test vectors and compares every result with the vector.

Options:
  --lang LANGS       comma-separated languages, such as ts,kotlin,swift
                     (default: every language with a test/conformance/harness-<lang>.ts)
  --generated DIR    the generated folder to test (default: generated/); its
                     schema/push-extras.schema.json says which spec the code was made from
  --vectors PATH     a vector file or a folder of them; repeat it or list more files after it
                     (default: every test/vectors/*.json)
  -h, --help         show this help

Exit codes: 0 all agree, 1 a disagreement or a missing result, 2 the run could not start
(bad argument, missing file, missing toolchain).
`;

interface CliArguments {
  readonly help: boolean;
  readonly langs: readonly string[] | null;
  readonly generatedDir: string;
  readonly vectorPaths: readonly string[];
}

function parseCommandLine(args: readonly string[]): CliArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: true,
      options: {
        lang: { type: "string", multiple: true },
        generated: { type: "string" },
        vectors: { type: "string", multiple: true },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\nSee --help.`);
  }
  const { values, positionals } = parsed;
  const langs = values.lang === undefined ? null : values.lang.flatMap((l) => l.split(",")).map((l) => l.trim());
  if (langs !== null && langs.some((l) => l === "")) throw new UsageError("--lang needs language names, such as --lang ts,kotlin");
  if (values.generated === "") throw new UsageError("--generated needs a folder");
  const vectorPaths = [...(values.vectors ?? []), ...positionals];
  return {
    help: values.help === true,
    langs,
    generatedDir: values.generated ?? join(ROOT, "generated"),
    vectorPaths: vectorPaths.length > 0 ? vectorPaths : [join(ROOT, "test", "vectors")],
  };
}

async function main(args: readonly string[]): Promise<number> {
  try {
    const options = parseCommandLine(args);
    if (options.help) {
      process.stdout.write(HELP);
      return 0;
    }
    const report = await runConformance(options);
    process.stdout.write(formatReport(report));
    return report.failed > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`conformance: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
