/**
 * Vectors derived from any spec of the project's shape, for specs that have no hand-written
 * vectors (the hostile fixtures). The expectations follow the tolerant reading of the domain rules
 * applied to the spec's own examples, worked out here independently of the generated parser:
 *
 * - an example (strictly valid) parses into its message with the same field values;
 * - the same example inside the nested fallback dictionary parses the same (or is invalid when the
 *   spec names no fallback, since the type key is then missing);
 * - keys that are not the message's are passed over;
 * - a required field missing, empty or not a string makes the payload invalid;
 * - an optional field that is not a string counts as absent;
 * - an enumeration value the spec does not list is kept as unknown with its raw string;
 * - a type value the spec does not list gives an unknown message with the raw type.
 */
import { findEnum, type Field, type Message, type PushExtrasModel } from "../../generator/model.js";
import type { CanonicalResult, Vector } from "../conformance/harness.js";

type Payload = Record<string, unknown>;

export function vectorsFromSpec(model: PushExtrasModel): Vector[] {
  const vectors: Vector[] = [];
  const add = (name: string, payload: unknown, parsed: CanonicalResult) => vectors.push({ name, payload, valid: false, parsed });
  const wireTypes = new Set(model.messages.map((m) => m.wireType));
  const typeKey = model.discriminator.key;
  const ours = new Set([...model.keys.map((k) => k.key), model.tolerant.nestedFallback]);
  const notOurs = Object.fromEntries(Object.entries({ "extra.key": "x", "gcm.message_id": 7, "": null }).filter(([key]) => !ours.has(key)));

  for (const message of model.messages) {
    message.examples.forEach((example, index) => {
      const at = `${message.wireType} example ${index + 1}`;
      add(`${at} as sent`, example, expected(model, message, example));
      add(`${at} with keys that are not ours`, { ...example, ...notOurs }, expected(model, message, example));
      const fallback = model.tolerant.nestedFallback;
      if (fallback !== null) {
        add(`${at} inside ${fallback}`, { [fallback]: example }, expected(model, message, example));
      } else {
        add(`${at} nested in an object, without a fallback`, { aps: example }, { kind: "invalid" });
      }
      for (const field of message.fields) {
        const without: Payload = { ...example };
        delete without[field.key];
        add(`${at} without ${field.key}`, without, field.tolerantRequired ? { kind: "invalid" } : expected(model, message, without));
        const numeric = { ...example, [field.key]: 42 };
        add(`${at} with a number as ${field.key}`, numeric, field.tolerantRequired ? { kind: "invalid" } : expected(model, message, without));
        if (field.tolerantRequired) add(`${at} with an empty ${field.key}`, { ...example, [field.key]: "" }, { kind: "invalid" });
        if (field.type.kind === "enum") {
          const raw = `${findEnum(model, field.type.enumName).values[0]!.wire} (not listed)`;
          const unlisted = { ...example, [field.key]: raw };
          add(`${at} with an unlisted ${field.key}`, unlisted, expected(model, message, unlisted));
        }
      }
    });
    const future = `${message.wireType}.future`;
    if (!wireTypes.has(future)) add(`unlisted type ${future}`, { [typeKey]: future }, { kind: "unknown", messageType: future });
    const upper = message.wireType.toUpperCase();
    if (!wireTypes.has(upper)) add(`miscased type ${upper}`, { [typeKey]: upper }, { kind: "unknown", messageType: upper });
  }
  add("empty payload", {}, { kind: "invalid" });
  add("numeric type", { [typeKey]: 1 }, { kind: "invalid" });
  return vectors;
}

/** The message a payload of this type parses into, by the tolerant reading. */
function expected(model: PushExtrasModel, message: Message, payload: Payload): CanonicalResult {
  const fields: Record<string, string | null | { unknown: string }> = {};
  for (const field of message.fields) {
    // defineProperty: a key such as `__proto__` must become a field, not the object's prototype.
    Object.defineProperty(fields, field.key, { value: fieldValue(model, field, payload[field.key]), enumerable: true, writable: true, configurable: true });
  }
  return { kind: "message", messageType: message.wireType, fields };
}

function fieldValue(model: PushExtrasModel, field: Field, value: unknown): string | null | { unknown: string } {
  if (typeof value !== "string") return null;
  if (field.type.kind !== "enum") return value;
  return findEnum(model, field.type.enumName).values.some((v) => v.wire === value) ? value : { unknown: value };
}
