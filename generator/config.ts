/**
 * The settings of a run: defaults, then push-extras.config.json, then command-line flags. The
 * merged result is validated against config.schema.json, so a bad value reads the same whether it
 * came from the file or from a flag, and unknown keys are errors rather than silently ignored.
 */
import { readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { InputError, type SpecProblem } from "./errors.js";
import { defaultTargetOptions, type TargetOptions } from "./model.js";
import { PACKAGE_ROOT } from "./package-root.js";

export const CONFIG_FILE_NAME = "push-extras.config.json";
export const CONFIG_SCHEMA_PATH = join(PACKAGE_ROOT, "generator", "config.schema.json");

export interface Settings {
  readonly specPath: string;
  readonly outDir: string;
  /** Target names; undefined means all. */
  readonly targets: readonly string[] | undefined;
  readonly options: TargetOptions;
}

/** Settings as written in the config file or given as flags; every key optional. */
export interface SettingsInput {
  readonly spec?: string;
  readonly out?: string;
  readonly targets?: readonly string[];
  readonly kotlinPackage?: string;
  readonly swiftAccess?: string;
  readonly swiftTypePrefix?: string;
}

/**
 * The contract shipped with push-extras, found in the package folder rather than the working
 * folder, so that an installed `push-extras generate` works from any project.
 */
export const DEFAULT_SPEC = "spec/push-extras.schema.json";
export const DEFAULT_OUT = "generated";

let validateConfig: ReturnType<Ajv2020["compile"]> | undefined;

function validator(): ReturnType<Ajv2020["compile"]> {
  // The config schema is ours and is checked against the meta-schema by test/cli.test.ts; checking
  // it again on every run would take three quarters of the compile (45 of 60 ms).
  validateConfig ??= new Ajv2020({ allErrors: true, validateSchema: false, meta: false }).compile(JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, "utf8")));
  return validateConfig;
}

/** Reads the config file: the one named, else push-extras.config.json in `cwd` when it exists. */
export async function readConfigFile(explicitPath: string | undefined, cwd: string): Promise<{ path: string; input: SettingsInput } | null> {
  const path = explicitPath !== undefined ? resolve(cwd, explicitPath) : join(cwd, CONFIG_FILE_NAME);
  const info = await stat(path).catch(() => null);
  if (info === null) {
    if (explicitPath !== undefined) throw InputError.at(path, "", "config file not found");
    return null;
  }
  let input: unknown;
  try {
    input = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw InputError.at(path, "", `config file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  assertValid(path, input);
  const config = input as SettingsInput;
  // Paths in the file are relative to the file, so a config works from any working folder.
  const base = dirname(path);
  return {
    path,
    input: {
      ...config,
      ...(config.spec !== undefined ? { spec: resolve(base, config.spec) } : {}),
      ...(config.out !== undefined ? { out: resolve(base, config.out) } : {}),
    },
  };
}

/** Merges defaults, the config file and the flags (in rising priority) and validates the result. */
export function settingsFrom(fromFile: SettingsInput | undefined, fromFlags: SettingsInput): Settings {
  const flags = withoutUndefined(fromFlags);
  // The file was validated when read; each setting is checked on its own, so the merge stays valid.
  assertValid("command line", flags, flagName);
  const merged: SettingsInput = { ...fromFile, ...flags };
  return {
    specPath: merged.spec ?? join(PACKAGE_ROOT, DEFAULT_SPEC),
    outDir: merged.out ?? DEFAULT_OUT,
    targets: merged.targets,
    options: {
      kotlinPackage: merged.kotlinPackage ?? defaultTargetOptions.kotlinPackage,
      swiftAccess: (merged.swiftAccess as TargetOptions["swiftAccess"] | undefined) ?? defaultTargetOptions.swiftAccess,
      swiftTypePrefix: merged.swiftTypePrefix ?? defaultTargetOptions.swiftTypePrefix,
    },
  };
}

/** `/kotlinPackage/0` names the flag `--kotlin-package`, which is what a command-line user typed. */
function flagName(pointer: string): string {
  const key = pointer.split("/")[1] ?? "";
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function assertValid(file: string, value: unknown, describePointer?: (pointer: string) => string): void {
  const validate = validator();
  if (validate(value)) return;
  const problems: SpecProblem[] = (validate.errors ?? []).map((e) => ({
    file: describePointer ? describePointer(e.instancePath) : file,
    pointer: describePointer
      ? ""
      : e.keyword === "additionalProperties"
        ? `${e.instancePath}/${String(e.params["additionalProperty"])}`
        : e.instancePath,
    message:
      e.keyword === "additionalProperties"
        ? `unknown setting ${JSON.stringify(e.params["additionalProperty"])}`
        : e.keyword === "enum"
          ? `${e.message ?? "invalid"}: ${(e.params["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`
          : (e.message ?? "invalid"),
  }));
  throw new InputError(problems);
}

function withoutUndefined(input: SettingsInput): SettingsInput {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as SettingsInput;
}
