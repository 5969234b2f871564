/**
 * The validators target on the real spec: the generated module loaded as a real ES module (and
 * proved to import nothing), every documented case accepted, every violation of the strict reading
 * rejected with one readable error, agreement with AJV compiled at run time from the same schema on
 * random payloads, and the declarations type-checked by the real compiler.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStrictAjv } from "../generator/ajv.js";
import { findEnum, type Field, type Message, type OutputFile, type PushExtrasModel } from "../generator/model.js";
import { generate } from "../generator/pipeline.js";
import { codeOutsideStringsAndComments } from "../generator/targets/validators/self-contained.js";
import { typeName } from "../generator/targets/typescript/naming.js";

const ROOT = resolve(import.meta.dirname, "..");
const SPEC = join(ROOT, "spec", "push-extras.schema.json");
const TSC = join(ROOT, "node_modules", ".bin", "tsc");

interface ValidationError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
  readonly message: string;
}
type Validator = ((value: unknown) => boolean) & { errors?: ValidationError[] | null };
type ValidatorModule = Record<string, Validator>;

const work = mkdtempSync(join(tmpdir(), "push-extras-validators-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let model: PushExtrasModel;
let files: readonly OutputFile[];
let modulePath: string;
let validators: ValidatorModule;

beforeAll(async () => {
  ({ model, files } = await generate({ specPath: SPEC, targets: ["typescript", "validators"] }));
  for (const file of files) {
    mkdirSync(dirname(join(work, file.path)), { recursive: true });
    writeFileSync(join(work, file.path), file.contents);
  }
  writeFileSync(join(work, "package.json"), JSON.stringify({ type: "module" }));
  // A copy named .mjs is an ES module to Node whatever package.json says.
  modulePath = join(work, "validators.mjs");
  writeFileSync(modulePath, fileText("ts/validators.js"));
  validators = (await import(pathToFileURL(modulePath).href)) as ValidatorModule;
});

function fileText(path: string): string {
  const file = files.find((f) => f.path === path);
  if (file === undefined) throw new Error(`${path} was not generated`);
  return file.contents;
}

const union = (): Validator => validators["validatePushExtras"]!;
const validatorOf = (message: Message): Validator => validators[`validate${typeName(message.name)}`]!;
const example = (message: Message): Record<string, unknown> => structuredClone(message.examples[0]!);
const requiredKeys = (message: Message) => [model.discriminator.key, ...message.fields.filter((f) => f.required).map((f) => f.key)];

/** Validates with the union and the message's own validator; both must give the verdict, and on failure the same single error. */
function verdict(message: Message, payload: unknown): { valid: boolean; error: ValidationError | undefined } {
  const valid = union()(payload);
  const own = validatorOf(message);
  expect(own(payload), `validate${typeName(message.name)} agrees with validatePushExtras`).toBe(valid);
  if (valid) {
    expect(union().errors).toBeNull();
    expect(own.errors).toBeNull();
    return { valid, error: undefined };
  }
  expect(union().errors, "one error: validation stops at the first").toHaveLength(1);
  expect(own.errors).toEqual(union().errors);
  return { valid, error: union().errors![0] };
}

function expectRejected(message: Message, payload: unknown, keyword: string, instancePath: string): ValidationError {
  const { valid, error } = verdict(message, payload);
  expect(valid, JSON.stringify(payload)).toBe(false);
  expect({ keyword: error!.keyword, instancePath: error!.instancePath }).toEqual({ keyword, instancePath });
  expect(error!.message.length, "every error says what is wrong in words").toBeGreaterThan(5);
  return error!;
}

