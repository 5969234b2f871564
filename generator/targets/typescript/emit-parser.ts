/** `ts/parser.ts`: the tolerant parser and its result types, built as an AST. */
import { findEnum, type PushExtrasModel } from "../../model.js";
import { importTypes, type ts } from "./ast.js";
import { fileHeader } from "./docs.js";
import type { TypeScriptNames } from "./names.js";
import { parserCode } from "./parser-code.js";
import { parserTypes } from "./parser-types.js";
import { printStatements } from "./print.js";

export const PARSER_PATH = "ts/parser.ts";

export function emitParser(model: PushExtrasModel, names: TypeScriptNames): string {
  const about = "The tolerant parser of the extras, for apps that receive them: parsePushExtras never throws and says what it read.";
  const statements: ts.Statement[] = [...enumImports(model, names), ...parserTypes(model, names), ...parserCode(model, names)];
  return printStatements(PARSER_PATH, fileHeader(model, about), statements);
}

/** The enumerations that parsed fields refer to, imported as types only. */
function enumImports(model: PushExtrasModel, names: TypeScriptNames): ts.Statement[] {
  const used = new Set<string>();
  for (const message of model.messages) {
    for (const field of message.fields) {
      if (field.type.kind === "enum") used.add(names.enums.get(findEnum(model, field.type.enumName))!.type);
    }
  }
  return used.size === 0 ? [] : [importTypes([...used], "./constants.js")];
}
