/**
 * The content of the docs page, built from the model once and independent of the output format:
 * headings with their anchors, paragraphs, tables and example payloads. Every word of the page that
 * does not come from the spec is written here, so the Markdown and the HTML say the same thing.
 */
import { pointerOf } from "../../errors.js";
import { findEnum, type Field, type Message, type PushExtrasModel, type Words } from "../../model.js";
import { assignAnchors, type Heading } from "./anchors.js";
import { code, descriptionInline, longCode, descriptionParagraphs, joined, link, plainLine, plainText, strong, text, type Inline, type Paragraph } from "./inline.js";
import { readingsSection, requirednessLabel, requirednessOf } from "./readings.js";

export interface DocsOutline {
  readonly title: SectionHeading;
  readonly intro: readonly Paragraph[];
  readonly summary: Section;
  readonly keys: Section;
  readonly readings: SectionHeading & { readonly paragraphs: readonly Paragraph[]; readonly items: readonly Paragraph[] };
  readonly groups: readonly GroupSection[];
  readonly closing: Paragraph;
}

export interface SectionHeading {
  /** The heading as pieces of text (a message heading holds its wire type as code). */
  readonly heading: Paragraph;
  readonly anchor: string;
}

export interface Section extends SectionHeading {
  readonly paragraphs: readonly Paragraph[];
  readonly table: Table;
}

export interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Paragraph[])[];
}

export interface GroupSection extends SectionHeading {
  readonly paragraphs: readonly Paragraph[];
  readonly messages: readonly MessageSection[];
}

export interface MessageSection extends SectionHeading {
  readonly wireType: string;
  readonly title: string;
  readonly paragraphs: readonly Paragraph[];
  /** One row per key: the discriminator first, then the fields in spec order. */
  readonly fields: Table;
  readonly enums: readonly { readonly paragraph: Paragraph; readonly table: Table }[];
  readonly examplesLead: Paragraph;
  /** Example payloads as pretty-printed JSON. */
  readonly examples: readonly string[];
}

const FIXED_HEADINGS = { summary: "Summary", keys: "Keys", readings: "Reading a payload" } as const;

export function buildOutline(model: PushExtrasModel): DocsOutline {
  const anchorOf = headingAnchors(model);
  const messageLink = (m: Message) => link(anchorOf(`message:${m.wireType}`), code(m.wireType));
  const readings = readingsSection(model, messageLink);
  return {
    title: { heading: [text(plainLine(model.title))], anchor: anchorOf("title") },
    intro: descriptionParagraphs(model.description),
    summary: {
      heading: [text(FIXED_HEADINGS.summary)],
      anchor: anchorOf("summary"),
      paragraphs: [summaryLead(model)],
      table: summaryTable(model, messageLink, (groupId) => anchorOf(`group:${groupId}`)),
    },
    keys: {
      heading: [text(FIXED_HEADINGS.keys)],
      anchor: anchorOf("keys"),
      paragraphs: [[text("Every key a message can carry, and the message types that use it. Keys that a message type does not list are ignored by both readings below: push services add keys of their own.")]],
      table: keysTable(model, messageLink),
    },
    readings: { heading: [text(FIXED_HEADINGS.readings)], anchor: anchorOf("readings"), ...readings },
    groups: model.groups.map((group) => ({
      heading: [text(plainLine(group.title))],
      anchor: anchorOf(`group:${group.id}`),
      paragraphs: descriptionParagraphs(group.description),
      messages: model.messages.filter((m) => m.groupId === group.id).map((m) => messageSection(model, m, anchorOf(`message:${m.wireType}`))),
    })),
    closing: [text("Generated from the JSON Schema "), code(model.id), text(".")],
  };
}

