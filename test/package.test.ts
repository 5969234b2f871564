/**
 * The npm package as a newcomer gets it: `npm pack` in a copy of the repository, the tarball
 * installed into an app project with npm, then used from TypeScript (bundler and node16
 * resolution), plain Node (ES module and CommonJS) and the command line, and checked by publint and
 * @arethetypeswrong/cli. See test/package/workspace.ts for how the desk is set up.
 */
import { readFileSync, rmSync, mkdirSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { treeHash } from "./reliability/cli.js";
import { createWorkspace, generateInRepository, install, listFiles, mustRun, pack, REPOSITORY, run, type Workspace } from "./package/workspace.js";

const TSC = join(REPOSITORY, "node_modules", "typescript", "bin", "tsc");
const ATTW = join(REPOSITORY, "node_modules", "@arethetypeswrong", "cli", "dist", "index.js");

let workspace: Workspace;
let tarball: string;
let installed: string;
let manifest: { name: string; version: string; license: string; exports: Record<string, unknown> };

beforeAll(() => {
  workspace = createWorkspace("package");
  generateInRepository(workspace);
  tarball = pack(workspace);
  install(workspace, tarball);
  installed = join(workspace.app, "node_modules", "push-extras");
  manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
});
afterAll(() => {
  if (workspace !== undefined) rmSync(workspace.dir, { recursive: true, force: true });
});

/** Every example payload of the installed schema: each one is a valid message. */
function schemaExamples(): unknown[] {
  const schema = JSON.parse(readFileSync(join(installed, "generated", "schema", "push-extras.schema.json"), "utf8")) as { $defs: Record<string, { examples?: unknown[] }> };
  return Object.values(schema.$defs).flatMap((definition) => definition.examples ?? []);
}

/** Payloads with what every consumer must make of them, whatever module system it uses. */
function payloadsAndExpectations(): { payloads: unknown[]; expected: string[] } {
  const examples = schemaExamples();
  const payloads = [...examples, {}, { messageType: "x.newer.than.this.package" }];
  const expected = [
    ...examples.map((e) => JSON.stringify({ valid: true, kind: "message", messageType: (e as { messageType: string }).messageType })),
    JSON.stringify({ valid: false, kind: "invalid" }),
    JSON.stringify({ valid: false, kind: "unknown" }),
  ];
  return { payloads, expected };
}

/**
 * The body of a consumer module (no exports, so that it is valid in an ES module and in a CommonJS
 * one): what the validator and the parser make of a payload, in one line.
 */
function consumerBody(): string {
  return [
    "function summarize(payload: unknown): string {",
    "  const valid = validatePushExtras(payload);",
    "  const parsed = parsePushExtras(payload);",
    "  // Narrowed by the validator's type guard: messageType is the union of the spec's literals.",
    '  const messageType: PushExtras["messageType"] | undefined = valid ? payload.messageType : undefined;',
    "  return JSON.stringify({ valid, kind: parsed.kind, messageType });",
    "}",
    "",
    "// The types are real, not `any`: each line below must be a compile error.",
    "// @ts-expect-error a messageType that the spec does not have",
    'const wrongType: PushExtras = { messageType: "no.such.type" };',
    "// @ts-expect-error the parser result is a union: `message` needs kind === \"message\"",
    "const unchecked = (payload: unknown) => parsePushExtras(payload).message;",
    "void wrongType, unchecked;",
    "",
  ].join("\n");
}

function writeFiles(dir: string, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

function tsc(project: string): void {
  const r = run(process.execPath, [TSC, "-p", project], workspace.app);
  expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
}

describe("the tarball", () => {
  it("has the real name, version and license, and holds the package and nothing of the repository's work", () => {
    expect(manifest.name).toBe("push-extras");
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(tarball.endsWith(`push-extras-${manifest.version}.tgz`)).toBe(true);
    expect(manifest.license).toBe("Apache-2.0");
    expect(readFileSync(join(installed, "LICENSE"), "utf8")).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);

    expect(readdirSync(installed).sort()).toEqual(["LICENSE", "README.md", "dist", "generated", "generator", "package.json", "spec", "templates"]);
    expect(readdirSync(join(installed, "generator"))).toEqual(["config.schema.json"]);
    const files = listFiles(installed);
    for (const kind of ["esm", "cjs"]) {
      for (const module of ["index", "types", "constants", "parser", "validators"]) {
        expect(files).toContain(`dist/ts/${kind}/${module}.js`);
        expect(files).toContain(`dist/ts/${kind}/${module}.d.ts`);
      }
    }
    expect(JSON.parse(readFileSync(join(installed, "dist/ts/esm/package.json"), "utf8"))).toEqual({ type: "module" });
    expect(JSON.parse(readFileSync(join(installed, "dist/ts/cjs/package.json"), "utf8"))).toEqual({ type: "commonjs" });
    expect(files).toContain("dist/generator/cli.js");
    expect(files).toContain("spec/push-extras.schema.json");
    // The package build step needs the compilers of the repository, not of the people installing it.
    expect(files).not.toContain("dist/generator/build-package.js");
    expect(files.filter((f) => f.startsWith("dist/generator/") && !f.endsWith(".js"))).toEqual([]);
  });

  it("ships the generated outputs that its own command line generates, byte for byte", () => {
    const version = run("npx", ["push-extras", "--version"], workspace.app);
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout.trim()).toBe(manifest.version);

    const generated = run("npx", ["push-extras", "generate", "--out", "out"], workspace.app);
    expect(generated.status, generated.stderr).toBe(0);
    expect(generated.stdout).toMatch(/^✓ typescript /m);
    expect(treeHash(join(workspace.app, "out"))).toEqual(treeHash(join(installed, "generated")));
    const check = run("npx", ["push-extras", "check", "--out", "out", "--quiet"], workspace.app);
    expect(check.status, check.stderr).toBe(0);
  });
});

