/**
 * The code of `ts/parser.ts`: the tolerant reading of DOMAIN.md, emitted from the model.
 *
 * The generated parser runs on the receive path of every push, so it finds the message type's
 * function with a switch, or a Map for many types (../dispatch.ts), and reads straight-line: no
 * loops over keys, no allocation beyond the result, every reason a literal. It must never throw,
 * whatever it is given, so the whole read runs inside one try/catch (a getter or a proxy trap of
 * the input may throw), and it reads own properties only (`hasOwnProperty`, never `in` or a bare
 * read that could reach `Object.prototype`).
 */
import { dispatchesWithSwitch } from "../dispatch.js";
import { findEnum, type Enumeration, type Field, type Message, type PushExtrasModel } from "../../model.js";
import {
  call, constStatement, exportModifier, factory, identifier, objectLiteral, returnStatement,
  strictEquals, stringLiteral, stringType, ts, typeofIs, typeReference, undefinedType, withDoc,
} from "./ast.js";
import { API_NAMES, PARSER_HELPERS as H, PARSER_LOCALS as L, RESULT_KIND_PROPERTY as K, type TypeScriptNames } from "./names.js";

/** The type of the payload once it is known to be a non-null object. */
const recordType = () =>
  typeReference("Readonly", typeReference("Record", stringType(), factory.createKeywordTypeNode(ts.SyntaxKind.UnknownKeyword)));

const resultType = () => typeReference(API_NAMES.parseResult);

export function parserCode(model: PushExtrasModel, names: TypeScriptNames): ts.Statement[] {
  return [
    ...(dispatchesWithSwitch(model.messages.length) ? [] : [parsersByTypeMap(model, names)]),
    entryFunction(model, names),
    ...model.messages.map((m) => messageFunction(model, names, m)),
    ...model.enums.map((e) => enumReader(names, e)),
    ...helpers(model),
  ];
}

function invalid(reason: string): ts.ReturnStatement {
  return returnStatement(objectLiteral([[K, stringLiteral("invalid")], ["reason", stringLiteral(reason)]]));
}

function ifReturn(condition: ts.Expression, statement: ts.Statement): ts.IfStatement {
  return factory.createIfStatement(condition, ts.isBlock(statement) ? statement : factory.createBlock([statement], true));
}

function functionDeclaration(name: string, parameters: readonly [string, ts.TypeNode][], returnType: ts.TypeNode, body: readonly ts.Statement[], exported = false): ts.FunctionDeclaration {
  return factory.createFunctionDeclaration(
    exported ? [exportModifier()] : undefined,
    undefined,
    name,
    undefined,
    parameters.map(([p, type]) => factory.createParameterDeclaration(undefined, undefined, p, undefined, type)),
    returnType,
    factory.createBlock(body, true),
  );
}

function entryFunction(model: PushExtrasModel, names: TypeScriptNames): ts.Statement {
  const key = model.discriminator.key;
  const value = identifier(L.value);
  const wireType = identifier(L.wireType);
  const unknownResult = objectLiteral([[K, stringLiteral("unknown")], [key, wireType]]);
  const body = [
    ifReturn(
      factory.createLogicalNot(call(H.isRecord, value)),
      returnStatement(objectLiteral([[K, stringLiteral("invalid")], ["reason", call(H.describeNonObject, value)]])),
    ),
    ...readRequired(wireType, key, key, [value]),
    ...(dispatchesWithSwitch(model.messages.length) ? [switchDispatch(model, names, unknownResult)] : mapDispatch(unknownResult)),
  ];
  const guarded = factory.createTryStatement(
    factory.createBlock(body, true),
    factory.createCatchClause(undefined, factory.createBlock([invalid("reading the payload threw an error (a property getter or a proxy of the input); nothing was read")], true)),
    undefined,
  );
  // Keeps `} catch {` on one line; the blocks themselves stay multi-line.
  ts.setEmitFlags(guarded, ts.EmitFlags.SingleLine);
  const declaration = functionDeclaration(API_NAMES.parse, [[L.value, factory.createKeywordTypeNode(ts.SyntaxKind.UnknownKeyword)]], resultType(), [guarded], true);
  return withDoc(declaration, entryDoc(model));
}

/** `switch (wireType)` with a case per message type that returns its function's result. */
function switchDispatch(model: PushExtrasModel, names: TypeScriptNames, unknownResult: ts.Expression): ts.Statement {
  // A message without fields needs nothing from the payload; an unused parameter would fail
  // consumers that compile with noUnusedParameters.
  const cases = model.messages.map((m) =>
    factory.createCaseClause(stringLiteral(m.wireType), [returnStatement(call(names.messages.get(m)!.parseFunction, ...(m.fields.length === 0 ? [] : [identifier(L.value)])))]),
  );
  const unknown = factory.createDefaultClause([returnStatement(unknownResult)]);
  return factory.createSwitchStatement(identifier(L.wireType), factory.createCaseBlock([...cases, unknown]));
}

