/**
 * The fast path of the validators (generator/targets/validators/fast-path-*.ts). It decides every
 * payload, so it must say exactly what AJV compiled at run time says: checked on near-valid payloads
 * (a valid message with one thing slightly wrong, also inherited, behind a proxy or without a
 * prototype) for the real spec and the hostile fixtures, by loading the emitted function itself.
 * AJV's code then only writes the errors of a refused payload, when they are read. A spec with a
 * keyword the fast path does not implement gets none, and validates as AJV does.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createStrictAjv } from "../generator/ajv.js";
import type { Message, PushExtrasModel } from "../generator/model.js";
import { defaultTargetOptions } from "../generator/model.js";
import { generate } from "../generator/pipeline.js";
import { emitValidators } from "../generator/targets/validators/index.js";
import { FAST_PATH_FUNCTION } from "../generator/targets/validators/fast-path-code.js";
import { planFastPath } from "../generator/targets/validators/fast-path-plan.js";
import { OPTIMIZED_BRANCH_LIMIT } from "../generator/strict-validator.js";
import { validationSchema } from "../generator/validation-schema.js";
import { syntheticSpec } from "./bench/synthetic-spec.js";
import { writeSpecVariant } from "./spec-variant.js";

const ROOT = resolve(import.meta.dirname, "..");
const SPEC = join(ROOT, "spec", "push-extras.schema.json");
const FIXTURES = ["comment-terminator", "quotes-backslash-dollar", "keyword-names", "non-ascii", "markup", "redos-pattern"];

const work = mkdtempSync(join(tmpdir(), "push-extras-fast-path-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Check = (value: unknown) => boolean;
type Validator = Check & { errors?: { keyword: string; instancePath: string; message?: string }[] | null };
type Spec = Record<string, any>;

interface Loaded {
  readonly model: PushExtrasModel;
  readonly code: string;
  /** The emitted fast path itself, or null when the module has none. */
  readonly fast: Check | null;
  readonly validate: Validator;
  /** AJV compiled at run time from the spec's schema: the reference. */
  readonly runtime: Validator;
}

let loads = 0;
async function load(specPath: string): Promise<Loaded> {
  const { model, files } = await generate({ specPath, targets: ["validators"] });
  const code = files.find((f) => f.path === "ts/validators.js")!.contents;
  const hasFastPath = code.includes(`function ${FAST_PATH_FUNCTION}(`);
  const path = join(work, `validators-${loads++}.mjs`);
  // The module as emitted, plus an export of the fast path so that it can be called on its own.
  writeFileSync(path, hasFastPath ? `${code}\nexport { ${FAST_PATH_FUNCTION} as fastPathUnderTest };\n` : code);
  const module = (await import(pathToFileURL(path).href)) as Record<string, Validator>;
  return { model, code, fast: module["fastPathUnderTest"] ?? null, validate: module["validatePushExtras"]!, runtime: createStrictAjv().compile(model.schema as object) as Validator };
}


/** An own, enumerable property even for `__proto__`, as JSON.parse makes it. */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

interface NearValid {
  readonly payload: unknown;
  /** Whether JSON could carry it (own data properties only, plain or null prototype, no proxy). */
  readonly jsonLike: boolean;
}

/**
 * A valid example of a message with one thing changed at most: a value slightly off (one character
 * more, less or in another case, empty, another field's or message's value, a non-string), a key
 * deleted or inherited instead of own, or the payload wrapped in a proxy or rebuilt without prototype.
 */
