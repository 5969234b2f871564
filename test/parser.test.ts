/**
 * The generated tolerant parser (`ts/parser.ts`), run rule by rule against the tolerant reading of
 * DOMAIN.md. The parser is generated from the real spec into a temporary folder and imported from
 * there, so these tests exercise exactly the code users get; a few rules are also checked on
 * variants of the spec, to show that they come from the spec and not from the generator.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../generator/pipeline.js";

const SPEC = join(import.meta.dirname, "..", "spec", "push-extras.schema.json");

type ParseResult =
  | { readonly kind: "message"; readonly message: Readonly<Record<string, unknown>> }
  | { readonly kind: "unknown"; readonly messageType: string }
  | { readonly kind: "invalid"; readonly reason: string };
type Parse = (value: unknown) => ParseResult;

const work = mkdtempSync(join(tmpdir(), "push-extras-parser-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Generates the typescript target from a spec (a file or a JSON value) and imports its parser. */
async function parserFor(name: string, spec: string | object = SPEC): Promise<Parse> {
  const dir = join(work, name);
  let specPath = typeof spec === "string" ? spec : join(dir, "spec.json");
  if (typeof spec !== "string") {
    mkdirSync(dir, { recursive: true });
    writeFileSync(specPath, JSON.stringify(spec));
  }
  const { files } = await generate({ specPath, targets: ["typescript"] });
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.contents);
  }
  const module = (await import(pathToFileURL(join(dir, "ts", "parser.ts")).href)) as { parsePushExtras: Parse };
  return module.parsePushExtras;
}

async function realSpec(): Promise<Record<string, any>> {
  return JSON.parse(await readFile(SPEC, "utf8")) as Record<string, any>;
}

const OPERATION_ID = "7f3d2a1e-5b6c-4d8e-9f0a-1b2c3d4e5f60";
const init = { messageType: "mtoken.operationInit", operationId: OPERATION_ID, operationName: "login" };
const finished = { ...init, messageType: "mtoken.operationFinished", mtokenOperationResult: "operation.timeout" };

let parse: Parse;
beforeAll(async () => {
  parse = await parserFor("real");
});

function message(result: ParseResult): Readonly<Record<string, unknown>> {
  if (result.kind !== "message") throw new Error(`expected a message, got ${JSON.stringify(result)}`);
  return result.message;
}

function expectInvalid(result: ParseResult, reasonPart: string): void {
  expect(result.kind).toBe("invalid");
  expect(result.kind === "invalid" ? result.reason : "").toContain(reasonPart);
}

describe("a known messageType with its required fields gives the typed message", () => {
  it("parses every example of the spec into the message with the same values, every field an own property", async () => {
    const spec = await realSpec();
    for (const def of Object.values(spec["$defs"] as Record<string, any>)) {
      for (const example of (def["examples"] ?? []) as Record<string, string>[]) {
        const parsed = message(parse(example));
        const fieldKeys = Object.keys(def["properties"] as object);
        expect(Object.keys(parsed).sort()).toEqual([...fieldKeys].sort());
        for (const key of fieldKeys) {
          const value = parsed[key];
          const received = example[key];
          if (received === undefined) expect(value).toBeUndefined();
          else if (typeof value === "object") expect(value).toEqual({ known: true, value: received, raw: received });
          else expect(value).toBe(received);
        }
      }
    }
  });

  it("keeps an absent optional field as an own property holding undefined", () => {
    const parsed = message(parse(init));
    expect(Object.hasOwn(parsed, "activationId")).toBe(true);
    expect(parsed["activationId"]).toBeUndefined();
  });

  it("does not check formats: an operationId that is not a UUID is kept as it is", () => {
    for (const operationId of ["urn:uuid:" + OPERATION_ID, `{${OPERATION_ID}}`, OPERATION_ID.replace(/-/g, ""), "x"]) {
      expect(message(parse({ ...init, operationId }))["operationId"]).toBe(operationId);
    }
  });

  it("passes over keys that are not the message's own, such as a result on an operationInit or transport keys", () => {
    const parsed = message(parse({ ...init, mtokenOperationResult: "authentication.success", "google.sent_time": "1", from: "123", _notification: "{}" }));
    expect(Object.keys(parsed).sort()).toEqual(["activationId", "messageType", "operationId", "operationName"]);
  });

  it("keeps huge and non-ASCII strings whole", () => {
    const huge = "\u00e9\u{1F600}".repeat(5_000_000);
    const parsed = message(parse({ ...init, operationName: huge, activationId: "\u202e\u2028\ufeff" }));
    expect(parsed["operationName"]).toBe(huge);
    expect(parsed["activationId"]).toBe("\u202e\u2028\ufeff");
  });
});

