/**
 * The Markdown page: the outline with every piece of text escaped and wrapped for Markdown, printed
 * by `templates/docs/push-extras.md.hbs`. Plain CommonMark with GitHub tables and no HTML, so that
 * any documentation site renders it and markdownlint passes it with its default rules.
 */
import type { Paragraph } from "./inline.js";
import { markdownCodeBlock, markdownLine, markdownParagraph } from "./markdown-escape.js";
import type { DocsOutline, Table } from "./outline.js";
import { renderDocsPage } from "./render.js";

/** Prose lines stay within markdownlint's default line length. */
const LINE_WIDTH = 80;

export function renderMarkdown(outline: DocsOutline): string {
  return renderDocsPage("md", {
    title: heading(outline.title.heading),
    intro: paragraphs(outline.intro),
    summary: section(outline.summary),
    keys: section(outline.keys),
    readings: {
      heading: heading(outline.readings.heading),
      paragraphs: paragraphs(outline.readings.paragraphs),
      items: outline.readings.items.map((item) => markdownParagraph(item, LINE_WIDTH, "- ", "  ")),
    },
    groups: outline.groups.map((group) => ({
      heading: heading(group.heading),
      paragraphs: paragraphs(group.paragraphs),
      messages: group.messages.map((message) => ({
        heading: heading(message.heading),
        paragraphs: paragraphs(message.paragraphs),
        fields: table(message.fields),
        enums: message.enums.map((e) => ({ paragraph: markdownParagraph(e.paragraph, LINE_WIDTH), table: table(e.table) })),
        examplesLead: markdownParagraph(message.examplesLead, LINE_WIDTH),
        examples: message.examples.map((json) => markdownCodeBlock(json, "json")),
      })),
    })),
    closing: markdownParagraph(outline.closing, LINE_WIDTH),
  });
}

function heading(pieces: Paragraph): string {
  return markdownLine(pieces, false);
}

function paragraphs(list: readonly Paragraph[]): string[] {
  return list.map((p) => markdownParagraph(p, LINE_WIDTH));
}

function section(s: { heading: Paragraph; paragraphs: readonly Paragraph[]; table: Table }) {
  return { heading: heading(s.heading), paragraphs: paragraphs(s.paragraphs), table: table(s.table) };
}

/** Column names are the page's own words; cells are escaped for a table cell. */
function table(t: Table) {
  return {
    columns: t.columns.map((c) => markdownLine([{ kind: "text", text: c }], true)),
    rows: t.rows.map((row) => row.map((cell) => markdownLine(cell, true))),
  };
}
