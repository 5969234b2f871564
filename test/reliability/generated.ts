/**
 * Generating a spec into a scratch folder, compiling its TypeScript with the real compiler under
 * the strictest settings of the API contract, and loading the emitted JavaScript.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { OutputFile } from "../../generator/model.js";

const TSC = resolve("node_modules/.bin/tsc");

export function writeFiles(dir: string, files: readonly OutputFile[]): void {
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.contents);
  }
}

/**
 * Type-checks `<dir>/ts` with `strict`, `isolatedModules` and `verbatimModuleSyntax` (module
 * NodeNext) and emits JavaScript beside each file. Returns the compiler's output, "" when clean.
 */
export function compileTypeScript(dir: string): { status: number; output: string } {
  const tsDir = join(dir, "ts");
  writeFileSync(join(tsDir, "package.json"), JSON.stringify({ type: "module" }));
  writeFileSync(
    join(tsDir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        isolatedModules: true,
        verbatimModuleSyntax: true,
        module: "nodenext",
        moduleResolution: "nodenext",
        target: "es2022",
        lib: ["es2022"],
        types: [],
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        noEmitOnError: true,
        skipLibCheck: false,
      },
      include: ["*.ts"],
    }),
  );
  const r = spawnSync(TSC, ["-p", tsDir, "--pretty", "false"], { encoding: "utf8" });
  return { status: r.status ?? -1, output: `${r.stdout}${r.stderr}`.trim() };
}

/** The generated API as emitted JavaScript, typed loosely: the tests check its shape. */
export type GeneratedModule = Record<string, unknown> & {
  readonly parsePushExtras: (value: unknown) => unknown;
  readonly validatePushExtras: ((value: unknown) => boolean) & { errors?: unknown };
};

export async function loadGenerated(dir: string): Promise<GeneratedModule> {
  const loaded = (await import(pathToFileURL(join(dir, "ts", "index.js")).href)) as GeneratedModule;
  for (const name of ["parsePushExtras", "validatePushExtras"]) {
    if (typeof loaded[name] !== "function") throw new Error(`${dir}/ts/index.js does not export the function ${name}`);
  }
  return loaded;
}
