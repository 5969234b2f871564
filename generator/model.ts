/**
 * The intermediate model: everything the emitters need, resolved from the spec once.
 *
 * Emitters and templates read only this model, never the raw JSON Schema, so a new message type,
 * field or enum value in the spec reaches every output without a change to generator code.
 * Names are kept as language-neutral word lists; each target turns them into identifiers with its
 * own casing, keyword escaping and collision check.
 */

/** Lower-case words that make up a name, such as ["operation", "init"]. */
export type Words = readonly string[];

export interface PushExtrasModel {
  /** Path of the spec file the model was built from, for error messages. */
  readonly specPath: string;
  /** The spec's `$id`, a stable identifier of the schema. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The key whose value says which message this is, such as `messageType`. */
  readonly discriminator: Discriminator;
  /** Lifecycle groups in spec order; every message belongs to exactly one. */
  readonly groups: readonly Group[];
  /** Messages in spec order (the order of the `oneOf` branches). */
  readonly messages: readonly Message[];
  /** Enumerations used by fields, in order of first use. */
  readonly enums: readonly Enumeration[];
  /** Every wire key of every message (the discriminator first), without duplicates, in order of first use. */
  readonly keys: readonly Key[];
  /** Rules of the tolerant reading that apply to the whole payload. */
  readonly tolerant: TolerantRules;
  /** The spec itself, for targets that must embed or compile the schema (validators, packaging). */
  readonly schema: unknown;
}

export interface Discriminator {
  /** Wire key, such as `messageType`. */
  readonly key: string;
  readonly name: Words;
  readonly description: string;
  /** Name of the enumeration of all message type values (for constants and enums). */
  readonly enumName: Words;
}

export interface TolerantRules {
  /**
   * Key of a nested object whose string values stand in for top-level keys that are missing,
   * or null when the spec names none.
   */
  readonly nestedFallback: string | null;
  /** Why the tolerant rules exist, for documentation; null when the spec says nothing. */
  readonly description: string | null;
}

export interface Group {
  readonly id: string;
  readonly name: Words;
  readonly title: string;
  readonly description: string;
  /** Wire values of the messages of this group, in spec order. */
  readonly messageTypes: readonly string[];
}

export interface Message {
  /** The discriminator value on the wire, such as `mtoken.operationInit`. */
  readonly wireType: string;
  /** Name of the message, from its `$defs` key, such as ["operation", "init"]. */
  readonly name: Words;
  /** Name of the wire value as an enum case, from the wire value itself. */
  readonly typeValueName: Words;
  readonly title: string;
  readonly description: string;
  /** Description of the discriminator value for this message. */
  readonly typeDescription: string;
  readonly groupId: string;
  /** Fields other than the discriminator, in spec order. */
  readonly fields: readonly Field[];
  /** Example payloads from the spec; each validates against the strict schema. */
  readonly examples: readonly Record<string, string>[];
  /** JSON pointer of the message's schema in the spec, for error messages and links. */
  readonly pointer: string;
}

export interface Field {
  /** Wire key, such as `operationId`. */
  readonly key: string;
  readonly name: Words;
  readonly title: string;
  readonly description: string;
  /** Required by the strict reading (the contract). */
  readonly required: boolean;
  /** Required by the tolerant reading; never true where `required` is false. */
  readonly tolerantRequired: boolean;
  readonly type: FieldType;
  readonly pointer: string;
}

export type FieldType =
  | {
      readonly kind: "string";
      /** Regular expression the strict reading checks, or null. Tolerant readers never check it. */
      readonly pattern: string | null;
      /** Human name of the format the pattern checks, such as `UUID`, or null. */
      readonly formatName: string | null;
      /** Least length the strict reading accepts (1 means an empty value is invalid), 0 when unset. */
      readonly minLength: number;
    }
  | {
      readonly kind: "enum";
      /** Name of the enumeration in `PushExtrasModel.enums`. */
      readonly enumName: Words;
    };

export interface Enumeration {
  readonly name: Words;
  readonly title: string;
  readonly description: string;
  readonly values: readonly EnumValue[];
  readonly pointer: string;
}

export interface EnumValue {
  /** The string on the wire, such as `operation.timeout`. */
  readonly wire: string;
  readonly name: Words;
  readonly description: string;
}

export interface Key {
  readonly key: string;
  readonly name: Words;
  /** A description of the key that holds across messages (the first one met). */
  readonly description: string;
}

/** One file an emitter produces, with a path relative to the output folder. */
export interface OutputFile {
  readonly path: string;
  readonly contents: string;
}

/** Options that change what the targets emit; all have documented defaults. */
export interface TargetOptions {
  /** Kotlin package of the generated Kotlin file. */
  readonly kotlinPackage: string;
  /** Access level of the generated Swift declarations. */
  readonly swiftAccess: "public" | "internal";
  /** Prefix of the generated Swift type names, such as `PE`; empty by default. */
  readonly swiftTypePrefix: string;
}

export const defaultTargetOptions: TargetOptions = {
  kotlinPackage: "com.pushextras",
  swiftAccess: "public",
  swiftTypePrefix: "",
};

/** Finds an enumeration by name; the model guarantees that every field's enum exists. */
export function findEnum(model: PushExtrasModel, name: Words): Enumeration {
  const found = model.enums.find((e) => e.name.join(" ") === name.join(" "));
  if (!found) throw new Error(`internal: no enumeration named ${name.join(" ")}`);
  return found;
}
