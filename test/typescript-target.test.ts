/**
 * The typescript target: its output for the real spec against the committed generated/ts (refresh
 * it after an intended change with `npm run generate`), the output (with the validators target)
 * type-checked by the real compiler together with consumers that switch exhaustively over it, the
 * hostile fixtures generated, compiled and run, name clashes refused with both names, and the
 * generator free of any name from the contract.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../generator/errors.js";
import type { OutputFile, PushExtrasModel } from "../generator/model.js";
import { defaultTargetOptions } from "../generator/model.js";
import { NameClashError } from "../generator/naming/words.js";
import { generate } from "../generator/pipeline.js";
import { emitTypeScript } from "../generator/targets/typescript/index.js";
import { expectMatchesCommitted } from "./golden.js";
import { writeSpecVariant } from "./spec-variant.js";

const ROOT = resolve(import.meta.dirname, "..");
const SPEC = join(ROOT, "spec", "push-extras.schema.json");
const TSC = join(ROOT, "node_modules", ".bin", "tsc");
const FIXTURES = ["comment-terminator", "quotes-backslash-dollar", "keyword-names", "non-ascii", "markup"];

/** The flags of the API contract, plus the strictest options a consumer might turn on. */
const TSC_FLAGS = [
  "--strict", "--isolatedModules", "--verbatimModuleSyntax", "--module", "nodenext", "--noEmit",
  "--noUncheckedIndexedAccess", "--exactOptionalPropertyTypes", "--noUnusedLocals", "--noUnusedParameters",
  "--noImplicitReturns", "--noFallthroughCasesInSwitch", "--noPropertyAccessFromIndexSignature", "--pretty", "false",
];

const work = mkdtempSync(join(tmpdir(), "push-extras-typescript-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const typescriptFiles = (files: readonly OutputFile[]) => files.filter((f) => f.path.startsWith("ts/"));

/** Generates the TypeScript output and the validators it re-exports into `work/<name>`. */
async function generateInto(name: string, specPath: string): Promise<{ dir: string; model: PushExtrasModel; files: readonly OutputFile[] }> {
  const dir = join(work, name);
  const { model, files } = await generate({ specPath, targets: ["typescript", "validators"] });
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.contents);
  }
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  return { dir, model, files };
}

/** Runs tsc on the given files, from their folder so that no tsconfig.json of this project applies. */
function tsc(files: readonly string[]): { status: number | null; output: string } {
  const run = spawnSync(TSC, [...TSC_FLAGS, ...files], { encoding: "utf8", cwd: dirname(files[0]!) });
  return { status: run.status, output: `${run.stdout}${run.stderr}`.trim() };
}


/**
 * A consumer that knows the real contract by name: exhaustive switches with a `never` check over
 * the parse result, the parsed messages and a known enum value, the constants, guards and
 * validator, and `@ts-expect-error` lines that must stay errors.
 */
const REAL_CONSUMER = `
import {
  isOperationFinished, MessageType, OperationResult, parsePushExtras, PushExtrasKey, validatePushExtras,
  validateStatusChange, type OperationInit, type ParsedEnumValue, type PushExtrasMessage,
} from "./ts/index.js";

function assertNever(value: never): never {
  throw new Error("unexpected " + String(value));
}

function describeResult(result: ParsedEnumValue<OperationResult>): string {
  if (!result.known) return "unknown result " + result.raw;
  switch (result.value) {
    case OperationResult.AuthenticationSuccess: return "approved";
    case OperationResult.AuthenticationFail: return "failed";
    case OperationResult.OperationTimeout: return "expired";
    case OperationResult.OperationCanceled: return "canceled";
    case OperationResult.OperationMethodNotAvailable: return "method removed";
    default: return assertNever(result.value);
  }
}

export function describeMessage(message: PushExtrasMessage): string {
  switch (message.messageType) {
    case MessageType.OperationInit: return message.operationId + (message.activationId ?? "");
    case MessageType.OperationFinished: return describeResult(message.mtokenOperationResult);
    case MessageType.StatusChange: return message.activationId ?? "no activation";
    case "mtoken.inboxMessage.new": return message.inboxId;
    default: return assertNever(message);
  }
}

export function handle(value: unknown): string {
  const result = parsePushExtras(value);
  switch (result.kind) {
    case "message": return describeMessage(result.message);
    case "unknown": return result.messageType;
    case "invalid": return result.reason;
    default: return assertNever(result);
  }
}

export function strictResult(value: unknown): OperationResult | string | undefined {
  if (validatePushExtras(value)) return isOperationFinished(value) ? value.mtokenOperationResult : undefined;
  if (validateStatusChange(value)) return value.activationId;
  return (validatePushExtras.errors ?? []).map((e) => e.instancePath + " " + (e.message ?? "")).join("; ");
}

export const keys: readonly PushExtrasKey[] = [PushExtrasKey.OperationId, PushExtrasKey.MtokenOperationResult];

export function misuse(result: ParsedEnumValue<OperationResult>, message: PushExtrasMessage): void {
  // @ts-expect-error the value exists only once the result is known
  void result.value;
  if (message.messageType === MessageType.OperationInit) {
    // @ts-expect-error a parsed message is read-only
    message.operationId = "x";
  }
  // @ts-expect-error a misspelt key is a compile error
  const typo: OperationInit = { messageType: "mtoken.operationInit", operationId: "a", operationName: "b", operationNme: "c" };
  void typo;
}
`;

