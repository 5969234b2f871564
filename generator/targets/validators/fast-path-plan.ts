/**
 * The plan of the fast path: what a payload of each message type must hold for AJV's validator to
 * accept it, read from the validation schema, or the reason there is none.
 *
 * The fast path decides every payload (AJV's code is only run to write the errors of a refused
 * one), so the plan must say exactly what AJV says: it is made only from keywords whose meaning it
 * reproduces exactly, and one other keyword anywhere in the schema, even in a definition nothing
 * refers to, leaves the module to AJV alone. A value constraint on strings (`pattern`, a length)
 * that no `type`, `const` or `enum` restricts to strings lets every other value pass, as in AJV.
 */
import { isObject, type JsonObject } from "../../resolve.js";
import { forEachSchema, resolveLocalPointer } from "../../validation-schema.js";

/** Keywords the plan implements; `$schema` and `$defs` only name the dialect and hold definitions. */
const SUPPORTED: ReadonlySet<string> = new Set([
  "$schema", "$defs", "$ref", "type", "required", "properties", "discriminator", "oneOf",
  "const", "enum", "pattern", "minLength", "maxLength",
]);

export interface FastPathPlan {
  /** The discriminator's key: the fast path switches on its value. */
  readonly tagKey: string;
  readonly messages: readonly FastMessage[];
}

export interface FastMessage {
  /** The discriminator value of the message (its branch's `const`). */
  readonly tag: string;
  /** What the discriminator's own value must also hold, beyond being `tag`. */
  readonly tagChecks: StringChecks;
  /** Every other key that the message (or the root) requires or constrains, in schema order. */
  readonly keys: readonly FastKey[];
}

export interface FastKey {
  readonly key: string;
  readonly required: boolean;
  /** Null when no schema constrains the value: a required key must only be present. */
  readonly checks: StringChecks | null;
}

/** Checks of a value: every list entry must hold for a string. */
export interface StringChecks {
  /** Whether the value must be a string (`type`, `const` or `enum`); else any other value passes. */
  readonly typed: boolean;
  readonly consts: readonly string[];
  readonly enums: readonly (readonly string[])[];
  readonly patterns: readonly string[];
  readonly lengths: LengthLimits;
}

/** Length limits, counted as AJV counts them (code points, or UTF-16 units: see ../../strict-validator.ts). */
export interface LengthLimits {
  readonly min: number;
  readonly max: number | null;
}

export type FastPathResult = { readonly plan: FastPathPlan } | { readonly unsupported: string };

/** Thrown inside the planner when the schema holds something the plan does not implement. */
class Unsupported extends Error {}

export function planFastPath(schema: JsonObject): FastPathResult {
  try {
    forEachSchema(schema, (s) => {
      const other = Object.keys(s).find((keyword) => !SUPPORTED.has(keyword));
      if (other !== undefined) throw new Unsupported(`keyword ${other}`);
    });
    return { plan: planRoot(schema) };
  } catch (error) {
    if (error instanceof Unsupported) return { unsupported: error.message };
    throw error;
  }
}

interface ObjectRules {
  required: string[];
  /** Property schemas by key, several when the root and a branch (or a `$ref`) both name a key. */
  properties: Map<string, unknown[]>;
}

function planRoot(root: JsonObject): FastPathPlan {
  const discriminator = root["discriminator"];
  const branches = root["oneOf"];
  if (!isObject(discriminator) || Object.keys(discriminator).join() !== "propertyName" || typeof discriminator["propertyName"] !== "string") {
    throw new Unsupported("no discriminator with only a propertyName");
  }
  if (!Array.isArray(branches)) throw new Unsupported("no oneOf beside the discriminator");
  const tagKey = discriminator["propertyName"];
  const rootRules = objectRules(root, root, new Set(), true);
  const messages = branches.map((branch): FastMessage => {
    const rules = objectRules(root, branch, new Set(), false);
    const required = new Set([...rootRules.required, ...rules.required]);
    const properties = new Map(rootRules.properties);
    for (const [key, schemas] of rules.properties) properties.set(key, [...(properties.get(key) ?? []), ...schemas]);
    const tagChecks = stringChecks(root, properties.get(tagKey) ?? []);
    const tag = tagChecks?.consts[0];
    if (tagChecks === null || tag === undefined) throw new Unsupported(`a branch without a const ${tagKey}`);
    const keys = [...new Set([...required, ...properties.keys()])]
      .filter((key) => key !== tagKey)
      .map((key) => ({ key, required: required.has(key), checks: stringChecks(root, properties.get(key) ?? []) }));
    return { tag, tagChecks: { ...tagChecks, consts: tagChecks.consts.filter((c) => c !== tag) }, keys };
  });
  return { tagKey, messages };
}