describe("TypeScript projects", () => {
  it("typecheck `import { validatePushExtras, parsePushExtras, type PushExtras }` with moduleResolution bundler", () => {
    const dir = join(workspace.app, "bundler");
    writeFiles(dir, {
      "tsconfig.json": JSON.stringify({
        compilerOptions: { module: "preserve", moduleResolution: "bundler", target: "es2022", strict: true, noEmit: true, verbatimModuleSyntax: true, isolatedModules: true, types: [] },
        files: ["main.ts"],
      }),
      "main.ts": `import { validatePushExtras, parsePushExtras, type PushExtras } from "push-extras";\n\n${consumerBody()}`,
    });
    tsc(join(dir, "tsconfig.json"));
  });

  it("with moduleResolution node16 compile an ES module and a CommonJS module that run alike", () => {
    const dir = join(workspace.app, "node16");
    const { payloads, expected } = payloadsAndExpectations();
    const runner = () =>
      `const payloads: unknown[] = JSON.parse(readFileSync(process.argv[2] ?? "", "utf8"));\nfor (const payload of payloads) console.log(summarize(payload));\n`;
    writeFiles(dir, {
      "tsconfig.json": JSON.stringify({
        compilerOptions: {
          module: "node16",
          moduleResolution: "node16",
          target: "es2022",
          strict: true,
          verbatimModuleSyntax: true,
          isolatedModules: true,
          outDir: "build",
          rootDir: ".",
          typeRoots: [join(REPOSITORY, "node_modules", "@types")],
          types: ["node"],
        },
        files: ["esm.mts", "cjs.cts"],
      }),
      "esm.mts":
        `import { validatePushExtras, parsePushExtras, type PushExtras } from "push-extras";\nimport { readFileSync } from "node:fs";\n\n${consumerBody()}` +
        runner(),
      // In a CommonJS module `import x = require()` is what verbatimModuleSyntax allows; the
      // package's `require` condition gives it CommonJS code and declarations of its own.
      "cjs.cts":
        `import pushExtras = require("push-extras");\nimport type { PushExtras } from "push-extras";\nimport fs = require("node:fs");\n` +
        "const { validatePushExtras, parsePushExtras } = pushExtras;\nconst { readFileSync } = fs;\n\n" +
        consumerBody() +
        runner(),
      "payloads.json": JSON.stringify(payloads),
    });
    tsc(join(dir, "tsconfig.json"));
    for (const built of ["build/esm.mjs", "build/cjs.cjs"]) {
      const r = mustRun(process.execPath, [join(dir, built), join(dir, "payloads.json")], dir);
      expect(r.stdout.trim().split("\n"), built).toEqual(expected);
    }
  });
});

