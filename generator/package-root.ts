/**
 * The folder of the push-extras package, found from this file so that it is the same whether the
 * generator runs from its sources (tsx, vitest) or from its build (dist/generator/), installed or not.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "templates"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("internal: cannot find the push-extras package folder");
    dir = parent;
  }
}

export const PACKAGE_ROOT = findPackageRoot();
