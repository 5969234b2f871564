/**
 * The contract between the conformance runner and each language's harness.
 *
 * The runner loads the vectors, rebuilds the model from the schema copy in the generated folder
 * (`<generated>/schema/*.schema.json`), and hands both to every harness. A harness runs its
 * language's generated parser (and validator, where the language has one) over the vectors and
 * returns each result in the canonical, language-neutral form below. The runner compares.
 *
 * Harnesses live beside this file as `harness-<lang>.ts`, each exporting `harness`.
 */
import type { PushExtrasModel } from "../../generator/model.js";

/** The tolerant result in canonical form, keyed by the spec's wire names. */
export type CanonicalResult =
  | {
      readonly kind: "message";
      readonly messageType: string;
      /** Every field of the message; null when absent; an enum value not in the spec as `{unknown: raw}`. */
      readonly fields: Readonly<Record<string, string | null | { readonly unknown: string }>>;
    }
  | { readonly kind: "unknown"; readonly messageType: string }
  | { readonly kind: "invalid" };

export interface Vector {
  readonly name: string;
  readonly payload: unknown;
  /** The strict verdict (the AJV validator). */
  readonly valid: boolean;
  readonly parsed: CanonicalResult;
  /** Languages the vector applies to; all when absent. */
  readonly only?: readonly string[];
}

export interface HarnessOutcome {
  readonly name: string;
  readonly parsed: CanonicalResult;
  /** The strict verdict, for languages with a validator; undefined otherwise. */
  readonly valid?: boolean;
  /**
   * Set when the language's code misbehaved on this vector (threw, trapped, returned a value outside
   * its API contract); the runner then counts the vector as failed and prints this text.
   */
  readonly problem?: string;
}

export interface HarnessRun {
  /** The generated folder, such as `generated/` (absolute path). */
  readonly generatedDir: string;
  readonly model: PushExtrasModel;
  /** Only the vectors that apply to this language. */
  readonly vectors: readonly Vector[];
  /** A fresh scratch folder the harness may use; the runner deletes it afterwards. */
  readonly workDir: string;
}

export interface Harness {
  /** Short language name used by `--lang` and in `only`: ts, kotlin, swift. */
  readonly lang: string;
  /** Null when the toolchain is ready, else the reason and how to install it. */
  toolchainProblem(): Promise<string | null>;
  /** One outcome per vector, in any order. Throws only when the harness itself cannot run. */
  run(request: HarnessRun): Promise<readonly HarnessOutcome[]>;
}
