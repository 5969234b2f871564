/**
 * Renders the Swift conformance harness (main.swift) for any spec of the project's shape, with the
 * names the Swift target gave the generated declarations.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Field, type PushExtrasModel, type TargetOptions } from "../../../generator/model.js";
import { assignSwiftNames, type SwiftNames } from "../../../generator/targets/swift/names.js";
import { stringLiteral } from "../../../generator/targets/swift/naming.js";
import { createTemplateEnvironment } from "../../../generator/templates.js";

const TEMPLATE = join(dirname(fileURLToPath(import.meta.url)), "main.swift.hbs");

export function renderHarnessMain(model: PushExtrasModel, options: TargetOptions): string {
  const names = assignSwiftNames(model, options);
  const template = createTemplateEnvironment().compile(readFileSync(TEMPLATE, "utf8"), { noEscape: true, strict: true });
  return template(harnessContext(model, names));
}

function harnessContext(model: PushExtrasModel, names: SwiftNames) {
  return {
    messageEnum: names.messageEnum,
    enumValueType: names.enumValueType,
    typeEnum: names.typeEnum,
    messages: model.messages.map((message) => {
      const messageNames = names.messages.get(message)!;
      return {
        caseName: messageNames.caseName,
        typeCase: names.typeCases.get(message)!,
        hasFields: message.fields.length > 0,
        fields: message.fields.map((field) => ({
          keyLiteral: stringLiteral(field.key),
          value: canonicalValue(field, `message.${messageNames.properties.get(field)!}`),
        })),
      };
    }),
  };
}

/** The Swift expression that turns a parsed field into its canonical JSON value. */
function canonicalValue(field: Field, access: string): string {
  if (field.type.kind === "enum") return field.tolerantRequired ? `enumValue(${access})` : `enumValueOrNull(${access})`;
  return field.tolerantRequired ? access : `stringOrNull(${access})`;
}
