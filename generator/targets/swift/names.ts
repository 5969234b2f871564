/**
 * Every name the Swift output declares, assigned up front from the model and the options, so the
 * emitter and the test harness print the same identifiers.
 *
 * All types share the module's namespace (the file is dropped into an app), so their names are
 * checked for collisions together, and against the standard types the file relies on. Members
 * are checked within their type. A spec name that equals a member Swift or this file already
 * declares on that type gets a trailing `_`, which no spec word can produce: fields and keys have
 * no override in the spec, so avoiding beats refusing. Two spec names that end up equal are a
 * NameClashError that names both.
 */
import { InputError } from "../../errors.js";
import type { Enumeration, EnumValue, Field, Key, Message, PushExtrasModel, TargetOptions } from "../../model.js";
import { assignUnique } from "../../naming/words.js";
import { bareName, checkTypePrefix, fixedTypeName, memberName, SHADOWED_TYPE_NAMES, typeName } from "./naming.js";

/** Type names fixed by the generated API, before the user's prefix. */
export const API_TYPES = {
  keys: "PushExtrasKey",
  message: "PushExtrasMessage",
  enumValue: "PushExtrasValue",
  reader: "PushExtrasReader",
} as const;

/** Cases and functions of the message enum that do not come from the spec. */
export const MESSAGE_ENUM_MEMBERS = { unknown: "unknown", invalid: "invalid", parse: "parse" } as const;

/** Members Swift declares on every String-backed `CaseIterable` enum that a case would hide. */
const ENUM_CASE_TAKEN = new Set(["allCases"]);
/** Members of a `Hashable` struct that a property of another type makes ambiguous. */
const PROPERTY_TAKEN = new Set(["hashValue"]);
const MESSAGE_CASE_TAKEN = new Set<string>(Object.values(MESSAGE_ENUM_MEMBERS));

export interface SwiftMessageNames {
  /** The struct that holds the message's fields. */
  readonly type: string;
  /** The case of the message enum. */
  readonly caseName: string;
  readonly properties: ReadonlyMap<Field, string>;
}

export interface SwiftEnumNames {
  readonly type: string;
  readonly cases: ReadonlyMap<EnumValue, string>;
}

export interface SwiftNames {
  readonly access: "public" | "internal";
  readonly keysType: string;
  readonly typeEnum: string;
  readonly messageEnum: string;
  readonly enumValueType: string;
  readonly readerType: string;
  readonly typeCases: ReadonlyMap<Message, string>;
  /** The label of the raw type in the message enum's `unknown` case, after the type key. */
  readonly unknownLabel: string;
  readonly messages: ReadonlyMap<Message, SwiftMessageNames>;
  readonly enums: ReadonlyMap<Enumeration, SwiftEnumNames>;
  readonly keys: ReadonlyMap<Key, string>;
}

export function assignSwiftNames(model: PushExtrasModel, options: TargetOptions): SwiftNames {
  const prefixProblem = checkTypePrefix(options.swiftTypePrefix);
  if (prefixProblem !== null) throw InputError.at("options", "", prefixProblem);
  const prefix = options.swiftTypePrefix;
  const types = assignTypeNames(model, prefix);

  const typeCases = assignUnique(
    model.messages,
    (m) => avoid(memberName(m.typeValueName), ENUM_CASE_TAKEN),
    (m) => `message type ${JSON.stringify(m.wireType)}`,
    `Swift cases of ${types.typeEnum}`,
  );
  const messageCases = assignUnique(
    model.messages,
    (m) => avoid(memberName(m.name), MESSAGE_CASE_TAKEN),
    (m) => `message ${m.pointer}`,
    `Swift cases of ${types.messageEnum}`,
  );
  const messages = new Map<Message, SwiftMessageNames>();
  for (const message of model.messages) {
    messages.set(message, {
      type: types.messageStructs.get(message)!,
      caseName: messageCases.get(message)!,
      properties: assignUnique(
        message.fields,
        (f) => avoid(memberName(f.name), PROPERTY_TAKEN),
        (f) => `field ${JSON.stringify(f.key)}`,
        `Swift properties of ${types.messageStructs.get(message)!}`,
      ),
    });
  }
  const enums = new Map<Enumeration, SwiftEnumNames>();
  for (const enumeration of model.enums) {
    const type = types.enumTypes.get(enumeration)!;
    enums.set(enumeration, {
      type,
      cases: assignUnique(
        enumeration.values,
        (v) => avoid(memberName(v.name), ENUM_CASE_TAKEN),
        (v) => `value ${JSON.stringify(v.wire)} of ${enumeration.pointer}`,
        `Swift cases of ${type}`,
      ),
    });
  }
  const keys = assignUnique(model.keys, (k) => memberName(k.name), (k) => `key ${JSON.stringify(k.key)}`, `Swift constants of ${types.keys}`);

  return {
    access: options.swiftAccess,
    keysType: types.keys,
    typeEnum: types.typeEnum,
    messageEnum: types.messageEnum,
    enumValueType: types.enumValue,
    readerType: types.reader,
    typeCases,
    unknownLabel: memberName(model.discriminator.name),
    messages,
    enums,
    keys,
  };
}

/** A spec name that equals a member already taken on its type gets a trailing `_`. */
function avoid(identifier: string, taken: ReadonlySet<string>): string {
  return taken.has(bareName(identifier)) ? `${bareName(identifier)}_` : identifier;
}

interface TypeEntry {
  readonly identifier: string;
  readonly origin: string;
}

function assignTypeNames(model: PushExtrasModel, prefix: string) {
  const fixed = (name: string) => fixedTypeName(name, prefix);
  const keys = fixed(API_TYPES.keys);
  const messageEnum = fixed(API_TYPES.message);
  const enumValue = fixed(API_TYPES.enumValue);
  const reader = fixed(API_TYPES.reader);
  const typeEnum = typeName(model.discriminator.enumName, prefix);
  const messageStructs = new Map(model.messages.map((m) => [m, typeName(m.name, prefix)]));
  const enumTypes = new Map(model.enums.map((e) => [e, typeName(e.name, prefix)]));

  const entries: TypeEntry[] = [
    ...SHADOWED_TYPE_NAMES.map((name) => ({ identifier: name, origin: `the standard type ${name}` })),
    { identifier: keys, origin: "the key constants" },
    { identifier: messageEnum, origin: "the message enum" },
    { identifier: enumValue, origin: "the enum value wrapper" },
    { identifier: reader, origin: "the payload reader" },
    { identifier: typeEnum, origin: `the enumeration of ${JSON.stringify(model.discriminator.key)} values` },
    ...model.messages.map((m) => ({ identifier: messageStructs.get(m)!, origin: `message ${m.pointer}` })),
    ...model.enums.map((e) => ({ identifier: enumTypes.get(e)!, origin: `enumeration ${e.pointer}` })),
  ];
  assignUnique(entries, (e) => bareName(e.identifier), (e) => e.origin, "Swift type names");
  return { keys, messageEnum, enumValue, reader, typeEnum, messageStructs, enumTypes };
}
