/**
 * Section 3: bytes a user ships. The generated validator module, raw, gzipped and minified then
 * gzipped, beside the plain AJV standalone module of the same schema; and the whole generated
 * TypeScript folder (its files as they are, and the JavaScript that remains once bundled and
 * minified: types weigh nothing at run time).
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build, transform } from "esbuild";
import type { BenchContext } from "../context.js";
import { writePlainStandalone } from "../peers/ajv.js";
import { atMost, kilobytes, type SectionResult } from "../report.js";

interface Sizes {
  readonly raw: number;
  readonly gzip: number;
  readonly minifiedGzip: number;
}

/** gzip at its highest level, as servers and size checkers compress for shipping. */
function gzipped(text: string): number {
  return gzipSync(Buffer.from(text, "utf8"), { level: 9 }).length;
}

async function moduleSizes(path: string): Promise<Sizes> {
  const text = await readFile(path, "utf8");
  const minified = await transform(text, { minify: true, format: "esm", loader: "js" });
  return { raw: Buffer.byteLength(text), gzip: gzipped(text), minifiedGzip: gzipped(minified.code) };
}

async function folderSizes(dir: string): Promise<Sizes & { readonly files: readonly string[] }> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const texts = await Promise.all(files.map((file) => readFile(file, "utf8")));
  const bundle = await build({ entryPoints: [join(dir, "index.ts")], bundle: true, minify: true, format: "esm", platform: "neutral", write: false, logLevel: "silent" });
  return {
    files: files.map((f) => f.slice(dir.length + 1)),
    raw: texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0),
    gzip: texts.reduce((sum, t) => sum + gzipped(t), 0),
    minifiedGzip: gzipped(bundle.outputFiles[0]!.text),
  };
}

export async function sizeSection(context: BenchContext): Promise<SectionResult> {
  const generated = await moduleSizes(context.generated.validatorsPath);
  const plain = await moduleSizes(await writePlainStandalone(context.model.schema as object, context.workDir));
  const whole = await folderSizes(join(context.generatedDir, "ts"));
  const target = atMost(1.2 * 1024, "1.2 KB");
  const row = (name: string, s: Sizes, targetText = "") => [name, kilobytes(s.raw), kilobytes(s.gzip), kilobytes(s.minifiedGzip), targetText];
  return {
    id: "size",
    title: "Size",
    method:
      "gzip level 9; minified by esbuild. For the whole ts/ folder: raw and gzip are sums over its files; " +
      "minified + gzip is `ts/index.ts` bundled and minified by esbuild (the JavaScript an app ships). 1 KB = 1024 B.",
    columns: ["output", "raw", "gzip", "minified + gzip", "target"],
    rows: [
      row("generated ts/validators.js", generated, target.text),
      row("plain AJV standalone module, bundled", plain),
      row(`whole generated ts/ (${whole.files.length} files)`, whole),
    ],
    figures: [
      {
        figure: "validator module, minified + gzipped",
        value: generated.minifiedGzip,
        text: kilobytes(generated.minifiedGzip),
        peers: `AJV standalone ${kilobytes(plain.minifiedGzip)}`,
        target,
      },
      {
        figure: "whole ts/ output: raw / gzip / bundled, minified + gzip",
        value: whole.minifiedGzip,
        text: `${kilobytes(whole.raw)} / ${kilobytes(whole.gzip)} / ${kilobytes(whole.minifiedGzip)}`,
        peers: "",
        target: null,
      },
    ],
    raw: { generatedValidators: generated, plainAjvStandalone: plain, wholeTs: whole },
  };
}
