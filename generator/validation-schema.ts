/**
 * The schema the validators are compiled from: the spec, reduced to what validation reads.
 *
 * Two rewrites, neither of which changes what is valid:
 * - annotations (titles, descriptions, examples, the project's `x-` keywords) are left out, so that
 *   a schema object AJV embeds in the generated code (an `enum` list it reports in an error)
 *   carries no prose;
 * - the discriminator's branches are written in place of their `$ref`s, so that AJV compiles them
 *   inside the union validator instead of as functions it calls with a context object on every
 *   payload. References inside a branch (to a field's definition) stay: AJV inlines those itself,
 *   and reports their errors at the definition (such as `#/$defs/Name/pattern`).
 */
import { ANNOTATION_KEYWORDS } from "./ajv.js";
import { isObject, type JsonObject } from "./resolve.js";

/** Keywords that only annotate in draft 2020-12: AJV generates no code for them. */
const ANNOTATIONS: ReadonlySet<string> = new Set([
  "title",
  "description",
  "examples",
  "default",
  "deprecated",
  "readOnly",
  "writeOnly",
  "$comment",
  "contentMediaType",
  "contentEncoding",
  "contentSchema",
  ...ANNOTATION_KEYWORDS,
]);

/** Keywords whose value is a map of schemas, a schema, or a list of schemas (draft 2020-12). */
const SCHEMA_MAPS: ReadonlySet<string> = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);
const SCHEMA_VALUES: ReadonlySet<string> = new Set([
  "not", "if", "then", "else", "items", "contains", "additionalProperties", "propertyNames", "unevaluatedProperties", "unevaluatedItems",
]);
const SCHEMA_LISTS: ReadonlySet<string> = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);

export function validationSchema(spec: unknown): JsonObject {
  if (!isObject(spec)) throw new Error("internal: the model's schema is not an object");
  // The root `$id` only names the document (every reference is local); without it AJV adds no
  // `sourceURL` comment to the code.
  const { $id: _id, ...root } = withoutAnnotations(spec) as JsonObject;
  return inlineBranches(root);
}

/** A copy of the schema without annotation keywords, walking schema positions only. */
function withoutAnnotations(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  const result: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    if (SCHEMA_MAPS.has(keyword) && isObject(value)) {
      result[keyword] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, withoutAnnotations(sub)]));
    } else if (SCHEMA_VALUES.has(keyword)) {
      result[keyword] = withoutAnnotations(value);
    } else if (SCHEMA_LISTS.has(keyword) && Array.isArray(value)) {
      result[keyword] = value.map(withoutAnnotations);
    } else {
      // `const`, `enum`, `required`, `discriminator`...: data, copied as it is.
      result[keyword] = value;
    }
  }
  return result;
}

/**
 * Replaces each `oneOf` entry of the discriminated union that is a bare local `$ref` by the schema
 * it points to. An entry with keywords beside its `$ref`, or pointing at another `$ref`, is left to
 * AJV as it is: correct, only slower.
 */
function inlineBranches(root: JsonObject): JsonObject {
  const branches = root["oneOf"];
  if (root["discriminator"] === undefined || !Array.isArray(branches)) return root;
  const inlined = branches.map((entry: unknown) => {
    if (!isObject(entry) || Object.keys(entry).length !== 1 || typeof entry["$ref"] !== "string") return entry;
    const target = resolveLocalPointer(root, entry["$ref"]);
    return isObject(target) && target["$ref"] === undefined ? target : entry;
  });
  return { ...root, oneOf: inlined };
}

/** The value at a local reference (`#/$defs/Name`), or undefined when it is not one. */
export function resolveLocalPointer(root: JsonObject, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split("/")) {
    const segment = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node) && /^\d+$/.test(segment)) node = node[Number(segment)];
    else if (isObject(node) && Object.hasOwn(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

/** Calls `visit` on every schema object in the schema, the root included. */
export function forEachSchema(schema: unknown, visit: (schema: JsonObject) => void): void {
  if (!isObject(schema)) return;
  visit(schema);
  for (const [keyword, value] of Object.entries(schema)) {
    if (SCHEMA_MAPS.has(keyword) && isObject(value)) Object.values(value).forEach((sub) => forEachSchema(sub, visit));
    else if (SCHEMA_VALUES.has(keyword)) forEachSchema(value, visit);
    else if (SCHEMA_LISTS.has(keyword) && Array.isArray(value)) value.forEach((sub) => forEachSchema(sub, visit));
  }
}