describe("required fields must be non-empty strings", () => {
  it.each([
    ["missing", undefined, "is missing or not a string"],
    ["a number", 42, "is missing or not a string"],
    ["null", null, "is missing or not a string"],
    ["an object", { value: OPERATION_ID }, "is missing or not a string"],
    ["an array", [OPERATION_ID], "is missing or not a string"],
    ["empty", "", "is an empty string"],
  ])("operationId %s gives invalid with a reason that names the key", (_name, operationId, reason) => {
    const payload: Record<string, unknown> = { ...init, operationId };
    if (operationId === undefined) delete payload["operationId"];
    expectInvalid(parse(payload), `operationId ${reason}`);
  });

  it("applies to enum fields: an operationFinished without a result is invalid", () => {
    const { mtokenOperationResult: _dropped, ...payload } = finished;
    expectInvalid(parse(payload), "mtokenOperationResult is missing");
    expectInvalid(parse({ ...finished, mtokenOperationResult: "" }), "mtokenOperationResult is an empty string");
  });

  it("a whitespace-only value is not empty: it is kept", () => {
    expect(message(parse({ ...init, operationName: " " }))["operationName"]).toBe(" ");
  });
});

describe("an optional field of the wrong type counts as absent", () => {
  it.each([[7], [true], [null], [{}], [["act-1"]]])("activationId %j gives undefined", (activationId) => {
    expect(message(parse({ ...init, activationId }))["activationId"]).toBeUndefined();
  });

  it("an empty optional string is a string: it is kept", () => {
    expect(message(parse({ ...init, activationId: "" }))["activationId"]).toBe("");
  });
});

describe("tolerantRequired: a field the contract requires but the tolerant reading does not", () => {
  it("statusChange without activationId is a message whose activationId is undefined", () => {
    const parsed = message(parse({ messageType: "mtoken.statusChange" }));
    expect(parsed).toEqual({ messageType: "mtoken.statusChange", activationId: undefined });
    expect(Object.hasOwn(parsed, "activationId")).toBe(true);
  });

  it("comes from the spec: without x-tolerantOptional the same payload is invalid", async () => {
    const spec = await realSpec();
    delete spec["$defs"]["StatusChange"]["x-tolerantOptional"];
    const strictParse = await parserFor("no-tolerant-optional", spec);
    expectInvalid(strictParse({ messageType: "mtoken.statusChange" }), "mtoken.statusChange: activationId is missing");
  });
});

describe("enumerated values", () => {
  it("a listed value is known, with value and raw", () => {
    expect(message(parse(finished))["mtokenOperationResult"]).toEqual({ known: true, value: "operation.timeout", raw: "operation.timeout" });
  });

  it.each(["operation.alreadyFailed", "error.unknown", "OPERATION.TIMEOUT", "operation.timeout\n", "toString", "__proto__"])(
    "an unlisted value %j keeps the message, marked unknown with the raw string",
    (raw) => {
      expect(message(parse({ ...finished, mtokenOperationResult: raw }))["mtokenOperationResult"]).toEqual({ known: false, raw });
    },
  );
});