/** The message type's function from `parsersByType`, or the unknown result. */
function mapDispatch(unknownResult: ts.Expression): ts.Statement[] {
  const parser = identifier(L.parser);
  return [
    constStatement(L.parser, call(factory.createPropertyAccessExpression(identifier(H.parsersByType), "get"), identifier(L.wireType)), false),
    returnStatement(factory.createConditionalExpression(strictEquals(parser, identifier("undefined")), undefined, unknownResult, undefined, call(parser, identifier(L.value)))),
  ];
}

/** The parse function of each message type by its wire value, for specs with many types. */
function parsersByTypeMap(model: PushExtrasModel, names: TypeScriptNames): ts.Statement {
  const parserType = factory.createFunctionTypeNode(
    undefined,
    [factory.createParameterDeclaration(undefined, undefined, L.payload, undefined, recordType())],
    resultType(),
  );
  const entries = model.messages.map((m) => factory.createArrayLiteralExpression([stringLiteral(m.wireType), identifier(names.messages.get(m)!.parseFunction)]));
  const map = factory.createNewExpression(identifier("Map"), [stringType(), parserType], [factory.createArrayLiteralExpression(entries, true)]);
  return withDoc(
    constStatement(H.parsersByType, map, false, typeReference("ReadonlyMap", stringType(), parserType)),
    "The parse function of each message type, by its wire value: one lookup, however many types the spec has.",
  );
}

function entryDoc(model: PushExtrasModel): string {
  const key = model.discriminator.key;
  const fallback = model.tolerant.nestedFallback;
  return [
    "Reads push extras the tolerant way; never throws, whatever it is given, and never changes its input.",
    "",
    `- A known \`${key}\` whose required keys are non-empty strings gives the message. Formats are not checked; an optional key that is not a string counts as absent; an enumerated value the spec does not list is kept raw.`,
    `- A \`${key}\` this version does not know gives \`unknown\` with the raw value.`,
    `- Anything else (not an object, no \`${key}\`, a required key missing, empty or not a string) gives \`invalid\` with the reason.`,
    ...(fallback === null ? [] : [`- A key that is not a string at the top level is taken from the \`${fallback}\` object when it is a string there.`]),
    "",
    "Only own properties count: keys inherited from a prototype are never read.",
  ].join("\n");
}

/** `const local = readString(payload, "key");` and, when required, the returns of `invalid`. */
function readRequired(local: ts.Identifier, key: string, what: string, args: ts.Expression[], required = true): ts.Statement[] {
  const read = constStatement(local.text, call(H.readString, ...args, stringLiteral(key)), false);
  if (!required) return [read];
  return [
    read,
    ifReturn(strictEquals(local, identifier("undefined")), invalid(`${what} is missing or not a string`)),
    ifReturn(strictEquals(local, stringLiteral("")), invalid(`${what} is an empty string`)),
  ];
}

function messageFunction(model: PushExtrasModel, names: TypeScriptNames, message: Message): ts.Statement {
  const m = names.messages.get(message)!;
  const payload = identifier(L.payload);
  const reads = message.fields.flatMap((field) =>
    readRequired(identifier(m.fieldLocals.get(field)!), field.key, `${message.wireType}: ${field.key}`, [payload], field.tolerantRequired),
  );
  const fields = message.fields.map((field): [string, ts.Expression] => [field.key, fieldValue(model, names, field, identifier(m.fieldLocals.get(field)!))]);
  const parsed = objectLiteral([[model.discriminator.key, stringLiteral(message.wireType)], ...fields], true);
  const result = returnStatement(objectLiteral([[K, stringLiteral("message")], ["message", parsed]], true));
  const parameters: [string, ts.TypeNode][] = message.fields.length === 0 ? [] : [[L.payload, recordType()]];
  return functionDeclaration(m.parseFunction, parameters, resultType(), [...reads, result]);
}

/** The field's value in the parsed message: the string itself, or an enum value read from it. */
function fieldValue(model: PushExtrasModel, names: TypeScriptNames, field: Field, local: ts.Identifier): ts.Expression {
  if (field.type.kind === "string") return local;
  const reader = call(names.enums.get(findEnum(model, field.type.enumName))!.readFunction, local);
  if (field.tolerantRequired) return reader;
  return factory.createConditionalExpression(strictEquals(local, identifier("undefined")), undefined, identifier("undefined"), undefined, reader);
}

