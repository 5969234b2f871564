/**
 * The validators target on specs other than the real one: where AJV's code would need its runtime
 * (a length limit counted in code points, a deep equality), where Ajv2020's bookkeeping for
 * `unevaluatedProperties` is needed, and the scan that keeps any import out of the module.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createStrictAjv } from "../generator/ajv.js";
import { generate } from "../generator/pipeline.js";
import { assertImportsNothing } from "../generator/targets/validators/self-contained.js";
import { writeSpecVariant } from "./spec-variant.js";

const work = mkdtempSync(join(tmpdir(), "push-extras-validators-specs-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Validator = ((value: unknown) => boolean) & { errors?: unknown[] | null };


/** Generates the validators of a spec and loads them as an ES module; also returns AJV compiled at run time. */
async function load(name: string, specPath: string): Promise<{ code: string; validate: Validator; runtime: Validator }> {
  const { model, files } = await generate({ specPath, targets: ["validators"] });
  const code = files.find((f) => f.path === "ts/validators.js")!.contents;
  const path = join(work, `${name}.mjs`);
  writeFileSync(path, code);
  const module = (await import(pathToFileURL(path).href)) as Record<string, Validator>;
  return { code, validate: module["validatePushExtras"]!, runtime: createStrictAjv().compile(model.schema as object) as Validator };
}

const inbox = (inboxId: unknown, extra: Record<string, unknown> = {}) => ({ messageType: "mtoken.inboxMessage.new", inboxId, ...extra });

describe("a spec whose lengths must be counted in code points", () => {
  it("copies AJV's code point counter into the module and counts as AJV does at run time", async () => {
    const specPath = writeSpecVariant(work, "max-length", (spec) => {
      spec["$defs"]["InboxId"]["maxLength"] = 20;
      spec["$defs"]["InboxId"]["minLength"] = 2;
    });
    const { code, validate, runtime } = await load("max-length", specPath);
    expect(code).not.toMatch(/require\(/);
    expect(code).toContain("function ucs2length(");
    // 20 emoji are 20 code points but 40 UTF-16 units; one emoji is one code point but two units.
    for (const [value, valid] of [["😀".repeat(20), true], ["😀".repeat(21), false], ["😀", false], ["😀x", true], ["ab", true], ["a", false]] as const) {
      expect(validate(inbox(value)), value).toBe(valid);
      expect(runtime(inbox(value))).toBe(valid);
    }
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 24 }), fc.string({ unit: fc.constantFrom("\ud800", "\udc00", "😀", "a"), maxLength: 24 })), (value) => {
        expect(validate(inbox(value))).toBe(runtime(inbox(value)));
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

describe("a spec that uses unevaluatedProperties", () => {
  it("keeps Ajv2020's bookkeeping for it and agrees with AJV at run time", async () => {
    const specPath = writeSpecVariant(work, "unevaluated", (spec) => {
      // Only the keys the message names are allowed in it.
      spec["$defs"]["InboxMessageNew"]["unevaluatedProperties"] = false;
    });
    const { validate, runtime } = await load("unevaluated", specPath);
    const payloads = [inbox("a"), inbox("a", { from: "x" }), inbox("a", { activationId: "x" }), { messageType: "mtoken.statusChange", activationId: "x", from: "x" }, inbox(1)];
    for (const payload of payloads) expect(validate(payload), JSON.stringify(payload)).toBe(runtime(payload));
    expect(payloads.map((p) => validate(p))).toEqual([true, false, false, true, false]);
  });
});

describe("a spec whose validation needs a runtime helper AJV cannot leave out", () => {
  it("fails the generation with an internal error instead of emitting a module that breaks when loaded", async () => {
    // A `const` with an object value makes AJV call its deep equality helper through require().
    const specPath = writeSpecVariant(work, "deep-equal", (spec) => {
      spec["not"] = { required: ["aps"], properties: { aps: { const: { alert: "x" } } } };
    });
    await expect(generate({ specPath, targets: ["validators"] })).rejects.toThrow(/^internal: ts\/validators\.js would load other modules at run time \("require\("\)/);
  });
});

describe("the scan for imports", () => {
  const accepted = [
    'const a = "require(\\"x\\")";',
    "// import x from 'y'\nconst b = 1;",
    "/* export * from 'z' */ const c = `import`;",
    "const importance = 1; const required = 2; const reimport = 3;",
    'const d = {message: "must import nothing"};',
  ];
  const refused = [
    'const a = require("x");',
    'import x from "y";',
    'import "y";',
    'const m = await import("y");',
    'export * from "z";',
    'export { a } from "z";',
    "const u = import.meta.url;",
    'const r = require ("x");',
  ];
  it.each(accepted)("lets through code that loads nothing: %s", (code) => {
    expect(() => assertImportsNothing("m.js", code)).not.toThrow();
  });
  it.each(refused)("refuses code that loads a module: %s", (code) => {
    expect(() => assertImportsNothing("m.js", code)).toThrow(/^internal: m\.js would load other modules at run time/);
  });
});