describe("the generated module", () => {
  it("exports validatePushExtras and one validator per message, and nothing else", () => {
    const expected = ["validatePushExtras", ...model.messages.map((m) => `validate${typeName(m.name)}`)].sort();
    expect(Object.keys(validators).sort()).toEqual(expected);
  });

  it("loads in Node as a real ES module that imports nothing, and validates there as it does here", () => {
    const payloads = [...model.messages.flatMap((m) => m.examples), { [model.discriminator.key]: "unknown" }, null, []];
    const probe = `
      import { readFileSync } from "node:fs";
      import { pathToFileURL } from "node:url";
      import vm from "node:vm";
      const [file, payloads] = [process.argv[1], JSON.parse(process.argv[2])];
      const parsed = new vm.SourceTextModule(readFileSync(file, "utf8"), { identifier: file });
      const module = await import(pathToFileURL(file).href);
      const verdicts = Object.keys(module).sort().map((name) => payloads.map((p) => module[name](p)));
      console.log(JSON.stringify({ dependencies: parsed.dependencySpecifiers, exports: Object.keys(module).sort(), verdicts }));
    `;
    const run = spawnSync(process.execPath, ["--experimental-vm-modules", "--no-warnings", "--input-type=module", "-e", probe, modulePath, JSON.stringify(payloads)], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    const result = JSON.parse(run.stdout) as { dependencies: string[]; exports: string[]; verdicts: boolean[][] };
    expect(result.dependencies).toEqual([]);
    expect(result.exports).toEqual(Object.keys(validators).sort());
    expect(result.verdicts).toEqual(result.exports.map((name) => payloads.map((p) => validators[name]!(p))));
  });

  it("holds no require, no import and no schema copy that nothing uses", () => {
    const code = fileText("ts/validators.js");
    const bare = codeOutsideStringsAndComments(code);
    expect(bare).not.toMatch(/\brequire\b|\bimport\b/);
    for (const [, name] of code.matchAll(/^const (\w+) = /gm)) {
      expect(code.match(new RegExp(`\\b${name}\\b`, "g"))!.length, `${name} is used`).toBeGreaterThan(1);
    }
    // Annotations of the spec (descriptions, examples) are not embedded.
    for (const message of model.messages) expect(code).not.toContain(message.description);
  });

  it("is the same bytes on a second run", async () => {
    const again = await generate({ specPath: SPEC, targets: ["validators"] });
    for (const path of ["ts/validators.js", "ts/validators.d.ts"]) {
      expect(again.files.find((f) => f.path === path)!.contents).toBe(fileText(path));
    }
  });
});

describe("the strict reading", () => {
  it("accepts every example of the spec, with its own validator and the union", () => {
    for (const message of model.messages) {
      for (const payload of message.examples) expect(verdict(message, structuredClone(payload)).valid, JSON.stringify(payload)).toBe(true);
    }
  });

  it("accepts keys that are not ours, as transports add them", () => {
    const foreign = { from: "1234567890", "google.message_id": "0:17%ab", collapse_key: "k", _notification: "x", aps: { alert: "hi", badge: 1 }, extra: { nested: [1, null] } };
    for (const message of model.messages) {
      expect(verdict(message, { ...example(message), ...foreign }).valid).toBe(true);
      // A key of another message is not this message's business either.
      const others = model.messages.filter((m) => m !== message).flatMap((m) => m.fields.filter((f) => !message.fields.some((o) => o.key === f.key)));
      for (const field of others) expect(verdict(message, { ...example(message), [field.key]: "anything" }).valid, field.key).toBe(true);
    }
  });

  it("rejects an unknown messageType with one clear discriminator error", () => {
    for (const unknown of ["mtoken.unknown", "", "MTOKEN.OPERATIONINIT", `${model.messages[0]!.wireType} `]) {
      const payload = { ...example(model.messages[0]!), [model.discriminator.key]: unknown };
      expect(union()(payload)).toBe(false);
      expect(union().errors).toEqual([
        expect.objectContaining({ instancePath: "", keyword: "discriminator", params: expect.objectContaining({ tagValue: unknown }), message: expect.stringContaining(model.discriminator.key) }),
      ]);
    }
  });

  it("rejects a messageType that is missing or not a string", () => {
    const message = model.messages[0]!;
    const { [model.discriminator.key]: _type, ...untyped } = example(message);
    expect(union()(untyped)).toBe(false);
    expect(union().errors).toEqual([expect.objectContaining({ keyword: "required", params: { missingProperty: model.discriminator.key } })]);
    for (const value of [1, null, {}, ["x"]]) {
      expect(union()({ ...untyped, [model.discriminator.key]: value })).toBe(false);
      expect(union().errors).toEqual([expect.objectContaining({ keyword: "discriminator" })]);
    }
  });

  it("rejects a payload that is not an object", () => {
    for (const payload of [null, undefined, "x", 1, true, [], [example(model.messages[0]!)]]) {
      expect(union()(payload)).toBe(false);
      expect(union().errors).toEqual([expect.objectContaining({ instancePath: "", keyword: "type", params: { type: "object" } })]);
      for (const message of model.messages) expect(validatorOf(message)(payload)).toBe(false);
    }
  });

  it("rejects every missing required field", () => {
    for (const message of model.messages) {
      for (const key of requiredKeys(message).slice(1)) {
        const { [key]: _removed, ...payload } = example(message);
        const error = expectRejected(message, payload, "required", "");
        expect(error.params).toEqual({ missingProperty: key });
        expect(error.message).toContain(key);
      }
    }
  });

  it("rejects mtoken.statusChange without activationId, which only the tolerant reading accepts", () => {
    const message = model.messages.find((m) => m.wireType === "mtoken.statusChange")!;
    expectRejected(message, { messageType: "mtoken.statusChange" }, "required", "");
    // The model agrees: the field is required strictly, optional tolerantly.
    const field = message.fields.find((f) => f.key === "activationId")!;
    expect([field.required, field.tolerantRequired]).toEqual([true, false]);
  });

  it("rejects every empty field, required or optional", () => {
    for (const message of model.messages) {
      for (const field of message.fields) {
        expectRejected(message, { ...example(message), [field.key]: "" }, field.type.kind === "enum" ? "enum" : "minLength", `/${field.key}`);
      }
    }
  });

  it("rejects every field that is not a string: number, null, object, array, boolean", () => {
    for (const message of model.messages) {
      for (const field of message.fields) {
        for (const value of [42, 0, null, {}, { value: "x" }, ["x"], true]) {
          const error = expectRejected(message, { ...example(message), [field.key]: value }, "type", `/${field.key}`);
          expect(error.params).toEqual({ type: "string" });
        }
      }
    }
  });

  it("rejects a result value the contract does not list, such as the ones servers send anyway", () => {
    const enumFields = model.messages.flatMap((message) => message.fields.filter((f) => f.type.kind === "enum").map((field) => ({ message, field })));
    expect(enumFields.length).toBeGreaterThan(0);
    for (const { message, field } of enumFields) {
      const values = findEnum(model, (field.type as Extract<Field["type"], { kind: "enum" }>).enumName).values.map((v) => v.wire);
      for (const value of ["operation.alreadyFailed", "error.unknown", values[0]!.toUpperCase(), ` ${values[0]}`]) {
        const error = expectRejected(message, { ...example(message), [field.key]: value }, "enum", `/${field.key}`);
        expect(error.params).toEqual({ allowedValues: values });
      }
      for (const value of values) expect(verdict(message, { ...example(message), [field.key]: value }).valid).toBe(true);
    }
  });

  it("accepts a UUID in either case and rejects the variants other readers let through", () => {
    const uuidFields = model.messages.flatMap((message) => message.fields.filter((f) => f.type.kind === "string" && f.type.formatName === "UUID").map((field) => ({ message, field })));
    expect(uuidFields.length).toBeGreaterThan(0);
    const uuid = "7f3d2a1e-5b6c-4d8e-9f0a-1b2c3d4e5f60";
    const bad = [
      `urn:uuid:${uuid}`, `{${uuid}}`, uuid.replace(/-/g, ""), `${uuid}\n`, `\n${uuid}`, ` ${uuid}`, uuid.slice(0, -1), `${uuid}0`,
      uuid.replace("7", "g"), uuid.replace(/-/, "_"), "7f3d2a1e-5b6c-4d8e-9f0a1b2c3d4e5f60", `${uuid}-${uuid}`, "7f3d2a1e5b6c-4d8e-9f0a-1b2c-3d4e5f60", "x",
    ];
    for (const { message, field } of uuidFields) {
      for (const good of [uuid, uuid.toUpperCase(), "00000000-0000-0000-0000-000000000000", "AbCdEf01-2345-6789-aBcD-eF0123456789"]) {
        expect(verdict(message, { ...example(message), [field.key]: good }).valid, good).toBe(true);
      }
      for (const value of bad) expectRejected(message, { ...example(message), [field.key]: value }, "pattern", `/${field.key}`);
    }
  });

  it("reads only the payload's own keys, as the tolerant parser does", () => {
    for (const message of model.messages) {
      // Whatever the strict reading accepts, the tolerant one reads: it does not see inherited keys.
      expectRejected(message, Object.create(example(message)), "required", "");
      for (const key of requiredKeys(message).slice(1)) {
        const { [key]: inherited, ...own } = example(message);
        expectRejected(message, Object.assign(Object.create({ [key]: inherited }), own), "required", "");
      }
      expect(verdict(message, Object.assign(Object.create(null), example(message))).valid, "a null prototype is fine").toBe(true);
      expect(verdict(message, new Proxy(example(message), {})).valid, "a transparent proxy is fine").toBe(true);
    }
  });

  it("never throws: a payload whose reading throws is refused with an exception error", () => {
    const throwing = new Proxy({}, { get: () => { throw new Error("trap"); }, has: () => { throw new Error("trap"); }, getOwnPropertyDescriptor: () => { throw new Error("trap"); } });
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    for (const message of model.messages) {
      const payloads: unknown[] = [throwing, revocable.proxy, { ...example(message), aps: throwing }];
      for (const key of Object.keys(example(message))) {
        payloads.push(Object.defineProperty(example(message), key, { enumerable: true, get: () => { throw new Error(`getter ${key}`); } }));
      }
      for (const payload of payloads) {
        for (const validate of [union(), validatorOf(message)]) {
          let valid: boolean | undefined;
          expect(() => (valid = validate(payload))).not.toThrow();
          // A throwing value that nothing reads (under a key that is not ours) does not matter.
          if (valid === true) continue;
          expect(valid).toBe(false);
          expect(validate.errors).toHaveLength(1);
        }
      }
      const getter = Object.defineProperty(example(message), model.discriminator.key, { enumerable: true, get: () => { throw new Error("getter"); } });
      expect(union()(getter)).toBe(false);
      expect(union().errors).toEqual([{ instancePath: "", schemaPath: "#", keyword: "exception", params: { error: new Error("getter") }, message: "must not throw when read" }]);
    }
    expect(union()(throwing)).toBe(false);
  });

  it("each message's validator rejects the other messages on the discriminator", () => {
    for (const message of model.messages) {
      for (const other of model.messages.filter((m) => m !== message)) {
        const own = validatorOf(message);
        expect(own(example(other))).toBe(false);
        expect(own.errors).toEqual([
          { instancePath: `/${model.discriminator.key}`, schemaPath: `#/properties/${model.discriminator.key}/const`, keyword: "const", params: { allowedValue: message.wireType }, message: "must be equal to constant" },
        ]);
      }
    }
  });
});

describe("agreement with AJV compiled at run time from the same schema", () => {
  it("gives the same verdict and the same error on random payloads, for the union and for each message", () => {
    expectAgreement(model, validators, 3000);
  });

  // Specs built to break generators: quotes, backslashes and `${` in message types, keys and
  // patterns, `*/` in descriptions, keywords and `__proto__` as keys, non-ASCII everywhere.
  it.each(["comment-terminator", "quotes-backslash-dollar", "keyword-names", "non-ascii", "markup"])("agrees on the %s fixture, and accepts its examples", async (fixture) => {
    const generated = await generate({ specPath: join(ROOT, "test", "fixtures", fixture, "push-extras.schema.json"), targets: ["validators"] });
    const path = join(work, `${fixture}.mjs`);
    writeFileSync(path, generated.files.find((f) => f.path === "ts/validators.js")!.contents);
    const loaded = (await import(pathToFileURL(path).href)) as ValidatorModule;
    for (const message of generated.model.messages) {
      for (const payload of message.examples) {
        expect(loaded["validatePushExtras"]!(structuredClone(payload)), JSON.stringify(payload)).toBe(true);
        expect(loaded[`validate${typeName(message.name)}`]!(structuredClone(payload))).toBe(true);
      }
    }
    expectAgreement(generated.model, loaded, 500);
  });
});

/** The parts of an error that do not depend on how AJV laid out the code (schemaPath does). */
const essence = (errors: readonly ValidationError[] | null | undefined) => (errors ?? []).map(({ instancePath, keyword, params, message }) => ({ instancePath, keyword, params, message }));

/** Compares the generated validators with AJV compiled at run time from the model's schema, on random payloads. */
function expectAgreement(model: PushExtrasModel, generated: ValidatorModule, numRuns: number): void {
  const ajv = createStrictAjv();
  const runtimeUnion = ajv.compile(model.schema as object);
  // A message's own schema, compiled with the definitions it refers to.
  const schema = model.schema as Record<string, unknown>;
  const at = (pointer: string) =>
    pointer.split("/").slice(1).reduce<any>((node, segment) => node[segment.replace(/~1/g, "/").replace(/~0/g, "~")], schema) as object;
  const runtimeOf = new Map(model.messages.map((m) => [m, ajv.compile({ ...at(m.pointer), $defs: schema["$defs"] })]));
  const union = generated["validatePushExtras"]!;
  const seen = { valid: 0, invalid: 0 };
  fc.assert(
    fc.property(payloadArbitrary(model), (payload) => {
      const valid = union(payload);
      expect(valid).toBe(runtimeUnion(payload));
      expect(essence(union.errors)).toEqual(essence(runtimeUnion.errors as ValidationError[] | null));
      seen[valid ? "valid" : "invalid"]++;
      for (const message of model.messages) {
        const own = generated[`validate${typeName(message.name)}`]!;
        const runtime = runtimeOf.get(message)!;
        expect(own(payload), message.wireType).toBe(runtime(payload));
        const isThisType = typeof payload === "object" && payload !== null && (payload as Record<string, unknown>)[model.discriminator.key] === message.wireType;
        if (isThisType) expect(essence(own.errors)).toEqual(essence(runtime.errors as ValidationError[] | null));
      }
    }),
    { numRuns, seed: 20261203 },
  );
  // Neither verdict is rare, so both sides of every check were compared.
  expect(seen.valid).toBeGreaterThan(numRuns / 10);
  expect(seen.invalid).toBeGreaterThan(numRuns / 10);
}

/** Payloads near the contract: known keys with good, bad and odd values, foreign keys, and non-objects now and then. */
function payloadArbitrary(model: PushExtrasModel): fc.Arbitrary<unknown> {
  const fields = model.messages.flatMap((m) => m.fields);
  const goodValues = [...new Set(model.messages.flatMap((m) => m.examples.flatMap((e) => Object.values(e))))];
  const enumValues = model.enums.flatMap((e) => e.values.map((v) => v.wire));
  const uuid = fc.uuid().chain((u) => fc.constantFrom(u, u.toUpperCase(), `urn:uuid:${u}`, `{${u}}`, u.replace(/-/g, ""), `${u}\n`, u.slice(1)));
  const oddString = fc.oneof(fc.string(), fc.string({ unit: "binary", maxLength: 4 }), fc.constantFrom("", " ", "\ud800", "\udc00x", "😀", "é"));
  const value = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...goodValues, ...enumValues) },
    { weight: 3, arbitrary: uuid },
    { weight: 3, arbitrary: oddString },
    { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.boolean(), fc.object({ maxDepth: 1 }), fc.array(fc.string(), { maxLength: 2 })) },
  );
  const messageType = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...model.messages.map((m) => m.wireType)) },
    { weight: 1, arbitrary: fc.oneof(fc.string(), fc.constantFrom("mtoken.unknown", "operationInit"), fc.integer(), fc.constant(null)) },
  );
  const keyed = Object.fromEntries([...new Set(fields.map((f) => f.key))].map((key) => [key, fc.option(value, { nil: undefined, freq: 3 })]));
  const object = fc
    .record({ type: fc.option(messageType, { nil: undefined, freq: 20 }), known: fc.record(keyed), foreign: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }) })
    .map(({ type, known, foreign }) => {
      const payload: Record<string, unknown> = { ...foreign };
      // Defined, not assigned, so that a key named `__proto__` is an own property, as JSON.parse makes it.
      const put = (key: string, v: unknown) => Object.defineProperty(payload, key, { value: v, enumerable: true, writable: true, configurable: true });
      for (const [key, v] of Object.entries(known)) if (v !== undefined) put(key, v);
      if (type !== undefined) put(model.discriminator.key, type);
      return payload;
    });
  return fc.oneof({ weight: 30, arbitrary: object }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) });
}

