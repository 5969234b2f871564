/**
 * The JavaScript of the fast path, from its plan (./fast-path-plan.ts), as values for the validators
 * template: module constants, one function per message type whose clauses must all hold, and how
 * the union finds the function of a payload's message type. Every schema value reaches the code
 * through `stringLiteral`.
 *
 * The fast path gives AJV's verdict on every payload, so each clause says exactly what AJV's code
 * says. Each key is read once and counts only as the payload's own property, like AJV's code with
 * `ownProperties`: the value is checked first and ownership asked last. An optional key is fine
 * when it reads as undefined or as a valid value (own or inherited: AJV passes an inherited key
 * over), and otherwise only when it is not the payload's own.
 *
 * Ownership is proved once per payload where it can be: a payload whose prototype is
 * `Object.prototype` (what JSON.parse makes), while `Object.prototype` holds none of the message's
 * keys, can only read a key that is there as its own. Only when that fails (another or a polluted
 * prototype) is `hasOwnProperty` asked of each key. Measured on a message of three keys: the proof
 * costs 3 ns a payload, three `hasOwnProperty` calls 22 ns. A proxy whose traps contradict each
 * other (naming Object.prototype as its prototype while serving keys from elsewhere) may be read
 * differently by two readers that ask it different questions, and AJV's code and this are two such.
 */
import { dispatchesWithSwitch } from "../dispatch.js";
import { stringLiteral } from "../typescript/naming.js";
import { jsDoc } from "./comments.js";
import type { FastKey, FastMessage, FastPathPlan, StringChecks } from "./fast-path-plan.js";

/** Names in the module; AJV's own module-level names all end in a number, these never do. */
const NAMES = {
  function: "accepts",
  message: "accepts",
  byTag: "acceptsByTag",
  own: "ownKey",
  pattern: "acceptPattern",
  enumeration: "acceptValues",
  codePoints: "codePoints",
  objectPrototype: "ObjectPrototype",
  inheritsFromObjectOnly: "inheritsFromObjectOnly",
} as const;
/** The name of the fast path's union function in the module. */
export const FAST_PATH_FUNCTION = NAMES.function;
/** Local variables of the functions. */
const TAG = "tag";
const VALUE = "value";
const DATA = "data";
/** True when every key the message reads is, if present at all, the payload's own. */
const OWN_ONLY = "ownOnly";

/** How AJV's code counts string lengths, which the fast path must count the same way. */
export interface LengthCounting {
  readonly inCodePoints: boolean;
  /** AJV's code-point counter, copied into the module when a limit needs it. */
  readonly counterSource: string;
}

export interface FastPathCode {
  readonly name: string;
  readonly own: string;
  readonly objectPrototype: string;
  readonly inheritsFromObjectOnly: string;
  /** The local variable that says whether a message's keys can only be the payload's own. */
  readonly ownOnly: string;
  readonly byTag: string;
  readonly constants: readonly { readonly name: string; readonly value: string }[];
  readonly tagKey: string;
  readonly tag: string;
  readonly value: string;
  readonly data: string;
  readonly messages: readonly FastMessageCode[];
  /** Whether the union dispatches with a `switch` (else with the Map `byTag`). */
  readonly switches: boolean;
}

export interface FastMessageCode {
  /** The wire value of the message type, as a string literal. */
  readonly tag: string;
  /** The name of the message's function. */
  readonly function: string;
  /** Its doc comment, escaped. */
  readonly doc: string;
  /** The proof that every key it reads can only be the payload's own (see the file comment). */
  readonly ownOnly: string;
  readonly clauses: readonly string[];
}

