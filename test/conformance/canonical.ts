/**
 * The canonical result form: checking that a value has it, and comparing two results whatever the
 * order of their keys (harnesses in other languages print JSON objects in any order).
 */
import type { CanonicalResult } from "./harness.js";

/** JSON with object keys sorted at every level, so equal values give equal text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  // `undefined` has no JSON form; spelling it out keeps a missing value visible in a report.
  return value === undefined ? "undefined" : JSON.stringify(value);
}

export function sameResult(expected: CanonicalResult, actual: unknown): boolean {
  return stableJson(expected) === stableJson(actual);
}

/** Null when `value` is a canonical result, else what is wrong with it. */
export function canonicalProblem(value: unknown): string | null {
  if (!isPlainObject(value)) return "not an object";
  const kind = value["kind"];
  if (kind === "invalid") return onlyKeys(value, ["kind"]);
  if (kind === "unknown") {
    if (typeof value["messageType"] !== "string") return "an unknown result needs a string messageType";
    return onlyKeys(value, ["kind", "messageType"]);
  }
  if (kind !== "message") return `kind must be "message", "unknown" or "invalid", not ${JSON.stringify(kind)}`;
  if (typeof value["messageType"] !== "string") return "a message needs a string messageType";
  const fields = value["fields"];
  if (!isPlainObject(fields)) return "a message needs a fields object";
  for (const [key, field] of Object.entries(fields)) {
    if (field === null || typeof field === "string") continue;
    if (isPlainObject(field) && typeof field["unknown"] === "string" && Object.keys(field).length === 1) continue;
    return `field ${JSON.stringify(key)} must be a string, null or {"unknown": "<raw>"}`;
  }
  return onlyKeys(value, ["kind", "messageType", "fields"]);
}

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[]): string | null {
  const extra = Object.keys(value).filter((key) => !allowed.includes(key));
  return extra.length === 0 ? null : `unexpected key ${JSON.stringify(extra[0])}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
