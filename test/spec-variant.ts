/**
 * Specs that differ from the real one by one edit, for tests of how a target copes with a spec
 * shape the real spec does not have.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export type Spec = Record<string, any>;

export const REAL_SPEC = join(import.meta.dirname, "..", "spec", "push-extras.schema.json");

/** Writes the real spec, after `edit`, to `<dir>/<name>.schema.json` and returns that path. */
export function writeSpecVariant(dir: string, name: string, edit: (spec: Spec) => void): string {
  const spec = JSON.parse(readFileSync(REAL_SPEC, "utf8")) as Spec;
  edit(spec);
  const path = join(dir, `${name}.schema.json`);
  writeFileSync(path, JSON.stringify(spec));
  return path;
}