function nearValid(model: PushExtrasModel): fc.Arbitrary<NearValid> {
  const tagKey = model.discriminator.key;
  const keys = [...new Set([tagKey, ...model.keys.map((k) => k.key), "aps", "from"])];
  const strings = [...new Set(model.messages.flatMap((m) => [m.wireType, ...m.examples.flatMap((e) => Object.values(e))]).concat(model.enums.flatMap((e) => e.values.map((v) => v.wire))))];
  const slightly = (value: string) => [
    "", `${value}x`, `x${value}`, value.slice(1), value.slice(0, -1), value.toUpperCase(), value.toLowerCase(), ` ${value}`, `${value}\n`,
    `${value}.next`, value.replace(/./u, "😀"), value.replace(/[0-9a-f]/, "g"), "\ud800", "😀",
  ];
  const change = fc.oneof(
    { weight: 6, arbitrary: fc.constant({ kind: "none" as const }) },
    { weight: 6, arbitrary: fc.record({ kind: fc.constant("set" as const), key: fc.constantFrom(...keys), pick: fc.nat(), asString: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("other" as const), key: fc.constantFrom(...keys), value: fc.constantFrom<unknown>(42, 0, null, true, ["x"], { value: "x" }, undefined, ...strings) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom("delete" as const, "inherit" as const), key: fc.constantFrom(...keys) }) },
  );
  const shape = fc.constantFrom("plain", "plain", "plain", "json", "null-prototype", "proxy", "array");
  return fc
    .record({ message: fc.constantFrom(...model.messages), example: fc.nat(), dropOptional: fc.boolean(), change, shape })
    .map(({ message, example, dropOptional, change, shape }) => {
      const base = { ...exampleOf(message, example) };
      if (dropOptional) for (const field of message.fields.filter((f) => !f.required)) delete base[field.key];
      const payload: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(base)) put(payload, key, value);
      let proto: Record<string, unknown> | null = null;
      if (change.kind === "set") {
        const current = typeof payload[change.key] === "string" ? (payload[change.key] as string) : strings[change.pick % strings.length]!;
        const variants = change.asString ? slightly(current) : strings;
        put(payload, change.key, variants[change.pick % variants.length]);
      } else if (change.kind === "other") {
        put(payload, change.key, change.value);
      } else if (change.kind === "delete" || change.kind === "inherit") {
        const value = Object.hasOwn(payload, change.key) ? payload[change.key] : strings[0];
        delete payload[change.key];
        if (change.kind === "inherit") proto = { [change.key]: value };
      }
      if (proto !== null) return { payload: Object.setPrototypeOf(payload, proto), jsonLike: false };
      switch (shape) {
        case "json":
          return { payload: JSON.parse(JSON.stringify(payload)), jsonLike: true };
        case "null-prototype":
          return { payload: Object.setPrototypeOf(payload, null), jsonLike: true };
        case "proxy":
          return { payload: new Proxy(payload, {}), jsonLike: false };
        case "array":
          return { payload: [payload], jsonLike: true };
        default:
          return { payload, jsonLike: true };
      }
    });
}

function exampleOf(message: Message, index: number): Record<string, string> {
  return message.examples[index % message.examples.length]!;
}

/**
 * Fast path against AJV at run time: the same verdict on every payload, and the module as a whole
 * too, with errors null after every accepted payload and AJV's one error after a refused one.
 */
function expectFastPathAgrees(loaded: Loaded, numRuns: number): void {
  const { fast, validate, runtime } = loaded;
  if (fast === null) throw new Error("the module has no fast path");
  const seen = { accepted: 0, declined: 0 };
  fc.assert(
    fc.property(nearValid(loaded.model), ({ payload }) => {
      const expected = runtime(payload);
      const accepted = fast(payload);
      expect(accepted, "the fast path and AJV disagree").toBe(expected);
      seen[accepted ? "accepted" : "declined"]++;
      expect(validate(payload)).toBe(expected);
      if (expected) expect(validate.errors).toBeNull();
      else expect(validate.errors).toEqual([expect.objectContaining({ keyword: runtime.errors![0]!.keyword, instancePath: runtime.errors![0]!.instancePath })]);
    }),
    { numRuns, seed: 20261204 },
  );
  // Both answers are common, so both sides of every clause were exercised.
  expect(seen.accepted).toBeGreaterThan(numRuns / 10);
  expect(seen.declined).toBeGreaterThan(numRuns / 10);
}

