/**
 * The validators target: `ts/validators.js`, precompiled AJV validators for the strict reading of
 * the spec as one ES module that loads nothing at run time, and `ts/validators.d.ts`, its types
 * (type guards onto the interfaces of `ts/types.ts`, and the error shape, so users need no AJV).
 *
 * AJV compiles one function, the union validator, with the discriminator's branches inline; each
 * message's validator checks the discriminator value and then calls that same function, so the
 * module carries every rule once (see ../../validation-schema.ts and ../../strict-validator.ts).
 *
 * When every keyword of the schema is one it implements exactly, a fast path generated from the
 * same schema decides every payload, after one read per key (./fast-path-plan.ts,
 * ./fast-path-code.ts); AJV's code then only runs to write the errors of a refused payload, when
 * they are read. Otherwise AJV's code decides too.
 */
import { escapeFragment, escapeJsonPointer } from "ajv/dist/compile/util.js";
import type { OutputFile, PushExtrasModel, TargetOptions } from "../../model.js";
import { createTemplateEnvironment, renderTemplate } from "../../templates.js";
import { fileHeader } from "../typescript/docs.js";
import { API_NAMES, assignNames } from "../typescript/names.js";
import { stringLiteral } from "../typescript/naming.js";
import { compileStrictValidator } from "../../strict-validator.js";
import { blockComment, jsDoc } from "./comments.js";
import { fastPathCode, type FastPathCode } from "./fast-path-code.js";
import { planFastPath } from "./fast-path-plan.js";
import { assertImportsNothing, CODE_POINT_COUNTER_SOURCE, selfContained } from "./self-contained.js";

export const VALIDATORS_PATH = "ts/validators.js";
export const DECLARATIONS_PATH = "ts/validators.d.ts";

/** Module-private helpers of validators.js; AJV's own names there all end in a number. */
const HELPERS = {
  messageValidator: "messageValidator",
  withErrors: "withErrors",
  explain: "explainRefusal",
  thrown: "thrownErrors",
  passed: "PASSED",
  reported: "REPORTED",
  unionLast: "unionLastCall",
  /** The decider when there is no fast path; never the fast path's name, which tests look for. */
  ajvDecider: "acceptsByAjv",
} as const;

const env = createTemplateEnvironment();

const ERRORS_DOC =
  "After each call, `errors` holds the first rule the payload broke, or null when it passed. The errors of a refused payload are worked out when `errors` is first read after the call, so read it before changing the payload; until then, or the next call, the validator keeps a reference to it.";

export function emitValidators(model: PushExtrasModel, _options: TargetOptions): readonly OutputFile[] {
  const names = assignNames(model);
  const messages = model.messages.map((message) => ({ message, names: names.messages.get(message)! }));
  const compiled = compileStrictValidator(model.schema);
  const plan = planFastPath(compiled.schema);
  const fastPath = "plan" in plan ? fastPathCode(plan.plan, compiled.regExpFlags, { inCodePoints: compiled.lengthsInCodePoints, counterSource: CODE_POINT_COUNTER_SOURCE }) : null;
  const key = model.discriminator.key;
  const deciders = messageDeciders(fastPath);

  const code = renderTemplate(env, "validators/validators.js.hbs", {
    header: blockComment(fileHeader(model, "Validators of the strict reading, compiled from the schema by AJV at build time. This module loads nothing at run time.")),
    ajvCode: selfContained(compiled.code),
    ajvFunction: compiled.functionName,
    fastPath,
    ...HELPERS,
    deciderName: HELPERS.ajvDecider,
    decider: fastPath?.name ?? HELPERS.ajvDecider,
    union: API_NAMES.validateUnion,
    tagKeyText: `\`${key}\``,
    tagKey: stringLiteral(key),
    // Written as AJV writes the error of a `const` on that key, for the message's own schema.
    tagInstancePath: stringLiteral(`/${escapeJsonPointer(key)}`),
    tagSchemaPath: stringLiteral(`#/properties/${escapeFragment(key)}/const`),
    messages: messages.map(({ message, names }) => ({
      validator: names.validator,
      wireType: stringLiteral(message.wireType),
      decider: deciders(message.wireType),
    })),
  });
  assertImportsNothing(VALIDATORS_PATH, code);

  const declarations = renderTemplate(env, "validators/validators.d.ts.hbs", {
    header: blockComment(fileHeader(model, "Types of validators.js: type guards for the strict reading, and the errors they report.")),
    typeImports: [API_NAMES.union, ...messages.map((m) => m.names.type)].sort().join(", "),
    errorType: API_NAMES.validationError,
    errorDoc: jsDoc("One rule of the schema that a payload broke, as AJV reports it.", ""),
    errorFields: errorFields(model).map((f) => ({ name: f.name, type: f.type, doc: jsDoc(f.doc, "    ") })),
    union: API_NAMES.validateUnion,
    unionType: API_NAMES.union,
    unionDoc: jsDoc(
      [
        `Checks a payload against the strict reading of the schema: \`${key}\` names a known message, and the payload has that message's fields as the schema demands. Keys the schema does not name are allowed.`,
        `Narrows the payload to \`${API_NAMES.union}\` when it passes. ${ERRORS_DOC}`,
      ].join("\n\n"),
      "",
    ),
    messages: messages.map(({ message, names }) => ({
      validator: names.validator,
      type: names.type,
      doc: jsDoc(
        [
          `Checks that a payload is the message "${message.title}" (\`${key}\`: \`${message.wireType}\`) under the strict reading of the schema; a payload of another message type fails on \`${key}\`.`,
          `Narrows the payload to \`${names.type}\` when it passes. ${ERRORS_DOC}`,
        ].join("\n\n"),
        "",
      ),
    })),
  });
  return [
    { path: VALIDATORS_PATH, contents: code },
    { path: DECLARATIONS_PATH, contents: declarations },
  ];
}

/** The function that decides a payload of a message type, by its wire value: its fast path's, or AJV's code. */
function messageDeciders(fastPath: FastPathCode | null): (wireType: string) => string {
  if (fastPath === null) return () => HELPERS.ajvDecider;
  const byTag = new Map(fastPath.messages.map((m) => [m.tag, m.function]));
  return (wireType) => {
    const found = byTag.get(stringLiteral(wireType));
    if (found === undefined) throw new Error(`internal: the fast path has no function for ${JSON.stringify(wireType)}`);
    return found;
  };
}

/** The fields of an AJV error object that the generated code fills in, with examples from the spec. */
function errorFields(model: PushExtrasModel) {
  const field = model.messages.flatMap((m) => m.fields).find((f) => f.required)?.key ?? model.discriminator.key;
  return [
    { name: "instancePath", type: "string", doc: `JSON pointer of the offending value in the payload, such as \`/${escapeJsonPointer(field)}\`; empty for the payload itself.` },
    { name: "schemaPath", type: "string", doc: "Where the broken rule is in the schema, as a URI fragment holding a JSON pointer." },
    { name: "keyword", type: "string", doc: "The JSON Schema keyword of the broken rule, such as `required`, `type`, `pattern` or `enum`; `exception` when reading the payload threw (a getter or a proxy, never a payload parsed from JSON); `changed` when the payload changed between the call and the first read of `errors`." },
    { name: "params", type: "Readonly<Record<string, unknown>>", doc: "Details that depend on the keyword, such as `missingProperty` for `required` or `allowedValues` for `enum`." },
    { name: "message", type: "string", doc: `The broken rule in words, such as \`must have required property '${field}'\`.` },
  ];
}
