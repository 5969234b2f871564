/**
 * Property tests of the generated validator and tolerant parser, on payloads built from the model:
 * mostly near-valid (the right message type and keys, sometimes wrong values, extra keys such as
 * `__proto__` and `constructor`, a nested fallback object), plus flat string maps as Android gets
 * them, plus arbitrary JavaScript values. Over 100,000 payloads per run, the properties are:
 * - neither function throws, and the parser's result keeps its API contract;
 * - whenever the validator accepts, the parser returns the message of that type with the same values;
 * - the parser agrees with a reference reading of the tolerant rules, written from the model;
 * - the parser does not change its input, and Object.prototype is untouched afterwards.
 */
import fc from "fast-check";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findEnum, type Field, type PushExtrasModel } from "../generator/model.js";
import { isPlainObject, stableJson } from "./conformance/canonical.js";
import { generateToTemp, type TempGeneration } from "./conformance/generate-temp.js";
import type { CanonicalResult } from "./conformance/harness.js";
import { canonicalOfParseResult } from "./conformance/harness-ts.js";

interface GeneratedApi {
  parsePushExtras(value: unknown): unknown;
  validatePushExtras(value: unknown): boolean;
}

const RUNS = { nearValid: 70_000, flatStringMaps: 15_000, anything: 15_000 } as const;
const TOTAL_REQUIRED = 100_000;

let generated: TempGeneration;
let model: PushExtrasModel;
let api: GeneratedApi;
let prototypeBefore: string;
const tally = { payloads: 0, accepted: 0, message: 0, unknown: 0, invalid: 0 };

beforeAll(async () => {
  generated = await generateToTemp();
  model = generated.model;
  api = (await import(pathToFileURL(join(generated.dir, "ts", "index.ts")).href)) as GeneratedApi;
  prototypeBefore = prototypeFingerprint();
});

afterAll(async () => {
  await generated?.remove();
});

/** Every own property of the prototypes a polluting write would reach, with its value. */
function prototypeFingerprint(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((proto) =>
      Reflect.ownKeys(proto)
        .map((key) => {
          const d = Object.getOwnPropertyDescriptor(proto, key)!;
          return `${String(key)}:${typeof d.value}:${String(d.enumerable)}:${String(d.writable)}:${d.get === undefined ? "" : "get"}`;
        })
        .join(","),
    )
    .join("\n");
}

/** The tolerant reading of DOMAIN.md, written from the model alone, as the oracle. */
function tolerantReading(payload: unknown): CanonicalResult {
  if (!isPlainObject(payload)) return { kind: "invalid" };
  const fallbackKey = model.tolerant.nestedFallback;
  const nestedRaw = fallbackKey !== null && Object.hasOwn(payload, fallbackKey) ? payload[fallbackKey] : undefined;
  const nested = isPlainObject(nestedRaw) ? nestedRaw : null;
  const read = (key: string): string | undefined => {
    const top = Object.hasOwn(payload, key) ? payload[key] : undefined;
    if (typeof top === "string") return top;
    // A key absent at the top level, or not a string there, is taken from the nested object.
    const inner = nested !== null && Object.hasOwn(nested, key) ? nested[key] : undefined;
    return typeof inner === "string" ? inner : undefined;
  };
  const messageType = read(model.discriminator.key);
  if (messageType === undefined || messageType === "") return { kind: "invalid" };
  const message = model.messages.find((m) => m.wireType === messageType);
  if (message === undefined) return { kind: "unknown", messageType };
  const fields: Record<string, string | null | { unknown: string }> = {};
  for (const field of message.fields) {
    const value = read(field.key);
    if (field.tolerantRequired && (value === undefined || value === "")) return { kind: "invalid" };
    fields[field.key] = value === undefined ? null : field.type.kind === "enum" && !enumValues(field).includes(value) ? { unknown: value } : value;
  }
  return { kind: "message", messageType, fields };
}

function enumValues(field: Field): string[] {
  return field.type.kind === "enum" ? findEnum(model, field.type.enumName).values.map((v) => v.wire) : [];
}

/**
 * Checks one payload against every property; throws on the first that fails. Plain comparisons
 * rather than `expect`, which costs more than the parse itself at this many runs.
 */
