/**
 * Headless Chromium (Debian's package) driven by playwright-core, and the structure of a rendered
 * docs page as the browser sees it: headings, tables and code blocks in document order.
 */
import { chromium, type Browser, type Page } from "playwright-core";

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** What went wrong while a page was open: console errors, uncaught errors, dialogs, requests other than the page itself. */
export interface PageTrouble {
  readonly consoleErrors: string[];
  readonly requests: string[];
  readonly dialogs: string[];
}

/** Opens a page that reports console errors, dialogs (an `alert` that ran) and every request. */
export async function openWatchedPage(browser: Browser, viewport = { width: 1024, height: 768 }): Promise<{ page: Page; trouble: PageTrouble }> {
  const page = await browser.newPage({ viewport });
  const trouble: PageTrouble = { consoleErrors: [], requests: [], dialogs: [] };
  page.on("console", (m) => {
    if (m.type() === "error") trouble.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => trouble.consoleErrors.push(e.message));
  page.on("dialog", (d) => {
    trouble.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("request", (r) => trouble.requests.push(r.url()));
  return { page, trouble };
}

export type PageItem =
  | { readonly kind: "heading"; readonly level: number; readonly text: string; readonly anchor: string }
  | { readonly kind: "table"; readonly headers: string[]; readonly rows: string[][] }
  | { readonly kind: "code"; readonly text: string }
  | { readonly kind: "list"; readonly items: string[] };

/** Headings, tables, code blocks and lists (those of the text, not of the contents) of the page in document order, with their visible text. */
export async function pageItems(page: Page): Promise<PageItem[]> {
  return page.evaluate(() => {
    const text = (el: Element) => (el.textContent ?? "").replace(/\s+/g, " ").trim();
    const items: unknown[] = [];
    for (const el of document.body.querySelectorAll("h1, h2, h3, h4, h5, h6, table, pre, ul, ol")) {
      if (el.tagName === "UL" || el.tagName === "OL") {
        if (!el.closest("nav")) items.push({ kind: "list", items: [...el.children].map(text) });
      } else if (el.tagName === "TABLE") {
        const table = el as HTMLTableElement;
        items.push({
          kind: "table",
          headers: [...table.querySelectorAll("thead th")].map(text),
          rows: [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map(text)),
        });
      } else if (el.tagName === "PRE") {
        items.push({ kind: "code", text: el.textContent ?? "" });
      } else {
        const anchor = el.id || (el.parentElement?.tagName === "SECTION" && el.parentElement.firstElementChild === el ? el.parentElement.id : "");
        items.push({ kind: "heading", level: Number(el.tagName.slice(1)), text: text(el), anchor });
      }
    }
    return items as PageItem[];
  });
}

/** Tag names of every element in the body, each once. */
export async function elementNames(page: Page): Promise<string[]> {
  return page.evaluate(() => [...new Set([...document.body.querySelectorAll("*")].map((e) => e.tagName.toLowerCase()))].sort());
}

/** Every attribute name used in the body, each once, and every link target. */
export async function attributesAndLinks(page: Page): Promise<{ attributes: string[]; hrefs: string[] }> {
  return page.evaluate(() => ({
    attributes: [...new Set([...document.body.querySelectorAll("*")].flatMap((e) => e.getAttributeNames()))].sort(),
    hrefs: [...document.querySelectorAll("[href]")].map((e) => e.getAttribute("href") ?? ""),
  }));
}