export function fastPathCode(plan: FastPathPlan, regExpFlags: string, lengths: LengthCounting): FastPathCode {
  const constants: { name: string; value: string }[] = [];
  const named = new Map<string, string>();
  const constant = (prefix: string, value: string, fixedName?: string): string => {
    let name = named.get(value);
    if (name === undefined) {
      name = fixedName ?? `${prefix}${letters(constants.filter((c) => c.name.startsWith(prefix)).length)}`;
      named.set(value, name);
      constants.push({ name, value });
    }
    return name;
  };
  const codePoints = (variable: string) => `${constant(NAMES.codePoints, `(${lengths.counterSource})`, NAMES.codePoints)}(${variable})`;
  // A string of n UTF-16 units holds between ceil(n / 2) and n code points: most strings are
  // decided by their `.length` alone, and only the rest are counted.
  const lengthClauses = (checks: StringChecks, variable: string): string[] => {
    const { min, max } = checks.lengths;
    const clauses: string[] = [];
    if (min > 0) {
      const proved = `${variable}.length >= ${lengths.inCodePoints ? 2 * min - 1 : min}`;
      clauses.push(lengths.inCodePoints && min > 1 ? `(${proved} || ${codePoints(variable)} >= ${min})` : proved);
    }
    if (max !== null) {
      const proved = `${variable}.length <= ${max}`;
      clauses.push(lengths.inCodePoints && max > 0 ? `(${proved} || ${codePoints(variable)} <= ${max})` : proved);
    }
    return clauses;
  };
  const stringClauses = (checks: StringChecks, variable: string): string[] => [
    ...checks.consts.map((value) => `${variable} === ${stringLiteral(value)}`),
    ...lengthClauses(checks, variable),
    ...checks.enums.map((values) => `${constant(NAMES.enumeration, `new Set([${values.map(stringLiteral).join(", ")}])`)}.has(${variable})`),
    ...checks.patterns.map((source) => `${constant(NAMES.pattern, `new RegExp(${stringLiteral(source)}, ${stringLiteral(regExpFlags)})`)}.test(${variable})`),
  ];
  /** The checks of a value already read into `typed`; `typed` is the read itself on first use. */
  const valueClause = (checks: StringChecks, typed: string): string => {
    const onStrings = stringClauses(checks, VALUE);
    if (checks.typed) return [`typeof ${typed} == "string"`, ...onStrings].join(" && ");
    // No keyword restricts the value to strings: AJV applies string keywords to strings only.
    return onStrings.length === 0 ? "true" : `(typeof ${typed} != "string" || ${onStrings.join(" && ")})`;
  };
  const ownKey = (key: string) => `(${OWN_ONLY} || ${NAMES.own}.call(${DATA}, ${stringLiteral(key)}))`;
  // The keys of one message only: a spec of 400 message types must not pay for 400 messages' keys.
  const ownOnly = (message: FastMessage) =>
    [
      `${NAMES.inheritsFromObjectOnly}(${DATA})`,
      ...[plan.tagKey, ...message.keys.filter((field) => field.required || field.checks !== null).map((field) => field.key)].map(
        (key) => `!(${stringLiteral(key)} in ${NAMES.objectPrototype})`,
      ),
    ].join(" && ");
  const keyClause = (field: FastKey): string | null => {
    const read = `${DATA}[${stringLiteral(field.key)}]`;
    if (field.checks === null) return field.required ? `${read} !== undefined && ${ownKey(field.key)}` : null;
    if (field.required) {
      // A typed value is read inside its `typeof`; any other must first be there at all.
      const valid = field.checks.typed
        ? valueClause(field.checks, `(${VALUE} = ${read})`)
        : `(${VALUE} = ${read}) !== undefined && ${valueClause(field.checks, VALUE)}`;
      return `${valid} && ${ownKey(field.key)}`;
    }
    // Absent, valid, or not the payload's own (AJV passes an inherited key over): no call at all
    // for a valid value.
    return `((${VALUE} = ${read}) === undefined || ${valueClause(field.checks, VALUE)} || !${ownKey(field.key)})`;
  };
  const messages = plan.messages.map((message, index) => ({
    tag: stringLiteral(message.tag),
    function: `${NAMES.message}${letters(index)}`,
    doc: jsDoc(`Whether a payload whose \`${plan.tagKey}\` is ${JSON.stringify(message.tag)} is that message under the strict reading.`, ""),
    ownOnly: ownOnly(message),
    clauses: [
      ...stringClauses(message.tagChecks, TAG),
      ownKey(plan.tagKey),
      ...message.keys.map(keyClause).filter((clause): clause is string => clause !== null),
    ],
  }));
  return {
    name: NAMES.function,
    byTag: NAMES.byTag,
    own: NAMES.own,
    objectPrototype: NAMES.objectPrototype,
    inheritsFromObjectOnly: NAMES.inheritsFromObjectOnly,
    ownOnly: OWN_ONLY,
    constants,
    tagKey: stringLiteral(plan.tagKey),
    tag: TAG,
    value: VALUE,
    data: DATA,
    messages,
    switches: dispatchesWithSwitch(messages.length),
  };
}

/** 0 -> A, 25 -> Z, 26 -> AA: suffixes that never end in a digit. */
function letters(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : `${letters(Math.floor(index / 26) - 1)}${letter}`;
}
