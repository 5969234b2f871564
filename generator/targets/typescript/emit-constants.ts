/**
 * `ts/constants.ts`: the message types, every enumeration and the key names as `as const`
 * objects, each with the union type of its values under the same name, and a type guard per
 * message. Built as an AST (see ast.ts).
 */
import type { Enumeration, PushExtrasModel } from "../../model.js";
import {
  constObject, constStatement, exportModifier, factory, identifier, importTypes, readProperty, returnStatement,
  strictEquals, ts, typeReference, valuesOfConstType, withDoc,
} from "./ast.js";
import { fileHeader, messageDoc } from "./docs.js";
import { API_NAMES, type TypeScriptNames } from "./names.js";
import { printStatements } from "./print.js";

export const CONSTANTS_PATH = "ts/constants.ts";

export function emitConstants(model: PushExtrasModel, names: TypeScriptNames): string {
  const messageTypes = model.messages.map((m) => names.messages.get(m)!.type);
  const statements: ts.Statement[] = [
    importTypes([API_NAMES.union, ...messageTypes], "./types.js"),
    ...messageTypeConst(model, names),
    ...model.enums.flatMap((e) => enumConst(e, names)),
    ...keyConst(model, names),
    ...model.messages.map((m) => guard(model, names, m)),
  ];
  const about = `Constants of the extras: the \`${model.discriminator.key}\` values, the enumerations and the key names, with a type guard per message.`;
  return printStatements(CONSTANTS_PATH, fileHeader(model, about), statements);
}

function messageTypeConst(model: PushExtrasModel, names: TypeScriptNames): ts.Statement[] {
  const name = names.messageTypeConst;
  const members = model.messages.map((m) => ({ name: names.messages.get(m)!.typeMember, value: m.wireType, doc: `${m.title}: ${m.typeDescription}` }));
  return constAndUnion(name, members, `Every value of the \`${model.discriminator.key}\` key. ${model.keys.find((k) => k.key === model.discriminator.key)?.description ?? ""}`);
}

function enumConst(enumeration: Enumeration, names: TypeScriptNames): ts.Statement[] {
  const e = names.enums.get(enumeration)!;
  const members = enumeration.values.map((v) => ({ name: e.members.get(v)!, value: v.wire, doc: v.description }));
  return constAndUnion(e.type, members, `${enumeration.title}. ${enumeration.description}`);
}

function keyConst(model: PushExtrasModel, names: TypeScriptNames): ts.Statement[] {
  const members = model.keys.map((k) => ({ name: names.keyMembers.get(k)!, value: k.key, doc: k.description }));
  return constAndUnion(API_NAMES.keyConst, members, "Every key of every message, as sent on the wire.");
}

function constAndUnion(name: string, members: Parameters<typeof constObject>[0], doc: string): ts.Statement[] {
  return [
    withDoc(constStatement(name, constObject(members), true), doc),
    withDoc(valuesOfConstType(name), `One of the values of {@link ${name}}.`),
  ];
}

/** `export function isX(value: PushExtras): value is X { return value.messageType === MessageType.X; }` */
function guard(model: PushExtrasModel, names: TypeScriptNames, message: PushExtrasModel["messages"][number]): ts.Statement {
  const m = names.messages.get(message)!;
  const value = identifier("value");
  const test = strictEquals(readProperty(value, model.discriminator.key), readProperty(identifier(names.messageTypeConst), m.typeMember));
  const declaration = factory.createFunctionDeclaration(
    [exportModifier()],
    undefined,
    m.guard,
    undefined,
    [factory.createParameterDeclaration(undefined, undefined, value, undefined, typeReference(API_NAMES.union))],
    factory.createTypePredicateNode(undefined, value, typeReference(m.type)),
    factory.createBlock([returnStatement(test)], true),
  );
  return withDoc(declaration, `Narrows a validated payload to {@link ${m.type}}.\n\n${messageDoc(model, message)}`);
}
