/**
 * The docs' account of the two readings of a payload (strict and tolerant) and of the fallback key
 * of the tolerant reading. The rules are the project's own and hold for every spec; which keys they
 * touch (formats, enumerations, least lengths, keys that only the contract requires) and why the
 * tolerant reading looks where it looks come from the model.
 */
import { findEnum, type Field, type Message, type PushExtrasModel } from "../../model.js";
import { code, descriptionInline, joined, plainLine, strong, text, type Inline, type Paragraph } from "./inline.js";

export interface Requiredness {
  readonly kind: "required" | "contract" | "optional";
  /** For a message's table: "required", "optional", or required by the contract only. */
  readonly label: string;
  /** For the list of keys, followed by message types: "required in", "optional in". */
  readonly inMessages: string;
  /** Said after that list of message types, or "". */
  readonly where: string;
}

const REQUIREDNESS: Readonly<Record<Requiredness["kind"], Requiredness>> = {
  required: { kind: "required", label: "required", inMessages: "required in", where: "" },
  contract: {
    kind: "contract",
    label: "required by the contract; tolerant readers accept it absent",
    inMessages: "required by the contract in",
    where: ", where tolerant readers accept it absent",
  },
  optional: { kind: "optional", label: "optional", inMessages: "optional in", where: "" },
};

export function requirednessOf(field: Field): Requiredness {
  if (!field.required) return REQUIREDNESS.optional;
  return field.tolerantRequired ? REQUIREDNESS.required : REQUIREDNESS.contract;
}

/**
 * The requiredness column of a message's table. "Optional" alone would let a sender think that an
 * empty value stands for "absent", so an optional key with a least length says that it has one.
 */
export function requirednessLabel(field: Field): string {
  const requiredness = requirednessOf(field);
  return requiredness.kind === "optional" && leastLength(field) > 0 ? `${requiredness.label}; when present, must not be empty` : requiredness.label;
}

/** Least length the strict reading accepts; an enumeration without an empty value rejects an empty one too. */
function leastLength(field: Field): number {
  return field.type.kind === "string" ? field.type.minLength : 0;
}

function rejectsEmpty(model: PushExtrasModel, field: Field): boolean {
  if (field.type.kind === "string") return field.type.minLength > 0;
  return !findEnum(model, field.type.enumName).values.some((v) => v.wire === "");
}

export function readingsSection(model: PushExtrasModel, messageLink: (m: Message) => Inline): { paragraphs: Paragraph[]; items: Paragraph[] } {
  const { nestedFallback, description } = model.tolerant;
  const reason = description === null ? null : descriptionInline(description);
  const tolerant = tolerantReading(model, messageLink);
  // The spec's reason belongs with the rule it explains: the fallback when there is one.
  const items =
    nestedFallback !== null
      ? [strictReading(model), tolerant, fallbackReading(nestedFallback, reason)]
      : [strictReading(model), reason === null ? tolerant : [...tolerant, text(" "), ...reason]];
  return {
    paragraphs: [[text("A payload can be read in two ways. Whatever the strict reading accepts, the tolerant reading turns into the same message.")]],
    items,
  };
}

function strictReading(model: PushExtrasModel): Paragraph {
  const key = model.discriminator.key;
  const enumClauses = uniqueFields(model, (f) => f.type.kind === "enum").map((f) => [text("when "), code(f.key), text(" has a value that is not listed")]);
  const formatClauses = uniqueFields(model, (f) => f.type.kind === "string" && f.type.pattern !== null).map((f) => {
    const formatName = f.type.kind === "string" ? f.type.formatName : null;
    return [text("when "), code(f.key), text(formatName === null ? " does not match its pattern" : ` does not have the ${plainLine(formatName)} format`)];
  });
  const clauses: Inline[][] = [
    [text("when "), code(key), text(" is missing or is not one of the message types above")],
    [text("when a required key of its message type is missing")],
    [text(`when a key of its message type is not a string${lengthClause(model)}`)],
    ...enumClauses,
    ...formatClauses,
  ];
  return [
    strong(text("Strict reading")),
    text(", for senders, tests and contract checks, accepts exactly what this page documents. A payload is invalid "),
    ...listOf(clauses, "or"),
    text(". Keys that its message type does not list are allowed, whatever their values."),
  ];
}

