/**
 * Random payloads for any spec of the project's shape, and the tolerant reading of a payload
 * worked out in TypeScript, as an oracle that the Swift parser is compared with. The payloads mix
 * the spec's own keys and values with values of every JSON type, keys that are not ours, and the
 * nested fallback dictionary, so that most of them come close to a message.
 */
import fc from "fast-check";
import { findEnum, type PushExtrasModel } from "../../generator/model.js";
import type { CanonicalResult, Vector } from "../conformance/harness.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function randomPayloadVectors(model: PushExtrasModel, count: number, seed: number): Vector[] {
  const payloads = fc.sample(payloadArbitrary(model), { numRuns: count, seed });
  return payloads.map((payload, index) => ({ name: `random payload ${index} (seed ${seed})`, payload, valid: false, parsed: tolerantReading(model, payload) }));
}

function payloadArbitrary(model: PushExtrasModel): fc.Arbitrary<{ [key: string]: Json }> {
  const wireStrings = [
    ...model.messages.map((m) => m.wireType),
    ...model.enums.flatMap((e) => e.values.map((v) => v.wire)),
    ...model.messages.flatMap((m) => m.examples.flatMap((e) => Object.values(e))),
  ];
  const strings = fc.oneof(
    fc.constantFrom(...wireStrings),
    fc.constantFrom(...wireStrings).map((s) => s.toUpperCase()),
    fc.constant(""),
    fc.string({ unit: "grapheme", maxLength: 12 }),
  );
  const scalar: fc.Arbitrary<Json> = fc.oneof(strings, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
  const keys = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...model.keys.map((k) => k.key)) },
    { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "gcm.message_id", "") },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
  );
  const value: fc.Arbitrary<Json> = fc.oneof(
    { weight: 6, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(keys, scalar, { maxKeys: 3 }) },
  );
  const flat = fc.dictionary(keys, value, { maxKeys: 6 });
  const examples = model.messages.flatMap((m) => m.examples);
  // Most payloads start from an example and change a few keys, so that many stay messages.
  const nearMessage = fc
    .tuple(fc.constantFrom(...examples), fc.dictionary(keys, fc.option(value, { nil: undefined }), { maxKeys: 3 }), fc.subarray(model.keys.map((k) => k.key)))
    .map(([example, changes, moved]) => {
      const top: { [key: string]: Json } = {};
      const nested: { [key: string]: Json } = {};
      for (const [key, v] of Object.entries({ ...example, ...changes })) {
        if (v !== undefined) define(moved.includes(key) ? nested : top, key, v);
      }
      const fallback = model.tolerant.nestedFallback;
      if (fallback !== null && Object.keys(nested).length > 0) define(top, fallback, nested);
      return top;
    });
  const fallback = model.tolerant.nestedFallback;
  const random =
    fallback === null
      ? flat
      : fc.tuple(flat, fc.option(fc.oneof(flat, scalar), { nil: undefined })).map(([top, nested]) => {
          const payload = { ...top };
          if (nested !== undefined) define(payload, fallback, nested);
          return payload;
        });
  return fc.oneof({ weight: 3, arbitrary: nearMessage }, { weight: 1, arbitrary: random });
}

/** Sets a key as an own property, even `__proto__`. */
function define(object: { [key: string]: Json }, key: string, value: Json): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The tolerant reading of the domain rules, in TypeScript. */
export function tolerantReading(model: PushExtrasModel, payload: { [key: string]: Json }): CanonicalResult {
  const own = (object: { [key: string]: Json }, key: string): Json | undefined => (Object.hasOwn(object, key) ? object[key] : undefined);
  const fallbackKey = model.tolerant.nestedFallback;
  const nested = fallbackKey === null ? undefined : own(payload, fallbackKey);
  const nestedObject = nested !== null && typeof nested === "object" && !Array.isArray(nested) ? nested : null;
  const read = (key: string): string | null => {
    const top = own(payload, key);
    if (typeof top === "string") return top;
    const inner = nestedObject === null ? undefined : own(nestedObject, key);
    return typeof inner === "string" ? inner : null;
  };

  const type = read(model.discriminator.key);
  if (type === null || type === "") return { kind: "invalid" };
  const message = model.messages.find((m) => m.wireType === type);
  if (message === undefined) return { kind: "unknown", messageType: type };
  const fields: Record<string, string | null | { unknown: string }> = {};
  for (const field of message.fields) {
    const raw = read(field.key);
    if (field.tolerantRequired && (raw === null || raw === "")) return { kind: "invalid" };
    const known = raw === null || field.type.kind !== "enum" || findEnum(model, field.type.enumName).values.some((v) => v.wire === raw);
    define(fields as { [key: string]: Json }, field.key, known ? raw : { unknown: raw as string });
  }
  return { kind: "message", messageType: message.wireType, fields };
}
