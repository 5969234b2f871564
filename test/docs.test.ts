/**
 * The docs target without a browser: escaping rules as tables of given and wanted, golden files,
 * markdownlint, determinism, and the facts of the page the docs replace, word for word.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { createStrictAjv } from "../generator/ajv.js";
import { InputError } from "../generator/errors.js";
import { NameClashError } from "../generator/naming/words.js";
import { assignAnchors, headingAnchor } from "../generator/targets/docs/anchors.js";
import { escapeHtml, htmlInline } from "../generator/targets/docs/html-escape.js";
import { code, descriptionInline, descriptionParagraphs, displayValue, text } from "../generator/targets/docs/inline.js";
import { escapeMarkdownText, markdownCodeBlock, markdownCodeSpan, markdownLine, markdownParagraph } from "../generator/targets/docs/markdown-escape.js";
import { CANONICAL_SPEC, generateDocs, lintMarkdown } from "./docs/helpers.js";
import { htmlRows, markdownRows, plainText } from "./docs/tables.js";

const GOLDEN_DIR = "test/docs/golden";
const GOLDEN_CASES = [
  { name: "push-extras", spec: CANONICAL_SPEC },
  { name: "markdown-syntax", spec: "test/docs/fixtures/markdown-syntax/push-extras.schema.json" },
];

describe("Markdown escaping", () => {
  it.each([
    ["a|b", "a\\|b"],
    ["<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"],
    ["&amp; &copy;", "\\&amp; \\&copy;"],
    ["*em* _em_ **strong**", "\\*em\\* \\_em\\_ \\*\\*strong\\*\\*"],
    ["[link](javascript:x) ![img](y)", "\\[link\\](javascript:x) !\\[img\\](y)"],
    ["`code`", "\\`code\\`"],
    ["back\\slash", "back\\\\slash"],
    ["https://example.com www.example.com a@b.co", "https\\://example.com www\\.example.com a\\@b.co"],
    ["$x$ ~~s~~ # h", "\\$x\\$ \\~\\~s\\~\\~ \\# h"],
    ["*/ -->", "\\*/ --\\>"],
  ])("text %j becomes %j", (given, want) => {
    expect(escapeMarkdownText(given)).toBe(want);
  });

  it.each([
    ["a|b", false, "`a|b`"],
    ["a|b", true, "`a\\|b`"],
    ["`tick`", false, "`` `tick` ``"],
    ["a`b", true, "``a`b``"],
    // A table cannot carry these in a code span exactly, so they become escaped text.
    ["a``b", false, "a\\`\\`b"],
    ["a\\|b", true, "a\\\\\\|b"],
    ["a\\|b", false, "`a\\|b`"],
  ] as const)("code %j (in a table cell: %s) becomes %j", (given, inCell, want) => {
    expect(markdownCodeSpan(given, inCell)).toBe(want);
  });

  it("fences a code block with more backticks than any run inside it", () => {
    expect(markdownCodeBlock('{"a": "```"}', "json")).toBe('````json\n{"a": "```"}\n````');
    expect(markdownCodeBlock("{}", "json")).toBe("```json\n{}\n```");
  });

  it("keeps a table cell on one line whatever the text holds", () => {
    const cell = markdownLine(descriptionInline("one\ntwo | three\r\n\r\nfour\u2028five"), true);
    expect(cell).toBe("one two \\| three four five");
  });

  it("wraps prose at 80 columns and never starts a line with block syntax", () => {
    const hostile = ["- a", "+ b", "* c", "1. d", "2) e", "# f", "> g", "= h", "``` i", "~~~ j", "<div>"].map((s) => `${s} `.repeat(12)).join("");
    const lines = markdownParagraph([text(hostile)], 80).split("\n");
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(80);
      expect(line).not.toMatch(/^([-+*] |\d+[.)] |#|>|=|```|~~~|<)/);
    }
    const item = markdownParagraph([text("word ".repeat(40))], 80, "- ", "  ").split("\n");
    expect(item[0]).toMatch(/^- word/);
    expect(item.slice(1).every((l) => l.startsWith("  word"))).toBe(true);
  });
});

