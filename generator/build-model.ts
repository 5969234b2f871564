/**
 * Stage 3: map the checked spec onto the intermediate model. Nothing here knows a message, field
 * or value of the contract by name: all of it comes from the spec.
 */
import type { CheckedBranch, CheckedField, CheckedSpec } from "./check.js";
import { InputError, pointerOf } from "./errors.js";
import type { Enumeration, Field, FieldType, Key, Message, PushExtrasModel, Words } from "./model.js";
import { splitWords } from "./naming/words.js";
import { isObject, type JsonObject } from "./resolve.js";

export function buildModel(spec: CheckedSpec): PushExtrasModel {
  const enums = new Map<string, Enumeration>();
  const typePrefix = commonTypePrefix(spec);
  const messages = spec.branches.map((branch) => buildMessage(spec, branch, typePrefix, enums));
  const discriminatorName = nameOf(spec.path, "", spec.discriminator);
  const firstDescription = spec.branches[0]?.typeDescription ?? "";
  return {
    specPath: spec.path,
    id: typeof spec.root["$id"] === "string" ? spec.root["$id"] : "",
    title: spec.root["title"] as string,
    description: spec.root["description"] as string,
    discriminator: {
      key: spec.discriminator,
      name: discriminatorName,
      description: firstDescription,
      enumName: discriminatorName,
    },
    groups: spec.groups.map((g) => ({
      id: g.id,
      name: nameOf(spec.path, pointerOf("x-groups"), g.id),
      title: g.title,
      description: g.description,
      messageTypes: messages.filter((m) => m.groupId === g.id).map((m) => m.wireType),
    })),
    messages,
    enums: [...enums.values()],
    keys: collectKeys(spec, messages),
    tolerant: { nestedFallback: nestedFallbackOf(spec.root), description: tolerantDescriptionOf(spec.root) },
    schema: spec.root,
  };
}

function buildMessage(spec: CheckedSpec, branch: CheckedBranch, typePrefix: string, enums: Map<string, Enumeration>): Message {
  const explicit = typeof branch.schema["x-name"] === "string" ? branch.schema["x-name"] : null;
  const source = explicit ?? branch.defName ?? branch.wireType;
  return {
    wireType: branch.wireType,
    name: nameOf(spec.path, branch.pointer, source),
    typeValueName: nameOf(spec.path, branch.pointer, branch.wireType.slice(typePrefix.length)),
    title: branch.schema["title"] as string,
    description: branch.schema["description"] as string,
    typeDescription: branch.typeDescription,
    groupId: branch.schema["x-group"] as string,
    fields: branch.fields.map((f) => buildField(spec, f, enums)),
    examples: branch.examples,
    pointer: branch.pointer,
  };
}

function buildField(spec: CheckedSpec, field: CheckedField, enums: Map<string, Enumeration>): Field {
  return {
    key: field.key,
    name: nameOf(spec.path, field.pointer, field.key),
    title: typeof field.schema["title"] === "string" ? field.schema["title"] : field.key,
    description: field.schema["description"] as string,
    required: field.required,
    tolerantRequired: field.tolerantRequired,
    type: fieldType(spec, field, enums),
    pointer: field.pointer,
  };
}

function fieldType(spec: CheckedSpec, field: CheckedField, enums: Map<string, Enumeration>): FieldType {
  const schema = field.schema;
  if (!Array.isArray(schema["enum"])) {
    return {
      kind: "string",
      pattern: typeof schema["pattern"] === "string" ? schema["pattern"] : null,
      formatName: typeof schema["x-formatName"] === "string" ? schema["x-formatName"] : null,
      minLength: typeof schema["minLength"] === "number" ? schema["minLength"] : 0,
    };
  }
  // An enum defined once under $defs and used by several fields becomes one enumeration.
  const definitionName = /^\/\$defs\/([^/]+)$/.exec(field.definitionPointer)?.[1];
  const enumName = nameOf(spec.path, field.definitionPointer, definitionName ?? field.key);
  const id = enumName.join(" ");
  const existing = enums.get(id);
  if (existing !== undefined && existing.pointer !== field.definitionPointer) {
    throw InputError.at(spec.path, field.pointer, `enum name ${JSON.stringify(id)} is already used by ${existing.pointer}; define the enum once under $defs and reference it`);
  }
  if (existing === undefined) enums.set(id, buildEnum(spec, field, enumName));
  return { kind: "enum", enumName };
}

function buildEnum(spec: CheckedSpec, field: CheckedField, name: Words): Enumeration {
  const schema = field.schema;
  const descriptions = schema["x-enumDescriptions"] as JsonObject;
  const explicitNames = isObject(schema["x-enumNames"]) ? schema["x-enumNames"] : {};
  return {
    name,
    title: typeof schema["title"] === "string" ? schema["title"] : field.key,
    description: schema["description"] as string,
    pointer: field.definitionPointer,
    values: (schema["enum"] as string[]).map((wire) => {
      const explicit = explicitNames[wire];
      return {
        wire,
        name: nameOf(spec.path, `${field.definitionPointer}/enum`, typeof explicit === "string" ? explicit : wire),
        description: descriptions[wire] as string,
      };
    }),
  };
}

/** Keys of all messages, discriminator first, each once, with its first description. */
function collectKeys(spec: CheckedSpec, messages: readonly Message[]): Key[] {
  const keys = new Map<string, Key>();
  keys.set(spec.discriminator, {
    key: spec.discriminator,
    name: nameOf(spec.path, "", spec.discriminator),
    description: "Says which message this is; the other keys depend on it.",
  });
  for (const message of messages) {
    for (const field of message.fields) {
      if (!keys.has(field.key)) keys.set(field.key, { key: field.key, name: field.name, description: field.description });
    }
  }
  return [...keys.values()];
}

/**
 * Message type values usually share a namespace (`mtoken.` in `mtoken.statusChange`); it adds
 * nothing to a name, so enum cases are named after the rest. The namespace, found once for the
 * spec: the first dotted segment when every value of two or more starts with the same one, else "".
 */
function commonTypePrefix(spec: CheckedSpec): string {
  const all = spec.branches.map((b) => b.wireType);
  if (all.length < 2) return "";
  const firstSegments = new Set(all.map((t) => (t.includes(".") ? t.slice(0, t.indexOf(".") + 1) : "")));
  const [prefix] = firstSegments;
  return firstSegments.size === 1 && prefix !== undefined ? prefix : "";
}

function nestedFallbackOf(root: JsonObject): string | null {
  const tolerant = root["x-tolerant"];
  return isObject(tolerant) && typeof tolerant["nestedFallback"] === "string" ? tolerant["nestedFallback"] : null;
}

function tolerantDescriptionOf(root: JsonObject): string | null {
  const tolerant = root["x-tolerant"];
  return isObject(tolerant) && typeof tolerant["description"] === "string" ? tolerant["description"] : null;
}

function nameOf(file: string, pointer: string, source: string): Words {
  const words = splitWords(source);
  if (words.length === 0) {
    throw InputError.at(file, pointer, `cannot derive a name from ${JSON.stringify(source)}: it has no letters or digits; give it an x-name`);
  }
  return words;
}
