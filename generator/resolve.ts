/**
 * Local `$ref` resolution shared by the spec check and the model builder. Only references inside
 * the spec file (`#/...`) are supported: the spec is one self-contained file by design.
 */
import { InputError } from "./errors.js";

export type JsonObject = { readonly [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export interface Resolved {
  /** The schema after following every `$ref`, merged with the annotations beside each `$ref`. */
  readonly schema: JsonObject;
  /** Pointer of the innermost schema reached (where its constraints live). */
  readonly pointer: string;
}

/**
 * Follows `$ref` chains from the schema at `pointer`. Keywords written beside a `$ref` win over
 * the referenced ones (draft 2020-12 allows such siblings; we use them for per-message
 * descriptions). Throws an InputError for an unresolvable or circular reference.
 */
export function resolveSchema(file: string, document: unknown, schema: unknown, pointer: string): Resolved {
  let current = schema;
  let currentPointer = pointer;
  const overrides: JsonObject[] = [];
  const seen = new Set<string>();
  while (isObject(current) && typeof current["$ref"] === "string") {
    const ref = current["$ref"];
    if (seen.has(ref)) throw InputError.at(file, currentPointer, `circular $ref ${JSON.stringify(ref)}`);
    seen.add(ref);
    const { $ref: _ignored, ...siblings } = current;
    overrides.push(siblings);
    const target = resolvePointer(file, document, ref, currentPointer);
    current = target;
    currentPointer = ref.slice(1);
  }
  if (!isObject(current)) throw InputError.at(file, currentPointer, "expected a schema object here");
  let merged: JsonObject = current;
  for (const siblings of overrides.reverse()) merged = { ...merged, ...siblings };
  return { schema: merged, pointer: currentPointer };
}

function resolvePointer(file: string, document: unknown, ref: string, from: string): unknown {
  if (!ref.startsWith("#")) {
    throw InputError.at(file, from, `$ref ${JSON.stringify(ref)} points outside the spec; only local references (#/...) are supported`);
  }
  const path = ref.slice(1);
  if (path === "") return document;
  if (!path.startsWith("/")) throw InputError.at(file, from, `$ref ${JSON.stringify(ref)} is not a JSON pointer`);
  let node: unknown = document;
  for (const raw of path.slice(1).split("/")) {
    const segment = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node) && /^\d+$/.test(segment)) node = node[Number(segment)];
    else if (isObject(node) && Object.hasOwn(node, segment)) node = node[segment];
    else throw InputError.at(file, from, `unresolvable $ref ${JSON.stringify(ref)}`);
  }
  return node;
}
