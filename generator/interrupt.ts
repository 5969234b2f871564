/**
 * Ctrl-C, a cancelled CI job or a closed terminal must not leave the output folder half-replaced
 * or a temporary folder beside it. While the output is written, SIGINT, SIGTERM and SIGHUP only
 * abort a signal that the writer checks at its safe points (./write.ts); once the writer has
 * finished or rolled back, the signal is raised again with Node's default handling, so the
 * process still ends as that signal says (exit status 128 + its number in a shell).
 */
import { constants } from "node:os";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

type Interrupt = (typeof SIGNALS)[number];

/** The work was interrupted by a signal; `finished` says whether it completed all the same. */
export class InterruptedError extends Error {
  readonly signal: Interrupt;
  readonly finished: boolean;

  constructor(signal: Interrupt, finished: boolean) {
    super(`interrupted by ${signal}`);
    this.name = "InterruptedError";
    this.signal = signal;
    this.finished = finished;
  }

  /** Ends the process by the same signal, now that nothing is half-done; the exit code if it does not. */
  raise(): number {
    process.kill(process.pid, this.signal);
    return 128 + constants.signals[this.signal];
  }
}

/**
 * Runs `work` with the signals above deferred to its abort signal. Throws InterruptedError when
 * one arrived, after `work` has settled, whether it finished or stopped at a safe point.
 */
export async function withInterruptsDeferred<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  // An object, not a `let`: the handlers set it, which the compiler's narrowing cannot see.
  const state: { received: Interrupt | null } = { received: null };
  const handlers = SIGNALS.map((name) => {
    const handler = () => {
      state.received ??= name;
      controller.abort();
    };
    process.on(name, handler);
    return () => process.off(name, handler);
  });
  let outcome: { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };
  try {
    outcome = { ok: true, value: await work(controller.signal) };
  } catch (error) {
    outcome = { ok: false, error };
  } finally {
    for (const remove of handlers) remove();
  }
  if (state.received !== null) throw new InterruptedError(state.received, outcome.ok);
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}
