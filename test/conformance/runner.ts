/**
 * The conformance run: every requested language's harness over the vectors that apply to it, each
 * result compared with the vector. Setup problems (bad arguments, missing files or toolchains)
 * throw a UsageError before any harness runs; disagreements are collected, never thrown.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { canonicalProblem, sameResult } from "./canonical.js";
import { modelOfGenerated } from "./generated-model.js";
import type { CanonicalResult, Harness, HarnessOutcome } from "./harness.js";
import { availableLanguages, HARNESS_DIR, loadHarness } from "./harnesses.js";
import { UsageError } from "./usage-error.js";
import { appliesTo, loadVectors, vectorFiles, vectorModelProblems, type LoadedVector } from "./vectors.js";

export interface RunOptions {
  /** Languages to run; null runs every language that has a harness. */
  readonly langs: readonly string[] | null;
  readonly generatedDir: string;
  /** Vector files or folders of them. */
  readonly vectorPaths: readonly string[];
  /** Where the `harness-<lang>.ts` files are; this folder by default. */
  readonly harnessDir?: string;
}

export interface Disagreement {
  readonly lang: string;
  readonly name: string;
  /** The vector's file, or null for a result the runner did not ask for. */
  readonly file: string | null;
  readonly expected: { readonly parsed: CanonicalResult; readonly valid: boolean } | null;
  readonly actual: HarnessOutcome | null;
  /** What differs, in words: "parsed differs", "no result", the harness's problem. */
  readonly reasons: readonly string[];
}

export interface LanguageResult {
  readonly lang: string;
  readonly passed: number;
  readonly failed: number;
  /** Set when the harness itself could not run; then every vector of the language failed. */
  readonly harnessError: string | null;
}

export interface ConformanceReport {
  readonly languages: readonly LanguageResult[];
  readonly disagreements: readonly Disagreement[];
  readonly passed: number;
  readonly failed: number;
}

export async function runConformance(options: RunOptions): Promise<ConformanceReport> {
  const harnessDir = options.harnessDir ?? HARNESS_DIR;
  const langs = await selectLanguages(options.langs, harnessDir);
  const vectors = await loadVectors(await vectorFiles(options.vectorPaths.map((p) => resolve(p))));
  const generatedDir = resolve(options.generatedDir);
  const model = await modelOfGenerated(generatedDir);
  const misfits = vectorModelProblems(model, vectors);
  if (misfits.length > 0) {
    const shown = misfits.slice(0, 10);
    const more = misfits.length > shown.length ? [`... and ${misfits.length - shown.length} more`] : [];
    throw new UsageError(`the vectors do not fit the spec in ${generatedDir} (were they written for another spec?):\n${[...shown, ...more].join("\n")}`);
  }

  const harnesses = await Promise.all(langs.map((lang) => loadHarness(lang, harnessDir)));
  const missing: string[] = [];
  for (const harness of harnesses) {
    const problem = await harness.toolchainProblem();
    if (problem !== null) missing.push(`${harness.lang}: ${problem}`);
  }
  if (missing.length > 0) throw new UsageError(`toolchain missing:\n${missing.join("\n")}`);

  const languages: LanguageResult[] = [];
  const disagreements: Disagreement[] = [];
  for (const harness of harnesses) {
    const applicable = vectors.filter((v) => appliesTo(v, harness.lang));
    const run = await runHarness(harness, { generatedDir, model, vectors: applicable });
    if (run.error !== null) {
      languages.push({ lang: harness.lang, passed: 0, failed: applicable.length, harnessError: run.error });
      continue;
    }
    const found = compare(harness.lang, applicable, run.outcomes);
    disagreements.push(...found);
    const failedVectors = found.filter((d) => d.expected !== null).length;
    const strayResults = found.length - failedVectors;
    languages.push({ lang: harness.lang, passed: applicable.length - failedVectors, failed: failedVectors + strayResults, harnessError: null });
  }
  const passed = languages.reduce((sum, l) => sum + l.passed, 0);
  const failed = languages.reduce((sum, l) => sum + l.failed, 0);
  return { languages, disagreements, passed, failed };
}

async function selectLanguages(requested: readonly string[] | null, harnessDir: string): Promise<string[]> {
  const available = await availableLanguages(harnessDir);
  if (available.length === 0) throw new UsageError(`no harness-<lang>.ts found in ${harnessDir}`);
  if (requested === null) return available;
  const unknown = requested.filter((lang) => !available.includes(lang));
  if (unknown.length > 0) {
    throw new UsageError(`no harness for ${unknown.map((l) => JSON.stringify(l)).join(", ")}; languages with a harness: ${available.join(", ")}`);
  }
  return [...new Set(requested)];
}

type HarnessRunResult = { readonly outcomes: readonly HarnessOutcome[]; readonly error: null } | { readonly outcomes: null; readonly error: string };

async function runHarness(harness: Harness, request: Omit<Parameters<Harness["run"]>[0], "workDir">): Promise<HarnessRunResult> {
  const workDir = await mkdtemp(join(tmpdir(), `push-extras-conformance-${harness.lang}-`));
  try {
    return { outcomes: await harness.run({ ...request, workDir }), error: null };
  } catch (error) {
    return { outcomes: null, error: error instanceof Error ? error.message : String(error) };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

function compare(lang: string, vectors: readonly LoadedVector[], outcomes: readonly HarnessOutcome[]): Disagreement[] {
  const byName = new Map<string, HarnessOutcome[]>();
  for (const outcome of outcomes) byName.set(outcome.name, [...(byName.get(outcome.name) ?? []), outcome]);
  const disagreements: Disagreement[] = [];
  for (const vector of vectors) {
    const results = byName.get(vector.name) ?? [];
    byName.delete(vector.name);
    const actual = results[0] ?? null;
    const reasons = actual === null ? ["no result for this vector"] : outcomeReasons(vector, actual);
    if (results.length > 1) reasons.push(`${results.length} results for this vector`);
    if (reasons.length > 0) {
      disagreements.push({ lang, name: vector.name, file: vector.file, expected: { parsed: vector.parsed, valid: vector.valid }, actual, reasons });
    }
  }
  for (const [name, stray] of byName) {
    disagreements.push({ lang, name, file: null, expected: null, actual: stray[0] ?? null, reasons: ["a result for a vector the runner did not give"] });
  }
  return disagreements;
}

function outcomeReasons(vector: LoadedVector, actual: HarnessOutcome): string[] {
  const reasons: string[] = [];
  if (actual.problem !== undefined) reasons.push(actual.problem);
  const shape = canonicalProblem(actual.parsed);
  if (shape !== null) reasons.push(`the result is not in canonical form: ${shape}`);
  else if (!sameResult(vector.parsed, actual.parsed)) reasons.push("parsed result differs");
  if (actual.valid !== undefined && actual.valid !== vector.valid) reasons.push("strict verdict differs");
  return reasons;
}
