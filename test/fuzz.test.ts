/**
 * Adversarial payloads through the generated TypeScript validator and tolerant parser: deep
 * nesting, huge arrays, 10^5 keys, 1 MB strings, getters and proxies that throw, frozen and
 * null-prototype objects, Symbol keys and `__proto__` own keys. A push payload is untrusted input
 * to code on millions of phones: no exception may escape, nothing may be written to the input or
 * to Object.prototype, and whatever the strict validator accepts the tolerant parser must read.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Message, PushExtrasModel } from "../generator/model.js";
import { generate } from "../generator/pipeline.js";
import { typeName } from "../generator/targets/typescript/naming.js";
import { compileTypeScript, loadGenerated, writeFiles, type GeneratedModule } from "./reliability/generated.js";

const SPEC = "spec/push-extras.schema.json";

let work: string;
let api: GeneratedModule;
let model: PushExtrasModel;
/** `validate<TypeName>` of every message, by name. */
let messageValidators: [string, (value: unknown) => unknown][];
const prototypeBefore = snapshotPrototype();

function snapshotPrototype(): string[] {
  return Reflect.ownKeys(Object.prototype).map((k) => {
    const d = Object.getOwnPropertyDescriptor(Object.prototype, k)!;
    return `${String(k)}:${typeof d.value}:${typeof d.get}:${d.writable}:${d.enumerable}:${d.configurable}`;
  });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "push-extras-fuzz-"));
  const result = await generate({ specPath: SPEC, targets: ["typescript", "validators"] });
  model = result.model;
  writeFiles(work, result.files);
  const compiled = compileTypeScript(work);
  if (compiled.status !== 0) throw new Error(`the generated TypeScript does not compile:\n${compiled.output}`);
  api = await loadGenerated(work);
  messageValidators = model.messages.map((m) => {
    const name = `validate${typeName(m.name)}`;
    const validate = api[name];
    if (typeof validate !== "function") throw new Error(`the generated module has no function ${name}`);
    return [name, validate as (value: unknown) => unknown];
  });
});
afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

interface Verdict {
  readonly kind: string;
  readonly valid: boolean;
}

/**
 * Runs both readers (and every per-message validator) on one input and fails on anything a caller could not survive: an exception,
 * a result outside the contract, or a payload the strict reading accepts and the tolerant one does not.
 */
function readBoth(input: unknown, label: string, { agree = true } = {}): Verdict {
  let parsed: unknown;
  try {
    parsed = api.parsePushExtras(input);
  } catch (error) {
    throw new Error(`${label}: parsePushExtras threw ${String(error)}`);
  }
  let valid: unknown;
  try {
    valid = api.validatePushExtras(input);
    void api.validatePushExtras.errors;
  } catch (error) {
    throw new Error(`${label}: validatePushExtras threw ${String(error)}`);
  }
  expect(typeof valid, `${label}: the validator returns a boolean`).toBe("boolean");
  for (const [name, validateOne] of messageValidators) {
    let one: unknown;
    try {
      one = validateOne(input);
    } catch (error) {
      throw new Error(`${label}: ${name} threw ${String(error)}`);
    }
    expect(typeof one, `${label}: ${name} returns a boolean`).toBe("boolean");
    if (agree && one === true) expect(valid, `${label}: ${name} accepts it, so validatePushExtras must`).toBe(true);
  }
  const result = parsed as { kind?: unknown; reason?: unknown; message?: { messageType?: unknown }; messageType?: unknown };
  expect(["message", "unknown", "invalid"], `${label}: result kind`).toContain(result.kind);
  if (result.kind === "invalid") expect(typeof result.reason === "string" && result.reason !== "", `${label}: a reason`).toBe(true);
  if (result.kind === "unknown") expect(typeof result.messageType, `${label}: the raw type`).toBe("string");
  if (result.kind === "message") expect(typeof result.message?.messageType, `${label}: the message type`).toBe("string");
  if (agree && valid === true) expect(result.kind, `${label}: the strict reading accepts it, so the tolerant one must read it`).toBe("message");
  return { kind: result.kind as string, valid: valid as boolean };
}

