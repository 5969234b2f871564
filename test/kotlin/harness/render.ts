/**
 * Renders the Kotlin conformance harness for a model. The harness cannot know the messages of the
 * spec in advance, so it is written from the model with the generator's own Kotlin names: it calls
 * exactly what the generated file declares, and its `when` over the sealed class only compiles
 * when the generated cases are the model's messages.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { findEnum, type PushExtrasModel } from "../../../generator/model.js";
import { enumId, FIXED_NAMES, kotlinNames } from "../../../generator/targets/kotlin/names.js";
import { stringLiteral } from "../../../generator/targets/kotlin/naming.js";

const TEMPLATE = join(dirname(fileURLToPath(import.meta.url)), "Harness.kt.hbs");

/** The main class of the rendered harness (`@file:JvmName`), without its package. */
export const HARNESS_MAIN_CLASS = "PushExtrasHarness";

/**
 * @param kotlinPackage the package clause of the generated file, as written there (keywords
 *   already quoted), so that the harness works whatever package the file was generated with.
 * @param harnessPackage a package for the harness itself, so that harnesses of several specs can
 *   be compiled in one compiler run; none by default.
 */
export function renderHarness(model: PushExtrasModel, kotlinPackage: string, harnessPackage?: string): string {
  const names = kotlinNames(model);
  const enumFunction = new Map(model.enums.map((e, i) => [enumId(e.name), `enumField${i}`]));
  const context = {
    package: kotlinPackage,
    harnessPackage: harnessPackage ?? null,
    parser: FIXED_NAMES.parser,
    result: FIXED_NAMES.result,
    received: FIXED_NAMES.received,
    unknown: FIXED_NAMES.unknown,
    invalid: FIXED_NAMES.invalid,
    enums: model.enums.map((e) => ({ function: enumFunction.get(enumId(e.name))!, name: names.enumClasses.get(enumId(e.name))! })),
    messages: model.messages.map((m) => ({
      name: names.messageClasses.get(m.wireType)!,
      wireType: stringLiteral(m.wireType),
      properties: m.fields.map((f) => ({
        key: stringLiteral(f.key),
        name: names.properties.get(m.wireType)!.get(f.key)!,
        reader: f.type.kind === "enum" ? enumFunction.get(enumId(findEnum(model, f.type.enumName).name))! : "text",
      })),
    })),
  };
  const template = Handlebars.create().compile(readFileSync(TEMPLATE, "utf8"), { noEscape: true, strict: true });
  return template(context);
}
