/**
 * The typescript target: `ts/types.ts` (strict types, from json-schema-to-typescript),
 * `ts/constants.ts` (constants and type guards), `ts/parser.ts` (the tolerant parser) and the
 * barrel `ts/index.ts`, which also re-exports the validators target's `ts/validators.js`.
 */
import type { OutputFile, PushExtrasModel, TargetOptions } from "../../model.js";
import { exportAll } from "./ast.js";
import { fileHeader } from "./docs.js";
import { CONSTANTS_PATH, emitConstants } from "./emit-constants.js";
import { emitParser, PARSER_PATH } from "./emit-parser.js";
import { emitTypes, TYPES_PATH } from "./emit-types.js";
import { assignNames } from "./names.js";
import { printStatements } from "./print.js";

export const BARREL_PATH = "ts/index.ts";

/** The modules of `ts/`, in the order the barrel re-exports them. */
const BARREL_MODULES = ["./types.js", "./constants.js", "./parser.js", "./validators.js"] as const;

export async function emitTypeScript(model: PushExtrasModel, _options: TargetOptions): Promise<readonly OutputFile[]> {
  const names = assignNames(model);
  const about = "Everything in one import: the types, constants, tolerant parser and validators.";
  return [
    { path: TYPES_PATH, contents: await emitTypes(model, names) },
    { path: CONSTANTS_PATH, contents: emitConstants(model, names) },
    { path: PARSER_PATH, contents: emitParser(model, names) },
    { path: BARREL_PATH, contents: printStatements(BARREL_PATH, fileHeader(model, about), BARREL_MODULES.map(exportAll)) },
  ];
}