describe("HTML escaping", () => {
  it("escapes every character that could open markup, in text and attributes", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>\u0000`)).toBe("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;\uFFFD");
  });

  it("writes only its own markup around escaped text", () => {
    expect(htmlInline([text("a <b> "), code("x</code><script>")])).toBe("a &lt;b&gt; <code>x&lt;/code&gt;&lt;script&gt;</code>");
  });
});

describe("values and descriptions", () => {
  it.each([
    ["mtoken.operationInit", "mtoken.operationInit"],
    ["", '""'],
    [" padded ", '" padded "'],
    ["line\nbreak", '"line\\nbreak"'],
    ["tab\tand \"quote\" \\", '"tab\\tand \\"quote\\" \\\\"'],
    ["\u202eevil", '"\\u202eevil"'],
    ["a\u2028b", '"a\\u2028b"'],
    ["family 👩‍👩‍👧", "family 👩‍👩‍👧"],
  ])("the wire value %j is shown as %j", (given, want) => {
    expect(displayValue(given)).toBe(want);
  });

  it("reads paragraphs and code spans the way CommonMark does", () => {
    expect(descriptionParagraphs("Use `a|b` or ``x `y` z``.\r\n\r\nNot `closed")).toEqual([
      [text("Use "), code("a|b"), text(" or "), code("x `y` z"), text(".")],
      [text("Not `closed")],
    ]);
  });
});

describe("heading anchors", () => {
  it.each([
    ["Message mtoken.operationInit", "message-mtokenoperationinit"],
    ["Operation lifecycle", "operation-lifecycle"],
    ["Reading a payload", "reading-a-payload"],
    ["<b>Operation</b> | lifecycle", "boperationb--lifecycle"],
    ["Opération 收件箱 ✅", "opération-收件箱-"],
  ])("%j gets the anchor GitHub gives it, %j", (heading, anchor) => {
    expect(headingAnchor(heading)).toBe(anchor);
  });

  const source = { file: "spec.json", pointer: "/x", what: "heading" };
  it("fails loudly when two headings would share an anchor", () => {
    expect(() => assignAnchors([{ visibleText: "Message inbox", source }, { visibleText: "Message Inbox!", source }])).toThrow(NameClashError);
  });

  it("fails loudly when a heading has no letter or digit", () => {
    expect(() => assignAnchors([{ visibleText: "— !", source }])).toThrow(InputError);
  });
});

describe.each(GOLDEN_CASES)("docs of $name", ({ name, spec }) => {
  it("match the golden files (UPDATE_GOLDEN=1 rewrites them)", async () => {
    const docs = await generateDocs(spec);
    for (const [ext, contents] of [["md", docs.markdown], ["html", docs.html]] as const) {
      const path = join(GOLDEN_DIR, `${name}.${ext}`);
      if (process.env["UPDATE_GOLDEN"] === "1") {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, contents);
      }
      expect(existsSync(path), `${path} is missing; run UPDATE_GOLDEN=1 npx vitest run test/docs.test.ts`).toBe(true);
      expect(contents, `${path} differs; run UPDATE_GOLDEN=1 npx vitest run test/docs.test.ts and review the diff`).toBe(readFileSync(path, "utf8"));
    }
  });

  it("are the same on every run", async () => {
    const [a, b] = [await generateDocs(spec), await generateDocs(spec)];
    expect(a.markdown).toBe(b.markdown);
    expect(a.html).toBe(b.html);
  });
});

describe("the Markdown", () => {
  it("passes markdownlint", async () => {
    const { markdown } = await generateDocs(CANONICAL_SPEC);
    expect(await lintMarkdown(markdown)).toEqual([]);
  });

  it("would be caught by markdownlint if it broke a rule", async () => {
    const findings = await lintMarkdown("# Title\n\n\n## Two blank lines above\n\nA line that is far too long for the default limit of eighty columns, so markdownlint reports it.\n");
    expect(findings.some((f) => f.includes("MD012"))).toBe(true);
    expect(findings.some((f) => f.includes("MD013"))).toBe(true);
  });

  it("shows every example payload of the spec, and each one passes the strict validator", async () => {
    const { model, markdown } = await generateDocs(CANONICAL_SPEC);
    const shown = [...markdown.matchAll(/^```json\n([\s\S]*?)\n```$/gm)].map((m) => JSON.parse(m[1]!) as unknown);
    expect(shown).toEqual(model.groups.flatMap((g) => model.messages.filter((m) => m.groupId === g.id).flatMap((m) => m.examples)));
    const validate = createStrictAjv().compile(model.schema as object);
    for (const example of shown) expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
  });
});