describe("plain Node", () => {
  const checks = (load: string) =>
    [
      load,
      "const out = [];",
      "for (const payload of payloads) {",
      "  const valid = validatePushExtras(payload);",
      "  out.push(JSON.stringify({ valid, kind: parsePushExtras(payload).kind, messageType: valid ? payload.messageType : undefined }));",
      "}",
      "console.log(out.join('\\n'));",
      "console.log(JSON.stringify({ id: schema.$id, version: manifest.version, subpaths }));",
    ].join("\n");
  const subpaths = () =>
    ["kotlin", "swift", "docs"].flatMap((folder) => readdirSync(join(installed, "generated", folder)).map((file) => `push-extras/${folder}/${file}`));

  function runBoth(): string[] {
    const dir = join(workspace.app, "plain");
    const { payloads } = payloadsAndExpectations();
    const list = JSON.stringify(subpaths());
    writeFiles(dir, {
      "payloads.json": JSON.stringify(payloads),
      "check.mjs": checks(
        [
          'import { validatePushExtras, parsePushExtras } from "push-extras";',
          'import schema from "push-extras/schema.json" with { type: "json" };',
          'import manifest from "push-extras/package.json" with { type: "json" };',
          'import { readFileSync } from "node:fs";',
          'import { fileURLToPath } from "node:url";',
          'const payloads = JSON.parse(readFileSync(new URL("./payloads.json", import.meta.url), "utf8"));',
          `const subpaths = ${list}.map((s) => fileURLToPath(import.meta.resolve(s)));`,
        ].join("\n"),
      ),
      "check.cjs": checks(
        [
          'const { validatePushExtras, parsePushExtras } = require("push-extras");',
          'const schema = require("push-extras/schema.json");',
          'const manifest = require("push-extras/package.json");',
          'const payloads = require("./payloads.json");',
          `const subpaths = ${list}.map((s) => require.resolve(s));`,
        ].join("\n"),
      ),
    });
    return ["check.mjs", "check.cjs"].map((file) => mustRun(process.execPath, ["--no-warnings", join(dir, file)], dir).stdout);
  }

  it("import (.mjs) and require (.cjs) both load the validators, the parser, the schema and the other outputs", () => {
    const [esm, cjs] = runBoth();
    expect(cjs).toBe(esm);
    const lines = esm!.trim().split("\n");
    const { expected } = payloadsAndExpectations();
    expect(lines.slice(0, -1)).toEqual(expected);
    const facts = JSON.parse(lines.at(-1)!) as { id: string; version: string; subpaths: string[] };
    const spec = JSON.parse(readFileSync(join(REPOSITORY, "spec", "push-extras.schema.json"), "utf8")) as { $id: string };
    expect(facts.id).toBe(spec.$id);
    expect(facts.version).toBe(manifest.version);
    expect(facts.subpaths.map((p) => p.slice(installed.length + 1))).toEqual(subpaths().map((s) => `generated/${s.slice("push-extras/".length)}`));
  });

  it("the CommonJS build is a translation of the ES modules, file for file", () => {
    const names = (kind: string) => readdirSync(join(installed, "dist", "ts", kind)).sort();
    expect(names("cjs")).toEqual(names("esm"));
    for (const file of names("esm").filter((f) => f.endsWith(".d.ts"))) {
      expect(readFileSync(join(installed, "dist/ts/cjs", file), "utf8"), file).toBe(readFileSync(join(installed, "dist/ts/esm", file), "utf8"));
    }
    expect(readFileSync(join(installed, "dist/ts/esm/validators.js"), "utf8")).toBe(readFileSync(join(installed, "generated/ts/validators.js"), "utf8"));
  });
});

describe("package linters", () => {
  it("publint finds no error, warning or suggestion in the tarball", async () => {
    const bytes = readFileSync(tarball);
    const tarballData = new Uint8Array(bytes).buffer;
    const result = await publint({ pack: { tarball: tarballData }, level: "suggestion" });
    expect(result.messages.map((m) => `${m.type}: ${formatMessage(m, result.pkg) ?? m.code}`)).toEqual([]);
  });

  it("@arethetypeswrong/cli finds every entry point typed, in every resolution mode that reads `exports`", () => {
    const r = run(process.execPath, [ATTW, tarball, "--format", "json"], workspace.app);
    const report = JSON.parse(r.stdout) as { analysis: { problems?: { kind: string; entrypoint: string; resolutionKind: string }[]; entrypoints: Record<string, unknown> } };
    expect(Object.keys(report.analysis.entrypoints)).toEqual(Object.keys(manifest.exports));
    // The one thing it reports: TypeScript's node10 resolution (`moduleResolution: node`, removed in
    // TypeScript 7) predates `exports` and looks for schema.json files at the package root. The
    // schemas are data for editors and validators, which resolve them through `exports` as Node
    // does; the code entry point has `main` and `types` for node10 and passes.
    const jsonSubpaths = Object.keys(manifest.exports).filter((p) => p.endsWith(".json") && p !== "./package.json");
    expect(report.analysis.problems ?? []).toEqual(jsonSubpaths.map((entrypoint) => ({ kind: "NoResolution", entrypoint, resolutionKind: "node10" })));
    const node16 = run(process.execPath, [ATTW, tarball, "--profile", "node16", "--format", "json"], workspace.app);
    expect(node16.status, node16.stdout).toBe(0);
  });
});
