/**
 * Generates the Swift target of a spec into a folder, as the command line would, for tests.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { PushExtrasModel, TargetOptions } from "../../generator/model.js";
import { generate } from "../../generator/pipeline.js";

export interface GeneratedSwift {
  readonly model: PushExtrasModel;
  /** The output folder, holding `swift/PushExtras.swift`. */
  readonly dir: string;
  readonly swiftFile: string;
  readonly contents: string;
}

export async function generateSwift(specPath: string, outDir: string, options: Partial<TargetOptions> = {}): Promise<GeneratedSwift> {
  const { model, files } = await generate({ specPath, targets: ["swift"], options });
  for (const file of files) {
    mkdirSync(dirname(join(outDir, file.path)), { recursive: true });
    writeFileSync(join(outDir, file.path), file.contents);
  }
  const swift = files.find((f) => f.path.endsWith(".swift"));
  if (!swift) throw new Error(`the swift target emitted no .swift file for ${specPath}`);
  return { model, dir: outDir, swiftFile: join(outDir, swift.path), contents: swift.contents };
}
