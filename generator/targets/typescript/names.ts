/**
 * Every identifier the TypeScript output declares, assigned up front for the whole `ts/` folder.
 *
 * The barrel re-exports all modules with `export *`, so one name declared by two modules would be
 * an ambiguity error in the user's build; names are therefore checked for collisions across all of
 * them at once (types, constants, parser, validators), and a clash fails the run with a
 * NameClashError that names both spec items.
 */
import type { Enumeration, EnumValue, Field, Key, Message, PushExtrasModel } from "../../model.js";
import { assignUnique, NameClashError } from "../../naming/words.js";
import { typeName, valueName } from "./naming.js";

/** Names fixed by the published TypeScript API: they do not depend on the spec. */
export const API_NAMES = {
  union: "PushExtras",
  keyConst: "PushExtrasKey",
  parse: "parsePushExtras",
  parseResult: "PushExtrasParseResult",
  parsedMessage: "PushExtrasMessage",
  parsedEnumValue: "ParsedEnumValue",
  validateUnion: "validatePushExtras",
  validationError: "ValidationError",
} as const;

/** The property of the parse result that says which kind of result it is. */
export const RESULT_KIND_PROPERTY = "kind";

/** Module-private helpers of the generated parser; they share the module scope with everything else. */
export const PARSER_HELPERS = {
  hasOwnProperty: "hasOwnProperty",
  isRecord: "isRecord",
  readString: "readString",
  describeNonObject: "describeNonObject",
  parsersByType: "parsersByType",
} as const;

/** Parameter and local names of the parse functions, which field locals must not shadow. */
export const PARSER_LOCALS = { value: "value", payload: "payload", nested: "nested", raw: "raw", wireType: "wireType", parser: "parser" } as const;

export interface MessageNames {
  /** Interface of the strict type in types.ts. */
  readonly type: string;
  /** Interface of the tolerant reading in parser.ts. */
  readonly parsed: string;
  /** Type guard in constants.ts. */
  readonly guard: string;
  /** AJV validator of the validators target, declared here so the barrel stays collision-free. */
  readonly validator: string;
  /** Module-private parse function in parser.ts. */
  readonly parseFunction: string;
  /** Member of the message type const object. */
  readonly typeMember: string;
  /** Locals of the parse function, one per field. */
  readonly fieldLocals: ReadonlyMap<Field, string>;
}

export interface EnumNames {
  /** The const object and its union type. */
  readonly type: string;
  readonly members: ReadonlyMap<EnumValue, string>;
  /** Module-private reader in parser.ts that maps a raw string onto a ParsedEnumValue. */
  readonly readFunction: string;
}

export interface TypeScriptNames {
  /** Const object and union type of all message type values. */
  readonly messageTypeConst: string;
  readonly messages: ReadonlyMap<Message, MessageNames>;
  readonly enums: ReadonlyMap<Enumeration, EnumNames>;
  readonly keyMembers: ReadonlyMap<Key, string>;
}

/** One module-scope identifier and the spec item it comes from, for the collision check. */
interface ScopeEntry {
  readonly identifier: string;
  readonly origin: string;
}

export function assignNames(model: PushExtrasModel): TypeScriptNames {
  checkResultProperties(model);
  const messageTypeConst = typeName(model.discriminator.enumName);
  const typeMembers = assignUnique(model.messages, (m) => typeName(m.typeValueName), (m) => `message type ${JSON.stringify(m.wireType)}`, `TypeScript members of ${messageTypeConst}`);

  const enums = new Map<Enumeration, EnumNames>();
  for (const enumeration of model.enums) {
    const type = typeName(enumeration.name);
    const members = assignUnique(enumeration.values, (v) => typeName(v.name), (v) => `value ${JSON.stringify(v.wire)} of ${enumeration.pointer}`, `TypeScript members of ${type}`);
    enums.set(enumeration, { type, members, readFunction: `read${type}` });
  }

  const enumReaders = new Set([...enums.values()].map((e) => e.readFunction));
  const messages = new Map<Message, MessageNames>();
  for (const message of model.messages) {
    const type = typeName(message.name);
    messages.set(message, {
      type,
      parsed: `Parsed${type}`,
      guard: `is${type}`,
      validator: `validate${type}`,
      parseFunction: `parse${type}`,
      typeMember: typeMembers.get(message)!,
      fieldLocals: assignFieldLocals(message, enumReaders),
    });
  }

  const keyMembers = assignUnique(model.keys, (k) => typeName(k.name), (k) => `key ${JSON.stringify(k.key)}`, `TypeScript members of ${API_NAMES.keyConst}`);
  const names: TypeScriptNames = { messageTypeConst, messages, enums, keyMembers };
  checkModuleScope(model, names);
  return names;
}

/**
 * Locals of a parse function are named after their fields. A field whose name equals a parameter
 * or helper the function uses gets a trailing `_` rather than shadowing it; two fields that end up
 * with one local are a clash of spec names.
 */
function assignFieldLocals(message: Message, enumReaders: ReadonlySet<string>): ReadonlyMap<Field, string> {
  const taken = new Set<string>([...Object.values(PARSER_LOCALS), ...Object.values(PARSER_HELPERS), ...enumReaders]);
  const local = (field: Field): string => {
    let name = valueName(field.name);
    while (taken.has(name)) name += "_";
    return name;
  };
  return assignUnique(message.fields, local, (f) => `field ${JSON.stringify(f.key)} of ${JSON.stringify(message.wireType)}`, "TypeScript parser locals");
}

/**
 * The parse result carries the raw message type under the discriminator's wire key beside its
 * own `kind`, so the two must differ.
 */
function checkResultProperties(model: PushExtrasModel): void {
  if (model.discriminator.key === RESULT_KIND_PROPERTY) {
    throw new NameClashError(
      `TypeScript parse result: the discriminator key ${JSON.stringify(model.discriminator.key)} and the result's own property ${JSON.stringify(RESULT_KIND_PROPERTY)} would be one property; rename the discriminator`,
    );
  }
}

/** Every module-scope name of every file in `ts/`, checked together (see the file comment). */
function checkModuleScope(model: PushExtrasModel, names: TypeScriptNames): void {
  const entries: ScopeEntry[] = [];
  const fixed = (identifier: string) => entries.push({ identifier, origin: `the API name ${identifier}` });
  Object.values(API_NAMES).forEach(fixed);
  Object.values(PARSER_HELPERS).forEach(fixed);
  entries.push({ identifier: names.messageTypeConst, origin: `the message type enumeration of the discriminator ${JSON.stringify(model.discriminator.key)}` });
  for (const [enumeration, e] of names.enums) {
    entries.push({ identifier: e.type, origin: `enum ${enumeration.pointer}` });
    entries.push({ identifier: e.readFunction, origin: `the parser's reader of enum ${enumeration.pointer}` });
  }
  for (const [message, m] of names.messages) {
    const origin = `message ${JSON.stringify(message.wireType)} (${message.pointer})`;
    for (const identifier of [m.type, m.parsed, m.guard, m.validator, m.parseFunction]) {
      entries.push({ identifier, origin: `${origin} as ${identifier}` });
    }
  }
  assignUnique(entries, (e) => e.identifier, (e) => e.origin, "TypeScript module names");
}
