/**
 * The TypeScript harness: loads `<generated>/ts/index.ts` into this process (the runner runs under
 * tsx, which loads TypeScript) and maps each parse result onto the canonical form. It knows no
 * message by name: a parsed message's fields are its own properties other than the discriminator.
 */
import { existsSync } from "node:fs";
import { cp, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { isPlainObject } from "./canonical.js";
import type { CanonicalResult, Harness, HarnessOutcome, HarnessRun } from "./harness.js";

/** The part of the generated API the harness calls, typed loosely: checking it is the point. */
interface GeneratedApi {
  readonly parsePushExtras: (value: unknown) => unknown;
  readonly validatePushExtras: (value: unknown) => unknown;
}

type FieldValue = Extract<CanonicalResult, { kind: "message" }>["fields"][string];

/** Thrown while mapping one result; becomes that vector's `problem`. */
class ContractBreach extends Error {}

export const harness: Harness = {
  lang: "ts",
  // The generated TypeScript runs inside the runner's own Node process: nothing to install.
  toolchainProblem: async () => null,
  run: async (request: HarnessRun): Promise<readonly HarnessOutcome[]> => {
    const api = await loadApi(request.generatedDir, request.workDir);
    const discriminator = request.model.discriminator.key;
    return request.vectors.map((vector) => outcomeOf(api, discriminator, vector.name, vector.payload));
  },
};

/**
 * Loads a copy of `<generated>/ts` made inside the scratch folder beside a package.json that says
 * "module": the generated folder may live anywhere (a temp folder, another project), and without
 * that marker Node would load `validators.js`, an ES module, as CommonJS.
 */
async function loadApi(generatedDir: string, workDir: string): Promise<GeneratedApi> {
  const source = join(generatedDir, "ts");
  if (!existsSync(join(source, "index.ts"))) throw new Error(`${join(source, "index.ts")} not found: generate the typescript and validators targets`);
  const copy = join(workDir, "ts");
  await cp(source, copy, { recursive: true });
  await writeFile(join(workDir, "package.json"), JSON.stringify({ type: "module", private: true }));
  const loaded = (await import(pathToFileURL(join(copy, "index.ts")).href)) as Record<string, unknown>;
  for (const name of ["parsePushExtras", "validatePushExtras"]) {
    if (typeof loaded[name] !== "function") throw new Error(`${join(source, "index.ts")} does not export the function ${name}`);
  }
  return loaded as unknown as GeneratedApi;
}

function outcomeOf(api: GeneratedApi, discriminator: string, name: string, payload: unknown): HarnessOutcome {
  // Each call gets its own copy, so a parser that changed its input could not affect later vectors.
  const copy = () => (payload === undefined ? undefined : (JSON.parse(JSON.stringify(payload)) as unknown));
  const problems: string[] = [];
  let parsed: CanonicalResult = { kind: "invalid" };
  try {
    parsed = canonicalOfParseResult(api.parsePushExtras(copy()), discriminator);
  } catch (error) {
    problems.push(error instanceof ContractBreach ? error.message : `parsePushExtras threw: ${describeError(error)}`);
  }
  let valid: boolean | undefined;
  try {
    const verdict = api.validatePushExtras(copy());
    if (typeof verdict === "boolean") valid = verdict;
    else problems.push(`validatePushExtras returned ${typeof verdict}, not a boolean`);
  } catch (error) {
    problems.push(`validatePushExtras threw: ${describeError(error)}`);
  }
  return problems.length === 0 ? { name, parsed, valid } : { name, parsed, valid, problem: problems.join("; ") };
}

/**
 * Maps a result of the generated `parsePushExtras` onto the canonical form; throws when the result
 * breaks the API contract (no reason, a field that is neither a string, undefined nor an enum value).
 */
export function canonicalOfParseResult(result: unknown, discriminator: string): CanonicalResult {
  if (!isPlainObject(result)) throw new ContractBreach(`parsePushExtras returned ${typeof result}, not a result object`);
  switch (result["kind"]) {
    case "invalid": {
      const reason = result["reason"];
      if (typeof reason !== "string" || reason.trim() === "") throw new ContractBreach("an invalid result has no reason");
      return { kind: "invalid" };
    }
    case "unknown": {
      // The raw type sits under the discriminator's wire key, as it does in a parsed message.
      const messageType = result[discriminator];
      if (typeof messageType !== "string") throw new ContractBreach(`an unknown result has no string ${discriminator}`);
      return { kind: "unknown", messageType };
    }
    case "message": {
      const message = result["message"];
      if (!isPlainObject(message)) throw new ContractBreach("a message result has no message object");
      const messageType = message[discriminator];
      if (typeof messageType !== "string") throw new ContractBreach(`the message has no string ${discriminator}`);
      const fields: Record<string, FieldValue> = {};
      for (const key of Object.keys(message)) {
        if (key !== discriminator) fields[key] = canonicalField(key, message[key]);
      }
      return { kind: "message", messageType, fields };
    }
    default:
      throw new ContractBreach(`unexpected result kind ${JSON.stringify(result["kind"])}`);
  }
}

/** optional and absent -> null; string -> itself; enum -> its wire string, or {unknown: raw}. */
function canonicalField(key: string, value: unknown): FieldValue {
  if (value === undefined) return null;
  if (typeof value === "string") return value;
  if (isPlainObject(value) && typeof value["raw"] === "string") {
    if (value["known"] === false) return { unknown: value["raw"] };
    if (value["known"] === true && value["value"] === value["raw"]) return value["raw"];
  }
  throw new ContractBreach(`field ${key} holds ${JSON.stringify(value)}, which is neither a string, undefined nor a ParsedEnumValue`);
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