describe("the declarations", () => {
  it("type-check with tsc --strict beside the typescript target's types, and narrow to each message", () => {
    const lines = [
      `import { validatePushExtras, ${model.messages.map((m) => `validate${typeName(m.name)}`).join(", ")}, type ValidationError } from "./validators.js";`,
      `import type { PushExtras } from "./types.js";`,
      "export function check(input: unknown): string {",
      "  if (validatePushExtras(input)) { const narrowed: PushExtras = input; return narrowed." + model.discriminator.key + "; }",
      ...model.messages.map((m) => `  if (validate${typeName(m.name)}(input)) { const wire: ${JSON.stringify(m.wireType)} = input.${model.discriminator.key}; return wire; }`),
      "  const errors: readonly ValidationError[] = validatePushExtras.errors ?? [];",
      "  return errors.map((e) => `${e.instancePath} ${e.schemaPath} ${e.keyword} ${e.message} ${String(e.params[\"missingProperty\"])}`).join();",
      "}",
      "// @ts-expect-error a payload that was not validated has no known keys",
      `export const unchecked = ((input: unknown) => input.${model.discriminator.key})(null);`,
      "// @ts-expect-error one validator does not narrow to another message",
      `export const wrong = (input: unknown): ${JSON.stringify(model.messages[1]!.wireType)} | undefined => (validate${typeName(model.messages[0]!.name)}(input) ? input.${model.discriminator.key} : undefined);`,
    ];
    const consumer = join(work, "ts", "consumer.ts");
    writeFileSync(consumer, lines.join("\n") + "\n");
    const run = spawnSync(TSC, ["--strict", "--isolatedModules", "--verbatimModuleSyntax", "--module", "nodenext", "--noEmit", "--pretty", "false", "validators.d.ts", "consumer.ts"], {
      encoding: "utf8",
      cwd: join(work, "ts"),
    });
    expect(`${run.stdout}${run.stderr}`.trim()).toBe("");
    expect(run.status).toBe(0);
  });

  it("import only types, from ./types.js", () => {
    const declarations = fileText("ts/validators.d.ts");
    const imports = [...declarations.matchAll(/^import .*$/gm)].map((m) => m[0]);
    expect(imports).toEqual([`import type { ${["PushExtras", ...model.messages.map((m) => typeName(m.name))].sort().join(", ")} } from "./types.js";`]);
  });
});