/** A consumer that works for any spec: exhaustive switches built from the model. */
function genericConsumer(model: PushExtrasModel, withoutLastCase = false): string {
  const key = JSON.stringify(model.discriminator.key);
  const messages = withoutLastCase ? model.messages.slice(0, -1) : model.messages;
  const cases = messages.map((m, i) => `    case ${JSON.stringify(m.wireType)}: return ${i};`).join("\n");
  return `
import { parsePushExtras, validatePushExtras, type PushExtrasMessage } from "./ts/index.js";

function assertNever(value: never): never {
  throw new Error("unexpected " + String(value));
}

export function indexOf(message: PushExtrasMessage): number {
  switch (message[${key}]) {
${cases}
    // The key itself rather than the message: TypeScript narrows a lone message type by its key only.
    default: return assertNever(message[${key}]);
  }
}

export function handle(value: unknown): string | number {
  const result = parsePushExtras(value);
  switch (result.kind) {
    case "message": return indexOf(result.message);
    case "unknown": return result[${key}];
    case "invalid": return result.reason;
    default: return assertNever(result);
  }
}

export const strict = (value: unknown): boolean => validatePushExtras(value);
`;
}

describe("the output for the real spec", () => {
  it("matches the committed generated/ts", async () => {
    const { files } = await generate({ specPath: SPEC, targets: ["typescript"] });
    const emitted = typescriptFiles(files);
    expect(emitted.map((f) => f.path)).toEqual(["ts/constants.ts", "ts/index.ts", "ts/parser.ts", "ts/types.ts"]);
    for (const f of emitted) expectMatchesCommitted(f.path, f.contents);
  });

  it("is the same, byte for byte, on every run, and leaves the model untouched", async () => {
    const first = await generate({ specPath: SPEC, targets: ["typescript"] });
    const second = await generate({ specPath: SPEC, targets: ["typescript"] });
    expect(second.files).toEqual(first.files);
    // A frozen model makes any write by the emitter throw.
    const frozen = deepFreeze(structuredClone(first.model));
    const again = await emitTypeScript(frozen, defaultTargetOptions);
    expect(again.map((f) => f.path)).toEqual(["ts/types.ts", "ts/constants.ts", "ts/parser.ts", "ts/index.ts"]);
  });

  it("has no index signatures: extra keys are allowed at run time, and the header says why they are not typed", async () => {
    const { files } = await generate({ specPath: SPEC, targets: ["typescript"] });
    const types = files.find((f) => f.path === "ts/types.ts")!.contents;
    expect(types).not.toMatch(/\[k: string\]/);
    expect(types).toContain("push\n * transports add keys of their own");
    expect(types).toMatch(/export type PushExtras = OperationInit \| OperationFinished \| StatusChange \| InboxMessageNew;/);
    expect(types).toMatch(/messageType: "mtoken\.operationInit";/);
  });

  it("type-checks with tsc, and consumers that switch exhaustively over it compile", async () => {
    const { dir } = await generateInto("real", SPEC);
    writeFileSync(join(dir, "consumer.ts"), REAL_CONSUMER);
    const result = tsc([join(dir, "consumer.ts")]);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });

  it("a switch that forgets a message type does not compile", async () => {
    const { dir, model } = await generateInto("forgetful", SPEC);
    writeFileSync(join(dir, "consumer.ts"), genericConsumer(model, true));
    const result = tsc([join(dir, "consumer.ts")]);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/consumer\.ts\(\d+,\d+\): error TS2345: .*'never'/);
  });
});

describe("hostile specs", () => {
  it.each(FIXTURES)("%s: generates TypeScript that compiles, and its parser reads every example", async (fixture) => {
    const { dir, model } = await generateInto(fixture, join(ROOT, "test", "fixtures", fixture, "push-extras.schema.json"));
    writeFileSync(join(dir, "consumer.ts"), genericConsumer(model));
    const result = tsc([join(dir, "consumer.ts")]);
    expect(result.output).toBe("");
    const { parsePushExtras } = (await import(pathToFileURL(join(dir, "ts", "parser.ts")).href)) as { parsePushExtras: (v: unknown) => any };
    for (const message of model.messages) {
      for (const example of message.examples) {
        const parsed = parsePushExtras(JSON.parse(JSON.stringify(example)));
        expect(parsed.kind, JSON.stringify(parsed)).toBe("message");
        expect(parsed.message[model.discriminator.key]).toBe(message.wireType);
        for (const field of message.fields) {
          expect(Object.hasOwn(parsed.message, field.key), field.key).toBe(true);
          const value = parsed.message[field.key];
          expect(typeof value === "object" ? value.raw : value).toBe(example[field.key]);
        }
      }
    }
  });
});

