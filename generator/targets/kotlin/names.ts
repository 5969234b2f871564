/**
 * Every Kotlin identifier of the generated file, assigned up front from the model. The emitter
 * and the test harness both read them from here, so the harness calls exactly what was generated.
 * Two spec names that end up as one identifier raise a NameClashError instead of shadowing.
 */
import type { Enumeration, EnumValue, Message, PushExtrasModel, Words } from "../../model.js";
import { assignUnique } from "../../naming/words.js";
import { constantName, propertyName, typeName } from "./naming.js";

/** Names the generator itself gives; spec names may not take them. */
export const FIXED_NAMES = {
  /** The object with the parser. */
  parser: "PushExtras",
  /** The object with one constant per wire key. */
  keys: "PushExtrasKeys",
  /** The sealed class of parse results. */
  result: "PushExtrasMessage",
  /** The holder of an enumerated value as received: known entry or null, and the raw string. */
  received: "Received",
  /** Result cases beside the messages. */
  unknown: "Unknown",
  invalid: "Invalid",
} as const;

export interface KotlinNames {
  /** The object holding one constant per message type value, named after the discriminator. */
  readonly messageTypesObject: string;
  /** Constant name in `PushExtrasKeys`, by wire key. */
  readonly keyConstants: ReadonlyMap<string, string>;
  /** Constant name in the message types object, by wire type. */
  readonly typeConstants: ReadonlyMap<string, string>;
  /** Nested class name in `PushExtrasMessage`, by wire type. */
  readonly messageClasses: ReadonlyMap<string, string>;
  /** Enum class name, by enumeration name (words joined by spaces). */
  readonly enumClasses: ReadonlyMap<string, string>;
  /** Entry name, by enumeration name, then by wire value. */
  readonly enumEntries: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Property name, by wire type, then by wire key. */
  readonly properties: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

export function enumId(name: Words): string {
  return name.join(" ");
}

export function kotlinNames(model: PushExtrasModel): KotlinNames {
  const messageTypesObject = typeName(model.discriminator.enumName);
  const types = assignTypeNames(model, messageTypesObject);
  return {
    messageTypesObject,
    keyConstants: byKey(
      assignUnique(model.keys, (k) => constantName(k.name), (k) => `key ${JSON.stringify(k.key)}`, "Kotlin key constants"),
      (k) => k.key,
    ),
    typeConstants: byKey(
      assignUnique(model.messages, (m) => constantName(m.typeValueName), (m) => `message type ${JSON.stringify(m.wireType)}`, "Kotlin message type constants"),
      (m) => m.wireType,
    ),
    messageClasses: new Map(model.messages.map((m) => [m.wireType, types.get(m)!])),
    enumClasses: new Map(model.enums.map((e) => [enumId(e.name), types.get(e)!])),
    enumEntries: new Map(model.enums.map((e) => [enumId(e.name), entryNames(e)])),
    properties: new Map(model.messages.map((m) => [m.wireType, propertyNames(m)])),
  };
}

/**
 * Messages (nested in the sealed class), enums and the fixed names share one namespace: a nested
 * class would shadow a top-level type of the same name inside the sealed class.
 */
function assignTypeNames(model: PushExtrasModel, messageTypesObject: string): Map<Message | Enumeration | string, string> {
  type Item = Message | Enumeration | string;
  const fixed: Item[] = [...Object.values(FIXED_NAMES), messageTypesObject];
  const items: Item[] = [...fixed, ...model.messages, ...model.enums];
  return assignUnique(
    items,
    (item) => (typeof item === "string" ? item : typeName(item.name)),
    (item) =>
      typeof item === "string"
        ? `the generated type ${item}`
        : "wireType" in item
          ? `message ${JSON.stringify(item.wireType)}`
          : `enumeration ${JSON.stringify(enumId(item.name))} (${item.pointer})`,
    "Kotlin type names",
  );
}

/** JSON Schema lets an enum list one value twice; it becomes one entry (two would not compile). */
export function distinctValues(enumeration: Enumeration): readonly EnumValue[] {
  const seen = new Set<string>();
  return enumeration.values.filter((v) => !seen.has(v.wire) && seen.add(v.wire));
}

function entryNames(enumeration: Enumeration): ReadonlyMap<string, string> {
  return byKey(
    assignUnique(
      distinctValues(enumeration),
      (v) => constantName(v.name),
      (v) => `value ${JSON.stringify(v.wire)}`,
      `Kotlin entries of enum ${enumId(enumeration.name)} (${enumeration.pointer})`,
    ),
    (v) => v.wire,
  );
}

/** Two keys of one message must not become one property. */
function propertyNames(message: Message): ReadonlyMap<string, string> {
  return byKey(
    assignUnique(message.fields, (f) => propertyName(f.name), (f) => `key ${JSON.stringify(f.key)}`, `Kotlin properties of message ${JSON.stringify(message.wireType)}`),
    (f) => f.key,
  );
}

function byKey<T>(assigned: Map<T, string>, keyOf: (item: T) => string): ReadonlyMap<string, string> {
  return new Map([...assigned].map(([item, name]) => [keyOf(item), name]));
}
