/**
 * The payloads every peer is timed on, made from the model so that the same code serves the real
 * spec and the synthetic ones. Each payload carries the verdict of both readings (see DOMAIN:
 * strict validation and tolerant parsing), worked out from what was done to it, so peers are
 * checked against the contract and not only against each other.
 */
import { findEnum, type Field, type Message, type PushExtrasModel } from "../../generator/model.js";
import { typeName as tsTypeName } from "../../generator/targets/typescript/naming.js";
import { pick, seededRandom } from "./stats.js";

export type TolerantKind = "message" | "unknown" | "invalid";

export interface BenchPayload {
  /** What the payload is, such as `OperationInit: operationId empty`. */
  readonly label: string;
  /** A JSON value, parsed from text as a receiver would get it. */
  readonly value: unknown;
  readonly strictValid: boolean;
  readonly tolerantKind: TolerantKind;
  /** The message type the tolerant reading reports (for "message" and "unknown"), else null. */
  readonly tolerantType: string | null;
}

type Json = Record<string, unknown>;
type Random = () => number;

/** Keys that transports add beside ours (FCM data keys and an APNs-style dictionary). */
const TRANSPORT_KEYS: Json = { from: "1234567890", "google.message_id": "0:1700000000000000%abcdef", collapse_key: "com.example.token" };
const PLAIN_STRINGS = ["a", "login", "authorize_payment", "inbox-20261203-0042", "Platba kartou: 1 250,00 Kč", " ", "x".repeat(64)];
const NOT_STRINGS: readonly unknown[] = [42, null, true, {}, ["a"]];

/** Every case for every message, plus the payload-level cases: the set checked before timing. */
export function allCases(model: PushExtrasModel, seed: number): BenchPayload[] {
  const random = seededRandom(seed);
  const cases: BenchPayload[] = [];
  for (const message of model.messages) {
    for (const make of validCases(model, message)) cases.push(finish(make(random)));
    for (const make of invalidCases(model, message)) cases.push(finish(make(random)));
  }
  for (const make of payloadCases(model)) cases.push(finish(make(random)));
  return cases;
}

/**
 * The fixed mixed set that is timed: `count` payloads, message types drawn evenly (from `types`
 * when given, else from every message), two thirds valid, the rest spread over every kind of
 * invalid payload.
 */
export function timingSet(model: PushExtrasModel, count: number, seed: number, types?: readonly string[]): BenchPayload[] {
  const random = seededRandom(seed);
  const messages = types === undefined ? model.messages : model.messages.filter((m) => types.includes(m.wireType));
  if (messages.length === 0) throw new Error(`none of the message types ${JSON.stringify(types)} is in the spec`);
  const set: BenchPayload[] = [];
  for (let i = 0; i < count; i++) {
    const message = pick(messages, random);
    const valid = random() < 2 / 3;
    const makers = valid ? validCases(model, message) : [...invalidCases(model, message), ...payloadCases(model)];
    set.push(finish(pick(makers, random)(random)));
  }
  return set;
}

type Maker = (random: Random) => Omit<BenchPayload, "value"> & { readonly value: unknown };

function validCases(model: PushExtrasModel, message: Message): Maker[] {
  const tag = typeName(message);
  const ok = (label: string, build: (random: Random) => Json): Maker => (random) => ({
    label: `${tag}: ${label}`,
    value: build(random),
    strictValid: true,
    tolerantKind: "message",
    tolerantType: message.wireType,
  });
  const makers = [
    ok("required fields only", (r) => base(model, message, r, false)),
    ok("every field", (r) => base(model, message, r, true)),
    ok("every field and transport keys", (r) => ({ ...TRANSPORT_KEYS, ...base(model, message, r, true), ...nestedDictionary(model, { alert: "New operation" }) })),
  ];
  const foreignKey = model.keys.find((k) => k.key !== model.discriminator.key && !message.fields.some((f) => f.key === k.key));
  if (foreignKey !== undefined) {
    // A key of another message means nothing here: strict readers pass it over whatever its value.
    makers.push(ok(`${foreignKey.key} of another message, not a string`, (r) => ({ ...base(model, message, r, false), [foreignKey.key]: 42 })));
  }
  return makers;
}

function invalidCases(model: PushExtrasModel, message: Message): Maker[] {
  const tag = typeName(message);
  const makers: Maker[] = [];
  // A problem with a field the tolerant reading needs makes the message unreadable; a problem with
  // any other field only drops that field.
  const bad = (label: string, field: Field | null, build: (random: Random) => Json): Maker => (random) => {
    const fatal = field === null || field.tolerantRequired;
    return {
      label: `${tag}: ${label}`,
      value: build(random),
      strictValid: false,
      tolerantKind: fatal ? "invalid" : "message",
      tolerantType: fatal ? null : message.wireType,
    };
  };
  const readable = (label: string, build: (random: Random) => Json): Maker => (random) => ({
    label: `${tag}: ${label}`,
    value: build(random),
    strictValid: false,
    tolerantKind: "message",
    tolerantType: message.wireType,
  });
  const nested = model.tolerant.nestedFallback;
  for (const field of message.fields) {
    const key = field.key;
    if (field.required) {
      makers.push(bad(`${key} missing`, field, (r) => without(base(model, message, r, true), key)));
      if (nested !== null) {
        makers.push(readable(`${key} only inside ${nested}`, (r) => ({ ...without(base(model, message, r, true), key), [nested]: { [key]: validValue(model, field, r) } })));
      }
    }
    makers.push(bad(`${key} empty`, field, (r) => ({ ...base(model, message, r, true), [key]: "" })));
    makers.push(bad(`${key} not a string`, field, (r) => ({ ...base(model, message, r, true), [key]: pick(NOT_STRINGS, r) })));
    if (field.type.kind === "string" && field.type.pattern !== null) {
      const pattern = new RegExp(field.type.pattern, "u");
      makers.push(readable(`${key} does not match its pattern`, (r) => ({ ...base(model, message, r, true), [key]: mismatch(pattern, validValue(model, field, r)) })));
    }
    if (field.type.kind === "enum") {
      const known = findEnum(model, field.type.enumName).values.map((v) => v.wire);
      makers.push(readable(`${key} not a listed value`, (r) => ({ ...base(model, message, r, true), [key]: unlisted(known, pick(known, r)) })));
    }
  }
  if (nested !== null) {
    const key = model.discriminator.key;
    makers.push(readable(`${key} only inside ${nested}`, (r) => ({ ...without(base(model, message, r, true), key), [nested]: { [key]: message.wireType } })));
  }
  return makers;
}

