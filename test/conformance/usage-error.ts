/**
 * A run that cannot start: a bad argument, a missing file, a missing toolchain. The command line
 * prints the message and exits with 2, which tells CI "fix the setup", not "a language disagrees".
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
