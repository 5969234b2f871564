/**
 * Vectors made from a model, for specs that have no hand-written vectors (the hostile fixtures).
 * Each one applies a rule of the tolerant reading (../shared/DOMAIN.md) to the spec's own examples:
 * the examples parse into their message, a missing or empty required key makes the message
 * invalid, an optional key keeps any string, an unlisted enum value is kept as unknown, an unlisted
 * message type is unknown, keys that are not ours and values that are not strings are passed over.
 */
import type { CanonicalResult, Vector } from "../conformance/harness.js";
import { findEnum, type Field, type Message, type PushExtrasModel } from "../../generator/model.js";

type Payload = Record<string, unknown>;
type Fields = Record<string, string | null | { unknown: string }>;

export function vectorsFromModel(model: PushExtrasModel): Vector[] {
  const vectors: Vector[] = [];
  const add = (name: string, payload: unknown, parsed: CanonicalResult) => vectors.push({ name, payload, parsed, valid: false });
  const known = new Set(model.messages.map((m) => m.wireType));
  const type = model.discriminator.key;

  for (const message of model.messages) {
    const expect = (payload: Payload): CanonicalResult => expectedMessage(model, message, payload);
    message.examples.forEach((example, i) => add(`${message.wireType} example ${i}`, example, expect(example)));
    const base: Payload = { ...message.examples[0] };
    add(`${message.wireType} with keys added by FCM`, { ...base, "google.message_id": "0:1", from: "123", collapse_key: "app" }, expect(base));
    for (const field of message.fields) {
      if (field.tolerantRequired) {
        add(`${message.wireType} without ${field.key}`, without(base, field.key), { kind: "invalid" });
        add(`${message.wireType} with an empty ${field.key}`, { ...base, [field.key]: "" }, { kind: "invalid" });
        add(`${message.wireType} with a number as ${field.key}`, { ...base, [field.key]: 7 }, { kind: "invalid" });
      } else {
        add(`${message.wireType} without ${field.key}`, without(base, field.key), expect(without(base, field.key)));
        add(`${message.wireType} with an empty ${field.key}`, { ...base, [field.key]: "" }, expect({ ...base, [field.key]: "" }));
        add(`${message.wireType} with a number as ${field.key}`, { ...base, [field.key]: 7 }, expect(without(base, field.key)));
      }
      if (field.type.kind === "enum") {
        const unlisted = { ...base, [field.key]: "not.listed.value" };
        add(`${message.wireType} with an unlisted ${field.key}`, unlisted, expect(unlisted));
      }
    }
    for (const variant of [`${message.wireType}.v2`, message.wireType.toUpperCase(), ` ${message.wireType}`]) {
      if (!known.has(variant)) add(`unlisted type ${JSON.stringify(variant)}`, { ...base, [type]: variant }, { kind: "unknown", messageType: variant });
    }
  }
  add("no message type", {}, { kind: "invalid" });
  add("an empty message type", { [type]: "" }, { kind: "invalid" });
  add("a payload that is not an object", null, { kind: "invalid" });
  return vectors;
}

function expectedMessage(model: PushExtrasModel, message: Message, payload: Payload): CanonicalResult {
  // fromEntries defines own properties, so a key named `__proto__` stays a key.
  const fields: Fields = Object.fromEntries(message.fields.map((f) => [f.key, expectedField(model, f, ownValue(payload, f.key))]));
  return { kind: "message", messageType: message.wireType, fields };
}

function expectedField(model: PushExtrasModel, field: Field, value: unknown): Fields[string] {
  if (typeof value !== "string") return null;
  if (field.type.kind !== "enum") return value;
  const listed = findEnum(model, field.type.enumName).values.some((v) => v.wire === value);
  return listed ? value : { unknown: value };
}

function ownValue(payload: Payload, key: string): unknown {
  return Object.hasOwn(payload, key) ? payload[key] : undefined;
}

function without(payload: Payload, key: string): Payload {
  const copy = { ...payload };
  delete copy[key];
  return copy;
}
