/**
 * The docs target without a browser: escaping rules as tables of given and wanted, reference output,
 * markdownlint, determinism, and the facts of the page the docs replace, word for word.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createStrictAjv } from "../generator/ajv.js";
import { InputError } from "../generator/errors.js";
import { NameClashError } from "../generator/naming/words.js";
import { assignAnchors, headingAnchor } from "../generator/targets/docs/anchors.js";
import { escapeHtml, htmlInline } from "../generator/targets/docs/html-escape.js";
import { DOCS_HTML_PATH, DOCS_MARKDOWN_PATH } from "../generator/targets/docs/index.js";
import { code, descriptionInline, descriptionParagraphs, displayValue, text } from "../generator/targets/docs/inline.js";
import { buildOutline } from "../generator/targets/docs/outline.js";
import { escapeMarkdownText, markdownCodeBlock, markdownCodeSpan, markdownLine, markdownParagraph } from "../generator/targets/docs/markdown-escape.js";
import { CANONICAL_SPEC, generateDocs, lintMarkdown } from "./docs/helpers.js";
import { htmlRows, markdownRows, plainText } from "./docs/tables.js";
import { expectMatchesCommitted, expectMatchesGoldenFile } from "./golden.js";

/** The part of a spec that the anchor tests edit. */
type SpecJson = { "x-groups": { title: string }[] };