/** Cases about the payload as a whole rather than one message. */
function payloadCases(model: PushExtrasModel): Maker[] {
  const key = model.discriminator.key;
  const types = model.messages.map((m) => m.wireType);
  const unknownType = unlisted(types, types[0]!);
  const invalid = (label: string, build: (random: Random) => unknown): Maker => (random) => ({
    label, value: build(random), strictValid: false, tolerantKind: "invalid", tolerantType: null,
  });
  return [
    (random) => ({
      label: `${key} of no known message`,
      value: { ...base(model, pick(model.messages, random), random, true), [key]: unknownType },
      strictValid: false,
      tolerantKind: "unknown",
      tolerantType: unknownType,
    }),
    invalid(`${key} missing`, (r) => without(base(model, pick(model.messages, r), r, true), key)),
    invalid(`${key} not a string`, (r) => ({ ...base(model, pick(model.messages, r), r, true), [key]: 7 })),
    invalid("null instead of an object", () => null),
    invalid("an array instead of an object", (r) => [base(model, pick(model.messages, r), r, true)]),
    invalid("a string instead of an object", () => "{}"),
  ];
}

/** A payload of the message with its required fields, and its optional fields when asked. */
function base(model: PushExtrasModel, message: Message, random: Random, withOptional: boolean): Json {
  const payload: Json = { [model.discriminator.key]: message.wireType };
  for (const field of message.fields) {
    if (field.required || withOptional) payload[field.key] = validValue(model, field, random);
  }
  return payload;
}

/** A value the strict reading accepts for the field. */
export function validValue(model: PushExtrasModel, field: Field, random: Random): string {
  if (field.type.kind === "enum") return pick(findEnum(model, field.type.enumName).values, random).wire;
  const examples = exampleValues(model, field.key);
  if (field.type.pattern === null) return examples.length > 0 && random() < 0.5 ? pick(examples, random) : pick(PLAIN_STRINGS, random);
  const pattern = new RegExp(field.type.pattern, "u");
  // Examples, in either letter case, and a fresh UUID: the formats this project's specs use.
  const candidates = [...examples, ...examples.map((e) => e.toUpperCase()), ...examples.map((e) => e.toLowerCase()), randomUuid(random)]
    .filter((value) => pattern.test(value));
  if (candidates.length === 0) throw new Error(`no example value of ${field.key} matches its pattern ${field.type.pattern}`);
  return pick(candidates, random);
}

/** Example values by key, collected once per model: specs with hundreds of messages ask often. */
const examplesByModel = new WeakMap<PushExtrasModel, Map<string, string[]>>();

function exampleValues(model: PushExtrasModel, key: string): readonly string[] {
  let byKey = examplesByModel.get(model);
  if (byKey === undefined) {
    byKey = new Map();
    for (const example of model.messages.flatMap((m) => m.examples)) {
      for (const [k, v] of Object.entries(example)) {
        if (typeof v === "string") byKey.set(k, [...(byKey.get(k) ?? []), v]);
      }
    }
    examplesByModel.set(model, byKey);
  }
  return byKey.get(key) ?? [];
}

function mismatch(pattern: RegExp, valid: string): string {
  const found = [`urn:uuid:${valid}`, `${valid}0`, valid.slice(1), valid.replace(/[0-9a-fA-F]/, "g"), "not-a-match"].find((c) => c !== "" && !pattern.test(c));
  if (found === undefined) throw new Error(`cannot make a value that fails the pattern ${pattern.source}`);
  return found;
}

/** A string that looks like the listed ones but is not among them. */
function unlisted(listed: readonly string[], like: string): string {
  let value = `${like}.next`;
  while (listed.includes(value)) value += ".next";
  return value;
}

function nestedDictionary(model: PushExtrasModel, contents: Json): Json {
  return model.tolerant.nestedFallback === null ? {} : { [model.tolerant.nestedFallback]: contents };
}

function without(payload: Json, key: string): Json {
  const copy = { ...payload };
  delete copy[key];
  return copy;
}

function randomUuid(random: Random): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join("");
  return `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
}

function typeName(message: Message): string {
  return tsTypeName(message.name);
}

/** Receivers get text; parsing it gives objects shaped the way a real receive path sees them. */
function finish(made: ReturnType<Maker>): BenchPayload {
  return { ...made, value: JSON.parse(JSON.stringify(made.value)) };
}