function checkPayload(payload: unknown, jsonLike: boolean): void {
  tally.payloads++;
  const before = jsonLike ? stableJson(payload) : "";
  const accepted = api.validatePushExtras(payload);
  if (typeof accepted !== "boolean") throw new Error(`validatePushExtras returned ${typeof accepted}`);
  const parsed = canonicalOfParseResult(api.parsePushExtras(payload), model.discriminator.key);
  tally[parsed.kind]++;
  const expected = tolerantReading(payload);
  if (stableJson(parsed) !== stableJson(expected)) {
    throw new Error(`the parser disagrees with the tolerant reading:\n  expected ${stableJson(expected)}\n  actual   ${stableJson(parsed)}`);
  }
  if (accepted) {
    tally.accepted++;
    const top = payload as Record<string, unknown>;
    const messageType = top[model.discriminator.key];
    if (parsed.kind !== "message" || parsed.messageType !== messageType) {
      throw new Error(`the validator accepted a ${String(messageType)} that the parser read as ${stableJson(parsed)}`);
    }
    const message = model.messages.find((m) => m.wireType === messageType)!;
    for (const field of message.fields) {
      // What the validator accepted at the top level is what the parser returns, value for value.
      if (Object.hasOwn(top, field.key) && parsed.fields[field.key] !== top[field.key]) {
        throw new Error(`the validator accepted ${field.key} ${JSON.stringify(top[field.key])}, the parser returned ${stableJson(parsed.fields[field.key])}`);
      }
    }
  }
  if (jsonLike && stableJson(payload) !== before) throw new Error("the parser or the validator changed its input");
  // An assignment to Object.prototype would show up as an enumerable key of every object.
  for (const key in {}) throw new Error(`Object.prototype gained the enumerable key ${key}`);
}

// ---- Arbitraries built from the model ----

const HOSTILE_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "__defineGetter__", ""];
const TRANSPORT_KEYS = ["from", "collapse_key", "google.message_id", "google.sent_time", "gcm.n.e", "_notification", "alert", "badge", "sound", "content-available"];

function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  // defineProperty makes `__proto__` an own key, as JSON.parse does, instead of setting the prototype.
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

