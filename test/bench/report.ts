/**
 * What each section hands back and how it is printed: a Markdown table per section (it reads
 * well in a terminal and pastes into the README as it is), the summary of the targets, and the
 * raw figures for the JSON file.
 */

export interface Target {
  /** "at most" or "at least". */
  readonly kind: "max" | "min";
  readonly limit: number;
  /** How the target reads in the table, such as `≤ 1.15`. */
  readonly text: string;
}

/** One figure of the summary: the measured value, its peers beside it, and the target if any. */
export interface Figure {
  readonly figure: string;
  readonly value: number;
  readonly text: string;
  readonly peers: string;
  readonly target: Target | null;
}

export interface SectionResult {
  readonly id: string;
  readonly title: string;
  /** How the figures were taken, one or two sentences. */
  readonly method: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Further tables, such as where the time goes. */
  readonly more?: readonly Table[];
  readonly figures: readonly Figure[];
  /** Every figure of every round, for the JSON file. */
  readonly raw: unknown;
}

export interface Table {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export function atMost(limit: number, text: string): Target {
  return { kind: "max", limit, text: `≤ ${text}` };
}

export function atLeast(limit: number, text: string): Target {
  return { kind: "min", limit, text: `≥ ${text}` };
}

export function isMet(figure: Figure): boolean | null {
  if (figure.target === null || !Number.isFinite(figure.value)) return null;
  return figure.target.kind === "max" ? figure.value <= figure.target.limit : figure.value >= figure.target.limit;
}

/** `met`, or by how much the target is missed, as a share of the limit. */
export function verdict(figure: Figure): string {
  const met = isMet(figure);
  if (met === null) return "";
  if (met) return "met";
  const { kind, limit } = figure.target!;
  const off = kind === "max" ? figure.value / limit - 1 : 1 - figure.value / limit;
  return `missed by ${(off * 100).toFixed(0)}%`;
}

export function markdownTable(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
  const all = [columns, ...rows].map((row) => row.map(escape));
  const widths = columns.map((_, i) => Math.max(3, ...all.map((row) => (row[i] ?? "").length)));
  const line = (row: readonly string[]) => `| ${widths.map((w, i) => (row[i] ?? "").padEnd(w)).join(" | ")} |`;
  return [line(all[0]!), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...all.slice(1).map(line)].join("\n");
}

export function printSection(index: number, section: SectionResult): string {
  const more = (section.more ?? []).flatMap((t) => [t.caption, "", markdownTable(t.columns, t.rows), ""]);
  return [`## ${index}. ${section.title}`, "", section.method, "", markdownTable(section.columns, section.rows), "", ...more].join("\n");
}

export function summaryTable(figures: readonly Figure[]): string {
  return markdownTable(
    ["figure", "push-extras", "peers", "target", "result"],
    figures.map((f) => [f.figure, f.text, f.peers, f.target?.text ?? "", verdict(f)]),
  );
}

export function ratio(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : "n/a";
}

export function milliseconds(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

export function nanoseconds(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(1)} ns` : "n/a";
}

/** Bytes as `1.23 KB (1 260 B)`; 1 KB is 1024 bytes here. */
export function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(2)} KB (${bytes} B)`;
}
