/** Stage 1: read the spec file and parse it as JSON, with errors a person can act on. */
import { readFile, stat } from "node:fs/promises";
import { InputError } from "./errors.js";

export interface LoadedSpec {
  readonly path: string;
  readonly text: string;
  readonly document: unknown;
}

export async function load(path: string): Promise<LoadedSpec> {
  const info = await stat(path).catch(() => null);
  if (info === null) throw InputError.at(path, "", "spec file not found");
  if (info.isDirectory()) throw InputError.at(path, "", "is a folder; --spec needs a JSON Schema file");
  const text = await readFile(path, "utf8");
  if (text.trim() === "") throw InputError.at(path, "", "spec file is empty");
  return { path, text, document: parseJson(path, text) };
}

function parseJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw InputError.at(path, "", `not valid JSON: ${message}${lineHint(text, message)}`);
  }
}

/** V8 reports a character offset; people look for a line and column. */
function lineHint(text: string, message: string): string {
  const match = /position (\d+)/.exec(message);
  if (!match) return "";
  const offset = Number(match[1]);
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return ` (line ${line}, column ${column})`;
}