/** A copy of the first example of each message: payloads both readings accept. */
function examples(): Record<string, string>[] {
  return model.messages.map((m) => ({ ...m.examples[0]! }));
}

function requiredKeys(message: Message): string[] {
  return [model.discriminator.key, ...message.fields.filter((f) => f.tolerantRequired).map((f) => f.key)];
}

function deep(levels: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = wrap(value);
  return value;
}

const throwingProxy = (): object =>
  new Proxy(
    {},
    Object.fromEntries(
      ["get", "has", "ownKeys", "getOwnPropertyDescriptor", "getPrototypeOf", "setPrototypeOf", "isExtensible", "preventExtensions", "defineProperty", "deleteProperty", "set", "apply", "construct"].map((trap) => [
        trap,
        () => {
          throw new Error(`trap ${trap}`);
        },
      ]),
    ),
  );

describe("the generated validator and parser on adversarial payloads", () => {
  it("the documented examples are read by both (the baseline the shapes below distort)", () => {
    for (const example of examples()) expect(readBoth(example, JSON.stringify(example))).toEqual({ kind: "message", valid: true });
  });

  it("deep nesting, 10^4 and 10^5 levels, in an unknown key, in aps, in a field and as the payload", () => {
    for (const levels of [10_000, 100_000]) {
      for (const example of examples()) {
        const nestedObject = deep(levels, "x", (inner) => ({ a: inner }));
        const nestedArray = deep(levels, "x", (inner) => [inner]);
        expect(readBoth({ ...example, extra: nestedObject }, `${levels} objects beside the message`)).toEqual({ kind: "message", valid: true });
        expect(readBoth({ ...example, aps: nestedArray }, `${levels} arrays as aps`).kind).toBe("message");
        for (const key of requiredKeys(model.messages.find((m) => m.wireType === example[model.discriminator.key])!)) {
          expect(readBoth({ ...example, [key]: nestedObject }, `${levels} levels as ${key}`)).toMatchObject({ kind: "invalid", valid: false });
        }
      }
      readBoth(deep(levels, {}, (inner) => ({ [model.discriminator.key]: inner, aps: inner })), `${levels} levels as the payload`);
      readBoth(deep(levels, [], (inner) => [inner]), `${levels} nested arrays as the payload`);
    }
  });

  it("huge arrays as the payload, as a field and as aps", () => {
    const huge = new Array(1_000_000).fill("x");
    const sparse: unknown[] = [];
    sparse[4_294_967_294] = "x";
    expect(readBoth(huge, "an array of 10^6")).toEqual({ kind: "invalid", valid: false });
    expect(readBoth(sparse, "a sparse array of length 2^32-1")).toEqual({ kind: "invalid", valid: false });
    for (const example of examples()) {
      expect(readBoth({ ...example, aps: huge }, "10^6 items as aps").kind).toBe("message");
      expect(readBoth({ ...example, [model.discriminator.key]: huge }, "10^6 items as the type")).toEqual({ kind: "invalid", valid: false });
    }
  });

  it("10^5 keys beside the message, in aps, and 10^5 keys with no message type", () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 100_000; i++) many[`key${i}`] = `value${i}`;
    for (const example of examples()) {
      expect(readBoth({ ...many, ...example }, "10^5 keys and a message")).toEqual({ kind: "message", valid: true });
      expect(readBoth({ ...example, aps: many }, "10^5 keys in aps")).toEqual({ kind: "message", valid: true });
    }
    expect(readBoth(many, "10^5 keys and no type")).toEqual({ kind: "invalid", valid: false });
  });

  it("1 MB strings as values, as the type and as keys", () => {
    const mega = "a".repeat(1 << 20);
    const megaUnicode = "\u{1F600}\u2028\u0000".repeat(1 << 17);
    for (const example of examples()) {
      const message = model.messages.find((m) => m.wireType === example[model.discriminator.key])!;
      for (const field of message.fields) {
        for (const big of [mega, megaUnicode]) {
          const verdict = readBoth({ ...example, [field.key]: big }, `1 MB as ${field.key}`);
          // Any non-empty string is read by the tolerant parser; formats are the validator's business.
          expect(verdict.kind).toBe("message");
        }
      }
      expect(readBoth({ ...example, [mega]: mega }, "a 1 MB key")).toEqual({ kind: "message", valid: true });
    }
    expect(readBoth({ [model.discriminator.key]: mega }, "a 1 MB type")).toEqual({ kind: "unknown", valid: false });
  });

  it("getters that throw, on every key of every message, on aps and on unknown keys", () => {
    for (const example of examples()) {
      const keys = [...Object.keys(example), "aps", "unrelated"];
      for (const key of keys) {
        const payload: Record<string, unknown> = { ...example };
        Object.defineProperty(payload, key, {
          enumerable: true,
          get() {
            throw new Error(`getter ${key}`);
          },
        });
        readBoth(payload, `a throwing getter on ${key}`);
      }
      readBoth({ aps: Object.defineProperty({}, model.discriminator.key, { enumerable: true, get: () => { throw new Error("nested getter"); } }) }, "a throwing getter inside aps");
    }
  });

  it("getters that give a different value on every read", () => {
    for (const example of examples()) {
      for (const key of Object.keys(example)) {
        let reads = 0;
        const payload: Record<string, unknown> = { ...example };
        Object.defineProperty(payload, key, { enumerable: true, get: () => (reads++ % 2 === 0 ? example[key] : 42) });
        // The two readers may see different values here, so only survival is checked.
        readBoth(payload, `a flip-flopping getter on ${key}`, { agree: false });
      }
    }
  });

  it("proxies whose every trap throws, as the payload, as aps and as a value; revoked proxies", () => {
    expect(readBoth(throwingProxy(), "a throwing proxy").valid).toBe(false);
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    expect(readBoth(revocable.proxy, "a revoked proxy").valid).toBe(false);
    for (const example of examples()) {
      readBoth({ ...example, aps: throwingProxy() }, "a throwing proxy as aps");
      readBoth({ ...example, aps: revocable.proxy }, "a revoked proxy as aps");
      for (const key of Object.keys(example)) readBoth({ ...example, [key]: throwingProxy() }, `a throwing proxy as ${key}`);
      // A proxy that behaves like the message: readers must not depend on it being a plain object.
      expect(readBoth(new Proxy({ ...example }, {}), "a transparent proxy")).toEqual({ kind: "message", valid: true });
    }
  });

  it("frozen, sealed and non-extensible payloads are read without being written to", () => {
    for (const example of examples()) {
      for (const lock of [Object.freeze, Object.seal, Object.preventExtensions]) {
        const payload = lock({ ...example, aps: lock({ note: "x" }) });
        const before = JSON.stringify(payload);
        expect(readBoth(payload, `${lock.name} payload`)).toEqual({ kind: "message", valid: true });
        expect(JSON.stringify(payload)).toBe(before);
      }
    }
  });

  it("objects with a null prototype are read like plain ones", () => {
    for (const example of examples()) {
      const bare = Object.assign(Object.create(null) as Record<string, unknown>, example);
      expect(readBoth(bare, "a null-prototype payload")).toEqual({ kind: "message", valid: true });
      const inAps = Object.assign(Object.create(null) as Record<string, unknown>, { aps: Object.assign(Object.create(null) as object, example) });
      expect(readBoth(inAps, "a null-prototype aps").kind).toBe("message");
    }
  });

  it("Symbol keys are passed over; a Symbol named like a key is not that key", () => {
    for (const example of examples()) {
      const payload: Record<string | symbol, unknown> = { ...example, [Symbol("x")]: "y", [Symbol.toPrimitive]: () => { throw new Error("toPrimitive"); } };
      expect(readBoth(payload, "Symbol keys beside a message")).toEqual({ kind: "message", valid: true });
      const symbolsOnly = Object.fromEntries(Object.entries(example).map(([k, v]) => [Symbol.for(k), v]));
      expect(readBoth(symbolsOnly, "only Symbol keys")).toEqual({ kind: "invalid", valid: false });
    }
  });

  it("__proto__ own keys from JSON.parse are data, never a prototype, and nothing leaks into Object.prototype", () => {
    for (const example of examples()) {
      const hidden = JSON.parse(`{"__proto__": ${JSON.stringify(example)}}`) as object;
      expect(readBoth(hidden, "a message under an own __proto__ key")).toEqual({ kind: "invalid", valid: false });
      const polluting = JSON.parse(`{"__proto__": {"polluted": "yes"}, "aps": {"__proto__": {"polluted": "yes"}}, ${JSON.stringify(example).slice(1)}`) as object;
      expect(readBoth(polluting, "a message with __proto__ keys").kind).toBe("message");
      const inApsOnly = JSON.parse(`{"${model.discriminator.key}": ${JSON.stringify(example[model.discriminator.key])}, "aps": {"__proto__": ${JSON.stringify(example)}}}`) as object;
      readBoth(inApsOnly, "the fields under aps.__proto__");
    }
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("inherited keys are not the payload's own: a message on the prototype chain is not read as valid", () => {
    for (const example of examples()) {
      const inheriting = Object.create(example) as object;
      readBoth(inheriting, "a message inherited from the prototype");
      class Extras {
        constructor(values: Record<string, string>) {
          Object.assign(this, values);
        }
      }
      expect(readBoth(new Extras(example), "a class instance with own keys")).toEqual({ kind: "message", valid: true });
    }
  });

  it("a polluted Object.prototype does not fill in a missing key for either reader", () => {
    for (const message of model.messages) {
      for (const field of message.fields.filter((f) => f.required)) {
        const example = { ...message.examples[0]! };
        const value = example[field.key] ?? "polluted";
        delete example[field.key];
        // Another library's prototype pollution puts the key on every object.
        Object.defineProperty(Object.prototype, field.key, { value, configurable: true, writable: true, enumerable: true });
        try {
          const label = `${field.key} only on Object.prototype`;
          const verdict = readBoth(example, label);
          expect(verdict.valid, label).toBe(false);
          const parsed = api.parsePushExtras(example) as { kind: string; message?: Record<string, unknown> };
          if (field.tolerantRequired) expect(parsed.kind, label).toBe("invalid");
          else expect(Object.getOwnPropertyDescriptor(parsed.message, field.key)?.value, label).toBeUndefined();
        } finally {
          delete (Object.prototype as Record<string, unknown>)[field.key];
        }
      }
    }
  });

  it("values that are not plain data: boxed strings, functions, Maps, Dates, BigInts", () => {
    const key = model.discriminator.key;
    const first = examples()[0]!;
    const odd: unknown[] = [
      undefined, null, 0, -0, NaN, 1n, "", "x", true, Symbol("s"), () => 1, new Date(NaN), new Map(Object.entries(first)), new Set([first]),
      new String(JSON.stringify(first)), new Uint8Array(8), Object.assign(() => 1, first), Object.assign([], first),
    ];
    for (const value of odd) {
      readBoth(value, `the payload ${String(typeof value)}`);
      const verdict = readBoth({ ...first, [key]: value }, `the type as ${typeof value}`);
      expect(verdict.valid).toBe(false);
      expect(verdict.kind).not.toBe("message");
    }
    expect(readBoth({ ...first, [key]: new String(first[key]) }, "a boxed type string")).toMatchObject({ valid: false });
  });

  it("random values of every JavaScript shape, alone and mixed into real messages", () => {
    const keys = model.keys.map((k) => k.key);
    const value = fc.anything({
      key: fc.oneof(fc.constantFrom(...keys, "aps", "__proto__", "constructor"), fc.string()),
      maxDepth: 4,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withNullPrototype: true,
      withObjectString: true,
      withSet: true,
      withSparseArray: true,
      withTypedArray: true,
      stringUnit: "binary",
    });
    const payloads = fc.oneof(
      value,
      fc.tuple(fc.constantFrom(...examples()), fc.dictionary(fc.constantFrom(...keys, "aps"), value)).map(([example, noise]) => ({ ...example, ...noise })),
    );
    fc.assert(
      fc.property(payloads, (payload) => {
        readBoth(payload, "a random payload");
      }),
      { numRuns: 5_000 },
    );
  });

  it("leaves Object.prototype exactly as it was", () => {
    expect(snapshotPrototype()).toEqual(prototypeBefore);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
