/**
 * The code blocks of a Markdown file with the check each one is marked for. A mark is an HTML
 * comment on the line right before the fence:
 *
 *     <!-- check: kotlin with=app/push-extras/kotlin/PushExtras.kt -->
 *
 * that is, a kind, then words (`arguments`) and `key=value` pairs (`options`). A fence without a
 * mark, a mark of an unknown kind or a mark with nothing after it is a problem, so that no block of
 * the README goes unchecked.
 */

export const BLOCK_KINDS = ["sh-setup", "sh-repo", "sh-app", "ts", "cjs", "output", "config", "kotlin", "swift"] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export interface CodeBlock {
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly kind: BlockKind;
  readonly arguments: readonly string[];
  readonly options: Readonly<Record<string, string>>;
  /** The info string of the fence, such as `sh` or `kotlin`. */
  readonly language: string;
  readonly code: string;
}

export interface ParsedBlocks {
  readonly blocks: readonly CodeBlock[];
  readonly problems: readonly string[];
}

const MARK = /^<!-- check: (.*?) -->$/;
const FENCE = /^(`{3,}|~{3,})(.*)$/;

function isKind(word: string): word is BlockKind {
  return (BLOCK_KINDS as readonly string[]).includes(word);
}

export function parseBlocks(markdown: string): ParsedBlocks {
  const lines = markdown.split("\n");
  const blocks: CodeBlock[] = [];
  const problems: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const open = FENCE.exec(line);
    if (open?.[1] === undefined) {
      if (MARK.test(line) && !FENCE.test(lines[i + 1] ?? "")) problems.push(`line ${i + 1}: a check mark with no code block right after it`);
      i += 1;
      continue;
    }
    const fence = open[1];
    const end = lines.findIndex((l, j) => j > i && l.startsWith(fence) && l.slice(fence.length).trim() === "");
    if (end === -1) {
      problems.push(`line ${i + 1}: a code block that is never closed`);
      break;
    }
    const code = lines.slice(i + 1, end).join("\n");
    const mark = MARK.exec(lines[i - 1] ?? "");
    const words = mark?.[1]?.trim().split(/\s+/) ?? [];
    const kind = words[0];
    if (kind === undefined || mark === null) {
      problems.push(`line ${i + 1}: a code block without a check mark (<!-- check: KIND --> on the line before it; kinds: ${BLOCK_KINDS.join(", ")})`);
    } else if (!isKind(kind)) {
      problems.push(`line ${i + 1}: unknown check "${kind}" (kinds: ${BLOCK_KINDS.join(", ")})`);
    } else {
      const rest = words.slice(1);
      blocks.push({
        line: i + 1,
        kind,
        arguments: rest.filter((w) => !w.includes("=")),
        options: Object.fromEntries(rest.filter((w) => w.includes("=")).map((w) => [w.slice(0, w.indexOf("=")), w.slice(w.indexOf("=") + 1)])),
        language: open[2]!.trim(),
        code,
      });
    }
    i = end + 1;
  }
  return { blocks, problems };
}