describe("messageType", () => {
  it("an unknown or miscased value gives kind unknown with the raw string", () => {
    for (const raw of ["mtoken.somethingNew", "MTOKEN.OPERATIONINIT", "mtoken.operationinit", " mtoken.operationInit", "constructor", "__proto__"]) {
      expect(parse({ ...init, messageType: raw })).toEqual({ kind: "unknown", messageType: raw });
    }
  });

  it("missing, empty or not a string gives invalid", () => {
    const { messageType: _dropped, ...withoutType } = init;
    expectInvalid(parse(withoutType), "messageType is missing or not a string");
    expectInvalid(parse({ ...init, messageType: "" }), "messageType is an empty string");
    for (const messageType of [1, null, true, ["mtoken.operationInit"], { value: "mtoken.operationInit" }]) {
      expectInvalid(parse({ ...init, messageType }), "messageType is missing or not a string");
    }
  });
});

describe("the nested fallback (x-tolerant.nestedFallback: aps)", () => {
  it("takes a key missing at the top level from aps, messageType included", () => {
    const parsed = message(parse({ aps: { alert: "Approve", ...init, activationId: "act-1" } }));
    expect(parsed).toEqual({ ...init, activationId: "act-1" });
  });

  it("takes a key that is not a string at the top level from aps", () => {
    expect(message(parse({ ...init, operationId: 42, aps: { operationId: OPERATION_ID } }))["operationId"]).toBe(OPERATION_ID);
  });

  it("prefers the top level when both have a string", () => {
    expect(message(parse({ ...init, aps: { operationName: "from-aps" } }))["operationName"]).toBe("login");
  });

  it("reads only an object aps, one level deep, and only its own keys", () => {
    expectInvalid(parse({ aps: JSON.stringify(init) }), "messageType is missing");
    expectInvalid(parse({ aps: [init] }), "messageType is missing");
    expectInvalid(parse({ aps: { aps: init } }), "messageType is missing");
    expectInvalid(parse({ aps: Object.create(init) as object }), "messageType is missing");
    expectInvalid(parse({ aps: null, operationId: OPERATION_ID }), "messageType is missing");
  });

  it("comes from the spec: without x-tolerant the parser ignores aps", async () => {
    const spec = await realSpec();
    delete spec["x-tolerant"];
    const plainParse = await parserFor("no-nested-fallback", spec);
    expectInvalid(plainParse({ aps: init }), "messageType is missing");
    expect(message(plainParse(init))["operationId"]).toBe(OPERATION_ID);
  });
});