/** The object-level rules of a schema and the schemas it refers to; the root's union is not one. */
function objectRules(root: JsonObject, schema: unknown, seen: Set<string>, isRoot: boolean): ObjectRules {
  if (!isObject(schema)) throw new Unsupported("a boolean schema");
  if (!isRoot && ("oneOf" in schema || "discriminator" in schema)) throw new Unsupported("a nested union");
  for (const keyword of ["const", "enum", "pattern", "minLength", "maxLength"]) {
    if (keyword in schema) throw new Unsupported(`${keyword} on an object`);
  }
  if ("type" in schema && schema["type"] !== "object") throw new Unsupported(`type ${JSON.stringify(schema["type"])} where an object is expected`);
  const rules: ObjectRules = { required: [], properties: new Map() };
  const required = schema["required"] ?? [];
  const properties = schema["properties"] ?? {};
  if (!Array.isArray(required) || !required.every((key) => typeof key === "string")) throw new Unsupported("required is not a list of keys");
  if (!isObject(properties)) throw new Unsupported("properties is not an object");
  rules.required.push(...required);
  // AJV's `properties` passes a key named `__proto__` over (its allSchemaProperties), so only
  // `required` applies to it; the plan does the same, to give AJV's verdict.
  for (const [key, sub] of Object.entries(properties)) if (key !== "__proto__") rules.properties.set(key, [sub]);
  const ref = schema["$ref"];
  if (ref !== undefined) {
    const target = resolveRef(root, ref, seen);
    const referred = objectRules(root, target, seen, false);
    rules.required.push(...referred.required);
    for (const [key, schemas] of referred.properties) rules.properties.set(key, [...(rules.properties.get(key) ?? []), ...schemas]);
  }
  return rules;
}

/** The checks of a value that every one of `schemas` (and what they refer to) must accept. */
function stringChecks(root: JsonObject, schemas: readonly unknown[]): StringChecks | null {
  if (schemas.length === 0) return null;
  const checks = { typed: false, consts: [] as string[], enums: [] as string[][], patterns: [] as string[], lengths: { min: 0, max: null as number | null } };
  const visit = (schema: unknown, seen: Set<string>): void => {
    if (!isObject(schema)) throw new Unsupported("a boolean schema");
    for (const keyword of ["required", "properties", "oneOf", "discriminator"]) {
      if (keyword in schema) throw new Unsupported(`${keyword} on a value`);
    }
    if ("type" in schema && schema["type"] !== "string") throw new Unsupported(`type ${JSON.stringify(schema["type"])} on a value`);
    // A string const or a list of strings admits strings only, as `type: "string"` does.
    if ("type" in schema || "const" in schema || "enum" in schema) checks.typed = true;
    if ("const" in schema) checks.consts.push(asString(schema["const"], "const"));
    if ("enum" in schema) {
      const values = schema["enum"];
      if (!Array.isArray(values)) throw new Unsupported("enum is not a list");
      checks.enums.push(values.map((v) => asString(v, "enum")));
    }
    if ("pattern" in schema) checks.patterns.push(asString(schema["pattern"], "pattern"));
    if ("minLength" in schema) checks.lengths.min = Math.max(checks.lengths.min, asLength(schema["minLength"]));
    if ("maxLength" in schema) checks.lengths.max = Math.min(checks.lengths.max ?? Infinity, asLength(schema["maxLength"]));
    if (schema["$ref"] !== undefined) visit(resolveRef(root, schema["$ref"], seen), seen);
  };
  for (const schema of schemas) visit(schema, new Set());
  return checks;
}

function asString(value: unknown, keyword: string): string {
  if (typeof value !== "string") throw new Unsupported(`${keyword} ${JSON.stringify(value)} that is not a string`);
  return value;
}

function asLength(value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) throw new Unsupported(`length limit ${JSON.stringify(value)}`);
  return value;
}

/** The schema at a local reference (`#/$defs/Name`); anything else is not planned. */
function resolveRef(root: JsonObject, ref: unknown, seen: Set<string>): unknown {
  if (typeof ref !== "string" || seen.has(ref)) throw new Unsupported(`$ref ${JSON.stringify(ref)}`);
  seen.add(ref);
  const target = resolveLocalPointer(root, ref);
  if (target === undefined) throw new Unsupported(`$ref ${JSON.stringify(ref)}`);
  return target;
}
