/**
 * What the docs must say, derived from the model, checked against a page as the browser sees it
 * (the HTML page, or the Markdown rendered by a GitHub-flavoured renderer). Returns every problem
 * found, so one failing run shows them all; an empty list means every fact is there.
 */
import type { Field, PushExtrasModel } from "../../generator/model.js";
import { findEnum } from "../../generator/model.js";
import { displayValue } from "../../generator/targets/docs/inline.js";
import type { PageItem } from "./browser.js";
import { visibleProse } from "./helpers.js";

/** White space as the page extraction leaves it, and characters that HTML and Markdown both replace. */
function visible(value: string): string {
  return value.replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g, "\uFFFD").replace(/\s+/g, " ").trim();
}

/** A wire value as the page shows it. */
function wire(value: string): string {
  return visible(displayValue(value));
}

function noTicks(value: string): string {
  return value.replace(/`/g, "");
}

export function expectedRequiredness(field: Field): string {
  if (!field.required) return field.type.kind === "string" && field.type.minLength > 0 ? "optional; when present, must not be empty" : "optional";
  return field.tolerantRequired ? "required" : "required by the contract; tolerant readers accept it absent";
}

/** The type column of a string field starts with its least length: an empty value is what senders get wrong. */
export function expectedStringType(minLength: number): string {
  if (minLength === 0) return "string";
  return minLength === 1 ? "non-empty string" : `string of at least ${minLength} characters`;
}

type Heading = Extract<PageItem, { kind: "heading" }>;
type Table = Extract<PageItem, { kind: "table" }>;
type List = Extract<PageItem, { kind: "list" }>;

/** Items after a heading, up to the next heading of the same or a higher level. */
function sectionOf(items: readonly PageItem[], heading: Heading): PageItem[] {
  const start = items.indexOf(heading);
  const end = items.findIndex((item, i) => i > start && item.kind === "heading" && item.level <= heading.level);
  return items.slice(start + 1, end === -1 ? undefined : end);
}

export function checkFacts(model: PushExtrasModel, items: readonly PageItem[], pageText: string): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };
  const headings = items.filter((i): i is Heading => i.kind === "heading");
  const text = noTicks(visible(pageText));

  const expectedHeadings = [
    `1 ${visible(model.title)}`,
    "2 Summary",
    "2 Keys",
    "2 Reading a payload",
    ...model.groups.flatMap((g) => [`2 ${visible(g.title)}`, ...model.messages.filter((m) => m.groupId === g.id).map((m) => `3 Message ${wire(m.wireType)}`)]),
  ];
  expect(
    JSON.stringify(headings.map((h) => `${h.level} ${h.text}`)) === JSON.stringify(expectedHeadings),
    `headings differ:\n  got  ${JSON.stringify(headings.map((h) => `${h.level} ${h.text}`))}\n  want ${JSON.stringify(expectedHeadings)}`,
  );

  expect(text.includes(noTicks(visibleProse(model.description))), "the introduction (the spec's description) is missing");
  for (const g of model.groups) expect(text.includes(noTicks(visibleProse(g.description))), `the description of group ${g.id} is missing`);

  const tableAfter = (title: string): Table | undefined => {
    const h = headings.find((x) => x.text === title);
    return h ? (sectionOf(items, h).find((i) => i.kind === "table") as Table | undefined) : undefined;
  };

  const summary = tableAfter("Summary");
  expect(summary?.rows.length === model.messages.length, `the summary has ${summary?.rows.length} rows, not one per message type`);
  model.messages.forEach((m, i) => {
    const row = summary?.rows[i] ?? [];
    const group = model.groups.find((g) => g.id === m.groupId)!;
    expect(row[0] === wire(m.wireType) && row[1] === visible(m.title) && row[2] === visible(group.title), `summary row ${i}: ${JSON.stringify(row)}`);
    for (const f of m.fields) expect((f.required ? row[3] : row[4])?.includes(wire(f.key)) === true, `summary of ${m.wireType} lacks ${f.key}`);
  });

  const keys = tableAfter("Keys");
  expect(JSON.stringify(keys?.rows.map((r) => r[0])) === JSON.stringify(model.keys.map((k) => wire(k.key))), `the keys table lists ${JSON.stringify(keys?.rows.map((r) => r[0]))}`);
  for (const row of keys?.rows ?? []) {
    const users = model.messages.filter((m) => m.fields.some((f) => wire(f.key) === row[0]));
    for (const m of users) expect(row[1]?.includes(wire(m.wireType)) === true, `key ${row[0]}: ${m.wireType} is not named as a user`);
    if (users.length > 0 && users.length < model.messages.length) expect(row[1]?.includes("ignored by the other message types") === true, `key ${row[0]} does not say that other types ignore it`);
  }

  problems.push(...checkReadings(model, items, headings));

  for (const m of model.messages) {
    const heading = headings.find((h) => h.level === 3 && h.text === `Message ${wire(m.wireType)}`);
    if (!heading) {
      problems.push(`no section for ${m.wireType}`);
      continue;
    }
    problems.push(...checkMessage(model, m, sectionOf(items, heading), text));
  }
  return problems;
}

/** The note on the two readings: one list item per reading and one for the fallback key, with what the model says about them. */
function checkReadings(model: PushExtrasModel, items: readonly PageItem[], headings: readonly Heading[]): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, message: string) => {
    if (!ok) problems.push(`readings: ${message}`);
  };
  const heading = headings.find((h) => h.level === 2 && h.text === "Reading a payload");
  const list = heading ? (sectionOf(items, heading).find((i) => i.kind === "list") as List | undefined) : undefined;
  const [strict = "", tolerant = "", fallback = "", ...extra] = (list?.items ?? []).map((item) => noTicks(item));
  const { nestedFallback, description } = model.tolerant;
  expect(strict.startsWith("Strict reading") && tolerant.startsWith("Tolerant reading"), `the two readings are not described: ${JSON.stringify(list?.items)}`);
  expect(extra.length === 0 && (nestedFallback === null) === (fallback === ""), `the list holds ${list?.items.length} items`);
  if (nestedFallback !== null) expect(fallback.startsWith(`Keys inside ${noTicks(wire(nestedFallback))}`), "the fallback key is not described");
  // The spec's reason for the tolerant rules stands with the rule it explains.
  if (description !== null) expect((nestedFallback === null ? tolerant : fallback).includes(noTicks(visibleProse(description))), "the reason for the tolerant rules is missing");

  const fields = model.messages.flatMap((m) => m.fields);
  if (fields.some((f) => f.type.kind === "string" && f.type.minLength > 0)) {
    expect(/is empty|is shorter than/.test(strict), "the strict reading does not say that it rejects short values");
  }
  if (fields.some((f) => !f.tolerantRequired && f.type.kind === "string" && f.type.minLength > 0)) {
    expect(tolerant.includes("an empty one is kept as sent"), "the tolerant reading does not say what it does with an empty optional key");
  }
  return problems;
}

function checkMessage(model: PushExtrasModel, m: PushExtrasModel["messages"][number], section: readonly PageItem[], text: string): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, message: string) => {
    if (!ok) problems.push(`${m.wireType}: ${message}`);
  };
  expect(text.includes(noTicks(visibleProse(m.description))), "description missing");
  const tables = section.filter((i): i is Table => i.kind === "table");
  const [fields, ...enumTables] = tables;
  expect(JSON.stringify(fields?.headers) === JSON.stringify(["Key", "Requiredness", "Type and format", "Allowed values", "Description"]), `table headers ${JSON.stringify(fields?.headers)}`);
  expect(fields?.rows.length === m.fields.length + 1, `the table has ${fields?.rows.length} rows for ${m.fields.length} fields and the message type`);
  expect(
    JSON.stringify(fields?.rows[0]?.slice(0, 4)) === JSON.stringify([wire(model.discriminator.key), "required", "string", wire(m.wireType)]) &&
      noTicks(fields?.rows[0]?.[4] ?? "") === noTicks(visibleProse(m.typeDescription)),
    `message type row ${JSON.stringify(fields?.rows[0])}`,
  );
  m.fields.forEach((f, i) => {
    const row = fields?.rows[i + 1] ?? [];
    expect(row[0] === wire(f.key), `row ${i + 1} is ${JSON.stringify(row[0])}, not ${f.key}`);
    expect(row[1] === expectedRequiredness(f), `${f.key} requiredness ${JSON.stringify(row[1])}`);
    expect(noTicks(row[4] ?? "") === noTicks(visibleProse(f.description)), `${f.key} description ${JSON.stringify(row[4])}`);
    if (f.type.kind === "string") {
      const type = expectedStringType(f.type.minLength);
      expect(row[2] === type || row[2]?.startsWith(`${type},`) === true || row[2]?.startsWith(`${type} with`) === true, `${f.key} type ${JSON.stringify(row[2])}`);
      if (f.type.pattern === null) expect(row[3] === (f.type.minLength > 0 ? "any text" : "any text, even empty"), `${f.key} allowed values ${JSON.stringify(row[3])}`);
      if (f.type.formatName !== null) expect(row[2]?.includes(visible(f.type.formatName)) === true, `${f.key} format ${JSON.stringify(row[2])}`);
      if (f.type.pattern !== null) expect(row[3]?.includes(wire(f.type.pattern)) === true, `${f.key} pattern ${JSON.stringify(row[3])}`);
    } else {
      const enumeration = findEnum(model, f.type.enumName);
      for (const v of enumeration.values) expect(row[3]?.includes(wire(v.wire)) === true, `${f.key} lacks the allowed value ${v.wire}`);
      const values = enumTables.find((t) => t.rows.length === enumeration.values.length && t.rows[0]?.[0] === wire(enumeration.values[0]!.wire));
      expect(JSON.stringify(values?.headers) === JSON.stringify(["Value", "Meaning"]), `${f.key} has no table of values with their meaning`);
      enumeration.values.forEach((v, j) => {
        const valueRow = values?.rows[j] ?? [];
        expect(valueRow[0] === wire(v.wire) && noTicks(valueRow[1] ?? "") === noTicks(visibleProse(v.description)), `${f.key} value row ${JSON.stringify(valueRow)}`);
      });
    }
  });
  const examples = section.filter((i) => i.kind === "code").map((i) => JSON.parse((i as { text: string }).text) as unknown);
  expect(JSON.stringify(examples) === JSON.stringify(m.examples), `the examples shown differ from the spec's: ${JSON.stringify(examples)}`);
  return problems;
}