describe("the fast path", () => {
  it("is emitted for the real spec and agrees with AJV at run time on near-valid payloads", async () => {
    const loaded = await load(SPEC);
    expect(loaded.fast).not.toBeNull();
    expectFastPathAgrees(loaded, 4000);
  });

  it.each(FIXTURES)("is emitted for the %s fixture and agrees with AJV at run time there", async (fixture) => {
    const loaded = await load(join(ROOT, "test", "fixtures", fixture, "push-extras.schema.json"));
    expect(loaded.fast).not.toBeNull();
    expectFastPathAgrees(loaded, 800);
  });

  it(`agrees with AJV at run time on a spec of ${OPTIMIZED_BRANCH_LIMIT + 1} message types, whose AJV code goes unoptimized`, async () => {
    const specPath = join(work, "many-types.schema.json");
    writeFileSync(specPath, JSON.stringify(syntheticSpec(OPTIMIZED_BRANCH_LIMIT + 1)));
    const loaded = await load(specPath);
    expect(loaded.model.messages).toHaveLength(OPTIMIZED_BRANCH_LIMIT + 1);
    // The pass would have dropped the empty first branch AJV writes before the discriminator's.
    expect(loaded.code).toContain("if(false){\n}\nelse if(");
    expectFastPathAgrees(loaded, 2000);
  });

  it("leaves errors null after a fast accept, as AJV does after a success", async () => {
    const { model, validate, fast } = await load(SPEC);
    for (const message of model.messages) {
      expect(validate({ [model.discriminator.key]: message.wireType })).toBe(false);
      expect(validate.errors).toHaveLength(1);
      const payload = structuredClone(message.examples[0]!);
      expect(fast!(payload)).toBe(true);
      expect(validate(payload)).toBe(true);
      expect(validate.errors).toBeNull();
    }
  });

  it("proves ownership once for a JSON payload, and asks key by key, as AJV does, when the prototype could lend a key", async () => {
    const { model, fast, runtime } = await load(SPEC);
    const agree = (payload: unknown, expected: boolean, label: string) => {
      expect(runtime(payload), `AJV: ${label}`).toBe(expected);
      expect(fast!(payload), `fast path: ${label}`).toBe(expected);
    };
    const tagKey = model.discriminator.key;
    for (const message of model.messages) {
      const example = message.examples[0]!;
      const { [tagKey]: tag, ...withoutTag } = example;
      agree(JSON.parse(JSON.stringify(example)), true, `${message.wireType} as JSON`);
      // Another library pollutes Object.prototype: with the message type it lends, and with a key
      // of no message, which must not cost a payload its own keys.
      for (const [key, value] of [[tagKey, tag], ["polluted", "yes"]] as const) {
        Object.defineProperty(Object.prototype, key, { value, configurable: true, writable: true, enumerable: true });
        try {
          agree(JSON.parse(JSON.stringify(example)), true, `${message.wireType} with ${key} on Object.prototype`);
          agree(JSON.parse(JSON.stringify(withoutTag)), false, `${message.wireType} lacking ${tagKey}, with ${key} on Object.prototype`);
        } finally {
          delete (Object.prototype as Record<string, unknown>)[key];
        }
      }
      // AJV never asks a proxy for its prototype: a trap that throws there changes nothing.
      const prototypeTrapThrows = new Proxy({ ...example }, { getPrototypeOf: () => { throw new Error("getPrototypeOf"); } });
      agree(prototypeTrapThrows, true, `${message.wireType} behind a proxy whose getPrototypeOf throws`);
      agree(Object.assign(Object.create({ [tagKey]: tag }), withoutTag), false, `${message.wireType} lending ${tagKey} from its prototype`);
    }
  });

  it("counts lengths in code points as AJV does, counting only what the UTF-16 length leaves open", async () => {
    const specPath = writeSpecVariant(work, "code-point-lengths", (spec) => {
      spec["$defs"]["InboxId"]["minLength"] = 2;
      spec["$defs"]["InboxId"]["maxLength"] = 20;
    });
    const loaded = await load(specPath);
    expect(loaded.code).toContain("function ucs2length(");
    const inbox = (inboxId: string) => ({ messageType: "mtoken.inboxMessage.new", inboxId });
    // [value, AJV's verdict]: an emoji is one code point in two UTF-16 units.
    const cases = [
      ["ab", true], ["abc", true], ["x".repeat(20), true], ["x".repeat(21), false], ["a", false],
      ["😀😀", true], ["😀", false], ["😀".repeat(10), true], ["😀".repeat(11), true], ["😀".repeat(21), false], ["\ud800\udc00", false],
    ] as const;
    for (const [value, valid] of cases) {
      expect([value, loaded.runtime(inbox(value)), loaded.fast!(inbox(value)), loaded.validate(inbox(value))]).toEqual([value, valid, valid, valid]);
    }
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("\ud800", "\udc00", "😀", "a"), maxLength: 24 }), (value) => {
        expect(loaded.fast!(inbox(value))).toBe(loaded.runtime(inbox(value)));
        expect(loaded.validate(inbox(value))).toBe(loaded.runtime(inbox(value)));
      }),
      { numRuns: 1000, seed: 11 },
    );
    expectFastPathAgrees(loaded, 800);
  });

  it("lets a value that no keyword restricts to strings be anything but a string that breaks a rule, as AJV does", async () => {
    // The spec check wants every field typed, so the schema is edited after it, in the model.
    const { model } = await generate({ specPath: SPEC, targets: [] });
    const schema = structuredClone(model.schema) as Spec;
    schema["$defs"]["InboxId"] = { minLength: 2, pattern: "^i" };
    const edited = { ...model, schema };
    const code = emitValidators(edited, defaultTargetOptions).find((f) => f.path === "ts/validators.js")!.contents;
    const path = join(work, `validators-${loads++}.mjs`);
    writeFileSync(path, `${code}\nexport { ${FAST_PATH_FUNCTION} as fastPathUnderTest };\n`);
    const fast = ((await import(pathToFileURL(path).href)) as Record<string, Check>)["fastPathUnderTest"]!;
    const runtime = createStrictAjv().compile(schema);
    const inbox = (inboxId: unknown) => ({ messageType: "mtoken.inboxMessage.new", inboxId });
    const verdicts = [42, null, true, {}, ["x"], "i1", "x1", "i"].map((value) => [value, fast(inbox(value))]);
    expect(verdicts).toEqual(verdicts.map(([value]) => [value, runtime(inbox(value))]));
    expect(verdicts.filter(([, valid]) => valid)).toHaveLength(6);
  });
});

