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
    name: "typescript",
    summary: "TypeScript types, constants, guards and tolerant parser (ts/)",
    emit: async (model, options) => (await import("./typescript/index.js")).emitTypeScript(model, options),
  },
  {
    name: "validators",
    summary: "precompiled AJV validators, standalone ES module (ts/validators.js)",
    emit: async (model, options) => (await import("./validators/index.js")).emitValidators(model, options),
  },
];

export function findTarget(name: string): Target | undefined {
  return targets.find((t) => t.name === name);
}
