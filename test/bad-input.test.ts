/**
 * Bad input to the generator: every broken spec and every bad option is refused by the real command
 * line with exit code 2 and one message that names the file and the JSON pointer, and the output
 * folder is left byte for byte as it was, with no temporary folder beside it.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemLines, runCli, treeHash } from "./reliability/cli.js";

const BAD = "test/fixtures/bad";
const GOOD_SPEC = "spec/push-extras.schema.json";

interface BadCase {
  readonly name: string;
  /** Arguments after `generate`, except `--out`. */
  readonly args: readonly string[];
  /** The place the one message must name: `file#pointer: ` (or `file: ` for the whole file). */
  readonly at: string;
  readonly message: RegExp;
}

const spec = (file: string) => `${BAD}/${file}.json`;
/** A case whose broken spec is `test/fixtures/bad/<name>.json`. */
function specCase(name: string, pointer: string, message: RegExp): BadCase {
  return { name, args: ["--spec", spec(name)], at: `${spec(name)}${pointer === "" ? "" : `#${pointer}`}: `, message };
}

const cases: readonly BadCase[] = [
  specCase("not-json", "", /not valid JSON: .*\(line 1, column 3\)/),
  specCase("truncated-json", "", /not valid JSON: Unterminated string .*\(line \d+, column \d+\)/),
  specCase("empty-file", "", /spec file is empty/),
  specCase("whitespace-only", "", /spec file is empty/),
  specCase("not-an-object", "", /must be a JSON object/),
  specCase("wrong-schema", "/$schema", /unsupported \$schema "http:\/\/json-schema.org\/draft-07\/schema#".*2020-12/),
  specCase("missing-schema", "/$schema", /\$schema.*2020-12/),
  specCase("invalid-json-schema", "/$defs/OperationName/minLength", /not a valid JSON Schema: must be >= 0/),
  specCase("no-discriminator", "", /"discriminator": \{"propertyName": \.\.\.\}/),
  specCase("empty-one-of", "/oneOf", /not a valid JSON Schema: must NOT have fewer than 1 items/),
  specCase("branch-without-const", "/$defs/StatusChange", /does not pin "messageType".*string const/),
  specCase("const-not-string", "/$defs/StatusChange", /does not pin "messageType".*string const/),
  specCase("duplicate-message-type", "/$defs/InboxMessageNew", /"mtoken\.statusChange" is used by \/\$defs\/StatusChange too/),
  specCase("field-not-string", "/$defs/InboxMessageNew/properties/inboxId", /field type is "integer"/),
  specCase("unresolvable-ref", "/$defs/InboxMessageNew/properties/inboxId", /unresolvable \$ref "#\/\$defs\/InboxIdentifier"/),
  specCase("external-ref", "/$defs/InboxMessageNew/properties/inboxId", /\$ref "common\.json#\/\$defs\/InboxId" points outside the spec/),
  specCase("circular-ref", "/$defs/InboxKey", /circular \$ref "#\/\$defs\/InboxId"/),
  specCase("missing-field-description", "/$defs/InboxMessageNew/properties/inboxId", /missing "description"/),
  specCase("missing-message-description", "/$defs/StatusChange", /missing "description"/),
  specCase("missing-enum-description", "/$defs/OperationResult/x-enumDescriptions/operation.timeout", /enum value "operation\.timeout" has no description/),
  specCase("invalid-example", "/$defs/OperationInit/examples/1", /example does not validate: \/operationId must match pattern/),
  specCase("example-of-other-type", "/$defs/StatusChange/examples/1", /example belongs to another message type than "mtoken\.statusChange"/),
  specCase("no-examples", "/$defs/InboxMessageNew", /no "examples"/),
  specCase("unknown-group", "/$defs/InboxMessageNew", /"x-group" "billing" is not a group id/),
  specCase("required-without-property", "/$defs/InboxMessageNew/required", /required key "inboxTitle" has no entry in "properties"/),
  specCase("tolerant-optional-not-required", "/$defs/OperationInit/x-tolerantOptional", /"activationId".*only required fields/),
  specCase("nameless-enum-value", "/$defs/OperationResult/enum", /cannot derive a name from "!!!"/),
  specCase("text-too-long", "/$defs/InboxId/description", /a string of 16532 characters; every string of the spec, key or value, is at most 16384 characters long/),
  { name: "missing file", args: ["--spec", spec("does-not-exist")], at: `${spec("does-not-exist")}: `, message: /spec file not found/ },
  { name: "unknown target", args: ["--spec", GOOD_SPEC, "--targets", "schema,cobol"], at: "--targets: ", message: /one of the allowed values: "schema", "typescript"/ },
  { name: "bad Kotlin package", args: ["--spec", GOOD_SPEC, "--kotlin-package", "com.push extras"], at: "--kotlin-package: ", message: /must match pattern/ },
];

let work: string;
let pristine: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "push-extras-bad-input-"));
  // An output folder as an earlier good run left it: the state every failed run must preserve.
  pristine = join(work, "pristine");
  const first = runCli(["generate", "--spec", GOOD_SPEC, "--out", pristine, "--targets", "schema", "--quiet"]);
  if (first.status !== 0) throw new Error(`the good spec does not generate:\n${first.stderr}`);
});
afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

