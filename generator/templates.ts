/**
 * Loads and renders the Handlebars templates under `templates/`.
 *
 * Templates only loop and print: every value reaches them already named and escaped for its
 * language by that target's naming module, so they are compiled with `noEscape` (HTML escaping
 * would corrupt code) and `strict` (a misspelt variable fails the run instead of printing nothing).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { PACKAGE_ROOT } from "./package-root.js";

export const TEMPLATES_DIR = join(PACKAGE_ROOT, "templates");

const cache = new Map<string, Handlebars.TemplateDelegate>();

/**
 * Renders `templates/<name>` with the given context. Each target passes its own Handlebars
 * environment (made with `createTemplateEnvironment`) so that helpers of one language never leak
 * into another.
 */
export function renderTemplate(env: typeof Handlebars, name: string, context: object): string {
  const key = `${envId(env)}:${name}`;
  let template = cache.get(key);
  if (!template) {
    const source = readFileSync(join(TEMPLATES_DIR, name), "utf8");
    template = env.compile(source, { noEscape: true, strict: true });
    cache.set(key, template);
  }
  return template(context);
}

/** A Handlebars environment of its own, with the given helpers. */
export function createTemplateEnvironment(helpers: Record<string, Handlebars.HelperDelegate> = {}): typeof Handlebars {
  const env = Handlebars.create();
  for (const [name, helper] of Object.entries(helpers)) env.registerHelper(name, helper);
  return env;
}

const ids = new WeakMap<object, number>();
let lastId = 0;
function envId(env: object): number {
  let id = ids.get(env);
  if (id === undefined) {
    id = ++lastId;
    ids.set(env, id);
  }
  return id;
}
