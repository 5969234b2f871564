/**
 * Turns TypeScript syntax trees into the text of a generated file: a header comment, then every
 * top-level statement, separated by blank lines, as TypeScript's own printer writes it.
 *
 * The compiler comes from ts-morph, and it is only asked to parse and print: no program, no type
 * checking, no language service, no file system. Printing also stands in for prettier on the
 * output of json-schema-to-typescript, whose own formatting takes about half a second.
 */
import { docText } from "./naming.js";
import { ts } from "./ast.js";

/** Prints statements built with the factory into the text of a file with the given header. */
export function printStatements(path: string, header: string, statements: readonly ts.Statement[]): string {
  const scratch = ts.createSourceFile(path, "", ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return fileText(header, statements, scratch);
}

/**
 * Re-prints TypeScript source written by another tool (parsed with `parseSource`), under the given
 * header, after the given rewrites of its syntax tree. Comments are kept; parentheses around a
 * whole declared type, which json-schema-to-typescript adds to every union, are dropped.
 */
export function reprintFile(header: string, file: ts.SourceFile, rewrites: readonly ts.TransformerFactory<ts.SourceFile>[] = []): string {
  const result = ts.transform(file, [...rewrites, dropOuterParentheses]);
  const [transformed] = result.transformed;
  const text = fileText(header, transformed!.statements, file);
  result.dispose();
  return text;
}

/** A transformer that replaces each node for which `rewrite` returns a node (deepest first). */
export function rewriteNodes(rewrite: (node: ts.Node, factory: ts.NodeFactory) => ts.Node | undefined): ts.TransformerFactory<ts.SourceFile> {
  return (context) => {
    const visit = (node: ts.Node): ts.Node => {
      const visited = ts.visitEachChild(node, visit, context);
      return rewrite(visited, context.factory) ?? visited;
    };
    return (file) => ts.visitEachChild(file, visit, context);
  };
}

/** Parses source text without binding or checking it. */
export function parseSource(path: string, source: string): ts.SourceFile {
  return ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** Statements are separated by a blank line, except within a run of imports or re-exports. */
function fileText(header: string, statements: readonly ts.Statement[], file: ts.SourceFile): string {
  const isModuleLink = (s: ts.Statement | undefined) => s !== undefined && (ts.isImportDeclaration(s) || (ts.isExportDeclaration(s) && s.moduleSpecifier !== undefined));
  const body = statements
    .map((s, i) => (i > 0 && !(isModuleLink(s) && isModuleLink(statements[i - 1])) ? "\n" : "") + printer.printNode(ts.EmitHint.Unspecified, s, file))
    .join("\n");
  return `${headerComment(header)}\n\n${body}\n`;
}

/** A block comment with the given text; escaped so that the text cannot end the comment early. */
function headerComment(text: string): string {
  const lines = docText(text.trim()).split("\n");
  return `/*\n${lines.map((line) => (line.trim() === "" ? " *" : ` * ${line}`)).join("\n")}\n */`;
}

/** `type A = (B | C)` becomes `type A = B | C`, and likewise for the type of a property. */
const dropOuterParentheses = rewriteNodes((node, factory) => {
  if (ts.isTypeAliasDeclaration(node) && ts.isParenthesizedTypeNode(node.type)) {
    return factory.updateTypeAliasDeclaration(node, node.modifiers, node.name, node.typeParameters, node.type.type);
  }
  if (ts.isPropertySignature(node) && node.type !== undefined && ts.isParenthesizedTypeNode(node.type)) {
    return factory.updatePropertySignature(node, node.modifiers, node.name, node.questionToken, node.type.type);
  }
  return undefined;
});

/**
 * `neverAsciiEscape` keeps non-ASCII text of the spec readable in string literals (the printer
 * would write `\u00FC` for `ü`). It is an internal option of the printer: without it the output is
 * escaped, still correct.
 */
const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, removeComments: false, neverAsciiEscape: true } as ts.PrinterOptions);