/** Runs `generate` with the args into a copy of the pristine output and proves nothing changed. */
function refuse(caseName: string, args: readonly string[]) {
  const parent = join(work, caseName.replace(/[^a-z0-9]+/gi, "-"));
  const out = join(parent, "out");
  mkdirSync(parent);
  cpSync(pristine, out, { recursive: true });
  const before = treeHash(out);
  const run = runCli(["generate", ...args, "--out", out]);
  expect(treeHash(out), "the output folder is byte for byte as it was").toEqual(before);
  expect(readdirSync(parent), "no temporary folder is left beside the output").toEqual(["out"]);
  return run;
}

describe("a broken spec or bad option", () => {
  it("has at least 15 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  for (const c of cases) {
    it(`${c.name}: exits 2 with one message naming the file and pointer, and writes nothing`, () => {
      const run = refuse(c.name, c.args);
      expect(run.status, run.stderr).toBe(2);
      const problems = problemLines(run);
      expect(problems, run.stderr).toHaveLength(1);
      const problem = problems[0]!;
      expect(problem.startsWith(`error: ${c.at}`), `${problem}\nshould start with error: ${c.at}`).toBe(true);
      expect(problem).toMatch(c.message);
      expect(run.stderr).toMatch(/^error: nothing was written/m);
      expect(run.stdout).toBe("");
    });
  }

  it("a folder given as the spec: exits 2 and says it is a folder", () => {
    const folder = join(work, "spec-folder.json");
    mkdirSync(folder);
    writeFileSync(join(folder, "push-extras.schema.json"), "{}");
    const run = refuse("folder", ["--spec", folder]);
    expect(run.status).toBe(2);
    expect(problemLines(run)).toEqual([`error: ${folder}: is a folder; --spec needs a JSON Schema file`]);
  });

  it("an unknown option: exits 2 naming the option, and writes nothing", () => {
    const run = refuse("unknown-option", ["--spec", GOOD_SPEC, "--output-dir", "elsewhere"]);
    expect(run.status).toBe(2);
    expect(problemLines(run)).toEqual(["error: unknown option '--output-dir'"]);
    expect(existsSync("elsewhere")).toBe(false);
  });

  it("a bad option value: exits 2 naming the allowed choices", () => {
    const run = refuse("bad-choice", ["--spec", GOOD_SPEC, "--swift-access", "open"]);
    expect(run.status).toBe(2);
    expect(problemLines(run)).toEqual([
      "error: option '--swift-access <level>' argument 'open' is invalid. Allowed choices are public, internal.",
    ]);
  });

  it("an unknown setting in the config file: exits 2 with the file and pointer", () => {
    const config = join(work, "push-extras.config.json");
    writeFileSync(config, JSON.stringify({ spec: join(process.cwd(), GOOD_SPEC), outDir: "x" }));
    const run = refuse("unknown-setting", ["--config", config]);
    expect(run.status).toBe(2);
    expect(problemLines(run)).toEqual([`error: ${config}#/outDir: unknown setting "outDir"`]);
  });

  it("a clash that only a late target sees (Kotlin's upper case folds ß into SS): earlier targets ran, nothing is written", () => {
    const run = refuse("late-clash", ["--spec", spec("late-target-clash")]);
    expect(run.status, run.stderr).toBe(2);
    // The first targets emitted their files before the Kotlin target failed...
    for (const target of ["schema", "typescript", "validators"]) expect(run.stdout).toMatch(new RegExp(`^✓ ${target} `, "m"));
    expect(run.stdout).not.toMatch(/^✓ kotlin /m);
    // ...and still none of them reached the output folder (checked by refuse).
    expect(problemLines(run)).toEqual([expect.stringMatching(/^error: .*Kotlin .*"operation\.straße" and value "operation\.strasse" both map to the identifier OPERATION_STRASSE/)]);
  });

  it("an output path that is a file: exits 2 and leaves the file as it was", () => {
    const parent = join(work, "out-is-a-file");
    mkdirSync(parent);
    const file = join(parent, "out");
    writeFileSync(file, "not a folder\n");
    const run = runCli(["generate", "--spec", GOOD_SPEC, "--out", file]);
    expect(run.status).toBe(2);
    expect(problemLines(run)).toEqual([`error: ${file}: the output path exists and is not a folder`]);
    expect(treeHash(parent)).toEqual({ out: createHash("sha256").update("not a folder\n").digest("hex") });
  });

  it("creates no output folder when there was none", () => {
    const parent = join(work, "fresh");
    mkdirSync(parent);
    const run = runCli(["generate", "--spec", spec("invalid-example"), "--out", join(parent, "out")]);
    expect(run.status).toBe(2);
    expect(readdirSync(parent)).toEqual([]);
  });
});
