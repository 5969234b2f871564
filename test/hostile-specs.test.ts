/**
 * Hostile specs (test/fixtures/<edge>/): each one generates every target, and every output is
 * compiled with the real compiler (tsc strict, kotlinc -Werror, swiftc in Swift 6 mode with warnings
 * as errors), the TypeScript is loaded and reads every example of the spec, and the docs render
 * inert. The name-collision spec is refused with an error that names both clashing values.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutputFile, PushExtrasModel } from "../generator/model.js";
import { NameClashError } from "../generator/naming/words.js";
import { generate } from "../generator/pipeline.js";
import { typeName } from "../generator/targets/typescript/naming.js";
import { compileKotlin } from "./kotlin/compile.js";
import { problemLines, runCli } from "./reliability/cli.js";
import { inlineHtmlElements, inspectHtml, launchBrowser, markdownProblems, type HtmlFacts } from "./reliability/docs-safety.js";
import { compileTypeScript, loadGenerated, writeFiles, type GeneratedModule } from "./reliability/generated.js";
import { compileSwift } from "./swift/compile.js";

const GENERATING = ["comment-terminator", "quotes-backslash-dollar", "keyword-names", "non-ascii", "markup", "long-text"] as const;
const fixture = (name: string) => `test/fixtures/${name}/push-extras.schema.json`;

let work: string;
let browser: Browser;
/** The docs of the real spec: what the docs are allowed to contain whatever the spec's text. */
let baselineHtml: HtmlFacts;
let baselineInlineHtml: string[];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "push-extras-hostile-"));
  browser = await launchBrowser();
  const baseline = await generate({ specPath: "spec/push-extras.schema.json", targets: ["docs"] });
  baselineHtml = await inspectHtml(browser, contentsOf(baseline.files, "docs/", ".html"));
  baselineInlineHtml = inlineHtmlElements(contentsOf(baseline.files, "docs/", ".md"));
});
afterAll(async () => {
  await browser?.close();
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

function contentsOf(files: readonly OutputFile[], folder: string, extension: string): string {
  const matching = files.filter((f) => f.path.startsWith(folder) && f.path.endsWith(extension));
  expect(matching.map((f) => f.path), `one ${folder}*${extension} file`).toHaveLength(1);
  return matching[0]!.contents;
}

function pathsUnder(dir: string, extension: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((p) => p.endsWith(extension))
    .map((p) => join(dir, p));
}

describe.each(GENERATING)("the hostile spec %s", (name) => {
  let dir: string;
  let model: PushExtrasModel;
  let files: readonly OutputFile[];
  let api: GeneratedModule;

  beforeAll(async () => {
    dir = join(work, name);
    const result = await generate({ specPath: fixture(name) });
    model = result.model;
    files = result.files;
    writeFiles(dir, files);
  });

  it("generates every target", () => {
    const folders = new Set(files.map((f) => f.path.split("/")[0]));
    for (const folder of ["schema", "ts", "kotlin", "swift", "docs"]) expect(folders).toContain(folder);
  });

  it("TypeScript: compiles with tsc under strict, isolatedModules and verbatimModuleSyntax", async () => {
    const compiled = compileTypeScript(dir);
    expect(compiled.output).toBe("");
    expect(compiled.status).toBe(0);
    api = await loadGenerated(dir);
  });

  it("TypeScript: the validators accept and the parser reads every example, field by field", () => {
    expect(api, "the TypeScript compiled and loaded").toBeDefined();
    const prototypeKeys = Reflect.ownKeys(Object.prototype).length;
    for (const message of model.messages) {
      // Examples come from JSON.parse, as payloads do: a `__proto__` key is an own property here.
      for (const example of message.examples) {
        const label = `${message.pointer} example ${JSON.stringify(example)}`;
        expect(api.validatePushExtras(example), `${label}: ${JSON.stringify(api.validatePushExtras.errors)}`).toBe(true);
        const validateOne = api[`validate${typeName(message.name)}`] as ((v: unknown) => boolean) | undefined;
        expect(validateOne?.(example), `${label}: validate${typeName(message.name)}`).toBe(true);
        const result = api.parsePushExtras(example) as { kind: string; message: Record<string, unknown> };
        expect(result.kind, label).toBe("message");
        const parsed = result.message;
        expect(Object.getPrototypeOf(parsed), `${label}: the message is a plain object`).toBe(Object.prototype);
        expect(Reflect.ownKeys(parsed).sort(), `${label}: every field is an own property`).toEqual([model.discriminator.key, ...message.fields.map((f) => f.key)].sort());
        expect(Object.getOwnPropertyDescriptor(parsed, model.discriminator.key)?.value).toBe(message.wireType);
        for (const field of message.fields) {
          const got = Object.getOwnPropertyDescriptor(parsed, field.key)?.value;
          const sent = Object.hasOwn(example, field.key) ? example[field.key] : undefined;
          if (field.type.kind === "enum" && sent !== undefined) expect(got, `${label}: ${field.key}`).toEqual({ known: true, value: sent, raw: sent });
          else expect(got, `${label}: ${field.key}`).toBe(sent);
        }
        const guard = api[`is${typeName(message.name)}`] as ((v: unknown) => boolean) | undefined;
        expect(guard?.(example), `${label}: is${typeName(message.name)}`).toBe(true);
      }
    }
    expect(Reflect.ownKeys(Object.prototype)).toHaveLength(prototypeKeys);
  });

  it("TypeScript: the constants list every message type, enum value and key", () => {
    expect(api, "the TypeScript compiled and loaded").toBeDefined();
    const valuesOf = (constName: string) => {
      const object = api[constName];
      expect(object, constName).toBeTypeOf("object");
      return Reflect.ownKeys(object as object).map((k) => Object.getOwnPropertyDescriptor(object, k)!.value as unknown);
    };
    expect(valuesOf(typeName(model.discriminator.enumName)).sort()).toEqual(model.messages.map((m) => m.wireType).sort());
    for (const enumeration of model.enums) expect(valuesOf(typeName(enumeration.name)).sort()).toEqual(enumeration.values.map((v) => v.wire).sort());
    expect(valuesOf("PushExtrasKey").sort()).toEqual(model.keys.map((k) => k.key).sort());
  });

  it("Swift: compiles with swiftc in Swift 6 mode, warnings as errors", async () => {
    const sources = pathsUnder(join(dir, "swift"), ".swift");
    expect(sources.length).toBeGreaterThan(0);
    await compileSwift(sources, join(dir, "swift-build"));
  });

  it("Markdown docs: every table keeps its column count and no HTML of the spec's text gets through", () => {
    const markdown = contentsOf(files, "docs/", ".md");
    expect(markdownProblems(`${name}.md`, markdown, baselineInlineHtml)).toEqual([]);
  });

  it("HTML docs: no script, event handler, script URL or foreign element, in a real browser", async () => {
    const facts = await inspectHtml(browser, contentsOf(files, "docs/", ".html"));
    expect(facts.dialogs).toEqual([]);
    expect(facts.scripts).toBe(baselineHtml.scripts);
    expect(facts.handlers).toEqual([]);
    expect(facts.scriptUrls).toEqual([]);
    expect(facts.elements.filter((e) => !baselineHtml.elements.includes(e))).toEqual([]);
    // Escaped, not dropped: the reader sees every message type as written.
    for (const message of model.messages) expect(facts.text).toContain(message.wireType);
  });
});

describe("the Kotlin of every hostile spec", () => {
  it("compiles with kotlinc -Werror (one package per spec, one compiler run)", async () => {
    // kotlinc takes half a minute to start; one run over all specs keeps the suite fast. The
    // package is only an option, so the names inside each file are exactly those of the default run.
    const sources: string[] = [];
    for (const name of GENERATING) {
      const { files } = await generate({ specPath: fixture(name), targets: ["kotlin"], options: { kotlinPackage: `hostile.${name.replace(/-/g, "_")}` } });
      const dir = join(work, "kotlin", name);
      writeFiles(dir, files);
      sources.push(...pathsUnder(join(dir, "kotlin"), ".kt"));
    }
    expect(sources.length).toBeGreaterThanOrEqual(GENERATING.length);
    await compileKotlin(sources, join(work, "kotlin-classes"));
  });
});

describe("the checks above can fail", () => {
  it("markdownlint reports a broken table and inline HTML", () => {
    const broken = "| a | b |\n| --- | --- |\n| x | y | z |\n| one\ntwo | three |\n\n<script>alert(1)</script>\n";
    const problems = markdownProblems("broken.md", broken, []);
    expect(problems.some((p) => p.includes("MD056"))).toBe(true);
    expect(problems.some((p) => p.includes("MD033") && p.includes("script"))).toBe(true);
  });

  it("the browser sees an injected script, handler and javascript: link", async () => {
    const facts = await inspectHtml(browser, `<p>x</p><img src="x" onerror="alert(1)"><a href="javascript:alert(2)">y</a><script>alert(3)</script>`);
    expect(facts.scripts).toBe(1);
    expect(facts.handlers).toEqual(["img[onerror]"]);
    expect(facts.scriptUrls).toEqual(["a[href=javascript:alert(2)]"]);
    expect(facts.dialogs.length).toBeGreaterThan(0);
  });
});

describe("the hostile spec name-collision", () => {
  it("is refused by the pipeline with a NameClashError naming both values", async () => {
    const attempt = generate({ specPath: fixture("name-collision") });
    await expect(attempt).rejects.toBeInstanceOf(NameClashError);
    await expect(attempt).rejects.toThrow(/"operation\.timeout".*"operation-timeout"|"operation-timeout".*"operation\.timeout"/);
  });

  // Each language names enum values on its own; each must see the clash (docs and validators name none).
  for (const target of ["typescript", "kotlin", "swift"]) {
    it(`is refused by the ${target} target alone, naming both values`, async () => {
      await expect(generate({ specPath: fixture("name-collision"), targets: [target] })).rejects.toThrow(/operation\.timeout.*operation-timeout/);
    });
  }

  it("is refused by the command line with exit 2, one message naming both values, and nothing written", () => {
    const parent = join(work, "collision");
    const run = runCli(["generate", "--spec", fixture("name-collision"), "--out", join(parent, "out")]);
    expect(run.status, run.stderr).toBe(2);
    const problems = problemLines(run);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/"operation\.timeout".*"operation-timeout"/);
    expect(readdirSync(work)).not.toContain("collision");
  });
});
