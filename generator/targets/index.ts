/**
 * The output targets, each a pure function from the model to files. Only the command line
 * writes files; a target never touches the disk.
 */
import type { OutputFile, PushExtrasModel, TargetOptions } from "../model.js";

export interface Target {
  /** Name used on the command line and in the config file. */
  readonly name: string;
  /** What the target emits, for `--help`. */
  readonly summary: string;
  /** Emits the target's files, with paths relative to the output folder. */
  emit(model: PushExtrasModel, options: TargetOptions): Promise<readonly OutputFile[]>;
}

/**
 * Targets are loaded on demand: each one pulls in its own libraries (ts-morph alone takes about
 * half a second to load), and a run that skips a target should not pay for it.
 */
export const targets: readonly Target[] = [
  {
    name: "schema",
    summary: "the JSON Schema itself, for editors and other validators (schema/)",
    emit: async (model) => (await import("./schema/index.js")).emitSchema(model),
  },
  {
    name: "typescript",
    summary: "TypeScript types, constants, guards and tolerant parser (ts/)",
    emit: async (model, options) => (await import("./typescript/index.js")).emitTypeScript(model, options),
  },
  {
    name: "validators",
    summary: "precompiled AJV validators, a standalone ES module (ts/validators.js)",
    emit: async (model, options) => (await import("./validators/index.js")).emitValidators(model, options),
  },
  {
    name: "kotlin",
    summary: "Kotlin constants, enums, sealed messages and parser for Android (kotlin/)",
    emit: async (model, options) => (await import("./kotlin/index.js")).emitKotlin(model, options),
  },
  {
    name: "swift",
    summary: "Swift constants, enums, message enum and parser for iOS (swift/)",
    emit: async (model, options) => (await import("./swift/index.js")).emitSwift(model, options),
  },
  {
    name: "docs",
    summary: "Markdown and HTML reference of all extras (docs/)",
    emit: async (model, options) => (await import("./docs/index.js")).emitDocs(model, options),
  },
];

export function findTarget(name: string): Target | undefined {
  return targets.find((t) => t.name === name);
}
