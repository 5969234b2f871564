/**
 * The printed report: per language the counts, then every disagreement with what was expected and
 * what came back, then the summary line `N passed, M failed` that CI logs end with.
 */
import { stableJson } from "./canonical.js";
import type { ConformanceReport, Disagreement } from "./runner.js";

/** Longer values (a 64 KB field) are cut around their first difference to keep the log readable. */
const SHOWN_CHARACTERS = 400;

export function formatReport(report: ConformanceReport): string {
  const lines: string[] = [];
  for (const language of report.languages) {
    const note = language.harnessError === null ? "" : ` (the harness failed: ${language.harnessError})`;
    lines.push(`${language.lang}: ${language.passed} passed, ${language.failed} failed${note}`);
  }
  if (report.disagreements.length > 0) {
    lines.push("", "Disagreements:");
    for (const disagreement of report.disagreements) lines.push(...formatDisagreement(disagreement));
  }
  lines.push("", `${report.passed} passed, ${report.failed} failed`);
  return lines.join("\n") + "\n";
}

function formatDisagreement(d: Disagreement): string[] {
  const where = d.file === null ? "" : ` (${d.file})`;
  const expected = d.expected === null ? "nothing" : describe(d.expected.parsed, d.expected.valid);
  const actual = d.actual === null ? "nothing" : describe(d.actual.parsed, d.actual.valid);
  const [shownExpected, shownActual, note] = excerpts(expected, actual);
  return [
    `[${d.lang}] ${d.name}${where}: ${d.reasons.join("; ")}`,
    `  expected: ${shownExpected}`,
    `  actual:   ${shownActual}`,
    ...(note === null ? [] : [`  ${note}`]),
  ];
}

function describe(parsed: unknown, valid: boolean | undefined): string {
  return valid === undefined ? stableJson(parsed) : `${stableJson(parsed)} valid=${valid}`;
}

function excerpts(expected: string, actual: string): [string, string, string | null] {
  if (expected.length <= SHOWN_CHARACTERS && actual.length <= SHOWN_CHARACTERS) return [expected, actual, null];
  let first = 0;
  while (first < expected.length && first < actual.length && expected[first] === actual[first]) first++;
  const start = Math.max(0, first - SHOWN_CHARACTERS / 4);
  const cut = (text: string) => {
    const end = Math.min(text.length, start + SHOWN_CHARACTERS);
    return `${start > 0 ? "…" : ""}${text.slice(start, end)}${end < text.length ? "…" : ""}`;
  };
  return [cut(expected), cut(actual), `(shortened; first difference at character ${first} of ${expected.length} expected, ${actual.length} actual)`];
}
