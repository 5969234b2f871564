/**
 * Finding the harnesses: every `harness-<lang>.ts` beside this file is one language. Only the
 * harnesses a run needs are imported, since some load compilers' helpers at import time.
 */
import { readdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Harness } from "./harness.js";
import { UsageError } from "./usage-error.js";

export const HARNESS_DIR = dirname(fileURLToPath(import.meta.url));

const HARNESS_FILE = /^harness-([a-z0-9]+)\.ts$/;

/** Language names that have a harness file, sorted. */
export async function availableLanguages(dir: string = HARNESS_DIR): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .map((name) => HARNESS_FILE.exec(name)?.[1])
    .filter((lang): lang is string => lang !== undefined)
    .sort();
}

export async function loadHarness(lang: string, dir: string = HARNESS_DIR): Promise<Harness> {
  const file = join(dir, `harness-${lang}.ts`);
  let loaded: { harness?: Harness };
  try {
    loaded = (await import(pathToFileURL(file).href)) as { harness?: Harness };
  } catch (error) {
    throw new UsageError(`cannot load ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const harness = loaded.harness;
  if (harness === undefined || typeof harness.run !== "function" || typeof harness.toolchainProblem !== "function") {
    throw new UsageError(`${file} does not export a harness (an object with lang, toolchainProblem and run)`);
  }
  if (harness.lang !== lang) throw new UsageError(`${file} exports the harness of ${JSON.stringify(harness.lang)}, not ${JSON.stringify(lang)}`);
  return harness;
}
