/** What every section gets: the mode, the scratch folder, and the real spec generated once. */
import type { PushExtrasModel } from "../../generator/model.js";
import type { GeneratedCode, GeneratorBuild } from "./workspace.js";

export interface BenchContext {
  /** `--quick`: fewer rounds and shorter runs, the same sections and figures. */
  readonly quick: boolean;
  readonly seed: number;
  /** The run's temporary folder. */
  readonly workDir: string;
  readonly specPath: string;
  /** The generator as the bench compiled it, in its own folder. */
  readonly generator: GeneratorBuild;
  readonly model: PushExtrasModel;
  /** Output folder of the real spec, generated with every target. */
  readonly generatedDir: string;
  readonly generated: GeneratedCode;
  /** Progress lines, to stderr, so that stdout holds only the tables. */
  readonly log: (line: string) => void;
}
