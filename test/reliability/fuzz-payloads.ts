/**
 * Random payloads built from the model: mostly near-misses of real messages (a key missing, empty,
 * of the wrong type, an enum value unknown or of the wrong case, a type the spec does not know),
 * which is where readers in different languages are most likely to disagree.
 */
import fc from "fast-check";
import { findEnum, type PushExtrasModel } from "../../generator/model.js";

/** Whether values may be other JSON types than strings (APNs userInfo) or only strings (an FCM data map). */
export type PayloadShape = "string-map" | "json";

const ABSENT = Symbol("absent");

/** Strings that are valid Unicode (a lone surrogate cannot cross a UTF-8 boundary intact). */
function text(maxLength: number): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.string({ unit: "grapheme", maxLength }),
      fc.string({ unit: "binary", maxLength }),
      fc.constantFrom(" ", "\u0000", "\u2028", "\uFEFF", "null", "undefined", "true", "0", "\u{1F600}", "\u00e9", "e\u0301"),
    )
    .filter((s) => s.isWellFormed());
}

function notAString(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(text(4), { maxLength: 3 }),
    fc.dictionary(text(4), text(4), { maxKeys: 3 }),
  );
}

/** Variants of a known string that a sloppy reader might accept: other case, padding, a prefix. */
function nearMiss(value: string): fc.Arbitrary<string> {
  return fc.constantFrom(value.toUpperCase(), value.toLowerCase(), ` ${value}`, `${value} `, `${value}\u0000`, value.slice(0, -1), `urn:uuid:${value}`);
}

export function payloadArbitrary(model: PushExtrasModel, shape: PayloadShape): fc.Arbitrary<Record<string, unknown>> {
  const wireTypes = model.messages.map((m) => m.wireType);
  const samples = new Map<string, string[]>();
  for (const message of model.messages) {
    for (const example of message.examples) {
      for (const [key, value] of Object.entries(example)) samples.set(key, [...(samples.get(key) ?? []), value]);
    }
    for (const field of message.fields) {
      if (field.type.kind === "enum") samples.set(field.key, [...(samples.get(field.key) ?? []), ...findEnum(model, field.type.enumName).values.map((v) => v.wire)]);
    }
  }
  const maybeOther = (arbitrary: fc.Arbitrary<unknown>) => (shape === "json" ? fc.oneof({ weight: 8, arbitrary }, { weight: 2, arbitrary: notAString() }) : arbitrary);
  const valueOf = (key: string): fc.Arbitrary<unknown> => {
    const known = samples.get(key) ?? ["x"];
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant(ABSENT) },
      { weight: 8, arbitrary: fc.constantFrom(...known) },
      { weight: 1, arbitrary: fc.constant("") },
      { weight: 2, arbitrary: fc.constantFrom(...known).chain(nearMiss) },
      { weight: 2, arbitrary: maybeOther(text(40)) },
      { weight: shape === "json" ? 2 : 0, arbitrary: notAString() },
    );
  };
  const type = fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...wireTypes) },
    { weight: 1, arbitrary: fc.constant(ABSENT) },
    { weight: 1, arbitrary: fc.constant("") },
    { weight: 2, arbitrary: fc.constantFrom(...wireTypes).chain(nearMiss) },
    { weight: 1, arbitrary: text(30) },
    { weight: shape === "json" ? 2 : 0, arbitrary: notAString() },
  );
  const fieldKeys = model.keys.map((k) => k.key).filter((k) => k !== model.discriminator.key);
  const transportKeys = fc.dictionary(fc.oneof(fc.constantFrom("google.message_id", "gcm.notification.title", "from", "collapse_key", "__proto__", "constructor", "toString"), text(12)), maybeOther(text(12)), { maxKeys: 3 });
  const nested = model.tolerant.nestedFallback;
  const fallback =
    shape === "json" && nested !== null
      ? fc.oneof(
          { weight: 6, arbitrary: fc.constant(ABSENT) },
          { weight: 3, arbitrary: fc.tuple(type, ...fieldKeys.map(valueOf)).map(([t, ...values]) => assemble(model.discriminator.key, t, fieldKeys, values, {})) },
          { weight: 1, arbitrary: notAString() },
        )
      : fc.constant(ABSENT);

  return fc.tuple(type, fc.tuple(...fieldKeys.map(valueOf)), transportKeys, fallback).map(([t, values, transport, aps]) => {
    const payload = assemble(model.discriminator.key, t, fieldKeys, values, transport);
    if (aps !== ABSENT && nested !== null) Object.defineProperty(payload, nested, { value: aps, enumerable: true, writable: true, configurable: true });
    return payload;
  });
}

/** Builds the payload with own data properties only, so that a `__proto__` key stays a key. */
function assemble(typeKey: string, type: unknown, keys: readonly string[], values: readonly unknown[], extra: Record<string, unknown>): Record<string, unknown> {
  const entries: [string, unknown][] = Object.entries(extra);
  if (type !== ABSENT) entries.push([typeKey, type]);
  keys.forEach((key, i) => {
    if (values[i] !== ABSENT) entries.push([key, values[i]]);
  });
  return Object.fromEntries(entries) as Record<string, unknown>;
}
