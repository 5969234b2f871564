/**
 * A newcomer's desk, for the tests of the npm package and of the README: a copy of this repository
 * that builds and packs push-extras (`push-extras/`), and an app project beside it (`my-app/`) that
 * installs the tarball with npm, as the README tells people to.
 *
 * The copy shares this checkout's installed node_modules (a symbolic link), so nothing is fetched to
 * build; everything else is its own, so packing it never touches this checkout's dist/ or generated/,
 * which other tests build at the same time.
 *
 * The app starts with a package-lock.json that pins the package's dependencies to the versions in
 * this repository's package-lock.json, the versions every other test runs with. npm then installs
 * them from its cache by their integrity hashes, with no registry request (it fetches a tarball only
 * if the cache lacks it: npm ci fills the cache on a fresh machine).
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** This checkout. */
export const REPOSITORY = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * What a clone holds that the README's commands read: the sources, manifests and documents that
 * building and packing the package reads, and test/, whose conformance runner and vectors the
 * README runs too. Generated and installed folders are left out: the README's setup makes them.
 */
const REPOSITORY_INPUTS = ["package.json", "package-lock.json", "README.md", "LICENSE", "tsconfig.json", "tsconfig.generator.json", "generator", "templates", "spec", "test"];

export interface Workspace {
  readonly dir: string;
  /** The copy of the repository, named as a clone would be. */
  readonly repository: string;
  /** The app project beside it. */
  readonly app: string;
}

export interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * npm as a build pipeline runs it: no prompts, banners or audits, and the registry only for what its
 * cache lacks.
 */
export function npmEnvironment(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NO_COLOR: "1",
    npm_config_prefer_offline: "true",
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
    npm_config_loglevel: "warn",
  };
}

export function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = npmEnvironment()): Run {
  const r = spawnSync(command, [...args], { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a command and throws with its output when it fails. */
export function mustRun(command: string, args: readonly string[], cwd: string, env?: NodeJS.ProcessEnv): Run {
  const r = run(command, args, cwd, env);
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} (in ${cwd}) exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** A fresh desk: the repository copy (not built yet) and an empty app project. */
export function createWorkspace(name: string): Workspace {
  const dir = mkdtempSync(join(tmpdir(), `push-extras-${name}-`));
  const repository = join(dir, "push-extras");
  mkdirSync(repository);
  for (const input of REPOSITORY_INPUTS) cpSync(join(REPOSITORY, input), join(repository, input), { recursive: true });
  symlinkSync(join(REPOSITORY, "node_modules"), join(repository, "node_modules"), "dir");
  const app = join(dir, "my-app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), `${JSON.stringify({ name: "my-app", version: "1.0.0", private: true, type: "module" }, null, 2)}\n`);
  writeFileSync(join(app, "package-lock.json"), `${JSON.stringify(pinnedLock(), null, 2)}\n`);
  return { dir, repository, app };
}

interface LockEntry {
  readonly version: string;
  readonly resolved?: string;
  readonly dev?: boolean;
  readonly devOptional?: boolean;
  readonly [key: string]: unknown;
}

/**
 * A lock file of an app that depends on nothing yet, listing the runtime dependencies of
 * push-extras as this repository locked them. `npm install <tarball>` keeps every locked entry that
 * satisfies the package's ranges. This repository's lock omits registry addresses (npm's
 * omit-lockfile-registry-resolved), so they are filled in: they are the keys of npm's cache.
 */
function pinnedLock(): object {
  const lock = JSON.parse(readFileSync(join(REPOSITORY, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
  const packages: Record<string, unknown> = { "": { name: "my-app", version: "1.0.0" } };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path.startsWith("node_modules/") || entry.dev === true || entry.devOptional === true) continue;
    const name = path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
    const file = name.slice(name.indexOf("/") + 1);
    packages[path] = { ...entry, resolved: entry.resolved ?? `https://registry.npmjs.org/${name}/-/${file}-${entry.version}.tgz` };
  }
  return { name: "my-app", version: "1.0.0", lockfileVersion: 3, requires: true, packages };
}

/** The repository's setup as the README opens it, minus `npm ci`: the copy shares installed node_modules. */
export function generateInRepository(workspace: Workspace): void {
  mustRun("npm", ["run", "--silent", "generate", "--", "--quiet"], workspace.repository);
}

/** `npm pack` in the repository copy (prepack builds and checks); returns the tarball's path. */
export function pack(workspace: Workspace): string {
  const r = mustRun("npm", ["pack", "--silent"], workspace.repository);
  const name = r.stdout.trim().split("\n").pop() ?? "";
  const tarball = join(workspace.repository, name);
  if (!name.endsWith(".tgz") || !existsSync(tarball)) throw new Error(`npm pack named no tarball:\n${r.stdout}\n${r.stderr}`);
  return tarball;
}

/** Installs the tarball into the app, from npm's cache (see the top of this file). */
export function install(workspace: Workspace, tarball: string): void {
  mustRun("npm", ["install", tarball], workspace.app);
}

/** Every file under `dir`, relative to it, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}
