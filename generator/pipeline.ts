/**
 * The whole generator as one straight line: load the spec, check it, build the model, emit each
 * target, format. Writing (or checking against the disk) is left to the caller.
 */
import { buildModel } from "./build-model.js";
import { check } from "./check.js";
import { InputError } from "./errors.js";
import { format } from "./format.js";
import { load } from "./load.js";
import { defaultTargetOptions, type OutputFile, type PushExtrasModel, type TargetOptions } from "./model.js";
import { findTarget, targets as allTargets } from "./targets/index.js";
import { manifestFile } from "./manifest.js";

export interface GenerateRequest {
  readonly specPath: string;
  /** Target names to emit; all when omitted. */
  readonly targets?: readonly string[];
  readonly options?: Partial<TargetOptions>;
  /** Called after each target with the files it emitted and how long it took. */
  readonly onTarget?: (name: string, files: readonly OutputFile[], milliseconds: number) => void;
}

export interface GenerateResult {
  readonly model: PushExtrasModel;
  /** Every output file, sorted by path, formatted. */
  readonly files: readonly OutputFile[];
}

export async function generate(request: GenerateRequest): Promise<GenerateResult> {
  const selected = selectTargets(request.targets);
  const options: TargetOptions = { ...defaultTargetOptions, ...request.options };
  const model = buildModel(check(await load(request.specPath)));
  const files: OutputFile[] = [];
  for (const target of selected) {
    const started = performance.now();
    const emitted = (await target.emit(model, options)).map(format);
    request.onTarget?.(target.name, emitted, performance.now() - started);
    files.push(...emitted);
  }
  files.push(manifestFile(model, selected.map((t) => t.name)));
  assertUniquePaths(files);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { model, files };
}

/**
 * The targets to run, always in registry order and each once: the manifest lists them, and the
 * same set of targets must give the same bytes however the user ordered them.
 */
function selectTargets(names: readonly string[] | undefined) {
  if (names === undefined) return allTargets;
  for (const name of names) {
    if (!findTarget(name)) {
      throw InputError.at("options", "", `unknown target ${JSON.stringify(name)}; known: ${allTargets.map((t) => t.name).join(", ")}`);
    }
  }
  return allTargets.filter((t) => names.includes(t.name));
}

function assertUniquePaths(files: readonly OutputFile[]): void {
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`internal: two targets emit ${f.path}`);
    seen.add(f.path);
  }
}
