/**
 * AJV as its users run it: the schema compiled at run time, with the project's own AJV settings
 * (generator/ajv.ts), once with `discriminator` and once trying every `oneOf` branch. Also the
 * plain AJV standalone module of the same schema, the baseline the generated validators are
 * measured against for size and start-up.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import standalone from "ajv/dist/standalone/index.js";
import { build } from "esbuild";
import { createStrictAjv } from "../../../generator/ajv.js";
import { REPO_ROOT } from "../workspace.js";

export type Check = (value: unknown) => boolean;

export function compileWithDiscriminator(schema: object): Check {
  return createStrictAjv().compile(schema);
}

/** The same schema without the `discriminator` keyword's help: every `oneOf` branch is tried. */
export function compileOneOf(schema: object): Check {
  return createStrictAjv({ discriminator: false }).compile(schema);
}

/**
 * Writes AJV's standalone ES module for the schema, bundled by esbuild so that the helpers it
 * `require`s from AJV's runtime are inlined: a file that runs on its own, like the generated one.
 * Returns its path; the validator is its export `validatePushExtras`.
 */
export async function writePlainStandalone(schema: object, dir: string): Promise<string> {
  const ajv = createStrictAjv({ code: { source: true, esm: true } });
  // AJV's module is CommonJS: its function is both the module and its `default` export.
  const validate = ajv.compile(schema);
  const source = join(dir, "ajv-standalone.source.js");
  const bundled = join(dir, "ajv-standalone.js");
  await writeFile(source, `${standalone.default(ajv, validate)}\nexport { validate as validatePushExtras };\n`);
  // The source lives in a temporary folder: AJV is found in this repository's node_modules.
  await build({ entryPoints: [source], outfile: bundled, bundle: true, format: "esm", platform: "neutral", nodePaths: [join(REPO_ROOT, "node_modules")], logLevel: "silent" });
  return bundled;
}
