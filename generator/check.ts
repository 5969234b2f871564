/**
 * Stage 2: check the spec. First against the JSON Schema meta-schema, then against this project's
 * own rules, which make the spec compilable into every target. Every problem is collected and
 * reported with the file and the JSON pointer, so one run shows all that needs fixing.
 *
 * The result is a checked, normalized view of the spec (references followed, branches and fields
 * listed) that the model builder maps without looking at raw JSON again.
 */
import { createStrictAjv, DRAFT_2020_12 } from "./ajv.js";
import { InputError, pointerOf, type SpecProblem } from "./errors.js";
import type { LoadedSpec } from "./load.js";
import { isObject, resolveSchema, type JsonObject } from "./resolve.js";
import { compileStrictValidator } from "./strict-validator.js";

export interface CheckedSpec {
  readonly path: string;
  readonly root: JsonObject;
  readonly discriminator: string;
  readonly groups: readonly CheckedGroup[];
  readonly branches: readonly CheckedBranch[];
}

export interface CheckedGroup {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

export interface CheckedBranch {
  /** Pointer of the branch's own schema (after following the `oneOf` entry's `$ref`). */
  readonly pointer: string;
  /** The `$defs` key of the branch, or null for an inline branch. */
  readonly defName: string | null;
  readonly schema: JsonObject;
  readonly wireType: string;
  readonly typeDescription: string;
  readonly fields: readonly CheckedField[];
  readonly examples: readonly Record<string, string>[];
}

export interface CheckedField {
  readonly key: string;
  /** Pointer of the property entry inside the branch. */
  readonly pointer: string;
  /** The property's schema with references followed and sibling annotations merged. */
  readonly schema: JsonObject;
  /** Pointer of the schema that holds the constraints (a `$defs` entry when referenced). */
  readonly definitionPointer: string;
  readonly required: boolean;
  readonly tolerantRequired: boolean;
}

/** The longest string a spec may hold; a description of a few paragraphs is a thousand or two. */
export const MAX_TEXT_LENGTH = 16_384;

/** Project rules, each named by the sentence it enforces; the list reads as documentation. */
const RULES = {
  schemaDraft: `the spec declares "$schema": "${DRAFT_2020_12}"`,
  discriminator: 'the root has "discriminator": {"propertyName": ...} and a non-empty "oneOf"',
  constType: "every branch pins the discriminator with a string const and requires it",
  uniqueType: "no two branches share a discriminator value",
  groups: 'every branch names a group of "x-groups" in "x-group"',
  described: "every branch, field and enum value has a description",
  stringsOnly: 'every field is a string ("type": "string", optionally with "enum" or "pattern")',
  nonEmptyRequired:
    'a required free-text field has "minLength": 1 or more: tolerant readers reject an empty required value, and whatever the strict reading accepts they must parse',
  examples: "every branch has at least one example, and every example validates",
  tolerantOptional: '"x-tolerantOptional" lists only required fields of its branch',
  textLength: `every string of the spec, key or value, is at most ${MAX_TEXT_LENGTH} characters long: each lands in generated comments, code and docs, where a run of thousands of lines breaks json-schema-to-typescript`,
} as const;

export function check(spec: LoadedSpec): CheckedSpec {
  const file = spec.path;
  const problems: SpecProblem[] = [];
  const report = (pointer: string, message: string) => problems.push({ file, pointer, message });
  const doc = spec.document;

  if (!isObject(doc)) throw InputError.at(file, "", "the spec must be a JSON object (a JSON Schema)");
  if (doc["$schema"] !== DRAFT_2020_12) {
    throw InputError.at(file, pointerOf("$schema"), `unsupported $schema ${JSON.stringify(doc["$schema"])}; ${RULES.schemaDraft}`);
  }
  const ajv = createStrictAjv();
  if (!ajv.validateSchema(doc)) {
    // Meta-schema errors point into the spec document, so their instance path is our pointer.
    for (const e of ajv.errors ?? []) report(e.instancePath, `not a valid JSON Schema: ${e.message ?? e.keyword}`);
    throw new InputError(problems);
  }

  checkTextLengths(doc, report);
  if (problems.length > 0) throw new InputError(problems);

  const discriminatorKeyword = doc["discriminator"];
  const discriminator = isObject(discriminatorKeyword) ? discriminatorKeyword["propertyName"] : undefined;
  const oneOf = doc["oneOf"];
  if (typeof discriminator !== "string" || !Array.isArray(oneOf) || oneOf.length === 0) {
    throw InputError.at(file, "", RULES.discriminator);
  }
  if (!stringProp(doc, "title")) report("", `missing "title"`);
  if (!stringProp(doc, "description")) report("", `missing "description"; ${RULES.described}`);

  const groups = checkGroups(doc, report);
  const branches: CheckedBranch[] = [];
  const seenTypes = new Map<string, string>();
  oneOf.forEach((entry, index) => {
    const branch = checkBranch(file, doc, entry, pointerOf("oneOf", index), discriminator, groups, report);
    if (branch === null) return;
    const earlier = seenTypes.get(branch.wireType);
    if (earlier !== undefined) {
      report(branch.pointer, `discriminator value ${JSON.stringify(branch.wireType)} is used by ${earlier} too; ${RULES.uniqueType}`);
    }
    seenTypes.set(branch.wireType, branch.pointer);
    branches.push(branch);
  });
  if (problems.length > 0) throw new InputError(problems);

  checkExamples(file, doc, discriminator, branches, report);
  if (problems.length > 0) throw new InputError(problems);
  return { path: file, root: doc, discriminator, groups, branches };
}

/**
 * Every key and string value of the document, in document order. Walked with a stack of entries
 * that know their parent, so that a deeply nested spec neither overflows the call stack nor copies
 * its path at every level; a pointer is only built for a string that is too long.
 */
function checkTextLengths(doc: JsonObject, report: (pointer: string, message: string) => void): void {
  interface Entry {
    readonly value: unknown;
    readonly parent: Entry | null;
    readonly key: string | number;
  }
  const pointer = (entry: Entry | null): string => {
    const segments: (string | number)[] = [];
    for (let at = entry; at !== null && at.parent !== null; at = at.parent) segments.unshift(at.key);
    return pointerOf(...segments);
  };
  const pending: Entry[] = [{ value: doc, parent: null, key: "" }];
  for (let entry = pending.pop(); entry !== undefined; entry = pending.pop()) {
    const { value } = entry;
    if (typeof value === "string") {
      if (value.length > MAX_TEXT_LENGTH) report(pointer(entry), `a string of ${value.length} characters; ${RULES.textLength}`);
      continue;
    }
    const children: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : isObject(value) ? Object.entries(value) : [];
    for (const [key] of children) {
      if (typeof key === "string" && key.length > MAX_TEXT_LENGTH) report(pointer(entry), `a key of ${key.length} characters; ${RULES.textLength}`);
    }
    // Pushed last to first, so that they are taken in document order.
    for (let i = children.length - 1; i >= 0; i--) pending.push({ value: children[i]![1], parent: entry, key: children[i]![0] });
  }
}

function checkGroups(doc: JsonObject, report: (pointer: string, message: string) => void): CheckedGroup[] {
  const raw = doc["x-groups"];
  if (!Array.isArray(raw) || raw.length === 0) {
    report(pointerOf("x-groups"), `missing "x-groups": a list of {id, title, description}; ${RULES.groups}`);
    return [];
  }
  const groups: CheckedGroup[] = [];
  raw.forEach((g, i) => {
    const at = pointerOf("x-groups", i);
    if (!isObject(g) || !stringProp(g, "id") || !stringProp(g, "title") || !stringProp(g, "description")) {
      report(at, "a group needs a string id, title and description");
      return;
    }
    if (groups.some((other) => other.id === g["id"])) report(at, `duplicate group id ${JSON.stringify(g["id"])}`);
    groups.push({ id: g["id"] as string, title: g["title"] as string, description: g["description"] as string });
  });
  return groups;
}

function checkBranch(
  file: string,
  doc: JsonObject,
  entry: unknown,
  entryPointer: string,
  discriminator: string,
  groups: readonly CheckedGroup[],
  report: (pointer: string, message: string) => void,
): CheckedBranch | null {
  const { schema, pointer } = resolveSchema(file, doc, entry, entryPointer);
  const defMatch = /^\/\$defs\/([^/]+)$/.exec(pointer);
  const properties = isObject(schema["properties"]) ? schema["properties"] : {};
  const required = Array.isArray(schema["required"]) ? (schema["required"] as unknown[]) : [];
  const typeProperty = properties[discriminator];
  const typeSchema = typeProperty === undefined ? null : resolveSchema(file, doc, typeProperty, pointerOf(...pointerParts(pointer), "properties", discriminator)).schema;
  const wireType = typeSchema?.["const"];
  if (typeof wireType !== "string" || !required.includes(discriminator)) {
    report(pointer, `branch does not pin ${JSON.stringify(discriminator)}; ${RULES.constType}`);
    return null;
  }
  if (!stringProp(schema, "title")) report(pointer, `missing "title"`);
  if (!stringProp(schema, "description")) report(pointer, `missing "description"; ${RULES.described}`);
  if (!stringProp(typeSchema ?? {}, "description")) {
    report(pointerOf(...pointerParts(pointer), "properties", discriminator), `missing "description"; ${RULES.described}`);
  }
  const group = schema["x-group"];
  if (typeof group !== "string" || !groups.some((g) => g.id === group)) {
    report(pointer, `"x-group" ${JSON.stringify(group)} is not a group id; ${RULES.groups}`);
  }

  const tolerantOptional = Array.isArray(schema["x-tolerantOptional"]) ? (schema["x-tolerantOptional"] as unknown[]) : [];
  for (const key of tolerantOptional) {
    if (typeof key !== "string" || !required.includes(key) || key === discriminator) {
      report(pointerOf(...pointerParts(pointer), "x-tolerantOptional"), `${JSON.stringify(key)}: ${RULES.tolerantOptional}`);
    }
  }

  const fields: CheckedField[] = [];
  for (const [key, property] of Object.entries(properties)) {
    if (key === discriminator) continue;
    const at = pointerOf(...pointerParts(pointer), "properties", key);
    const resolved = resolveSchema(file, doc, property, at);
    checkFieldSchema(resolved.schema, at, resolved.pointer, report);
    if (required.includes(key) && resolved.schema["enum"] === undefined && !(Number(resolved.schema["minLength"]) >= 1)) {
      report(at, RULES.nonEmptyRequired);
    }
    fields.push({
      key,
      pointer: at,
      schema: resolved.schema,
      definitionPointer: resolved.pointer,
      required: required.includes(key),
      tolerantRequired: required.includes(key) && !tolerantOptional.includes(key),
    });
  }
  for (const key of required) {
    if (typeof key === "string" && !Object.hasOwn(properties, key)) {
      report(pointerOf(...pointerParts(pointer), "required"), `required key ${JSON.stringify(key)} has no entry in "properties"`);
    }
  }

  const examples = Array.isArray(schema["examples"]) ? (schema["examples"] as unknown[]) : [];
  if (examples.length === 0) report(pointer, `no "examples"; ${RULES.examples}`);
  return {
    pointer,
    defName: defMatch ? decodePointerSegment(defMatch[1]!) : null,
    schema,
    wireType,
    typeDescription: (typeSchema?.["description"] as string | undefined) ?? "",
    fields,
    examples: examples as Record<string, string>[],
  };
}

function checkFieldSchema(schema: JsonObject, at: string, definitionPointer: string, report: (pointer: string, message: string) => void): void {
  if (schema["type"] !== "string") {
    report(at, `field type is ${JSON.stringify(schema["type"] ?? "unspecified")}; ${RULES.stringsOnly}`);
  }
  if (!stringProp(schema, "description")) report(at, `missing "description"; ${RULES.described}`);
  const values = schema["enum"];
  if (values === undefined) return;
  if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === "string")) {
    report(pointerOf(...pointerParts(definitionPointer), "enum"), `an enum must list strings; ${RULES.stringsOnly}`);
    return;
  }
  const descriptions = isObject(schema["x-enumDescriptions"]) ? schema["x-enumDescriptions"] : {};
  for (const value of values as string[]) {
    if (typeof descriptions[value] !== "string" || descriptions[value] === "") {
      report(pointerOf(...pointerParts(definitionPointer), "x-enumDescriptions", value), `enum value ${JSON.stringify(value)} has no description; ${RULES.described}`);
    }
  }
}

function checkExamples(file: string, doc: JsonObject, discriminator: string, branches: readonly CheckedBranch[], report: (pointer: string, message: string) => void): void {
  let validate;
  try {
    // The validator that the validators target ships, compiled here once for both.
    validate = compileStrictValidator(doc).validate;
  } catch (error) {
    throw InputError.at(file, "", `the schema cannot be compiled: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const branch of branches) {
    branch.examples.forEach((example, i) => {
      const at = pointerOf(...pointerParts(branch.pointer), "examples", i);
      if (!validate(example)) {
        const first = validate.errors?.[0];
        report(at, `example does not validate: ${first?.instancePath || "/"} ${first?.message ?? ""}; ${RULES.examples}`);
      } else if ((example as Record<string, unknown>)[discriminator] !== branch.wireType) {
        report(at, `example belongs to another message type than ${JSON.stringify(branch.wireType)}`);
      }
    });
  }
}

function stringProp(object: JsonObject, key: string): boolean {
  return typeof object[key] === "string" && (object[key] as string).trim() !== "";
}

function pointerParts(pointer: string): string[] {
  return pointer === "" ? [] : pointer.slice(1).split("/").map(decodePointerSegment);
}

function decodePointerSegment(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}
