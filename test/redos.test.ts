/**
 * Catastrophic backtracking: every `pattern` of the spec, every regular expression in the
 * generated code (TypeScript, validators, Kotlin, Swift, docs) and in the generator itself is
 * checked with recheck, and only the status `safe` passes. A payload is attacker-controlled input on millions of phones and
 * servers; one exponential pattern there is a denial of service.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkSync, type Diagnostics } from "recheck";
import { beforeAll, describe, expect, it } from "vitest";
import type { OutputFile } from "../generator/model.js";
import { generate } from "../generator/pipeline.js";
import { kotlinRegexes, schemaPatterns, scriptRegexes, swiftRegexes, type FoundRegex, type RegexScan } from "./reliability/regexes.js";

const SPECS = ["spec/push-extras.schema.json", "test/fixtures/quotes-backslash-dollar/push-extras.schema.json"];

const verdicts = new Map<string, Diagnostics>();

/**
 * Checks one expression once. Kotlin and Swift expressions have no flags of their own; they are
 * read in Unicode mode (as `\p{...}` needs) unless that mode rejects their syntax.
 */
function recheck(regex: FoundRegex, language: "js" | "other"): Diagnostics {
  const key = `${language}\u0000${regex.flags}\u0000${regex.source}`;
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    verdict = checkSync(regex.source, language === "js" ? regex.flags : "u");
    if (language === "other" && verdict.status === "unknown" && verdict.error.kind === "invalid") verdict = checkSync(regex.source, "");
    verdicts.set(key, verdict);
  }
  return verdict;
}

function describeVerdict(regex: FoundRegex, verdict: Diagnostics): string {
  const detail = verdict.status === "vulnerable" ? `${verdict.complexity.type}, attack ${JSON.stringify(verdict.attack.pattern)}` : verdict.status === "unknown" ? verdict.error.kind : "";
  return `${regex.where}: /${regex.source}/${regex.flags} is ${verdict.status} ${detail}`;
}

function scanFile(file: OutputFile): { scan: RegexScan; language: "js" | "other" } | null {
  if (/\.(ts|js|mjs|cjs)$/.test(file.path)) return { scan: scriptRegexes(file.path, file.contents), language: "js" };
  if (file.path.endsWith(".kt")) return { scan: kotlinRegexes(file.path, file.contents), language: "other" };
  if (file.path.endsWith(".swift")) return { scan: swiftRegexes(file.path, file.contents), language: "other" };
  if (file.path.endsWith(".html")) {
    // Inline scripts of the HTML docs run in the reader's browser.
    const scripts = [...file.contents.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]!).join("\n");
    return { scan: scriptRegexes(`${file.path} (inline script)`, scripts), language: "js" };
  }
  return null;
}

describe("the checker and the extractors", () => {
  it("recheck flags a known exponential pattern, so a safe verdict means something", () => {
    expect(checkSync("^(a+)+$", "").status).toBe("vulnerable");
    expect(checkSync("^(?:a|a)*$", "u").status).toBe("vulnerable");
  });

  it("reads regular expressions out of TypeScript, Kotlin and Swift source", () => {
    const ts = scriptRegexes("a.ts", String.raw`const a = /^x+$/u; const b = new RegExp("^\\d\"$", "i"); const c = RegExp(name);`);
    expect(ts.found.map((r) => [r.source, r.flags])).toEqual([["^x+$", "u"], [String.raw`^\d"$`, "i"]]);
    expect(ts.dynamic).toEqual(["a.ts:1"]);
    const kotlin = [String.raw`val a = Regex("^\\d\$\u0041$")`, String.raw`val b = """^\w${'$'}""".toRegex()`, String.raw`val c = Regex("$prefix.*")`];
    const kt = kotlinRegexes("a.kt", kotlin.join("\n"));
    expect(kt.found.map((r) => r.source)).toEqual([String.raw`^\d$A$`, String.raw`^\w$`]);
    expect(kt.dynamic).toEqual(["a.kt:3"]);
    const swiftSource = [String.raw`let a = try NSRegularExpression(pattern: "^\\d\u{41}$")`, "let b = #/^[a-f]+$/#", String.raw`let c = try Regex(#"^\d"#)`, String.raw`let d = try Regex("\(x)")`];
    const swift = swiftRegexes("a.swift", swiftSource.join("\n"));
    expect(swift.found.map((r) => r.source)).toEqual([String.raw`^\dA$`, String.raw`^\d`, "^[a-f]+$"]);
    expect(swift.dynamic).toEqual(["a.swift:4"]);
  });
});

