/**
 * The docs as readers see them: the HTML page opened in headless Chromium, and the Markdown
 * rendered by a GitHub-flavoured renderer and opened the same way. Every fact of the contract,
 * derived from the model, must be on both pages.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attributesAndLinks, launchChromium, openWatchedPage, pageItems } from "./docs/browser.js";
import { checkFacts } from "./docs/facts.js";
import { CANONICAL_SPEC, generateDocs, markdownToHtml, type GeneratedDocs } from "./docs/helpers.js";

const ARTIFACTS = "test-results/docs";

let browser: Browser;
let docs: GeneratedDocs;
let work: string;

beforeAll(async () => {
  browser = await launchChromium();
  docs = await generateDocs(CANONICAL_SPEC);
  work = mkdtempSync(join(tmpdir(), "push-extras-docs-"));
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Writes the page to a file and opens it from there, as someone who downloaded it would. */
async function openFile(name: string, html: string, viewport?: { width: number; height: number }) {
  const path = join(work, name);
  writeFileSync(path, html);
  const url = pathToFileURL(path).href;
  const opened = await openWatchedPage(browser, viewport);
  await opened.page.goto(url, { waitUntil: "load" });
  return { ...opened, url };
}

async function bodyText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.textContent ?? "");
}

describe("the HTML page in Chromium", () => {
  it("loads with no console error, no dialog and no request besides the page itself", async () => {
    const { page, trouble, url } = await openFile("push-extras.html", docs.html);
    expect(trouble.consoleErrors).toEqual([]);
    expect(trouble.dialogs).toEqual([]);
    expect(trouble.requests).toEqual([url]);
    const { hrefs } = await attributesAndLinks(page);
    expect(hrefs.length).toBeGreaterThan(docs.model.messages.length);
    for (const href of hrefs) {
      expect(href.startsWith("#"), href).toBe(true);
      const target = await page.evaluate((id) => document.getElementById(id) !== null, decodeURIComponent(href.slice(1)));
      expect(target, `link ${href} has no target`).toBe(true);
    }
    await page.close();
  });

  it("has one section per message type, grouped in spec order, with one table row per key", async () => {
    const { page } = await openFile("push-extras.html", docs.html);
    const sections = await page.$$eval("section.message", (all) =>
      all.map((s) => ({ type: s.getAttribute("data-message-type"), keys: [...s.querySelectorAll("table.fields tbody tr")].map((tr) => tr.firstElementChild?.textContent ?? "") })),
    );
    const inGroupOrder = docs.model.groups.flatMap((g) => docs.model.messages.filter((m) => m.groupId === g.id));
    expect(sections).toEqual(inGroupOrder.map((m) => ({ type: m.wireType, keys: [docs.model.discriminator.key, ...m.fields.map((f) => f.key)] })));
    const toc = await page.$$eval("nav.toc a", (links) => links.map((a) => a.getAttribute("href")));
    const sectionIds = await page.$$eval("main section", (all) => all.map((s) => `#${encodeURIComponent(s.id)}`));
    expect(toc).toEqual(sectionIds);
    await page.close();
  });

  it("says every fact of the contract", async () => {
    const { page } = await openFile("push-extras.html", docs.html);
    expect(checkFacts(docs.model, await pageItems(page), await bodyText(page))).toEqual([]);
    await page.close();
  });

  it("is readable on a 375 px wide phone: nothing overflows, table rows stack into cards", async () => {
    const { page } = await openFile("push-extras.html", docs.html, { width: 375, height: 812 });
    const layout = await page.evaluate(() => ({
      pageWidth: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      // Code blocks scroll on their own; the header row is hidden (its column names move into the cells).
      widestElement: Math.max(...[...document.body.querySelectorAll("*")].filter((e) => !e.closest("pre, thead")).map((e) => e.getBoundingClientRect().right)),
      cellDisplay: getComputedStyle(document.querySelector("td")!).display,
      cellFontSize: parseFloat(getComputedStyle(document.querySelector("td")!).fontSize),
      headerRowVisible: document.querySelector("thead")!.getBoundingClientRect().height > 1,
    }));
    expect(layout.pageWidth).toBeLessThanOrEqual(layout.viewport);
    expect(layout.widestElement).toBeLessThanOrEqual(layout.viewport);
    expect(layout.cellDisplay).toBe("block");
    expect(layout.headerRowVisible).toBe(false);
    expect(layout.cellFontSize).toBeGreaterThanOrEqual(14);
    await page.screenshot({ path: `${ARTIFACTS}/push-extras-phone.png`, fullPage: true });
    await page.close();
  });

  it.each([375, 600, 769, 800, 1024, 1440])("fits a %i px wide window: no table needs to scroll sideways", async (width) => {
    const { page } = await openFile("push-extras.html", docs.html, { width, height: 800 });
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - window.innerWidth,
      tables: [...document.querySelectorAll(".table-wrap")].map((d) => d.scrollWidth - d.clientWidth).filter((px) => px > 0),
    }));
    expect(overflow).toEqual({ page: 0, tables: [] });
    await page.close();
  });

  it("prints as tables on paper and leaves a full-page screenshot for a person to look at", async () => {
    const { page } = await openFile("push-extras.html", docs.html);
    await page.screenshot({ path: `${ARTIFACTS}/push-extras.png`, fullPage: true });
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: 680, height: 900 });
    const print = await page.evaluate(() => ({
      pageWidth: document.documentElement.scrollWidth,
      tableDisplay: getComputedStyle(document.querySelector("table")!).display,
      headerGroup: getComputedStyle(document.querySelector("thead")!).display,
      tocBreak: getComputedStyle(document.querySelector("nav.toc")!).breakAfter,
    }));
    expect(print).toEqual({ pageWidth: 680, tableDisplay: "table", headerGroup: "table-header-group", tocBreak: "page" });
    await page.pdf({ path: `${ARTIFACTS}/push-extras.pdf`, format: "A4" });
    expect(readFileSync(`${ARTIFACTS}/push-extras.pdf`).subarray(0, 5).toString()).toBe("%PDF-");
    await page.close();
  });
});

