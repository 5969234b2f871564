/**
 * Stage 6: put the generated files on disk, or compare them with what is there.
 *
 * Writing is all or nothing. Files go to a temporary folder beside the output folder, which then
 * replaces the old one by two renames, so a failure at any point before the swap leaves the output
 * folder exactly as it was and removes the temporary folder (an interrupt too: ./interrupt.ts). Files
 * that the spec no longer produces disappear with the old folder, so the output never holds stale
 * files.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve, sep } from "node:path";
import { InputError } from "./errors.js";
import { MANIFEST_MARK, MANIFEST_PATH } from "./manifest.js";
import type { OutputFile } from "./model.js";

export interface Drift {
  /** Files whose contents differ. */
  readonly changed: readonly string[];
  /** Files the spec produces that are not on disk. */
  readonly missing: readonly string[];
  /** Files on disk that the spec no longer produces. */
  readonly stale: readonly string[];
}

export function hasDrift(drift: Drift): boolean {
  return drift.changed.length + drift.missing.length + drift.stale.length > 0;
}

/** Compares the files with the output folder, writing nothing. */
export async function checkOutput(outDir: string, files: readonly OutputFile[]): Promise<Drift> {
  const onDisk = new Set(await listFiles(outDir));
  const changed: string[] = [];
  const missing: string[] = [];
  for (const file of files) {
    if (!onDisk.has(file.path)) {
      missing.push(file.path);
      continue;
    }
    onDisk.delete(file.path);
    const current = await readFile(join(outDir, file.path), "utf8");
    if (current !== file.contents) changed.push(file.path);
  }
  return { changed, missing, stale: [...onDisk].sort() };
}

/**
 * Replaces the output folder with exactly these files. Returns what differed from before; when
 * nothing did, the folder is left untouched (file times too, which keeps incremental builds quiet).
 *
 * An aborted `signal` (an interrupt, see ./interrupt.ts) stops the write before the swap, with the
 * output folder as it was; once the swap has begun, it runs to its end.
 */
export async function writeOutput(outDir: string, files: readonly OutputFile[], signal?: AbortSignal): Promise<Drift> {
  const target = resolve(outDir);
  await refuseForeignFolder(target);
  const drift = await checkOutput(target, files);
  if (!hasDrift(drift)) return drift;

  const suffix = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const staging = `${target}.push-extras-new-${suffix}`;
  const retired = `${target}.push-extras-old-${suffix}`;
  try {
    await mkdir(dirname(target), { recursive: true });
    for (const file of files) {
      signal?.throwIfAborted();
      const path = join(staging, file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.contents, "utf8");
    }
    signal?.throwIfAborted();
    // No abort from here on: between the two renames there is no output folder at all.
    const hadOld = await exists(target);
    if (hadOld) await rename(target, retired);
    try {
      await rename(staging, target);
    } catch (error) {
      if (hadOld) await rename(retired, target);
      throw error;
    }
    await rm(retired, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return drift;
}

/**
 * A non-empty folder without our manifest is someone else's: replacing it could destroy sources
 * after a mistyped --out, so it is refused.
 */
async function refuseForeignFolder(target: string): Promise<void> {
  const info = await stat(target).catch(() => null);
  if (info === null) return;
  if (!info.isDirectory()) throw InputError.at(target, "", "the output path exists and is not a folder");
  const entries = await readdir(target);
  if (entries.length === 0) return;
  const manifest = await readFile(join(target, MANIFEST_PATH), "utf8").catch(() => "");
  if (!manifest.startsWith(MANIFEST_MARK)) {
    throw InputError.at(
      target,
      "",
      `the output folder is not empty and was not made by push-extras (no ${MANIFEST_PATH} of ours); ` +
        "choose an empty or new folder, or delete it first",
    );
  }
}

/** Every file under a folder, as sorted paths relative to it with `/` separators; [] when absent. */
async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1).split(sep).join("/"))
    .sort();
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}

/** Names the temporary folders a run creates, so tests can prove none are left behind. */
export function isTemporaryOutputName(name: string, outDir: string): boolean {
  const base = basename(resolve(outDir));
  return name.startsWith(`${base}.push-extras-new-`) || name.startsWith(`${base}.push-extras-old-`);
}