describe("a spec with an exponential pattern (test/fixtures/redos-pattern)", () => {
  it("is accepted by the generator, and the scan of its generated validators finds the pattern vulnerable", async () => {
    const { files } = await generate({ specPath: "test/fixtures/redos-pattern/push-extras.schema.json", targets: ["typescript", "validators"] });
    const verdicts = files.flatMap((file) => {
      const scanned = scanFile(file);
      return scanned === null ? [] : scanned.scan.found.map((regex) => ({ source: regex.source, status: recheck(regex, scanned.language).status }));
    });
    expect(verdicts).toContainEqual({ source: "^(?:[a-z]+_?)+$", status: "vulnerable" });
  });
});

describe("regular expressions of the spec", () => {
  for (const spec of SPECS) {
    const patterns = schemaPatterns(JSON.parse(readFileSync(spec, "utf8")));
    it(`${spec}: has patterns to check`, () => {
      expect(patterns.length).toBeGreaterThan(0);
    });
    for (const pattern of patterns) {
      it(`${spec}#${pattern.where} is safe`, () => {
        const verdict = recheck(pattern, "js");
        expect(verdict.status, describeVerdict(pattern, verdict)).toBe("safe");
      });
    }
  }
});

describe("regular expressions of the generator itself", () => {
  // The spec's text runs through them: a hostile description must not stall a build.
  it("are all safe, and none is built from a variable", () => {
    const sources = readdirSync("generator", { recursive: true }).map(String).filter((f) => f.endsWith(".ts"));
    const problems: string[] = [];
    let checked = 0;
    for (const source of sources) {
      const path = join("generator", source);
      const scan = scriptRegexes(path, readFileSync(path, "utf8"));
      problems.push(...scan.dynamic.map((where) => `${where}: a regular expression built at run time cannot be checked`));
      for (const regex of scan.found) {
        const verdict = recheck(regex, "js");
        checked++;
        if (verdict.status !== "safe") problems.push(describeVerdict(regex, verdict));
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });
});

describe.each(SPECS)("regular expressions of the code generated from %s", (spec) => {
  let files: readonly OutputFile[];
  const patterns = schemaPatterns(JSON.parse(readFileSync(spec, "utf8")));
  beforeAll(async () => {
    files = (await generate({ specPath: spec })).files;
  });

  it("are all safe, and none is built from a variable", () => {
    const problems: string[] = [];
    let checked = 0;
    for (const file of files) {
      const scanned = scanFile(file);
      if (scanned === null) continue;
      problems.push(...scanned.scan.dynamic.map((where) => `${where}: a regular expression built at run time cannot be checked`));
      for (const regex of scanned.scan.found) {
        const verdict = recheck(regex, scanned.language);
        checked++;
        if (verdict.status !== "safe") problems.push(describeVerdict(regex, verdict));
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(patterns.length);
  });

  it("the validators carry every spec pattern exactly, so the check above saw them", () => {
    const validators = files.find((f) => f.path === "ts/validators.js");
    expect(validators).toBeDefined();
    const sources = new Set(scriptRegexes(validators!.path, validators!.contents).found.map((r) => r.source));
    for (const pattern of patterns) expect(sources, pattern.where).toContain(pattern.source);
  });
});
