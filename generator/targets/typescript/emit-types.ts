/**
 * `ts/types.ts`: the strict types, one interface per message and their union, produced by
 * json-schema-to-typescript.
 *
 * It is fed a schema built from the model rather than the spec itself, so that interface names
 * come from this target's naming module and every doc comment is written (and escaped) here.
 * Wire keys reach it only as placeholders (`k0`, `k1`, ...), swapped back in the syntax tree of its
 * output: json-schema-to-typescript treats schema objects as plain JavaScript objects, and a key
 * such as `hasOwnProperty` or `__proto__` breaks it.
 *
 * Each message is closed (`additionalProperties: false`) so that the interfaces carry no
 * `[k: string]: unknown` index signature: with one, a misspelt key would type-check, and every
 * property access would widen. At run time extra keys remain allowed, as the contract says
 * (transports add keys of their own); the generated header tells users so.
 */
import { compile, type JSONSchema } from "json-schema-to-typescript";
import { InputError, type SpecProblem } from "../../errors.js";
import { findEnum, type Field, type Message, type PushExtrasModel } from "../../model.js";
import { fieldDoc, fileHeader, messageDoc } from "./docs.js";
import { API_NAMES, type TypeScriptNames } from "./names.js";
import { memberName, ts } from "./ast.js";
import { docText } from "./naming.js";
import { parseSource, reprintFile, rewriteNodes } from "./print.js";

export const TYPES_PATH = "ts/types.ts";

export async function emitTypes(model: PushExtrasModel, names: TypeScriptNames): Promise<string> {
  const placeholders = new WireKeyPlaceholders(model);
  const source = await compile(schemaFor(model, names, placeholders), API_NAMES.union, {
    bannerComment: "",
    // Prettier would take about half a second; reprintFile lays the output out instead.
    format: false,
    additionalProperties: false,
    declareExternallyReferenced: true,
    unknownAny: true,
  });
  const file = parseSource(TYPES_PATH, source);
  assertNames(file, model, names);
  return reprintFile(fileHeader(model, typesHeader(model)), file, [placeholders.restore()]);
}

/** Stand-ins for the wire keys while json-schema-to-typescript works (see the file comment). */
class WireKeyPlaceholders {
  private readonly byKey = new Map<string, string>();
  private readonly byPlaceholder = new Map<string, string>();

  constructor(model: PushExtrasModel) {
    model.keys.forEach((k, i) => {
      this.byKey.set(k.key, `k${i}`);
      this.byPlaceholder.set(`k${i}`, k.key);
    });
  }

  of(key: string): string {
    const placeholder = this.byKey.get(key);
    if (placeholder === undefined) throw new Error(`internal: the key ${JSON.stringify(key)} is not in model.keys`);
    return placeholder;
  }

  /** Puts each wire key back in place of its placeholder, quoted where TypeScript needs it. */
  restore(): ts.TransformerFactory<ts.SourceFile> {
    return rewriteNodes((node, factory) => {
      if (!ts.isPropertySignature(node) || !ts.isIdentifier(node.name)) return undefined;
      const key = this.byPlaceholder.get(node.name.text);
      if (key === undefined) throw new Error(`internal: json-schema-to-typescript declared the unexpected property ${node.name.text}`);
      return factory.updatePropertySignature(node, node.modifiers, memberName(key), node.questionToken, node.type);
    });
  }
}

function typesHeader(model: PushExtrasModel): string {
  return [
    `The strict types of the extras: one interface per \`${model.discriminator.key}\` and their union.`,
    "",
    "The interfaces list only the keys of the contract. A real payload may carry more (push",
    "transports add keys of their own), and the validators accept such keys; they are left out of",
    "the types so that a misspelt key is a compile error. Use parsePushExtras on data you receive.",
  ].join("\n");
}

function schemaFor(model: PushExtrasModel, names: TypeScriptNames, placeholders: WireKeyPlaceholders): JSONSchema {
  return {
    title: API_NAMES.union,
    description: docText(model.description),
    oneOf: model.messages.map((message) => messageSchema(model, message, names.messages.get(message)!.type, placeholders)),
  };
}

function messageSchema(model: PushExtrasModel, message: Message, typeName: string, placeholders: WireKeyPlaceholders): JSONSchema {
  const discriminator = placeholders.of(model.discriminator.key);
  const properties = Object.fromEntries<JSONSchema>([
    [discriminator, { type: "string", const: message.wireType, description: docText(message.typeDescription) }],
    ...message.fields.map((field): [string, JSONSchema] => [placeholders.of(field.key), fieldSchema(model, field)]),
  ]);
  return {
    title: typeName,
    description: docText(messageDoc(model, message)),
    type: "object",
    additionalProperties: false,
    required: [discriminator, ...message.fields.filter((f) => f.required).map((f) => placeholders.of(f.key))],
    properties,
  };
}

function fieldSchema(model: PushExtrasModel, field: Field): JSONSchema {
  const description = docText(fieldDoc(model, field, "strict"));
  if (field.type.kind === "string") return { type: "string", description };
  return { type: "string", enum: findEnum(model, field.type.enumName).values.map((v) => v.wire), description };
}

/**
 * json-schema-to-typescript spells names its own way (it drops letters outside ASCII, for one)
 * and numbers duplicates silently. Parsing its output confirms that it declared exactly the names
 * the rest of the output refers to; otherwise the run fails instead of emitting dangling names.
 */
function assertNames(file: ts.SourceFile, model: PushExtrasModel, names: TypeScriptNames): void {
  const declared = file.statements.filter((s) => ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s))
    .map((s) => s.name.text);
  const problems: SpecProblem[] = model.messages
    .filter((m) => !declared.includes(names.messages.get(m)!.type))
    .map((m) => ({
      file: model.specPath,
      pointer: m.pointer,
      message: `json-schema-to-typescript cannot spell the TypeScript name ${names.messages.get(m)!.type} (it declared ${declared.join(", ")}); give the message an x-name of ASCII letters and digits`,
    }));
  if (problems.length > 0) throw new InputError(problems);
  if (!declared.includes(API_NAMES.union) || declared.length !== model.messages.length + 1) {
    throw new Error(`internal: json-schema-to-typescript declared ${declared.join(", ")}`);
  }
}
