/**
 * The fast accept path in front of AJV (generator/targets/validators/fast-path-*.ts). It may only
 * ever say "valid" where AJV compiled at run time says so too; on payloads that JSON can carry it
 * must also accept every valid one, or it would be slower for nothing. Checked on near-valid
 * payloads (a valid message with one thing slightly wrong) for the real spec and the hostile
 * fixtures, by loading the emitted function itself. A spec with a keyword the fast path does not
 * implement gets none, and validates as AJV does.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createStrictAjv } from "../generator/ajv.js";
import type { Message, PushExtrasModel } from "../generator/model.js";
import { generate } from "../generator/pipeline.js";
import { FAST_PATH_FUNCTION } from "../generator/targets/validators/fast-path-code.js";
import { planFastPath } from "../generator/targets/validators/fast-path-plan.js";
import { validationSchema } from "../generator/targets/validators/validation-schema.js";

const ROOT = resolve(import.meta.dirname, "..");
const SPEC = join(ROOT, "spec", "push-extras.schema.json");
const FIXTURES = ["comment-terminator", "quotes-backslash-dollar", "keyword-names", "non-ascii", "markup", "redos-pattern"];

const work = mkdtempSync(join(tmpdir(), "push-extras-fast-path-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Check = (value: unknown) => boolean;
type Validator = Check & { errors?: unknown[] | null };
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

function writeSpecVariant(name: string, edit: (spec: Spec) => void): string {
  const spec = JSON.parse(readFileSync(SPEC, "utf8")) as Spec;
  edit(spec);
  const path = join(work, `${name}.schema.json`);
  writeFileSync(path, JSON.stringify(spec));
  return path;
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
 * Fast path against AJV at run time: never accepts what AJV refuses, accepts every valid payload
 * JSON can carry (when `complete`), and the module as a whole gives AJV's verdict, with errors
 * null after every accepted payload.
 */
function expectFastPathAgrees(loaded: Loaded, numRuns: number, { complete = true } = {}): void {
  const { fast, validate, runtime } = loaded;
  if (fast === null) throw new Error("the module has no fast path");
  const seen = { accepted: 0, declined: 0 };
  fc.assert(
    fc.property(nearValid(loaded.model), ({ payload, jsonLike }) => {
      const expected = runtime(payload);
      const accepted = fast(payload);
      expect(typeof accepted).toBe("boolean");
      if (accepted) expect(expected, "the fast path accepted what AJV refuses").toBe(true);
      if (complete && jsonLike) expect(accepted, "the fast path declined a valid payload JSON can carry").toBe(expected);
      seen[accepted ? "accepted" : "declined"]++;
      expect(validate(payload)).toBe(expected);
      if (expected) expect(validate.errors).toBeNull();
      else expect(validate.errors).toHaveLength(1);
    }),
    { numRuns, seed: 20261204 },
  );
  // Both answers are common, so both sides of every clause were exercised.
  expect(seen.accepted).toBeGreaterThan(numRuns / 10);
  expect(seen.declined).toBeGreaterThan(numRuns / 10);
}

describe("the fast accept path", () => {
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

  it("proves lengths counted in code points without counting them, and leaves the rest to AJV", async () => {
    const specPath = writeSpecVariant("code-point-lengths", (spec) => {
      spec["$defs"]["InboxId"]["minLength"] = 2;
      spec["$defs"]["InboxId"]["maxLength"] = 20;
    });
    const loaded = await load(specPath);
    const inbox = (inboxId: string) => ({ messageType: "mtoken.inboxMessage.new", inboxId });
    // [value, AJV's verdict, the fast path's]: an emoji is one code point in two UTF-16 units.
    const cases = [
      ["ab", true, false], ["abc", true, true], ["x".repeat(20), true, true], ["x".repeat(21), false, false], ["a", false, false],
      ["😀😀", true, true], ["😀", false, false], ["😀".repeat(10), true, true], ["😀".repeat(11), true, false], ["😀".repeat(21), false, false],
    ] as const;
    for (const [value, valid, fast] of cases) {
      expect([value, loaded.runtime(inbox(value)), loaded.fast!(inbox(value)), loaded.validate(inbox(value))]).toEqual([value, valid, fast, valid]);
    }
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("\ud800", "\udc00", "😀", "a"), maxLength: 24 }), (value) => {
        if (loaded.fast!(inbox(value))) expect(loaded.runtime(inbox(value))).toBe(true);
        expect(loaded.validate(inbox(value))).toBe(loaded.runtime(inbox(value)));
      }),
      { numRuns: 1000, seed: 11 },
    );
    expectFastPathAgrees(loaded, 800, { complete: false });
  });
});

describe("a spec with a keyword the fast path does not implement", () => {
  it("gets no fast path, and its module still validates as AJV does (maxProperties)", async () => {
    const specPath = writeSpecVariant("max-properties", (spec) => {
      spec["$defs"]["InboxMessageNew"]["maxProperties"] = 3;
    });
    const { code, fast, validate, runtime } = await load(specPath);
    expect(fast).toBeNull();
    expect(code).not.toContain(FAST_PATH_FUNCTION);
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