/**
 * What the strict reading says about short values: when every key rejects an empty value and asks
 * no more, one word says it all; otherwise the tables say which keys have a least length.
 */
function lengthClause(model: PushExtrasModel): string {
  const fields = model.messages.flatMap((m) => m.fields);
  if (fields.length > 0 && fields.every((f) => rejectsEmpty(model, f) && leastLength(f) <= 1)) return " or is empty";
  if (fields.some((f) => leastLength(f) > 0)) return " or is shorter than the type and format column of its table allows";
  return "";
}

function tolerantReading(model: PushExtrasModel, messageLink: (m: Message) => Inline): Paragraph {
  const key = model.discriminator.key;
  const formatted = uniqueFields(model, (f) => f.type.kind === "string" && f.type.pattern !== null);
  const contractOnly = model.messages.flatMap((m) => m.fields.filter((f) => f.required && !f.tolerantRequired).map((f) => [code(f.key), text(" in "), messageLink(m)]));
  const enums = uniqueFields(model, (f) => f.type.kind === "enum");
  return [
    strong(text("Tolerant reading")),
    text(", for apps, never fails: it gives a message, an unknown message or the reason why the payload is invalid. A payload whose "),
    code(key),
    text(" is a listed message type and whose required keys are non-empty strings gives that message"),
    ...(formatted.length === 0 ? [] : [text("; the format of "), ...listOf(formatted.map((f) => [code(f.key)]), "and"), text(" is not checked")]),
    ...(contractOnly.length === 0 ? [] : [text("; it may lack "), ...listOf(contractOnly, "and")]),
    text(". An optional key that is not a string counts as absent"),
    ...(optionalRejectingEmpty(model) ? [text("; an empty one is kept as sent, although the strict reading rejects it")] : []),
    text("."),
    ...enums.flatMap((f) => [
      text(" A value of "),
      code(f.key),
      text(` that is not listed gives the ${enumTitle(model, f)} "unknown" and keeps the value as sent.`),
    ]),
    text(" A "),
    code(key),
    text(" that is not listed gives an unknown message that keeps the type as sent, so that an app can still refresh its state. A payload without "),
    code(key),
    text(", or with a required key that is missing, empty or not a string, is invalid, and the reader says why."),
  ];
}

/** "a, b or c" */
function listOf(items: readonly (readonly Inline[])[], conjunction: "and" | "or"): Inline[] {
  if (items.length < 2) return joined(items, "");
  return [...joined(items.slice(0, -1), ", "), text(`, ${conjunction} `), ...items[items.length - 1]!];
}

/** Whether a key that the tolerant reading lets be absent has a least length under the strict one. */
function optionalRejectingEmpty(model: PushExtrasModel): boolean {
  return model.messages.some((m) => m.fields.some((f) => !f.tolerantRequired && f.type.kind === "string" && f.type.minLength > 0));
}

/** The fallback rule, after the spec's reason for it when the spec gives one. */
function fallbackReading(fallback: string, reason: Paragraph | null): Paragraph {
  const rule = [
    text(reason === null ? "when" : "Precisely: when"),
    text(" a key is missing at the top level of the payload or is not a string there, the tolerant reading takes it from the object under "),
    code(fallback),
    text(" if it is a string there; a string at the top level wins, even an empty one. The strict reading does not look inside "),
    code(fallback),
    text("."),
  ];
  return [strong(text("Keys inside "), code(fallback)), text(": "), ...(reason === null ? [] : [...reason, text(" ")]), ...rule];
}

function enumTitle(model: PushExtrasModel, field: Field): string {
  return field.type.kind === "enum" ? plainLine(findEnum(model, field.type.enumName).title).toLowerCase() : field.key;
}

/** Fields that match, each key once, in order of first use. */
function uniqueFields(model: PushExtrasModel, matches: (f: Field) => boolean): Field[] {
  const byKey = new Map<string, Field>();
  for (const message of model.messages) {
    for (const field of message.fields) if (matches(field) && !byKey.has(field.key)) byKey.set(field.key, field);
  }
  return [...byKey.values()];
}
