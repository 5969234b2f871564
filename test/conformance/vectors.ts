/**
 * Reading vector files and checking that they are well formed and fit the spec the code was
 * generated from, so that a typo in a vector is reported as such and not as a failing language.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { findEnum, type PushExtrasModel } from "../../generator/model.js";
import { canonicalProblem, isPlainObject } from "./canonical.js";
import type { Vector } from "./harness.js";
import { UsageError } from "./usage-error.js";

export interface LoadedVector extends Vector {
  /** The file the vector came from, for messages. */
  readonly file: string;
}

/** Expands folders into the `.json` files they hold (sorted), and checks that each path exists. */
export async function vectorFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info === null) throw new UsageError(`vector file not found: ${path}`);
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const inside = (await readdir(path)).filter((name) => name.endsWith(".json")).sort();
    if (inside.length === 0) throw new UsageError(`no .json vector files in ${path}`);
    files.push(...inside.map((name) => join(path, name)));
  }
  return files;
}

export async function loadVectors(files: readonly string[]): Promise<LoadedVector[]> {
  const vectors: LoadedVector[] = [];
  const firstFileOf = new Map<string, string>();
  for (const file of files) {
    const fromHere = relative(process.cwd(), file);
    const shown = fromHere === "" || fromHere.startsWith("..") ? file : fromHere;
    let document: unknown;
    try {
      document = JSON.parse(await readFile(file, "utf8"));
    } catch (error) {
      throw new UsageError(`${shown}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!Array.isArray(document)) throw new UsageError(`${shown}: a vector file holds a JSON array of vectors`);
    document.forEach((entry, index) => {
      const problem = vectorShapeProblem(entry);
      if (problem !== null) throw new UsageError(`${shown}: vector ${index}: ${problem}`);
      const vector = entry as Vector;
      const earlier = firstFileOf.get(vector.name);
      if (earlier !== undefined) throw new UsageError(`${shown}: vector name ${JSON.stringify(vector.name)} is also used in ${earlier}`);
      firstFileOf.set(vector.name, shown);
      vectors.push({ ...vector, file: shown });
    });
  }
  return vectors;
}

function vectorShapeProblem(entry: unknown): string | null {
  if (!isPlainObject(entry)) return "not an object";
  const name = entry["name"];
  if (typeof name !== "string" || name.trim() === "") return "needs a non-empty string name";
  const label = JSON.stringify(name);
  if (!Object.hasOwn(entry, "payload")) return `${label} has no payload`;
  if (typeof entry["valid"] !== "boolean") return `${label} needs valid: true or false`;
  const parsed = canonicalProblem(entry["parsed"]);
  if (parsed !== null) return `${label}: parsed is not a canonical result: ${parsed}`;
  const only = entry["only"];
  if (only !== undefined && (!Array.isArray(only) || only.length === 0 || !only.every((lang) => typeof lang === "string"))) {
    return `${label}: only must be a non-empty list of language names`;
  }
  const extra = Object.keys(entry).filter((key) => !["name", "payload", "valid", "parsed", "only"].includes(key));
  if (extra.length > 0) return `${label}: unexpected key ${JSON.stringify(extra[0])}`;
  return null;
}

/**
 * What in the vectors does not fit the model: an expected message type the spec lacks, or fields
 * that are not exactly the message's. Catches vectors run against the wrong generated folder.
 */
export function vectorModelProblems(model: PushExtrasModel, vectors: readonly LoadedVector[]): string[] {
  const problems: string[] = [];
  const messages = new Map(model.messages.map((m) => [m.wireType, m]));
  for (const vector of vectors) {
    const parsed = vector.parsed;
    const at = `${vector.file}: ${JSON.stringify(vector.name)}`;
    if (parsed.kind === "unknown" && messages.has(parsed.messageType)) {
      problems.push(`${at}: expects an unknown message, but ${JSON.stringify(parsed.messageType)} is a message type of the spec`);
    }
    if (parsed.kind !== "message") continue;
    const message = messages.get(parsed.messageType);
    if (message === undefined) {
      problems.push(`${at}: expects message type ${JSON.stringify(parsed.messageType)}, which the spec does not define`);
      continue;
    }
    const expectedKeys = message.fields.map((f) => f.key).sort();
    const actualKeys = Object.keys(parsed.fields).sort();
    if (expectedKeys.join("\n") !== actualKeys.join("\n")) {
      problems.push(`${at}: fields must be exactly ${expectedKeys.join(", ")} (got ${actualKeys.join(", ") || "none"})`);
    }
    for (const field of message.fields) {
      if (field.type.kind !== "enum") continue;
      const known = findEnum(model, field.type.enumName).values.map((v) => v.wire);
      const value = parsed.fields[field.key];
      if (typeof value === "string" && !known.includes(value)) {
        problems.push(`${at}: ${field.key} ${JSON.stringify(value)} is not a value of the spec; write it as {"unknown": ...}`);
      }
      if (typeof value === "object" && value !== null && known.includes(value.unknown)) {
        problems.push(`${at}: ${field.key} ${JSON.stringify(value.unknown)} is a value of the spec, not unknown`);
      }
    }
  }
  return problems;
}

export function appliesTo(vector: Vector, lang: string): boolean {
  return vector.only === undefined || vector.only.includes(lang);
}
