/**
 * Generates code from a spec into a fresh temp folder, the way `npm run generate -- --out DIR`
 * would, so tests run the real pipeline output rather than the committed copy in generated/.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { PushExtrasModel } from "../../generator/model.js";
import { generate } from "../../generator/pipeline.js";

export const SPEC_PATH = join(import.meta.dirname, "..", "..", "spec", "push-extras.schema.json");

/** The targets the TypeScript harness needs: the schema copy the runner reads, the code, the validators. */
export const TYPESCRIPT_TARGETS = ["schema", "typescript", "validators"] as const;

export interface TempGeneration {
  readonly dir: string;
  readonly model: PushExtrasModel;
  remove(): Promise<void>;
}

export async function generateToTemp(specPath: string = SPEC_PATH, targets: readonly string[] = TYPESCRIPT_TARGETS): Promise<TempGeneration> {
  const dir = await mkdtemp(join(tmpdir(), "push-extras-generated-"));
  const { model, files } = await generate({ specPath, targets });
  for (const file of files) {
    const path = join(dir, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.contents);
  }
  // Temp folders sit outside this package; the marker makes Node load the generated ES modules as such.
  await writeFile(join(dir, "package.json"), JSON.stringify({ type: "module", private: true }));
  return { dir, model, remove: () => rm(dir, { recursive: true, force: true }) };
}