/**
 * The facts of the hand-written page these docs replace, asserted literally in both formats: a
 * reader who never saw that page must learn all of it here.
 */
describe.each(["md", "html"] as const)("the %s page says what the old hand-written page said", (format) => {
  const load = async () => {
    const docs = await generateDocs(CANONICAL_SPEC);
    const source = format === "md" ? docs.markdown : docs.html;
    return { rows: format === "md" ? markdownRows(source) : htmlRows(source), text: plainText(source, format) };
  };
  const rowOf = (rows: string[][], ...start: string[]) => rows.filter((r) => start.every((cell, i) => r[i] === cell));

  it("push is best effort, apps must not rely on it, and messages help react to the web browser", async () => {
    const { text } = await load();
    expect(text).toContain("Push delivery is best effort");
    expect(text).toContain("an app must never depend on receiving one");
    expect(text).toContain("canceled in the web browser");
    expect(text).toContain("Every message carries a messageType key");
  });

  it("the message types, in their three lifecycles", async () => {
    const { text } = await load();
    const order = ["Operation lifecycle", "Message mtoken.operationInit", "Message mtoken.operationFinished", "Registration lifecycle", "Message mtoken.statusChange", "Message inbox", "Message mtoken.inboxMessage.new"];
    // After the last mention of the readings section: its heading, past the table of contents.
    const sections = text.slice(text.lastIndexOf("Reading a payload"));
    const positions = order.map((s) => sections.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("the keys of each message with their requiredness", async () => {
    const { rows } = await load();
    for (const type of ["mtoken.operationInit", "mtoken.operationFinished", "mtoken.statusChange", "mtoken.inboxMessage.new"]) {
      expect(rowOf(rows, "messageType", "required", "string", type)).toHaveLength(1);
    }
    expect(rowOf(rows, "operationId", "required", "string, UUID")).toHaveLength(2);
    expect(rowOf(rows, "operationName", "required", "string")).toHaveLength(2);
    expect(rowOf(rows, "activationId", "optional")).toHaveLength(2);
    expect(rowOf(rows, "activationId", "required by the contract; tolerant readers accept it absent")).toHaveLength(1);
    expect(rowOf(rows, "inboxId", "required")).toHaveLength(1);
    expect(rowOf(rows, "mtokenOperationResult", "required", "string, enumeration: Operation result")).toHaveLength(1);
  });

  it("the result is required only when the operation finished, and otherwise ignored", async () => {
    const { rows } = await load();
    expect(rowOf(rows, "mtokenOperationResult", "required in mtoken.operationFinished; ignored by the other message types")).toHaveLength(1);
  });

  it("operation names such as login and authorize_payment; activation ID only when known", async () => {
    const { rows } = await load();
    const fieldRows = rows.filter((r) => r.length === 5);
    expect(rowOf(fieldRows, "operationName")[0]?.[4]).toContain("such as login or authorize_payment");
    expect(rowOf(fieldRows, "activationId")[0]?.[4]).toContain("when the server knows it");
  });

  it("the five results with their meaning", async () => {
    const { rows } = await load();
    const meaning = (value: string) => rowOf(rows, value).find((r) => r.length === 2)?.[1] ?? "";
    expect(meaning("authentication.success")).toMatch(/approved the operation/);
    expect(meaning("authentication.fail")).toMatch(/could not be verified.*failed/);
    expect(meaning("operation.timeout")).toMatch(/expired/);
    expect(meaning("operation.canceled")).toMatch(/canceled or rejected/);
    expect(meaning("operation.methodNotAvailable")).toMatch(/authentication method was removed from the user.*Rare/);
  });
});
