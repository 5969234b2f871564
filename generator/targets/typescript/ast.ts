/**
 * Small builders over the TypeScript compiler's node factory (the copy that ts-morph bundles), so
 * that the emitters read as declarations rather than factory calls, and so that quoting lives in
 * one place: every string the spec supplies becomes a string literal node, which the printer
 * escapes; no spec text is ever pasted into code.
 */
import { ts } from "ts-morph";
import { docText, propertyName } from "./naming.js";

export const factory = ts.factory;
export { ts };

export function stringLiteral(value: string): ts.StringLiteral {
  return factory.createStringLiteral(value);
}

export function identifier(name: string): ts.Identifier {
  return factory.createIdentifier(name);
}

/** A key in a type or interface: bare when it is an identifier, quoted otherwise. */
export function memberName(key: string): ts.PropertyName {
  return propertyName(key) === key ? identifier(key) : stringLiteral(key);
}

/**
 * A key in an object literal. `__proto__` is special there even when quoted (it sets the
 * prototype instead of adding a property), so it is written as a computed key.
 */
export function objectKey(key: string): ts.PropertyName {
  return key === "__proto__" ? factory.createComputedPropertyName(stringLiteral(key)) : memberName(key);
}

/** `object.key`, or `object["key"]` when the key is not an identifier. */
export function readProperty(object: ts.Expression, key: string): ts.Expression {
  return propertyName(key) === key && key !== "__proto__"
    ? factory.createPropertyAccessExpression(object, key)
    : factory.createElementAccessExpression(object, stringLiteral(key));
}

/** Attaches a JSDoc comment; the text is escaped so that `*\/` in a description cannot end it. */
export function withDoc<T extends ts.Node>(node: T, text: string): T {
  const lines = docText(text.trim()).split("\n");
  const body = `*\n${lines.map((line) => (line.trim() === "" ? " *" : ` * ${line}`)).join("\n")}\n `;
  return ts.addSyntheticLeadingComment(node, ts.SyntaxKind.MultiLineCommentTrivia, body, true);
}

export const exportModifier = (): ts.ModifierToken<ts.SyntaxKind.ExportKeyword> => factory.createModifier(ts.SyntaxKind.ExportKeyword);
export const readonlyModifier = (): ts.ModifierToken<ts.SyntaxKind.ReadonlyKeyword> => factory.createModifier(ts.SyntaxKind.ReadonlyKeyword);

export function stringType(): ts.KeywordTypeNode {
  return factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword);
}

export function undefinedType(): ts.KeywordTypeNode {
  return factory.createKeywordTypeNode(ts.SyntaxKind.UndefinedKeyword);
}

export function literalType(value: string | boolean): ts.LiteralTypeNode {
  if (typeof value === "string") return factory.createLiteralTypeNode(stringLiteral(value));
  return factory.createLiteralTypeNode(value ? factory.createTrue() : factory.createFalse());
}

export function typeReference(name: string, ...typeArguments: ts.TypeNode[]): ts.TypeReferenceNode {
  return factory.createTypeReferenceNode(name, typeArguments.length === 0 ? undefined : typeArguments);
}

/** `const name = initializer;`, exported or not. */
export function constStatement(name: string, initializer: ts.Expression, exported: boolean, type?: ts.TypeNode): ts.VariableStatement {
  return factory.createVariableStatement(
    exported ? [exportModifier()] : undefined,
    factory.createVariableDeclarationList([factory.createVariableDeclaration(name, undefined, type, initializer)], ts.NodeFlags.Const),
  );
}

/** `{ Member: "value", ... } as const`, each member with its own doc comment. */
export function constObject(members: readonly { readonly name: string; readonly value: string; readonly doc: string }[]): ts.Expression {
  const properties = members.map((m) => withDoc(factory.createPropertyAssignment(objectKey(m.name), stringLiteral(m.value)), m.doc));
  return factory.createAsExpression(factory.createObjectLiteralExpression(properties, true), typeReference("const"));
}

/** `export type Name = (typeof Name)[keyof typeof Name];`: the union of a const object's values. */
export function valuesOfConstType(name: string): ts.TypeAliasDeclaration {
  const query = () => factory.createTypeQueryNode(identifier(name));
  return factory.createTypeAliasDeclaration(
    [exportModifier()],
    name,
    undefined,
    factory.createIndexedAccessTypeNode(factory.createParenthesizedType(query()), factory.createTypeOperatorNode(ts.SyntaxKind.KeyOfKeyword, query())),
  );
}

/** `import type { A, B } from "./module.js";` */
export function importTypes(names: readonly string[], module: string): ts.ImportDeclaration {
  const specifiers = [...names].sort().map((n) => factory.createImportSpecifier(false, undefined, identifier(n)));
  return factory.createImportDeclaration(undefined, factory.createImportClause(true, undefined, factory.createNamedImports(specifiers)), stringLiteral(module));
}

/** `export * from "./module.js";` */
export function exportAll(module: string): ts.ExportDeclaration {
  return factory.createExportDeclaration(undefined, false, undefined, stringLiteral(module));
}

/** A read-only property of an interface or object type. */
export function readonlyProperty(name: string, type: ts.TypeNode, doc?: string): ts.PropertySignature {
  const node = factory.createPropertySignature([readonlyModifier()], memberName(name), undefined, type);
  return doc === undefined ? node : withDoc(node, doc);
}

/** An object literal `{ key: value, ... }` on one line, keys quoted or computed as needed. */
export function objectLiteral(entries: readonly (readonly [string, ts.Expression])[], multiLine = false): ts.ObjectLiteralExpression {
  return factory.createObjectLiteralExpression(
    entries.map(([key, value]) =>
      ts.isIdentifier(value) && value.text === key && key !== "__proto__"
        ? factory.createShorthandPropertyAssignment(key)
        : factory.createPropertyAssignment(objectKey(key), value),
    ),
    multiLine,
  );
}

export function returnStatement(expression: ts.Expression): ts.ReturnStatement {
  return factory.createReturnStatement(expression);
}

export function strictEquals(left: ts.Expression, right: ts.Expression): ts.BinaryExpression {
  return factory.createBinaryExpression(left, ts.SyntaxKind.EqualsEqualsEqualsToken, right);
}

export function call(callee: string | ts.Expression, ...args: ts.Expression[]): ts.CallExpression {
  return factory.createCallExpression(typeof callee === "string" ? identifier(callee) : callee, undefined, args);
}

export function typeofIs(expression: ts.Expression, type: string): ts.BinaryExpression {
  return strictEquals(factory.createTypeOfExpression(expression), stringLiteral(type));
}
