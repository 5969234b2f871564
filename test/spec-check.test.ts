/**
 * The spec check: the real spec passes, and each broken rule is reported with the file and the
 * JSON pointer of the place to fix.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildModel } from "../generator/build-model.js";
import { check, MAX_TEXT_LENGTH } from "../generator/check.js";
import { InputError } from "../generator/errors.js";

const SPEC_PATH = "spec/push-extras.schema.json";
type Json = Record<string, any>;

function spec(): Json {
  return JSON.parse(readFileSync(SPEC_PATH, "utf8")) as Json;
}

function problemsOf(document: unknown): { pointer: string; message: string; file: string }[] {
  try {
    check({ path: "broken.json", text: "", document });
  } catch (error) {
    if (error instanceof InputError) return [...error.problems];
    throw error;
  }
  return [];
}

describe("the spec check", () => {
  it("accepts the real spec and builds a model of every message, field, value and group", () => {
    const model = buildModel(check({ path: SPEC_PATH, text: "", document: spec() }));
    expect(model.messages.map((m) => m.wireType)).toEqual([
      "mtoken.operationInit",
      "mtoken.operationFinished",
      "mtoken.statusChange",
      "mtoken.inboxMessage.new",
    ]);
    expect(model.groups.map((g) => [g.id, g.messageTypes.length])).toEqual([["operation", 2], ["registration", 1], ["inbox", 1]]);
    expect(model.enums.flatMap((e) => e.values.map((v) => v.wire))).toHaveLength(5);
    const statusChange = model.messages[2]!;
    expect(statusChange.fields.map((f) => [f.key, f.required, f.tolerantRequired])).toEqual([["activationId", true, false]]);
    for (const message of model.messages) expect(message.examples.length).toBeGreaterThan(0);
  });

  const broken: { rule: string; mutate: (s: Json) => void; pointer: string; says: RegExp }[] = [
    { rule: "a wrong $schema", mutate: (s) => (s["$schema"] = "http://json-schema.org/draft-04/schema#"), pointer: "/$schema", says: /unsupported \$schema/ },
    { rule: "not a valid JSON Schema", mutate: (s) => (s["$defs"].InboxId.minLength = -1), pointer: "/$defs/InboxId/minLength", says: /not a valid JSON Schema/ },
    { rule: "no discriminator", mutate: (s) => delete s["discriminator"], pointer: "", says: /discriminator/ },
    { rule: "a branch without a const messageType", mutate: (s) => delete s["$defs"].InboxMessageNew.properties.messageType.const, pointer: "/$defs/InboxMessageNew", says: /does not pin "messageType"/ },
    { rule: "a branch that does not require messageType", mutate: (s) => (s["$defs"].StatusChange.required = ["activationId"]), pointer: "/$defs/StatusChange", says: /does not pin/ },
    { rule: "two branches with one messageType", mutate: (s) => (s["$defs"].StatusChange.properties.messageType.const = "mtoken.operationInit"), pointer: "/$defs/StatusChange", says: /used by \/\$defs\/OperationInit too/ },
    { rule: "a field that is not a string", mutate: (s) => (s["$defs"].InboxId.type = "integer"), pointer: "/$defs/InboxMessageNew/properties/inboxId", says: /field type is "integer"/ },
    { rule: "a field without description", mutate: (s) => delete s["$defs"].InboxId.description, pointer: "/$defs/InboxMessageNew/properties/inboxId", says: /missing "description"/ },
    { rule: "a message without description", mutate: (s) => delete s["$defs"].StatusChange.description, pointer: "/$defs/StatusChange", says: /missing "description"/ },
    { rule: "a messageType without description", mutate: (s) => delete s["$defs"].StatusChange.properties.messageType.description, pointer: "/$defs/StatusChange/properties/messageType", says: /missing "description"/ },
    { rule: "an enum value without description", mutate: (s) => delete s["$defs"].OperationResult["x-enumDescriptions"]["operation.timeout"], pointer: "/$defs/OperationResult/x-enumDescriptions/operation.timeout", says: /"operation.timeout" has no description/ },
    { rule: "an enum of non-strings", mutate: (s) => s["$defs"].OperationResult.enum.push(7), pointer: "/$defs/OperationResult/enum", says: /must list strings/ },
    { rule: "a group that does not exist", mutate: (s) => (s["$defs"].InboxMessageNew["x-group"] = "mailbox"), pointer: "/$defs/InboxMessageNew", says: /"mailbox" is not a group id/ },
    { rule: "no groups", mutate: (s) => delete s["x-groups"], pointer: "/x-groups", says: /missing "x-groups"/ },
    { rule: "a branch without examples", mutate: (s) => delete s["$defs"].InboxMessageNew.examples, pointer: "/$defs/InboxMessageNew", says: /no "examples"/ },
    { rule: "an example that fails validation", mutate: (s) => (s["$defs"].OperationInit.examples[1].operationId = "not-a-uuid"), pointer: "/$defs/OperationInit/examples/1", says: /example does not validate: \/operationId must match pattern/ },
    { rule: "an example of another message type", mutate: (s) => (s["$defs"].StatusChange.examples[0] = { messageType: "mtoken.inboxMessage.new", inboxId: "x" }), pointer: "/$defs/StatusChange/examples/0", says: /another message type/ },
    { rule: "x-tolerantOptional naming a key that is not required", mutate: (s) => (s["$defs"].InboxMessageNew["x-tolerantOptional"] = ["nope"]), pointer: "/$defs/InboxMessageNew/x-tolerantOptional", says: /"nope"/ },
    { rule: "a required key without a property", mutate: (s) => s["$defs"].InboxMessageNew.required.push("ghost"), pointer: "/$defs/InboxMessageNew/required", says: /"ghost" has no entry/ },
    { rule: "a required field that may be empty", mutate: (s) => delete s["$defs"].InboxId.minLength, pointer: "/$defs/InboxMessageNew/properties/inboxId", says: /"minLength": 1/ },
    { rule: "an unresolvable $ref", mutate: (s) => (s["$defs"].InboxMessageNew.properties.inboxId.$ref = "#/$defs/Nowhere"), pointer: "/$defs/InboxMessageNew/properties/inboxId", says: /Nowhere/ },
  ];

  for (const { rule, mutate, pointer, says } of broken) {
    it(`reports ${rule} at ${pointer || "the root"}`, () => {
      const document = spec();
      mutate(document);
      const problems = problemsOf(document);
      expect(problems.length, "a problem is reported").toBeGreaterThan(0);
      const match = problems.find((p) => p.pointer === pointer && says.test(p.message));
      expect(match, JSON.stringify(problems, null, 1)).toBeDefined();
      expect(match!.file).toBe("broken.json");
    });
  }

  it("reports every problem of a spec in one run", () => {
    const document = spec();
    delete document["$defs"].InboxId.description;
    delete document["$defs"].StatusChange.title;
    expect(problemsOf(document).length).toBeGreaterThanOrEqual(2);
  });

  it(`takes strings of up to ${MAX_TEXT_LENGTH} characters, keys too, and names each longer one with its pointer`, () => {
    const atLimit = "x".repeat(MAX_TEXT_LENGTH);
    const fine = spec();
    fine["$defs"].InboxId.description = atLimit;
    fine["$defs"].InboxId[`x-${"k".repeat(MAX_TEXT_LENGTH - 2)}`] = "an annotation of another tool";
    expect(problemsOf(fine)).toEqual([]);
    const tooLong = spec();
    tooLong["$defs"].InboxId.description = `${atLimit}.`;
    tooLong.examples = [{ note: `${atLimit}!` }];
    tooLong["$defs"].InboxId[`x-${"k".repeat(MAX_TEXT_LENGTH)}`] = "a key too long";
    // In document order: the root's `examples` were added after its `$defs`.
    expect(problemsOf(tooLong).map((p) => `${p.pointer}: ${p.message.split(";")[0]}`)).toEqual([
      `/$defs/InboxId: a key of ${MAX_TEXT_LENGTH + 2} characters`,
      `/$defs/InboxId/description: a string of ${MAX_TEXT_LENGTH + 1} characters`,
      `/examples/0/note: a string of ${MAX_TEXT_LENGTH + 1} characters`,
    ]);
    // The fixture that every compiler runs on holds strings of exactly this length.
    const longText = JSON.parse(readFileSync("test/fixtures/long-text/push-extras.schema.json", "utf8")) as Json;
    expect(longText["description"]).toHaveLength(MAX_TEXT_LENGTH);
  });

  it("does not modify the spec it checks", () => {
    const document = spec();
    const before = JSON.stringify(document);
    buildModel(check({ path: SPEC_PATH, text: "", document }));
    expect(JSON.stringify(document)).toBe(before);
  });
});
