/**
 * The Handlebars environment of the docs target: the page templates of both formats and, as a
 * partial, each format's table, so that every table of a page is written by the same few lines.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createTemplateEnvironment, renderTemplate, TEMPLATES_DIR } from "../../templates.js";

export type DocsFormat = "md" | "html";

const environments = new Map<DocsFormat, ReturnType<typeof createTemplateEnvironment>>();

function environmentFor(format: DocsFormat): ReturnType<typeof createTemplateEnvironment> {
  let env = environments.get(format);
  if (env === undefined) {
    env = createTemplateEnvironment();
    // Compiled here with the same options as the pages, so the partial prints values as given too.
    const source = readFileSync(join(TEMPLATES_DIR, `docs/table.${format}.hbs`), "utf8");
    env.registerPartial("table", env.compile(source, { noEscape: true, strict: true }));
    environments.set(format, env);
  }
  return env;
}

/** Renders `templates/docs/push-extras.<format>.hbs` with a view whose strings are already escaped. */
export function renderDocsPage(format: DocsFormat, view: object): string {
  return renderTemplate(environmentFor(format), `docs/push-extras.${format}.hbs`, view);
}

/** The page's style sheet, kept as its own file so that it reads and diffs as CSS. */
export function docsStyleSheet(): string {
  return readFileSync(join(TEMPLATES_DIR, "docs/push-extras.css"), "utf8").trimEnd();
}