describe("spec variants", () => {
  const variants: Record<string, (spec: Record<string, any>) => void> = {
    "a message without fields and no enumeration": (spec) => {
      const inbox = spec["$defs"]["InboxMessageNew"];
      delete inbox["properties"]["inboxId"];
      inbox["required"] = ["messageType"];
      delete spec["$defs"]["OperationResult"]["enum"];
      delete spec["$defs"]["OperationResult"]["x-enumDescriptions"];
      // Free text now, and a required free-text field must not accept an empty value.
      spec["$defs"]["OperationResult"]["minLength"] = 1;
    },
    "a single message and no nested fallback": (spec) => {
      spec["oneOf"] = spec["oneOf"].slice(0, 1);
      delete spec["x-tolerant"];
    },
  };

  it.each(Object.keys(variants))("%s: compiles under the strictest flags, unused-parameter checks included", async (name) => {
    const specPath = writeSpecVariant(work, name.replace(/\W+/g, "-"), variants[name]!);
    const { dir, model } = await generateInto(name.replace(/\W+/g, "-"), specPath);
    writeFileSync(join(dir, "consumer.ts"), genericConsumer(model));
    expect(tsc([join(dir, "consumer.ts")]).output).toBe("");
  });
});

describe("names", () => {
  it("a discriminator named like the parse result's own `kind` property is refused", async () => {
    const specPath = writeSpecVariant(work, "kind-discriminator", (spec) => {
      spec["discriminator"] = { propertyName: "kind" };
      spec["required"] = ["kind"];
      for (const name of ["OperationInit", "OperationFinished", "StatusChange", "InboxMessageNew"]) {
        const def = spec["$defs"][name];
        def["properties"]["kind"] = def["properties"]["messageType"];
        delete def["properties"]["messageType"];
        def["required"] = def["required"].map((k: string) => (k === "messageType" ? "kind" : k));
        for (const example of def["examples"]) {
          example["kind"] = example["messageType"];
          delete example["messageType"];
        }
      }
    });
    await expect(generate({ specPath, targets: ["typescript"] })).rejects.toThrow(/discriminator key "kind" and the result's own property "kind"/);
  });

  it("two enum values with one identifier fail with an error that names both", async () => {
    const run = generate({ specPath: join(ROOT, "test", "fixtures", "name-collision", "push-extras.schema.json"), targets: ["typescript"] });
    await expect(run).rejects.toThrow(NameClashError);
    await expect(run).rejects.toThrow(/"operation\.timeout".*"operation-timeout"/);
  });

  it("names are unique across every module of the barrel, not only within one", async () => {
    const specPath = writeSpecVariant(work, "barrel-clash", (spec) => {
      spec["$defs"]["StatusChange"]["x-name"] = "parsed inbox message new";
    });
    const run = generate({ specPath, targets: ["typescript"] });
    await expect(run).rejects.toThrow(NameClashError);
    await expect(run).rejects.toThrow(/"mtoken\.statusChange".*"mtoken\.inboxMessage\.new"|"mtoken\.inboxMessage\.new".*"mtoken\.statusChange"/);
  });

  it("a spec name equal to a fixed API name is refused", async () => {
    const specPath = writeSpecVariant(work, "api-clash", (spec) => {
      spec["$defs"]["InboxMessageNew"]["x-name"] = "push extras message";
    });
    await expect(generate({ specPath, targets: ["typescript"] })).rejects.toThrow(/API name PushExtrasMessage and message "mtoken\.inboxMessage\.new"/);
  });

  it("a message name that json-schema-to-typescript would respell is refused, pointing at the message", async () => {
    const specPath = writeSpecVariant(work, "non-ascii-name", (spec) => {
      spec["$defs"]["InboxMessageNew"]["x-name"] = "Größe";
    });
    const run = generate({ specPath, targets: ["typescript"] });
    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow(/#\/\$defs\/InboxMessageNew: .*Größe.*x-name/);
  });
});

describe("the generator", () => {
  it("names no message, field, value or group of the contract", async () => {
    const { model } = await generate({ specPath: SPEC, targets: ["schema"] });
    const names = new Set<string>([
      model.discriminator.key,
      ...model.messages.flatMap((m) => [m.wireType, ...m.fields.map((f) => f.key)]),
      ...model.enums.flatMap((e) => e.values.map((v) => v.wire)),
      ...model.groups.map((g) => g.id),
      ...(model.tolerant.nestedFallback === null ? [] : [model.tolerant.nestedFallback]),
    ]);
    const sourceDir = join(ROOT, "generator", "targets", "typescript");
    expect(existsSync(sourceDir)).toBe(true);
    const found: string[] = [];
    for (const file of readdirSync(sourceDir)) {
      const source = readFileSync(join(sourceDir, file), "utf8");
      for (const name of names) {
        if (new RegExp(`(?<![\\w.])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w])`).test(source)) found.push(`${file}: ${name}`);
      }
    }
    expect(found).toEqual([]);
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}
