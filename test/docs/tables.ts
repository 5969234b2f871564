/**
 * Table rows of a docs page as plain text, read straight from the Markdown or HTML source, for
 * checks that do not need a browser.
 */

/** Cells of every Markdown table row (delimiter rows left out), unescaped, without code and link syntax. */
export function markdownRows(markdown: string): string[][] {
  return markdown
    .split("\n")
    .filter((line) => line.startsWith("|") && !/^\|( --- \|)+$/.test(line))
    .map((line) => splitCells(line).map(markdownCellText));
}

function splitCells(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  for (let i = 1; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === "\\" && i + 1 < line.length) {
      cell += ch + line[i + 1];
      i++;
    } else if (ch === "|") {
      cells.push(cell);
      cell = "";
    } else {
      cell += ch;
    }
  }
  return cells;
}

function markdownCellText(cell: string): string {
  return cell
    .replace(/\]\(#[^)]*\)/g, "")
    .replace(/(^|[^\\])\[/g, "$1")
    .replace(/`/g, "")
    .replace(/\\(.)/g, "$1")
    .trim();
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/** Cells of every HTML table row, tags removed and entities decoded. */
export function htmlRows(html: string): string[][] {
  return [...html.matchAll(/<tr>(.*?)<\/tr>/gs)].map((row) =>
    [...row[1]!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/gs)].map((cell) =>
      cell[1]!
        .replace(/<[^>]+>/g, "")
        .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!)
        .trim(),
    ),
  );
}

/** The page's text without markup, white space collapsed. */
export function plainText(source: string, format: "md" | "html"): string {
  const text =
    format === "html"
      ? source
          .replace(/<style>[\s\S]*?<\/style>/, "")
          .replace(/<\/?(code|strong|a|span)\b[^>]*>/g, "")
          .replace(/<[^>]+>/g, " ")
          .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!)
      : source.replace(/\]\(#[^)]*\)/g, "").replace(/`/g, "").replace(/\\(.)/g, "$1").replace(/\[/g, "");
  return text.replace(/\s+/g, " ");
}
