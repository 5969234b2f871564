/**
 * Reference outputs. The one of the real spec with the default options is the committed generated/
 * folder: `npm run generate` writes it and `npm run generate -- --check` fails when it is stale, so
 * tests compare with it rather than keep a second copy. Outputs that generated/ does not hold
 * (other options, fixture specs) are golden files next to their tests.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { expect } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
export const GENERATED_DIR = join(ROOT, "generated");

/**
 * Fails unless `contents`, emitted now for the real spec with the default options, equals the
 * committed file at `path` (relative to generated/, as the path of an emitted file is).
 */
export function expectMatchesCommitted(path: string, contents: string): void {
  const file = join(GENERATED_DIR, path);
  const hint = "run `npm run generate` and review `git diff generated/` before committing it";
  expect(existsSync(file), `generated/${path} is missing; ${hint}`).toBe(true);
  expect(contents, `generated/${path} differs from what the generator emits now; ${hint}`).toBe(readFileSync(file, "utf8"));
}

/**
 * Fails unless `contents` equals the golden file at `path`. With UPDATE_GOLDEN=1 the file is
 * rewritten first, after an intended change; the diff is then reviewed before committing it.
 */
export function expectMatchesGoldenFile(path: string, contents: string): void {
  if (process.env["UPDATE_GOLDEN"] === "1") {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, contents);
  }
  const testFile = expect.getState().testPath;
  const hint = `run UPDATE_GOLDEN=1 npx vitest run ${testFile === undefined ? "" : relative(ROOT, testFile)} and review the diff`;
  const shown = relative(ROOT, resolve(path));
  expect(existsSync(path), `${shown} is missing; ${hint}`).toBe(true);
  expect(contents, `${shown} differs; ${hint}`).toBe(readFileSync(path, "utf8"));
}
