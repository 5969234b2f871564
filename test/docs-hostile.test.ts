/**
 * Specs whose titles, descriptions, keys and values are full of markup (HTML tags, `<script>`,
 * pipes, backticks, newlines, entities, comment terminators, Markdown syntax, invisible and
 * right-to-left characters) must give docs that are still well-formed and complete: no element,
 * attribute or link that the page does not write itself, every table with its columns, every fact
 * of the spec shown as written.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attributesAndLinks, elementNames, launchChromium, openWatchedPage, pageItems } from "./docs/browser.js";
import { checkFacts } from "./docs/facts.js";
import { generateDocs, HOSTILE_SPECS, lintMarkdown, markdownToHtml } from "./docs/helpers.js";

/** Everything the HTML template writes; a spec string must never add to it. */
const HTML_ELEMENTS = ["a", "code", "div", "footer", "h1", "h2", "h3", "header", "li", "main", "nav", "ol", "p", "pre", "section", "span", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul"];
const HTML_ATTRIBUTES = ["aria-label", "class", "data-label", "data-message-type", "href", "id", "scope"];
/** Everything the Markdown produces when rendered: no raw HTML, no images, no other lists. */
const MARKDOWN_ELEMENTS = ["a", "code", "h1", "h2", "h3", "li", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul"];
const MARKDOWN_ATTRIBUTES = ["class", "href"];

let browser: Browser;
let work: string;

beforeAll(async () => {
  browser = await launchChromium();
  work = mkdtempSync(join(tmpdir(), "push-extras-hostile-docs-"));
});

afterAll(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function open(name: string, html: string) {
  const path = join(work, name);
  writeFileSync(path, html);
  const opened = await openWatchedPage(browser);
  await opened.page.goto(pathToFileURL(path).href, { waitUntil: "load" });
  return { ...opened, url: pathToFileURL(path).href };
}

async function bodyText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.textContent ?? "");
}

describe.each(HOSTILE_SPECS.map((spec) => [basename(dirname(spec)), spec]))("docs of the %s spec", (edge, spec) => {
  it("Markdown passes markdownlint", async () => {
    const { markdown } = await generateDocs(spec);
    expect(await lintMarkdown(markdown)).toEqual([]);
  });

  it("Markdown renders with no foreign element, attribute or link, and with every fact", async () => {
    const { model, markdown } = await generateDocs(spec);
    const { page, trouble } = await open(`${edge}.md.html`, markdownToHtml(markdown));
    expect(trouble.dialogs).toEqual([]);
    expect((await elementNames(page)).filter((e) => !MARKDOWN_ELEMENTS.includes(e))).toEqual([]);
    const { attributes, hrefs } = await attributesAndLinks(page);
    expect(attributes.filter((a) => !MARKDOWN_ATTRIBUTES.includes(a))).toEqual([]);
    expect(hrefs.filter((h) => !h.startsWith("#"))).toEqual([]);
    expect(checkFacts(model, await pageItems(page), await bodyText(page))).toEqual([]);
    await page.close();
  });

  it("HTML loads cleanly with no foreign element, attribute or link, and with every fact", async () => {
    const { model, html } = await generateDocs(spec);
    const { page, trouble, url } = await open(`${edge}.html`, html);
    expect(trouble).toEqual({ consoleErrors: [], requests: [url], dialogs: [] });
    expect(await page.evaluate(() => document.querySelectorAll("script, link, img, iframe, object, embed, base, form, meta[http-equiv='refresh']").length)).toBe(0);
    expect((await elementNames(page)).filter((e) => !HTML_ELEMENTS.includes(e))).toEqual([]);
    const { attributes, hrefs } = await attributesAndLinks(page);
    expect(attributes.filter((a) => !HTML_ATTRIBUTES.includes(a))).toEqual([]);
    for (const href of hrefs) {
      expect(href.startsWith("#") && (await page.evaluate((id) => document.getElementById(id) !== null, decodeURIComponent(href.slice(1)))), href).toBe(true);
    }
    const types = await page.$$eval("section.message", (all) => all.map((s) => s.getAttribute("data-message-type")));
    expect(types).toEqual(model.groups.flatMap((g) => g.messageTypes));
    expect(checkFacts(model, await pageItems(page), await bodyText(page))).toEqual([]);
    await page.close();
  });
});
