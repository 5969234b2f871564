/**
 * The shared vectors themselves: their strict verdicts agree with AJV compiled from the spec right
 * now, they fit the model, they cover every message type and enum value, and their `only` lists
 * follow from what each platform's input type can carry.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createStrictAjv } from "../generator/ajv.js";
import { buildModel } from "../generator/build-model.js";
import { check } from "../generator/check.js";
import { load } from "../generator/load.js";
import { findEnum, type PushExtrasModel } from "../generator/model.js";
import { stableJson } from "./conformance/canonical.js";
import { loadVectors, vectorFiles, vectorModelProblems, type LoadedVector } from "./conformance/vectors.js";

const SPEC = join(import.meta.dirname, "..", "spec", "push-extras.schema.json");
const VECTOR_DIR = join(import.meta.dirname, "vectors");

let model: PushExtrasModel;
let vectors: LoadedVector[];

beforeAll(async () => {
  model = buildModel(check(await load(SPEC)));
  // loadVectors refuses malformed vectors and names used twice across files.
  vectors = await loadVectors(await vectorFiles([VECTOR_DIR]));
});

function isFlatStringMap(payload: unknown): boolean {
  return typeof payload === "object" && payload !== null && !Array.isArray(payload) && Object.values(payload).every((v) => typeof v === "string");
}

describe("shared vectors", () => {
  it("are at least 60, split by theme, each named in kebab case after what it proves", async () => {
    expect(vectors.length).toBeGreaterThanOrEqual(60);
    expect((await vectorFiles([VECTOR_DIR])).length).toBeGreaterThanOrEqual(6);
    const badNames = vectors.map((v) => v.name).filter((name) => !/^[a-z0-9]+(-[a-z0-9]+)+$/.test(name));
    expect(badNames).toEqual([]);
  });

  it("give the strict verdict of AJV compiled from the spec", async () => {
    const validate = createStrictAjv().compile(JSON.parse(await readFile(SPEC, "utf8")) as object);
    const wrong = vectors.filter((v) => validate(v.payload) !== v.valid).map((v) => `${v.name}: expected valid=${v.valid}`);
    expect(wrong).toEqual([]);
    // Both verdicts are well represented, so neither side of the validator goes untested.
    expect(vectors.filter((v) => v.valid).length).toBeGreaterThanOrEqual(20);
    expect(vectors.filter((v) => !v.valid).length).toBeGreaterThanOrEqual(20);
  });

  it("fit the model: known message types, exactly the message's fields, enum values written as the spec has them", () => {
    expect(vectorModelProblems(model, vectors)).toEqual([]);
  });

  it("cover every message type, every enum value, unknown values and every kind of result", () => {
    const messages = vectors.flatMap((v) => (v.parsed.kind === "message" ? [v.parsed] : []));
    for (const message of model.messages) {
      expect(messages.some((m) => m.messageType === message.wireType), message.wireType).toBe(true);
      expect(vectors.some((v) => v.valid && v.parsed.kind === "message" && v.parsed.messageType === message.wireType), `strictly valid ${message.wireType}`).toBe(true);
      for (const field of message.fields) {
        if (field.type.kind !== "enum") continue;
        for (const value of findEnum(model, field.type.enumName).values) {
          expect(messages.some((m) => m.fields[field.key] === value.wire), `${field.key} ${value.wire}`).toBe(true);
        }
        expect(messages.some((m) => typeof m.fields[field.key] === "object" && m.fields[field.key] !== null), `${field.key} unknown`).toBe(true);
      }
    }
    for (const kind of ["message", "unknown", "invalid"]) {
      expect(vectors.some((v) => v.parsed.kind === kind), kind).toBe(true);
    }
  });

  it("limit a vector to the languages whose input type can carry its payload", () => {
    const misfiled = vectors.flatMap((v) => {
      const objectPayload = typeof v.payload === "object" && v.payload !== null && !Array.isArray(v.payload);
      // Android gets Map<String, String>; iOS a dictionary of JSON values; TypeScript anything.
      const expected = isFlatStringMap(v.payload) ? undefined : objectPayload ? ["ts", "swift"] : ["ts"];
      return JSON.stringify(v.only) === JSON.stringify(expected) ? [] : [`${v.name}: only should be ${JSON.stringify(expected)}`];
    });
    expect(misfiled).toEqual([]);
  });

  it("parse whatever the strict reading accepts into the same message", () => {
    // The rule of the contract that ties both readings together, checked on the expectations:
    // a strictly valid payload gives its own message type with its top-level values, and an
    // optional field absent at the top level is taken from the nested fallback object, if any.
    const discriminator = model.discriminator.key;
    const fallbackKey = model.tolerant.nestedFallback;
    const broken = vectors.filter((v) => v.valid).flatMap((v) => {
      const payload = v.payload as Record<string, unknown>;
      const message = model.messages.find((m) => m.wireType === payload[discriminator]);
      if (message === undefined || v.parsed.kind !== "message") return [`${v.name}: not parsed as a message`];
      const nestedRaw = fallbackKey === null ? undefined : payload[fallbackKey];
      const nested = typeof nestedRaw === "object" && nestedRaw !== null && !Array.isArray(nestedRaw) ? (nestedRaw as Record<string, unknown>) : {};
      const expectedFields = Object.fromEntries(
        message.fields.map((f) => {
          const value = Object.hasOwn(payload, f.key) ? payload[f.key] : Object.hasOwn(nested, f.key) ? nested[f.key] : null;
          return [f.key, typeof value === "string" ? value : null];
        }),
      );
      const same = v.parsed.messageType === message.wireType && stableJson(v.parsed.fields) === stableJson(expectedFields);
      return same ? [] : [`${v.name}: parsed differs from the strictly valid payload`];
    });
    expect(broken).toEqual([]);
  });
});