/** A switch from the raw string to `{ known: true, value }` for every listed value, else `{ known: false }`. */
function enumReader(names: TypeScriptNames, enumeration: Enumeration): ts.Statement {
  const e = names.enums.get(enumeration)!;
  const raw = identifier(L.raw);
  const cases = enumeration.values.map((v) =>
    factory.createCaseClause(stringLiteral(v.wire), [
      returnStatement(objectLiteral([["known", factory.createTrue()], ["value", stringLiteral(v.wire)], [L.raw, raw]])),
    ]),
  );
  const unknown = factory.createDefaultClause([returnStatement(objectLiteral([["known", factory.createFalse()], [L.raw, raw]]))]);
  const returnType = typeReference(API_NAMES.parsedEnumValue, typeReference(e.type));
  return functionDeclaration(e.readFunction, [[L.raw, stringType()]], returnType, [factory.createSwitchStatement(raw, factory.createCaseBlock([...cases, unknown]))]);
}

function helpers(model: PushExtrasModel): ts.Statement[] {
  return [
    withDoc(
      constStatement(H.hasOwnProperty, factory.createPropertyAccessExpression(factory.createPropertyAccessExpression(identifier("Object"), "prototype"), "hasOwnProperty"), false),
      "Taken once, so that a payload with an own `hasOwnProperty` key cannot change what is read.",
    ),
    isRecordFunction(),
    readStringFunction(model.tolerant.nestedFallback),
    describeNonObjectFunction(),
  ];
}

function isRecordFunction(): ts.Statement {
  const value = identifier(L.value);
  const test = factory.createLogicalAnd(
    factory.createLogicalAnd(typeofIs(value, "object"), factory.createStrictInequality(value, factory.createNull())),
    factory.createLogicalNot(call(factory.createPropertyAccessExpression(identifier("Array"), "isArray"), value)),
  );
  const declaration = factory.createFunctionDeclaration(
    undefined, undefined, H.isRecord, undefined,
    [factory.createParameterDeclaration(undefined, undefined, value, undefined, factory.createKeywordTypeNode(ts.SyntaxKind.UnknownKeyword))],
    factory.createTypePredicateNode(undefined, value, recordType()),
    factory.createBlock([returnStatement(test)], true),
  );
  return withDoc(declaration, "An object that can carry extras: not null, not an array.");
}

/** `if (hasOwnProperty.call(object, key)) { const value = object[key]; if (typeof value === "string") return value; }` */
function ownStringReturn(object: ts.Expression, key: ts.Expression): ts.Statement {
  const value = identifier(L.value);
  return ifReturn(
    call(factory.createPropertyAccessExpression(identifier(H.hasOwnProperty), "call"), object, key),
    factory.createBlock([
      constStatement(L.value, factory.createElementAccessExpression(object, key), false),
      ifReturn(typeofIs(value, "string"), returnStatement(value)),
    ], true),
  );
}

function readStringFunction(nestedFallback: string | null): ts.Statement {
  const payload = identifier(L.payload);
  const key = identifier("key");
  const nested = identifier(L.nested);
  const fallback = nestedFallback === null ? [] : [
    ifReturn(
      call(factory.createPropertyAccessExpression(identifier(H.hasOwnProperty), "call"), payload, stringLiteral(nestedFallback)),
      factory.createBlock([
        constStatement(L.nested, factory.createElementAccessExpression(payload, stringLiteral(nestedFallback)), false),
        ifReturn(call(H.isRecord, nested), ownStringReturn(nested, key)),
      ], true),
    ),
  ];
  const declaration = functionDeclaration(
    H.readString,
    [[L.payload, recordType()], ["key", stringType()]],
    factory.createUnionTypeNode([stringType(), undefinedType()]),
    [ownStringReturn(payload, key), ...fallback, returnStatement(identifier("undefined"))],
  );
  const doc = nestedFallback === null
    ? "The own property `key` when it is a string; otherwise `undefined`, as if absent."
    : `The own property \`key\` when it is a string; otherwise the same key of the \`${nestedFallback}\` object when that is a string there (push transports may nest the extras there); otherwise \`undefined\`, as if absent.`;
  return withDoc(declaration, doc);
}

function describeNonObjectFunction(): ts.Statement {
  const value = identifier(L.value);
  const body = [
    ifReturn(strictEquals(value, factory.createNull()), returnStatement(stringLiteral("the payload is null, not an object"))),
    ifReturn(call(factory.createPropertyAccessExpression(identifier("Array"), "isArray"), value), returnStatement(stringLiteral("the payload is an array, not an object"))),
    returnStatement(
      factory.createBinaryExpression(
        factory.createBinaryExpression(stringLiteral("the payload is of type "), ts.SyntaxKind.PlusToken, factory.createTypeOfExpression(value)),
        ts.SyntaxKind.PlusToken,
        stringLiteral(", not an object"),
      ),
    ),
  ];
  return functionDeclaration(H.describeNonObject, [[L.value, factory.createKeywordTypeNode(ts.SyntaxKind.UnknownKeyword)]], stringType(), body);
}
