/**
 * The strict reading, compiled once per run: AJV compiles the validation schema of the spec
 * (./validation-schema.ts) into one validator, whose function the spec check runs on the examples
 * and whose source the validators target ships as an ES module. Compiling a spec of hundreds of
 * message types takes AJV a good part of a second, so it is done once per spec object.
 *
 * AJV is configured in one place for the whole project (generator/ajv.ts); here it only gets the
 * options that shape the generated code, each chosen for the size or speed of the module without
 * changing what it accepts:
 * - `allErrors: false`: the first failure ends validation, so a valid payload pays for nothing else;
 * - `ownProperties: true`: a key counts only as the payload's own property, as the tolerant parser
 *   reads it; otherwise an object that inherits a message from its prototype would pass the strict
 *   reading and be refused by the tolerant one (DOMAIN: whatever strict accepts, tolerant reads);
 * - string lengths as `.length` (AJV's `unicode: false`) when every length limit of the schema is at
 *   most one character, where counting UTF-16 units and counting code points agree; otherwise
 *   AJV's code-point counter, copied into the module (see targets/validators/self-contained.ts);
 * - no bookkeeping for `unevaluatedProperties`/`unevaluatedItems` and `$dynamicRef` unless the
 *   schema uses them: Ajv2020 turns both on for every schema, which costs an object allocation
 *   and a few property reads per call;
 * - AJV's optimization pass over the code (`code.optimize`) only up to `OPTIMIZED_BRANCH_LIMIT`
 *   message types. It makes the code about 10% smaller, but its time grows with the square of the
 *   number of branches: measured here, 13 ms at 16 message types, 25 ms at 100, 150 ms at 200,
 *   600 ms at 400 and 8.4 s at 1600, against a compile that otherwise takes 1 s at 1600.
 */
import standaloneModule from "ajv/dist/standalone/index.js";
import type { Logger, ValidateFunction } from "ajv/dist/2020.js";
import { createStrictAjv } from "./ajv.js";
import { isObject, type JsonObject } from "./resolve.js";
import { forEachSchema, validationSchema } from "./validation-schema.js";

/** The most message types whose code AJV's optimization pass may go over (see above). */
export const OPTIMIZED_BRANCH_LIMIT = 100;

/** The key the schema is registered under in AJV; it appears nowhere in the output. */
const SCHEMA_KEY = "push-extras:validation";
/** The name AJV's module exports its function under, until that export line is taken out. */
const TEMPORARY_EXPORT = "ajvValidatorToWrap";

// A CommonJS module: imported from ESM it is `module.exports`, whose `default` is the function.
const standaloneCode = standaloneModule.default;

export interface CompiledValidator {
  /** The schema it was compiled from: the spec reduced to what validation reads. */
  readonly schema: JsonObject;
  /** The validator itself, for the spec check. */
  readonly validate: ValidateFunction;
  /** AJV's module code, exporting nothing: its validator is wrapped by the caller before export. */
  readonly code: string;
  /** The name of AJV's validator function in that code, such as `validate0`. */
  readonly functionName: string;
  /** The flags AJV compiles each `pattern` with, for code that must match as it does. */
  readonly regExpFlags: string;
  /** Whether the code counts string lengths in code points (else in UTF-16 units). */
  readonly lengthsInCodePoints: boolean;
}

/** By the spec object it was compiled for; the pipeline never changes a spec once loaded. */
const compiled = new WeakMap<JsonObject, CompiledValidator>();

/** The strict validator of a spec, compiled on first use. */
export function compileStrictValidator(spec: unknown): CompiledValidator {
  if (!isObject(spec)) throw new Error("internal: the spec to compile is not an object");
  let validator = compiled.get(spec);
  if (validator === undefined) {
    validator = compileStandalone(validationSchema(spec));
    compiled.set(spec, validator);
  }
  return validator;
}

/** Compiles the schema into AJV's standalone code for one validator function. */
function compileStandalone(schema: JsonObject): CompiledValidator {
  const features = featuresUsed(schema);
  const ajv = createStrictAjv({
    allErrors: false,
    ownProperties: true,
    // The spec was checked against the meta-schema already; compiling the meta-schema again would
    // cost more than the whole rest of this target.
    validateSchema: false,
    unicode: !features.lengthsAgreeInCodeUnits,
    logger: withoutUnicodeDeprecation(console),
    code: { source: true, esm: true, lines: true, optimize: branchCount(schema) <= OPTIMIZED_BRANCH_LIMIT },
  });
  // Set after construction because Ajv2020 forces both on; they only steer code generation.
  if (!features.unevaluated) ajv.opts.unevaluated = false;
  if (!features.dynamicRef) ajv.opts.dynamicRef = false;
  ajv.addSchema(schema, SCHEMA_KEY);
  const validate = ajv.getSchema(SCHEMA_KEY);
  if (validate === undefined) throw new Error("internal: AJV did not compile the validation schema");
  const functionName = String(validate.source?.validateName);
  const exportLine = `export const ${TEMPORARY_EXPORT} = ${functionName};\n`;
  const code = standaloneCode(ajv, { [TEMPORARY_EXPORT]: SCHEMA_KEY });
  if (!/^validate\d+$/.test(functionName) || code.split(exportLine).length !== 2) {
    throw new Error(`internal: AJV's standalone code does not export its validator as expected (${JSON.stringify(exportLine)})`);
  }
  return {
    schema,
    validate,
    code: code.replace(exportLine, ""),
    functionName,
    regExpFlags: ajv.opts.unicodeRegExp === false ? "" : "u",
    lengthsInCodePoints: !features.lengthsAgreeInCodeUnits,
  };
}

/** The branches of the discriminated union, each a message type. */
function branchCount(schema: JsonObject): number {
  const branches = schema["oneOf"];
  return Array.isArray(branches) ? branches.length : 0;
}

interface Features {
  readonly unevaluated: boolean;
  readonly dynamicRef: boolean;
  /** Every `minLength` is at most 1 and every `maxLength` is 0, so `.length` gives the same verdict. */
  readonly lengthsAgreeInCodeUnits: boolean;
}

function featuresUsed(schema: JsonObject): Features {
  let unevaluated = false;
  let dynamicRef = false;
  let lengthsAgreeInCodeUnits = true;
  forEachSchema(schema, (s) => {
    if ("unevaluatedProperties" in s || "unevaluatedItems" in s) unevaluated = true;
    if ("$dynamicRef" in s || "$dynamicAnchor" in s || "$recursiveRef" in s || "$recursiveAnchor" in s) dynamicRef = true;
    const min = s["minLength"];
    const max = s["maxLength"];
    if ((min !== undefined && !(typeof min === "number" && min <= 1)) || (max !== undefined && max !== 0)) lengthsAgreeInCodeUnits = false;
  });
  return { unevaluated, dynamicRef, lengthsAgreeInCodeUnits };
}

/**
 * AJV warns that `unicode` is deprecated (it wants code points counted everywhere); the option is
 * only used where both counts agree, so that one warning is dropped and every other one passes.
 */
function withoutUnicodeDeprecation(logger: Logger): Logger {
  return {
    log: (...args: unknown[]) => logger.log(...args),
    warn: (...args: unknown[]) => {
      if (typeof args[0] === "string" && args[0].startsWith("DEPRECATED: option unicode.")) return;
      logger.warn(...args);
    },
    error: (...args: unknown[]) => logger.error(...args),
  };
}