describe("the errors of a refused payload", () => {
  it("are AJV's, worked out when first read, and kept until the next call", async () => {
    const { validate, runtime, model } = await load(SPEC);
    const message = model.messages.find((m) => m.fields.some((f) => f.required))!;
    const field = message.fields.find((f) => f.required)!;
    const payload: Record<string, unknown> = { ...message.examples[0]!, [field.key]: 42 };
    expect(validate(payload)).toBe(false);
    expect(runtime(payload)).toBe(false);
    const errors = validate.errors;
    expect(errors).toEqual(runtime.errors!.map((e) => expect.objectContaining({ keyword: e.keyword, instancePath: e.instancePath, message: e.message })));
    expect(validate.errors).toBe(errors);
    expect(validate(message.examples[0]!)).toBe(true);
    expect(validate.errors).toBeNull();
  });

  it("say so when the payload changed between the call and the first read", async () => {
    const { validate, model } = await load(SPEC);
    const message = model.messages[0]!;
    const payload: Record<string, unknown> = { ...message.examples[0]!, [model.discriminator.key]: "mtoken.notYetKnown" };
    expect(validate(payload)).toBe(false);
    payload[model.discriminator.key] = message.wireType;
    expect(validate.errors).toEqual([expect.objectContaining({ keyword: "changed" })]);
  });

  it("can be set, as with AJV, and belong to each validator on its own", async () => {
    const module = await load(SPEC);
    const { validate, model } = module;
    expect(validate(42)).toBe(false);
    validate.errors = null;
    expect(validate.errors).toBeNull();
    expect(validate("not an object")).toBe(false);
    const mjs = join(work, `validators-${loads - 1}.mjs`);
    const validators = (await import(pathToFileURL(mjs).href)) as Record<string, Validator>;
    const other = Object.entries(validators).find(([name]) => name !== "validatePushExtras" && name !== "fastPathUnderTest")![1];
    expect(other(model.messages[0]!.examples[0]!)).toBe(true);
    expect(other.errors).toBeNull();
    expect(validate.errors).toEqual([expect.objectContaining({ keyword: "type" })]);
  });
});