/** Anchors of every heading of the page, checked together so that no two collide. */
function headingAnchors(model: PushExtrasModel): (id: string) => string {
  const file = model.specPath;
  const headings: (Heading & { readonly id: string })[] = [
    { id: "title", visibleText: plainLine(model.title), source: { file, pointer: pointerOf("title"), what: `the spec's title ${JSON.stringify(model.title)}`, change: "the spec's title" } },
    ...Object.entries(FIXED_HEADINGS).map(([id, heading]) => ({ id, visibleText: heading, source: { file, pointer: "", what: "a section", change: null } })),
    ...model.groups.map((g, i) => ({
      id: `group:${g.id}`,
      visibleText: plainLine(g.title),
      source: { file, pointer: pointerOf("x-groups", i, "title"), what: `the title ${JSON.stringify(g.title)} of group ${JSON.stringify(g.id)}`, change: `the title of group ${JSON.stringify(g.id)}` },
    })),
    // A message heading shows its wire type, so the only change that moves its anchor is a change to the contract.
    ...model.messages.map((m) => ({
      id: `message:${m.wireType}`,
      visibleText: messageHeadingText(m.wireType),
      source: { file, pointer: m.pointer, what: `the message type ${JSON.stringify(m.wireType)}`, change: `the message type ${JSON.stringify(m.wireType)} (a change to the contract)` },
    })),
  ];
  const anchors = assignAnchors(headings);
  const byId = new Map(headings.map((h) => [h.id, anchors.get(h)!]));
  return (id) => {
    const anchor = byId.get(id);
    if (anchor === undefined) throw new Error(`internal: no docs heading ${id}`);
    return anchor;
  };
}

/** A message heading names the message by its wire type, so its anchor stays when titles change. */
function messageHeading(wireType: string): Paragraph {
  return [text("Message "), code(wireType)];
}

function messageHeadingText(wireType: string): string {
  return plainText(messageHeading(wireType));
}

function summaryLead(model: PushExtrasModel): Paragraph {
  return [
    text("Every message carries the required key "),
    code(model.discriminator.key),
    text(", whose value is one of the message types below; the other keys depend on it."),
  ];
}

function summaryTable(model: PushExtrasModel, messageLink: (m: Message) => Inline, groupAnchor: (id: string) => string): Table {
  return {
    columns: ["Message type", "Title", "Group", "Required keys", "Optional keys"],
    rows: model.messages.map((m) => {
      const group = model.groups.find((g) => g.id === m.groupId);
      const required = m.fields.filter((f) => f.required);
      const optional = m.fields.filter((f) => !f.required);
      return [
        [messageLink(m)],
        [text(plainLine(m.title))],
        group ? [link(groupAnchor(group.id), text(plainLine(group.title)))] : [],
        keyList(required, (f) => (f.tolerantRequired ? [] : [text(" (tolerant readers accept it absent)")])),
        keyList(optional, () => []),
      ];
    }),
  };
}

function keyList(fields: readonly Field[], note: (f: Field) => Inline[]): Paragraph {
  if (fields.length === 0) return [text("none")];
  return joined(fields.map((f) => [code(f.key), ...note(f)]), ", ");
}

function keysTable(model: PushExtrasModel, messageLink: (m: Message) => Inline): Table {
  // Each key's fields, in message order, gathered in one pass over the messages.
  const usesByKey = new Map<string, KeyUse[]>();
  for (const message of model.messages) {
    for (const field of message.fields) {
      const uses = usesByKey.get(field.key) ?? [];
      if (uses.length === 0) usesByKey.set(field.key, uses);
      if (uses.at(-1)?.message !== message) uses.push({ message, requiredness: requirednessOf(field) });
    }
  }
  return {
    columns: ["Key", "Used by", "Description"],
    rows: model.keys.map((key) => [[code(key.key)], keyUsage(model, key.key, usesByKey.get(key.key) ?? [], messageLink), descriptionInline(key.description)]),
  };
}

interface KeyUse {
  readonly message: Message;
  readonly requiredness: ReturnType<typeof requirednessOf>;
}

