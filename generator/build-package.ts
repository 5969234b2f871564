/**
 * Builds what the npm package serves from the generated TypeScript: JavaScript with declarations,
 * once as ES modules (dist/ts/esm/) and once as CommonJS (dist/ts/cjs/), so that both `import` and
 * `require` get code and types of their own module kind (a CommonJS consumer handed ESM types is
 * what @arethetypeswrong calls "masquerading").
 *
 * The TypeScript compiler emits the ES modules and declarations; esbuild turns each ES module into
 * CommonJS file by file (no bundling, so the two builds have the same files and the same types).
 * Each build folder holds a package.json naming its module kind, which is how Node and TypeScript
 * tell the two apart while both use the `.js` and `.d.ts` extensions.
 *
 * Usage: node dist/generator/build-package.js [GENERATED_DIR] [OUT_DIR]
 */
import { execFileSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { transform } from "esbuild";
import { PACKAGE_ROOT } from "./package-root.js";

const TSC = join(PACKAGE_ROOT, "node_modules", "typescript", "bin", "tsc");

/** The same strictness the generated code is held to (see the README), plus declarations. */
const COMPILER_FLAGS = [
  "--ignoreConfig",
  ...["--module", "nodenext", "--target", "es2020", "--declaration"],
  ...["--strict", "--isolatedModules", "--verbatimModuleSyntax", "--noEmitOnError", "--types", ""],
];

function moduleKindManifest(kind: "module" | "commonjs"): string {
  return `${JSON.stringify({ type: kind }, null, 2)}\n`;
}

/**
 * Copies the sources into a folder of their own whose package.json says "module": under
 * `--module nodenext` a file's module kind comes from the nearest package.json, and the generated
 * folder may sit anywhere (any `--out`), beside any package.json or none.
 */
async function stageSources(source: string): Promise<string> {
  const stage = await mkdtemp(join(tmpdir(), "push-extras-package-"));
  await writeFile(join(stage, "package.json"), moduleKindManifest("module"));
  await mkdir(join(stage, "ts"));
  for (const file of await readdir(source)) await copyFile(join(source, file), join(stage, "ts", file));
  return stage;
}

async function buildEsm(source: string, esm: string): Promise<void> {
  const stage = await stageSources(source);
  try {
    const staged = join(stage, "ts");
    const inputs = (await readdir(staged)).filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts")).sort();
    execFileSync(process.execPath, [TSC, ...COMPILER_FLAGS, "--rootDir", staged, "--outDir", esm, ...inputs.map((f) => join(staged, f))], {
      stdio: "inherit",
    });
    // The validators are JavaScript with a hand-made declaration already; the compiler emits
    // neither, so they are copied as they are.
    for (const file of await readdir(staged)) {
      if (file.endsWith(".js") || file.endsWith(".d.ts")) await copyFile(join(staged, file), join(esm, file));
    }
    await writeFile(join(esm, "package.json"), moduleKindManifest("module"));
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

async function buildCjs(esm: string, cjs: string): Promise<void> {
  await mkdir(cjs, { recursive: true });
  for (const file of (await readdir(esm)).sort()) {
    if (file.endsWith(".d.ts")) {
      await copyFile(join(esm, file), join(cjs, file));
    } else if (file.endsWith(".js")) {
      const code = await readFile(join(esm, file), "utf8");
      const result = await transform(code, { format: "cjs", target: "es2020", sourcefile: file });
      await writeFile(join(cjs, file), result.code);
    }
  }
  await writeFile(join(cjs, "package.json"), moduleKindManifest("commonjs"));
}

export async function buildPackage(generatedDir: string, outDir: string): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  const esm = join(outDir, "esm");
  await buildEsm(join(generatedDir, "ts"), esm);
  await buildCjs(esm, join(outDir, "cjs"));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const generated = resolve(process.argv[2] ?? join(PACKAGE_ROOT, "generated"));
  const out = resolve(process.argv[3] ?? join(PACKAGE_ROOT, "dist", "ts"));
  try {
    await buildPackage(generated, out);
    process.stdout.write(`built ${out} (esm and cjs) from ${join(generated, "ts")}\n`);
  } catch (error) {
    // The compiler has printed its own errors already; a stack trace would only bury them.
    process.stderr.write(`error: could not build ${out} from ${join(generated, "ts")}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}\n`);
    process.exitCode = 1;
  }
}