describe("the Markdown page rendered like GitHub does", () => {
  it("says every fact of the contract", async () => {
    const { page, trouble } = await openFile("push-extras.md.html", markdownToHtml(docs.markdown));
    expect(checkFacts(docs.model, await pageItems(page), await bodyText(page))).toEqual([]);
    expect(trouble.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe("a new message type in the spec", () => {
  it("gets its own section, table and summary row in both formats with no change to the generator", async () => {
    const spec = JSON.parse(readFileSync(CANONICAL_SPEC, "utf8"));
    spec["x-groups"].push({ id: "devices", title: "Device lifecycle", description: "Sent when a device of the user changes." });
    spec.oneOf.push({ $ref: "#/$defs/DeviceAdded" });
    spec.$defs.DeviceAdded = {
      title: "Device added",
      description: "A device was added to the user's account.",
      "x-group": "devices",
      type: "object",
      required: ["messageType", "deviceId"],
      properties: {
        messageType: { type: "string", const: "mtoken.deviceAdded", description: "Marks a newly added device." },
        deviceId: { type: "string", minLength: 1, description: "Identifier of the device." },
        deviceName: { type: "string", description: "Name the user gave the device." },
      },
      examples: [{ messageType: "mtoken.deviceAdded", deviceId: "dev-1", deviceName: "Phone" }],
    };
    const specPath = resolve(work, "with-new-message.schema.json");
    writeFileSync(specPath, JSON.stringify(spec, null, 2));
    const extended = await generateDocs(specPath);
    expect(extended.model.messages.map((m) => m.wireType)).toContain("mtoken.deviceAdded");
    for (const [name, html] of [["new-message.html", extended.html], ["new-message.md.html", markdownToHtml(extended.markdown)]] as const) {
      const { page } = await openFile(name, html);
      expect(checkFacts(extended.model, await pageItems(page), await bodyText(page)), name).toEqual([]);
      await page.close();
    }
  });
});
