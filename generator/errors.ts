/**
 * Errors the generator reports to its user. Each one names the file and, where it has one, the
 * JSON pointer of the offending place, so a message reads like a compiler diagnostic.
 */

/** Exit codes of the command line, documented in the README. */
export const ExitCode = {
  ok: 0,
  /** `check` found generated files that differ from what the spec gives. */
  drift: 1,
  /** Bad input or usage: unreadable or invalid spec, unknown option, name clash. */
  badInput: 2,
  /** A failure inside the generator itself (a bug): nothing was written. */
  internal: 3,
} as const;

export interface SpecProblem {
  readonly file: string;
  /** JSON pointer into the spec, "" for the whole document. */
  readonly pointer: string;
  readonly message: string;
}

/** A problem with the user's input: the spec, the options or the config file. */
export class InputError extends Error {
  readonly problems: readonly SpecProblem[];

  constructor(problems: readonly SpecProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "InputError";
    this.problems = problems;
  }

  static at(file: string, pointer: string, message: string): InputError {
    return new InputError([{ file, pointer, message }]);
  }
}

export function formatProblem(p: SpecProblem): string {
  return `${p.file}${p.pointer === "" ? "" : `#${p.pointer}`}: ${p.message}`;
}

/** Builds a JSON pointer from path segments, escaping `~` and `/` as RFC 6901 asks. */
export function pointerOf(...segments: readonly (string | number)[]): string {
  return segments.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}
