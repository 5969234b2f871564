/**
 * The JavaScript of the fast accept path, from its plan (./fast-path-plan.ts), as values for the
 * validators template: module constants, and per message type one check whose clauses must all
 * hold, found by the discriminator's value in a Map (a `switch` compares the value with every case
 * before it: at 400 message types the fast path took twice as long). Every schema value reaches
 * the code through `stringLiteral`.
 *
 * Each key is read once, and counts only as the payload's own property, like AJV's code with
 * `ownProperties`: the value is checked first and `hasOwnProperty` asked last, so a valid payload
 * pays one read and one call per required key (AJV pays three reads and two calls). An optional key
 * is fine when it reads as undefined or as a valid value (own or inherited, AJV accepts both: it
 * passes an inherited key over), and otherwise only when it is not the payload's own.
 */
import { stringLiteral } from "../typescript/naming.js";
import type { FastKey, FastPathPlan, StringChecks } from "./fast-path-plan.js";

/** Names in the module; AJV's own module-level names all end in a number, these never do. */
const NAMES = { function: "acceptsFast", byTag: "acceptsByTag", own: "ownKey", pattern: "acceptPattern", enumeration: "acceptValues" } as const;
/** The name of the fast path's function in the module. */
export const FAST_PATH_FUNCTION = NAMES.function;
/** Local variables of the function. */
const TAG = "tag";
const VALUE = "value";
const DATA = "data";

export interface FastPathCode {
  readonly name: string;
  readonly own: string;
  readonly byTag: string;
  readonly constants: readonly { readonly name: string; readonly value: string }[];
  readonly tagKey: string;
  readonly tag: string;
  readonly value: string;
  readonly data: string;
  readonly cases: readonly { readonly tag: string; readonly clauses: readonly string[] }[];
}

export function fastPathCode(plan: FastPathPlan, regExpFlags: string): FastPathCode {
  const constants: { name: string; value: string }[] = [];
  const named = new Map<string, string>();
  const constant = (prefix: string, value: string): string => {
    let name = named.get(value);
    if (name === undefined) {
      name = `${prefix}${letters(constants.filter((c) => c.name.startsWith(prefix)).length)}`;
      named.set(value, name);
      constants.push({ name, value });
    }
    return name;
  };
  const stringClauses = (checks: StringChecks, variable: string): string[] => [
    ...checks.consts.map((value) => `${variable} === ${stringLiteral(value)}`),
    // At least `min` code points: see LengthLimits.
    ...(checks.lengths.min > 0 ? [`${variable}.length >= ${2 * checks.lengths.min - 1}`] : []),
    ...(checks.lengths.max !== null ? [`${variable}.length <= ${checks.lengths.max}`] : []),
    ...checks.enums.map((values) => `${constant(NAMES.enumeration, `new Set([${values.map(stringLiteral).join(", ")}])`)}.has(${variable})`),
    ...checks.patterns.map((source) => `${constant(NAMES.pattern, `new RegExp(${stringLiteral(source)}, ${stringLiteral(regExpFlags)})`)}.test(${variable})`),
  ];
  const ownKey = (key: string) => `${NAMES.own}.call(${DATA}, ${stringLiteral(key)})`;
  const keyClause = (field: FastKey): string | null => {
    const read = `${DATA}[${stringLiteral(field.key)}]`;
    if (field.checks === null) return field.required ? `${read} !== undefined && ${ownKey(field.key)}` : null;
    const checks = field.checks;
    const valid = (typed: string) => [`typeof ${typed} == "string"`, ...stringClauses(checks, VALUE)].join(" && ");
    if (field.required) return `${valid(`(${VALUE} = ${read})`)} && ${ownKey(field.key)}`;
    // Absent, valid, or not the payload's own (AJV passes an inherited key over): no call at all
    // for a valid value.
    return `((${VALUE} = ${read}) === undefined || ${valid(VALUE)} || !${ownKey(field.key)})`;
  };
  const cases = plan.messages.map((message) => ({
    tag: stringLiteral(message.tag),
    clauses: [
      ...stringClauses(message.tagChecks, TAG),
      ownKey(plan.tagKey),
      ...message.keys.map(keyClause).filter((clause): clause is string => clause !== null),
    ],
  }));
  return { name: NAMES.function, byTag: NAMES.byTag, own: NAMES.own, constants, tagKey: stringLiteral(plan.tagKey), tag: TAG, value: VALUE, data: DATA, cases };
}

/** 0 -> A, 25 -> Z, 26 -> AA: suffixes that never end in a digit. */
function letters(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : `${letters(Math.floor(index / 26) - 1)}${letter}`;
}