describe("a spec with a keyword the fast path does not implement", () => {
  it("gets no fast path, and its module still validates as AJV does (maxProperties)", async () => {
    const specPath = writeSpecVariant(work, "max-properties", (spec) => {
      spec["$defs"]["InboxMessageNew"]["maxProperties"] = 3;
    });
    const { code, fast, validate, runtime } = await load(specPath);
    expect(fast).toBeNull();
    expect(code).not.toContain(`function ${FAST_PATH_FUNCTION}(`);
    const inbox = (extra: Record<string, string>) => ({ messageType: "mtoken.inboxMessage.new", inboxId: "i", ...extra });
    for (const [payload, valid] of [[inbox({}), true], [inbox({ from: "x" }), true], [inbox({ from: "x", to: "y" }), false]] as const) {
      expect(validate(payload)).toBe(valid);
      expect(runtime(payload)).toBe(valid);
    }
    expect(validate.errors).toEqual([expect.objectContaining({ keyword: "maxProperties" })]);
  });

  const spec = JSON.parse(readFileSync(SPEC, "utf8")) as Spec;
  const variants: [string, (spec: Spec) => void][] = [
    ["format", (s) => (s["$defs"]["InboxId"]["format"] = "email")],
    ["maxProperties", (s) => (s["$defs"]["InboxMessageNew"]["maxProperties"] = 3)],
    ["minProperties", (s) => (s["minProperties"] = 1)],
    ["additionalProperties", (s) => (s["$defs"]["InboxMessageNew"]["additionalProperties"] = false)],
    ["unevaluatedProperties", (s) => (s["$defs"]["InboxMessageNew"]["unevaluatedProperties"] = false)],
    ["patternProperties", (s) => (s["patternProperties"] = { "^x-": { type: "string" } })],
    ["allOf", (s) => (s["$defs"]["InboxId"]["allOf"] = [{ minLength: 2 }])],
    ["not", (s) => (s["$defs"]["InboxId"]["not"] = { const: "x" })],
    ["if", (s) => Object.assign(s["$defs"]["InboxId"], { if: { minLength: 3 }, then: { maxLength: 5 } })],
    ["a keyword in a definition nothing refers to", (s) => (s["$defs"]["Unused"] = { type: "string", format: "uuid" })],
    ["a type list", (s) => (s["$defs"]["InboxId"]["type"] = ["string", "null"])],
    ["a number in an enum", (s) => s["$defs"]["OperationResult"]["enum"].push(1)],
    ["a boolean property schema", (s) => (s["$defs"]["InboxMessageNew"]["properties"]["from"] = false)],
    ["a reference to another document", (s) => (s["$defs"]["InboxMessageNew"]["properties"]["inboxId"] = { $ref: "other.json#/$defs/InboxId" })],
    ["a branch whose message type is an enum", (s) => (s["$defs"]["InboxMessageNew"]["properties"]["messageType"] = { type: "string", enum: ["mtoken.inboxMessage.new"] })],
  ];
  it.each(variants)("plans none for %s", (_name, edit) => {
    const variant = structuredClone(spec);
    edit(variant);
    expect(planFastPath(validationSchema(variant))).toEqual({ unsupported: expect.any(String) });
  });

  it("plans one case per message of the real spec, with every required key", async () => {
    const { model } = await generate({ specPath: SPEC, targets: ["validators"] });
    const result = planFastPath(validationSchema(model.schema));
    if (!("plan" in result)) throw new Error(`no plan: ${result.unsupported}`);
    expect(result.plan.tagKey).toBe(model.discriminator.key);
    expect(result.plan.messages.map((m) => m.tag)).toEqual(model.messages.map((m) => m.wireType));
    for (const [index, message] of model.messages.entries()) {
      const planned = result.plan.messages[index]!.keys;
      expect(planned.filter((k) => k.required).map((k) => k.key).sort()).toEqual(message.fields.filter((f) => f.required).map((f) => f.key).sort());
      expect(planned.map((k) => k.key).sort()).toEqual(message.fields.map((f) => f.key).sort());
      expect(planned.every((k) => k.checks !== null)).toBe(true);
    }
  });
});