describe("never throws, whatever it gets", () => {
  it.each([
    ["null", null],
    ["undefined", undefined],
    ["a number", 42],
    ["NaN", Number.NaN],
    ["a string", JSON.stringify(init)],
    ["a boolean", true],
    ["a bigint", 10n],
    ["a symbol", Symbol("extras")],
    ["a function", () => init],
    ["an array", [init]],
  ])("%s gives invalid with a reason", (_name, value) => {
    const result = parse(value);
    expect(result.kind).toBe("invalid");
    expect(result.kind === "invalid" && result.reason.length > 0).toBe(true);
  });

  it("a getter that throws gives invalid, naming the cause", () => {
    const payload = { ...init };
    Object.defineProperty(payload, "operationName", { enumerable: true, get: () => { throw new Error("boom"); } });
    expectInvalid(parse(payload), "threw");
  });

  it("an error whose every property throws cannot escape either", () => {
    const hostile = new Proxy({}, { get: () => { throw hostile; }, getPrototypeOf: () => { throw hostile; } });
    const payload = {};
    Object.defineProperty(payload, "messageType", { get: () => { throw hostile; } });
    let result: ParseResult | undefined;
    try {
      result = parse(payload);
    } catch {
      // Not rethrown: the test runner itself could not report an error like this one.
    }
    expect(result).toBeDefined();
    expectInvalid(result!, "threw");
  });

  it.each(["getOwnPropertyDescriptor", "get", "has", "ownKeys", "getPrototypeOf"] as const)("a proxy whose %s trap throws gives a result", (trap) => {
    const proxy = new Proxy({ ...init }, { [trap]: () => { throw new Error(trap); } });
    expect(["message", "invalid"]).toContain(parse(proxy).kind);
  });

  it("a revoked proxy gives invalid", () => {
    const { proxy, revoke } = Proxy.revocable({ ...init }, {});
    revoke();
    expectInvalid(parse(proxy), "");
  });

  it("random values, with hostile keys at every level, always give a well-formed result", () => {
    const key = fc.oneof(fc.string(), fc.constantFrom("messageType", "operationId", "mtokenOperationResult", "activationId", "aps", "__proto__", "constructor", "toString", "hasOwnProperty"));
    const messageType = fc.constantFrom("mtoken.operationInit", "mtoken.operationFinished", "mtoken.statusChange", "mtoken.inboxMessage.new");
    const value = fc.anything({ key, withNullPrototype: true, withObjectString: true, withBigInt: true, withMap: true, withSet: true });
    const payload = fc.oneof(value, fc.record({ messageType, aps: value }, { requiredKeys: ["messageType"] }), fc.dictionary(key, fc.oneof(messageType, value)));
    fc.assert(
      fc.property(payload, (p) => {
        const result = parse(p);
        expect(["message", "unknown", "invalid"]).toContain(result.kind);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("reads own properties only and changes nothing", () => {
  it("ignores keys inherited from a prototype, and `__proto__` own keys made by JSON.parse", () => {
    expectInvalid(parse(Object.create(init) as object), "messageType is missing");
    const parsed = parse(JSON.parse(`{"__proto__": ${JSON.stringify(init)}}`));
    expectInvalid(parsed, "messageType is missing");
    expect(message(parse(JSON.parse(`{"__proto__": {"activationId": "x"}, "messageType": "mtoken.statusChange"}`)))["activationId"]).toBeUndefined();
  });

  it("ignores keys added to Object.prototype", () => {
    Object.defineProperty(Object.prototype, "activationId", { value: "polluted", configurable: true, writable: true });
    try {
      expect(message(parse({ messageType: "mtoken.statusChange" }))["activationId"]).toBeUndefined();
    } finally {
      delete (Object.prototype as Record<string, unknown>)["activationId"];
    }
  });

  it("reads a key only after checking that it is own, and never writes, defines or deletes", () => {
    const trace: string[] = [];
    const watched = (target: object, name: string): object =>
      new Proxy(target, {
        getOwnPropertyDescriptor: (t, k) => (trace.push(`own ${name}.${String(k)}`), Reflect.getOwnPropertyDescriptor(t, k)),
        get: (t, k, r) => (trace.push(`get ${name}.${String(k)}`), Reflect.get(t, k, r)),
        has: (t, k) => (trace.push(`has ${name}.${String(k)}`), Reflect.has(t, k)),
        set: () => (trace.push("set"), false),
        defineProperty: () => (trace.push("define"), false),
        deleteProperty: () => (trace.push("delete"), false),
        setPrototypeOf: () => (trace.push("setPrototypeOf"), false),
        preventExtensions: () => (trace.push("preventExtensions"), false),
      });
    const aps = watched({ operationName: "login", activationId: 7 }, "aps");
    const payload = watched({ messageType: "mtoken.operationInit", operationId: OPERATION_ID, aps }, "payload");
    expect(message(parse(payload))).toEqual({ ...init, activationId: undefined });
    expect(trace.filter((t) => !t.startsWith("own ") && !t.startsWith("get "))).toEqual([]);
    const reads = trace.filter((t) => t.startsWith("get "));
    for (const read of reads) expect(trace.slice(0, trace.indexOf(read))).toContain(read.replace("get ", "own "));
  });

  it("leaves frozen input usable and Object.prototype as it was", () => {
    const before = Reflect.ownKeys(Object.prototype).map(String);
    const payload = Object.freeze({ ...finished, aps: Object.freeze({ activationId: "act-1" }) });
    expect(message(parse(payload))["activationId"]).toBe("act-1");
    expect(Reflect.ownKeys(Object.prototype).map(String)).toEqual(before);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
