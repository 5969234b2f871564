/**
 * Language-neutral names: splitting spec strings into words, and the casings every target uses.
 * Keyword lists and escaping stay in each target's own naming module.
 */
import type { Words } from "../model.js";

/**
 * Splits a spec string into lower-case words at case changes and at anything that is not a letter
 * or digit: `mtoken.inboxMessage.new` gives ["mtoken", "inbox", "message", "new"] and
 * `OperationResult` gives ["operation", "result"]. Letters outside ASCII are kept.
 */
export function splitWords(text: string): Words {
  return text
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function pascalCase(words: Words): string {
  return words.map(capitalize).join("");
}

export function camelCase(words: Words): string {
  return words.map((w, i) => (i === 0 ? w : capitalize(w))).join("");
}

export function upperSnakeCase(words: Words): string {
  return words.map((w) => w.toUpperCase()).join("_");
}

/**
 * Gives each item an identifier and fails loudly when two items get the same one, instead of
 * silently generating code where one name shadows the other.
 */
export function assignUnique<T>(
  items: readonly T[],
  identifierOf: (item: T) => string,
  describe: (item: T) => string,
  what: string,
): Map<T, string> {
  const byIdentifier = new Map<string, T>();
  const result = new Map<T, string>();
  for (const item of items) {
    const id = identifierOf(item);
    const earlier = byIdentifier.get(id);
    if (earlier !== undefined) {
      throw new NameClashError(
        `${what}: ${describe(earlier)} and ${describe(item)} both map to the identifier ${id}; rename one in the spec (a message by its $defs key or x-name, an enum value by x-enumNames)`,
      );
    }
    byIdentifier.set(id, item);
    result.set(item, id);
  }
  return result;
}

/** Two spec names that one target cannot tell apart. */
export class NameClashError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NameClashError";
  }
}
