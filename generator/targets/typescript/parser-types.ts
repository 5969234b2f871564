/**
 * The declarations of `ts/parser.ts`: the parse result, the enum value wrapper, and one `Parsed*`
 * interface per message in which every field is an own property named by its wire key.
 */
import { findEnum, type Field, type Message, type PushExtrasModel } from "../../model.js";
import {
  exportModifier, factory, identifier, literalType, readonlyProperty, stringType, ts, typeReference, undefinedType,
  withDoc,
} from "./ast.js";
import { fieldDoc, messageDoc } from "./docs.js";
import { API_NAMES, RESULT_KIND_PROPERTY, type TypeScriptNames } from "./names.js";

export function parserTypes(model: PushExtrasModel, names: TypeScriptNames): ts.Statement[] {
  return [
    parseResultType(model),
    enumValueType(),
    messageUnion(model, names),
    ...model.messages.map((m) => parsedInterface(model, names, m)),
  ];
}

function typeLiteral(...members: ts.PropertySignature[]): ts.TypeLiteralNode {
  return factory.createTypeLiteralNode(members);
}

function union(types: readonly ts.TypeNode[]): ts.TypeNode {
  return types.length === 1 ? types[0]! : factory.createUnionTypeNode(types);
}

function exportedAlias(name: string, type: ts.TypeNode, doc: string, typeParameters?: ts.TypeParameterDeclaration[]): ts.TypeAliasDeclaration {
  return withDoc(factory.createTypeAliasDeclaration([exportModifier()], name, typeParameters, type), doc);
}

function parseResultType(model: PushExtrasModel): ts.Statement {
  const kind = (value: string) => readonlyProperty(RESULT_KIND_PROPERTY, literalType(value));
  const type = union([
    typeLiteral(kind("message"), readonlyProperty("message", typeReference(API_NAMES.parsedMessage))),
    typeLiteral(kind("unknown"), readonlyProperty(model.discriminator.key, stringType())),
    typeLiteral(kind("invalid"), readonlyProperty("reason", stringType())),
  ]);
  return exportedAlias(
    API_NAMES.parseResult,
    type,
    [
      `What ${API_NAMES.parse} made of a payload; switch on \`kind\`:`,
      "- `message`: a message of a known type, with its fields;",
      `- \`unknown\`: a \`${model.discriminator.key}\` this version does not know, kept raw so that an app can still refresh its state;`,
      "- `invalid`: not a message, with a human-readable reason.",
    ].join("\n"),
  );
}

function enumValueType(): ts.Statement {
  const t = typeReference("T");
  const raw = () => readonlyProperty("raw", stringType(), "The string as received.");
  const type = union([
    typeLiteral(readonlyProperty("known", literalType(true)), readonlyProperty("value", t), raw()),
    typeLiteral(readonlyProperty("known", literalType(false)), raw()),
  ]);
  const parameter = factory.createTypeParameterDeclaration(undefined, identifier("T"), stringType());
  return exportedAlias(
    API_NAMES.parsedEnumValue,
    type,
    "An enumerated value as received: `known` with the value when the spec lists it, otherwise only the raw string, so that values added on the server later do not cost the whole message.",
    [parameter],
  );
}

function messageUnion(model: PushExtrasModel, names: TypeScriptNames): ts.Statement {
  const members = model.messages.map((m) => typeReference(names.messages.get(m)!.parsed));
  return exportedAlias(API_NAMES.parsedMessage, union(members), `A message of a known type as the tolerant parser reads it; switch on \`${model.discriminator.key}\`.`);
}

function parsedInterface(model: PushExtrasModel, names: TypeScriptNames, message: Message): ts.Statement {
  const m = names.messages.get(message)!;
  const members = [
    readonlyProperty(model.discriminator.key, literalType(message.wireType), message.typeDescription),
    ...message.fields.map((field) => readonlyProperty(field.key, fieldType(model, names, field), fieldDoc(model, field, "tolerant"))),
  ];
  const declaration = factory.createInterfaceDeclaration([exportModifier()], m.parsed, undefined, undefined, members);
  return withDoc(declaration, `${messageDoc(model, message)}\n\nAs the tolerant parser reads it: every field is present, \`undefined\` when absent. The strict type is \`${m.type}\` in types.ts.`);
}

function fieldType(model: PushExtrasModel, names: TypeScriptNames, field: Field): ts.TypeNode {
  const present =
    field.type.kind === "string"
      ? stringType()
      : typeReference(API_NAMES.parsedEnumValue, typeReference(names.enums.get(findEnum(model, field.type.enumName))!.type));
  return field.tolerantRequired ? present : union([present, undefinedType()]);
}
