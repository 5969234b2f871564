/**
 * Whether generated docs stay inert whatever the spec's text: the Markdown keeps its tables and
 * carries no HTML of the spec's making, and the HTML, loaded in a real browser, has no script,
 * no event handler, no `javascript:` link and no element the docs do not make themselves.
 */
import { lint } from "markdownlint/sync";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/** Table column counts (MD056) and inline HTML (MD033) problems, one line each. */
export function markdownProblems(name: string, markdown: string, allowedElements: readonly string[]): string[] {
  const result = lint({
    strings: { [name]: markdown },
    config: { default: false, MD056: true, MD033: { allowed_elements: [...allowedElements] } },
  });
  return (result[name] ?? []).map((e) => `${name}:${e.lineNumber} ${e.ruleNames.join("/")} ${e.errorDetail ?? ""} ${e.errorContext ?? ""}`.trim());
}

/** The HTML element names Markdown text uses inline (what MD033 reports), for a baseline. */
export function inlineHtmlElements(markdown: string): string[] {
  const result = lint({ strings: { doc: markdown }, config: { default: false, MD033: true } });
  return [...new Set((result["doc"] ?? []).map((e) => /Element: (\S+)/.exec(e.errorDetail ?? "")?.[1] ?? ""))].filter((e) => e !== "");
}

export interface HtmlFacts {
  readonly elements: readonly string[];
  readonly scripts: number;
  readonly handlers: readonly string[];
  readonly scriptUrls: readonly string[];
  readonly dialogs: readonly string[];
  readonly text: string;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
}

/** Loads the HTML with scripts enabled, as a reader's browser would, and reports what it holds. */
export async function inspectHtml(browser: Browser, html: string): Promise<HtmlFacts> {
  const page = await browser.newPage({ javaScriptEnabled: true });
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  try {
    await page.setContent(html, { waitUntil: "load" });
    const facts = await page.evaluate(() => {
      const all = [...document.querySelectorAll("*")];
      return {
        elements: [...new Set(all.map((e) => e.localName))].sort(),
        scripts: document.querySelectorAll("script").length,
        handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.localName}[${a.name}]`)),
        scriptUrls: all.flatMap((e) => [...e.attributes].filter((a) => /^\s*(javascript|vbscript|data):/i.test(a.value)).map((a) => `${e.localName}[${a.name}=${a.value}]`)),
        text: document.documentElement.textContent ?? "",
      };
    });
    return { ...facts, dialogs };
  } finally {
    await page.close();
  }
}