/** "required in A, B; optional in C; ignored by the other message types", from each message's fields. */
function keyUsage(model: PushExtrasModel, key: string, uses: readonly KeyUse[], messageLink: (m: Message) => Inline): Paragraph {
  if (key === model.discriminator.key) return [text("required in every message type")];
  const kinds = [...new Set(uses.map((u) => u.requiredness.kind))];
  const everywhere = uses.length === model.messages.length;
  if (everywhere && kinds.length === 1) {
    const { inMessages, where } = uses[0]!.requiredness;
    return [text(`${inMessages} every message type${where}`)];
  }
  const parts = kinds.map((kind) => {
    const matching = uses.filter((u) => u.requiredness.kind === kind);
    const { inMessages, where } = matching[0]!.requiredness;
    return [text(`${inMessages} `), ...joined(matching.map((u) => [messageLink(u.message)]), ", "), ...(where === "" ? [] : [text(where)])];
  });
  const ignored = everywhere ? [] : [[text("ignored by the other message types")]];
  return joined([...parts, ...ignored], "; ");
}

function messageSection(model: PushExtrasModel, message: Message, anchor: string): MessageSection {
  const [first = [], ...rest] = descriptionParagraphs(message.description);
  const enumFields = message.fields.flatMap((f) => (f.type.kind === "enum" ? [{ key: f.key, enumName: f.type.enumName }] : []));
  return {
    heading: messageHeading(message.wireType),
    anchor,
    wireType: message.wireType,
    title: plainLine(message.title),
    paragraphs: [[strong(text(sentence(plainLine(message.title)))), text(" "), ...first], ...rest],
    fields: {
      columns: ["Key", "Requiredness", "Type and format", "Allowed values", "Description"],
      rows: [
        [[code(model.discriminator.key)], [text("required")], [text("string")], [code(message.wireType)], descriptionInline(message.typeDescription)],
        ...message.fields.map((f) => [[code(f.key)], [text(requirednessLabel(f))], typeAndFormat(model, f), allowedValues(model, f), descriptionInline(f.description)]),
      ],
    },
    enums: enumFields.map((f) => enumValues(model, f.key, f.enumName)),
    examplesLead: [text(message.examples.length === 1 ? "Example payload, valid under the strict reading:" : "Example payloads, each valid under the strict reading:")],
    examples: message.examples.map((e) => JSON.stringify(e, null, 2)),
  };
}

/** Ends a title with a full stop unless it already ends a sentence, for "**Title.** Description". */
function sentence(title: string): string {
  return /[.!?:]$/.test(title) ? title : `${title}.`;
}

function typeAndFormat(model: PushExtrasModel, field: Field): Paragraph {
  const type = field.type;
  if (type.kind === "enum") return [text(`string, enumeration: ${plainLine(findEnum(model, type.enumName).title)}`)];
  const string = stringOfLength(type.minLength);
  if (type.formatName !== null) return [text(`${string}, ${plainLine(type.formatName)}`)];
  if (type.pattern !== null) return [text(`${string} with a pattern`)];
  return [text(string)];
}

/** The strict reading's least length, said where the type is: an empty value is the usual mistake. */
function stringOfLength(minLength: number): string {
  if (minLength <= 0) return "string";
  return minLength === 1 ? "non-empty string" : `string of at least ${minLength} characters`;
}

/** Any text within the type's least length; only where there is none does it say that empty is fine. */
function allowedValues(model: PushExtrasModel, field: Field): Paragraph {
  const type = field.type;
  if (type.kind === "enum") return joined(findEnum(model, type.enumName).values.map((v) => [code(v.wire)]), ", ");
  if (type.pattern !== null) return [text("matching "), longCode(type.pattern)];
  return [text(type.minLength > 0 ? "any text" : "any text, even empty")];
}

function enumValues(model: PushExtrasModel, key: string, enumName: Words): { paragraph: Paragraph; table: Table } {
  const enumeration = findEnum(model, enumName);
  return {
    paragraph: [text("Values of "), code(key), text(` (${plainLine(enumeration.title)}): `), ...descriptionInline(enumeration.description)],
    table: {
      columns: ["Value", "Meaning"],
      rows: enumeration.values.map((v) => [[code(v.wire)], descriptionInline(v.description)]),
    },
  };
}
