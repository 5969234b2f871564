/**
 * The model of the code under test, rebuilt from the schema copy that the schema target writes
 * into the generated folder. Using that copy, not spec/, means the runner checks the generated code
 * against the contract it was really generated from, whatever spec that was.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { buildModel } from "../../generator/build-model.js";
import { check } from "../../generator/check.js";
import { InputError } from "../../generator/errors.js";
import { load } from "../../generator/load.js";
import type { PushExtrasModel } from "../../generator/model.js";
import { SCHEMA_PATH } from "../../generator/targets/schema/index.js";
import { UsageError } from "./usage-error.js";

export async function modelOfGenerated(generatedDir: string): Promise<PushExtrasModel> {
  if (!existsSync(generatedDir)) throw new UsageError(`generated folder not found: ${generatedDir}`);
  const schemaPath = join(generatedDir, SCHEMA_PATH);
  if (!existsSync(schemaPath)) {
    throw new UsageError(`${schemaPath} not found: generate with the schema target (npm run generate -- --out ${generatedDir})`);
  }
  try {
    return buildModel(check(await load(schemaPath)));
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(`the schema in the generated folder is not usable:\n${error.message}`);
    throw error;
  }
}