function arbitraries(m: PushExtrasModel) {
  const tricky = fc.constantFrom(...HOSTILE_KEYS, " ", "null", "undefined", "\u0000", "\u2028", "💳", "é", "e\u0301");
  // Mostly ASCII, which is cheap to draw; the tricky list and the occasional full grapheme string
  // bring in the rest of Unicode.
  const anyString = fc.oneof(
    { weight: 6, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 3, arbitrary: tricky },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
  );
  const nonString = fc.oneof(
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(anyString, { maxLength: 3 }),
    fc.dictionary(anyString, anyString, { maxKeys: 3 }),
  );
  const wireTypes = m.messages.map((msg) => msg.wireType);
  const typeValue = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...wireTypes) },
    { weight: 1, arbitrary: fc.constantFrom(...wireTypes).map((t) => t.toUpperCase()) },
    { weight: 1, arbitrary: fc.constantFrom(...wireTypes).map((t) => `${t} `) },
    { weight: 1, arbitrary: anyString },
    { weight: 1, arbitrary: nonString },
  );
  // Arbitraries are built once per field and key, never inside `chain`: building one (a regular
  // expression's above all) costs far more than drawing from it.
  const goodValue = (field: Field): fc.Arbitrary<string> => {
    if (field.type.kind === "enum") return fc.constantFrom(...enumValues(field));
    if (field.type.pattern !== null) {
      // Values of the spec's examples match the pattern and cost nothing to draw; the generator of
      // the pattern itself, slow to draw from, adds variety now and then.
      const matching = fc.stringMatching(new RegExp(field.type.pattern, "u"));
      const examples = m.messages.flatMap((msg) => msg.examples.map((e) => e[field.key]).filter((v): v is string => typeof v === "string"));
      return examples.length === 0 ? matching : fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...examples) }, { weight: 1, arbitrary: matching });
    }
    return fc.oneof({ weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) }, { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }) });
  };
  const keyedFields = new Map<string, Field>();
  for (const msg of m.messages) for (const f of msg.fields) if (!keyedFields.has(f.key)) keyedFields.set(f.key, f);
  const stringValues = new Map<Field, fc.Arbitrary<string>>();
  const anyValues = new Map<Field, fc.Arbitrary<unknown>>();
  for (const field of m.messages.flatMap((msg) => msg.fields)) {
    const strings = fc.oneof({ weight: 6, arbitrary: goodValue(field) }, { weight: 2, arbitrary: anyString });
    stringValues.set(field, strings);
    anyValues.set(field, fc.oneof({ weight: 8, arbitrary: strings }, { weight: 1, arbitrary: nonString }));
  }
  const valueOf = (field: Field, strings: boolean): fc.Arbitrary<unknown> => (strings ? stringValues : anyValues).get(field)!;

  const valueForKey = (key: string, strings: boolean): fc.Arbitrary<unknown> => {
    if (key === m.discriminator.key) return strings ? fc.oneof(fc.constantFrom(...wireTypes), anyString) : typeValue;
    const field = keyedFields.get(key);
    if (field !== undefined) return valueOf(field, strings);
    return strings ? anyString : fc.oneof(anyString, nonString);
  };
  /** A key and a value that fits it, from a fixed list of keys, or a random key with a random value. */
  const entryFrom = (keys: readonly string[], strings: boolean): fc.Arbitrary<readonly [string, unknown]> =>
    fc.oneof(
      { weight: 4, arbitrary: fc.oneof(...keys.map((key) => valueForKey(key, strings).map((value) => [key, value] as const))) },
      { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 8 }), strings ? anyString : fc.oneof(anyString, nonString)) },
    );
  const ourKeys = m.keys.map((k) => k.key);
  const extras = (strings: boolean) => fc.array(entryFrom([...new Set([...ourKeys, ...HOSTILE_KEYS, ...TRANSPORT_KEYS])], strings), { maxLength: 4 });

  const fallbackKey = m.tolerant.nestedFallback;
  const nestedKeys = [...new Set([...ourKeys, ...HOSTILE_KEYS, "alert", "badge", ...(fallbackKey === null ? [] : [fallbackKey])])];
  const nestedObject: fc.Arbitrary<unknown> = fc.array(entryFrom(nestedKeys, false), { maxLength: 5 }).map(objectOf);
  const nested = fc.oneof({ weight: 6, arbitrary: nestedObject }, { weight: 1, arbitrary: nonString }, { weight: 1, arbitrary: anyString });

  /** A payload around one message: its type, its fields (sometimes missing or wrong), extras, maybe a nested object. */
  const aroundMessage = (msg: PushExtrasModel["messages"][number], strings: boolean) =>
    fc
      .tuple(
        fc.option(fc.oneof({ weight: 8, arbitrary: fc.constant<unknown>(msg.wireType) }, { weight: 2, arbitrary: strings ? anyString : typeValue }), { freq: 12 }),
        fc.tuple(...msg.fields.map((f) => fc.option(valueOf(f, strings), { freq: f.required ? 10 : 2 }))),
        extras(strings),
        strings || fallbackKey === null ? fc.constant(null) : fc.option(nested, { freq: 3 }),
      )
      .map(([type, values, extra, nestedValue]) => {
        const entries: (readonly [string, unknown])[] = [];
        if (type !== null) entries.push([m.discriminator.key, type]);
        msg.fields.forEach((f, i) => {
          if (values[i] !== null) entries.push([f.key, values[i]]);
        });
        entries.push(...extra);
        if (nestedValue !== null && fallbackKey !== null) entries.push([fallbackKey, nestedValue]);
        return objectOf(entries);
      });
  const nearValid = (strings: boolean) => fc.oneof(...m.messages.map((msg) => aroundMessage(msg, strings)));

  const anything = fc.anything({
    maxDepth: 3,
    key: fc.oneof(fc.constantFrom(...ourKeys, ...HOSTILE_KEYS, ...(fallbackKey === null ? [] : [fallbackKey])), fc.string({ maxLength: 6 })),
    values: [fc.constantFrom(...wireTypes), anyString, fc.integer(), fc.boolean(), fc.constant(null)],
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withDate: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
    withObjectString: true,
  });
  return { nearValid: nearValid(false), flatStringMap: nearValid(true), anything };
}

describe("generated TypeScript validator and parser, property-based", () => {
  it(`hold on ${RUNS.nearValid} near-valid payloads built from the model`, () => {
    fc.assert(fc.property(arbitraries(model).nearValid, (payload) => checkPayload(payload, true)), { numRuns: RUNS.nearValid });
  });

  it(`hold on ${RUNS.flatStringMaps} flat string maps, as Android receives them`, () => {
    fc.assert(fc.property(arbitraries(model).flatStringMap, (payload) => checkPayload(payload, true)), { numRuns: RUNS.flatStringMaps });
  });

  it(`hold on ${RUNS.anything} arbitrary JavaScript values`, () => {
    fc.assert(fc.property(arbitraries(model).anything, (payload) => checkPayload(payload, false)), { numRuns: RUNS.anything });
  });

  it("ran on enough payloads of every outcome, and left Object.prototype untouched", () => {
    expect(tally.payloads).toBeGreaterThanOrEqual(TOTAL_REQUIRED);
    // The properties are not vacuous: the validator accepted a good share, and every kind came up.
    expect(tally.accepted).toBeGreaterThanOrEqual(tally.payloads / 20);
    expect(tally.message).toBeGreaterThanOrEqual(tally.payloads / 10);
    expect(tally.unknown).toBeGreaterThanOrEqual(tally.payloads / 100);
    expect(tally.invalid).toBeGreaterThanOrEqual(tally.payloads / 10);
    expect(prototypeFingerprint()).toBe(prototypeBefore);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});