/** The real spec, whose docs are the committed generated/docs, and a fixture with golden files here. */
const DOCS_CASES = [
  { name: "push-extras", spec: CANONICAL_SPEC },
  { name: "markdown-syntax", spec: "test/docs/fixtures/markdown-syntax/push-extras.schema.json" },
];
const GOLDEN_DIR = "test/docs/golden";

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

  const group = (title: string) => ({ visibleText: title, source: { file: "spec.json", pointer: "/x-groups/2/title", what: `the title ${JSON.stringify(title)} of group "inbox"`, change: 'the title of group "inbox"' } });
  const message = (wireType: string) => ({ visibleText: `Message ${wireType}`, source: { file: "spec.json", pointer: "/$defs/Inbox", what: `the message type ${JSON.stringify(wireType)}`, change: `the message type ${JSON.stringify(wireType)} (a change to the contract)` } });
  const ownSection = { visibleText: "Summary", source: { file: "spec.json", pointer: "", what: "a section", change: null } };
  const clashMessage = (headings: Parameters<typeof assignAnchors>[0]) => {
    try {
      assignAnchors(headings);
    } catch (error) {
      expect(error).toBeInstanceOf(NameClashError);
      return (error as Error).message;
    }
    throw new Error("no clash reported");
  };

  it("fails loudly when two headings would share an anchor, naming both values and what to change", () => {
    const text = clashMessage([group("Message inbox"), message("inbox!")]);
    expect(text).toContain('the title "Message inbox" of group "inbox" at spec.json#/x-groups/2/title');
    expect(text).toContain('the message type "inbox!" at spec.json#/$defs/Inbox (the heading "Message inbox!")');
    expect(text).toContain("both get the anchor #message-inbox");
    expect(text).toContain('change the title of group "inbox" or the message type "inbox!" (a change to the contract)');
    // An x-name renames code; it cannot move a heading's anchor.
    expect(text).not.toContain("x-name");
  });

  it("asks for a change only where the spec can make one: never to the page's own headings", () => {
    const text = clashMessage([ownSection, group("summary?")]);
    expect(text).toContain(`the page's own heading "Summary" and the title "summary?" of group "inbox"`);
    expect(text).toMatch(/; change the title of group "inbox" so that the two anchors differ$/);
  });

  it("fails loudly when a heading has no letter or digit, and says what to change", () => {
    expect(() => assignAnchors([group("— !")])).toThrow(InputError);
    expect(() => assignAnchors([group("— !")])).toThrow(/change the title of group "inbox" to hold one/);
  });

  it.each([
    ["a group titled like a section of the page", (spec: SpecJson) => void (spec["x-groups"][2]!.title = "Keys!"), ["the page's own heading \"Keys\"", 'the title "Keys!" of group "inbox"'], 'change the title of group "inbox" so'],
    ["a group titled like a message heading", (spec: SpecJson) => void (spec["x-groups"][0]!.title = "Message: mtoken.statusChange"), ['the title "Message: mtoken.statusChange" of group "operation"', 'the message type "mtoken.statusChange"'], 'change the title of group "operation" or the message type "mtoken.statusChange" (a change to the contract) so'],
  ])("a spec with %s is refused with a message that names the clash", async (_edge, edit, named, remedy) => {
    const spec = JSON.parse(readFileSync(CANONICAL_SPEC, "utf8")) as SpecJson;
    edit(spec);
    const dir = mkdtempSync(join(tmpdir(), "push-extras-docs-anchors-"));
    try {
      const specPath = join(dir, "push-extras.schema.json");
      writeFileSync(specPath, JSON.stringify(spec));
      const error = await generateDocs(specPath).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(NameClashError);
      const text = (error as Error).message;
      for (const part of named) expect(text).toContain(part);
      expect(text).toContain(specPath);
      expect(text).toContain(remedy);
      expect(text).not.toContain("x-name");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the note on the two readings", () => {
  it("gives the spec's reason for the tolerant rules with the tolerant reading when the spec has no fallback key", async () => {
    const { model } = await generateDocs(CANONICAL_SPEC);
    const reason = "Apps must `never` crash | on a payload.";
    const items = buildOutline({ ...model, tolerant: { nestedFallback: null, description: reason } }).readings.items.map((item) => markdownLine(item, false));
    expect(items).toHaveLength(2);
    expect(items[1]).toMatch(/^\*\*Tolerant reading\*\*.* Apps must `never` crash \\\| on a payload\.$/);
    const without = buildOutline({ ...model, tolerant: { nestedFallback: null, description: null } }).readings.items.map((item) => markdownLine(item, false));
    expect(without[1]).not.toContain("crash");
  });
});

describe.each(DOCS_CASES)("docs of $name", ({ name, spec }) => {
  it("match the reference output (generated/docs for the real spec, else golden files that UPDATE_GOLDEN=1 rewrites)", async () => {
    const docs = await generateDocs(spec);
    if (spec === CANONICAL_SPEC) {
      expectMatchesCommitted(DOCS_MARKDOWN_PATH, docs.markdown);
      expectMatchesCommitted(DOCS_HTML_PATH, docs.html);
    } else {
      expectMatchesGoldenFile(join(GOLDEN_DIR, `${name}.md`), docs.markdown);
      expectMatchesGoldenFile(join(GOLDEN_DIR, `${name}.html`), docs.html);
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
    expect(rowOf(rows, "operationId", "required", "non-empty string, UUID")).toHaveLength(2);
    expect(rowOf(rows, "operationName", "required", "non-empty string", "any text")).toHaveLength(2);
    expect(rowOf(rows, "activationId", "optional; when present, must not be empty", "non-empty string", "any text")).toHaveLength(2);
    expect(rowOf(rows, "activationId", "required by the contract; tolerant readers accept it absent", "non-empty string")).toHaveLength(1);
    expect(rowOf(rows, "inboxId", "required", "non-empty string", "any text")).toHaveLength(1);
    expect(rowOf(rows, "mtokenOperationResult", "required", "string, enumeration: Operation result")).toHaveLength(1);
  });

  it("a required key may be neither missing nor empty; an optional one, when present, not empty", async () => {
    const { rows, text } = await load();
    expect(text).toContain("A payload is invalid when messageType is missing or is not one of the message types above, when a required key of its message type is missing, when a key of its message type is not a string or is empty,");
    expect(text).toContain("An optional key that is not a string counts as absent; an empty one is kept as sent, although the strict reading rejects it.");
    const fieldRows = rows.filter((r) => r.length === 5 && /^(required|optional)/.test(r[1]!) && r[0] !== "messageType");
    expect(fieldRows).toHaveLength(9);
    expect(fieldRows.filter((r) => !r[2]!.startsWith("non-empty string")).map((r) => r[2])).toEqual(["string, enumeration: Operation result"]);
    expect(text).not.toContain("free text");
  });

  it("tolerant readers look inside aps because of the path from FCM to APNs, as the note on the readings says", async () => {
    const { text } = await load();
    const readings = text.slice(text.lastIndexOf("Reading a payload"));
    // Without the strong emphasis that the Markdown's plain text keeps.
    const note = readings.slice(0, readings.indexOf("Operation lifecycle")).replace(/\*\*/g, "");
    expect(note).toContain("Keys inside aps: On the path from FCM to APNs the extras may arrive as strings inside the aps dictionary of the notification instead of beside it.");
    expect(note).toContain("the tolerant reading takes it from the object under aps if it is a string there; a string at the top level wins, even an empty one. The strict reading does not look inside aps.");
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
