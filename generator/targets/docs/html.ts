/**
 * The HTML page: the outline with every piece of text escaped for HTML, printed by
 * `templates/docs/push-extras.html.hbs`. One self-contained file: the style sheet is inline, there
 * is no script, and the only links point at anchors inside the page; a content security policy
 * says so to the browser as well.
 */
import { fragmentOf } from "./anchors.js";
import { escapeHtml, htmlInline } from "./html-escape.js";
import { code, type Paragraph } from "./inline.js";
import type { DocsOutline, SectionHeading, Table } from "./outline.js";
import { docsStyleSheet, renderDocsPage } from "./render.js";

export function renderHtml(outline: DocsOutline): string {
  return renderDocsPage("html", {
    title: htmlInline(outline.title.heading),
    titleAnchor: escapeHtml(outline.title.anchor),
    styles: docsStyleSheet(),
    intro: outline.intro.map(htmlInline),
    contents: [
      ...[outline.summary, outline.keys, outline.readings].map((s) => ({ ...tocEntry(s), children: [] })),
      ...outline.groups.map((g) => ({
        ...tocEntry(g),
        children: g.messages.map((m) => ({ href: escapeHtml(fragmentOf(m.anchor)), label: htmlInline([code(m.wireType)]), title: escapeHtml(m.title) })),
      })),
    ],
    summary: section(outline.summary, "summary"),
    keys: section(outline.keys, "keys"),
    readings: {
      heading: htmlInline(outline.readings.heading),
      anchor: escapeHtml(outline.readings.anchor),
      paragraphs: outline.readings.paragraphs.map(htmlInline),
      items: outline.readings.items.map(htmlInline),
    },
    groups: outline.groups.map((group) => ({
      heading: htmlInline(group.heading),
      anchor: escapeHtml(group.anchor),
      paragraphs: group.paragraphs.map(htmlInline),
      messages: group.messages.map((message) => ({
        heading: htmlInline(message.heading),
        anchor: escapeHtml(message.anchor),
        wireType: escapeHtml(message.wireType),
        paragraphs: message.paragraphs.map(htmlInline),
        fields: table(message.fields, "fields"),
        enums: message.enums.map((e) => ({ paragraph: htmlInline(e.paragraph), table: table(e.table, "values") })),
        examplesLead: htmlInline(message.examplesLead),
        examples: message.examples.map(escapeHtml),
      })),
    })),
    closing: htmlInline(outline.closing),
  });
}

function tocEntry(s: SectionHeading) {
  return { href: escapeHtml(fragmentOf(s.anchor)), label: htmlInline(s.heading) };
}

function section(s: SectionHeading & { paragraphs: readonly Paragraph[]; table: Table }, tableClass: string) {
  return { heading: htmlInline(s.heading), anchor: escapeHtml(s.anchor), paragraphs: s.paragraphs.map(htmlInline), table: table(s.table, tableClass) };
}

/** Each cell carries its column name, which narrow screens show above the cell instead of a header row. */
function table(t: Table, tableClass: string) {
  const columns = t.columns.map(escapeHtml);
  return {
    tableClass,
    columns,
    rows: t.rows.map((row) => row.map((cell, i) => ({ label: columns[i] ?? "", html: htmlInline(cell) }))),
  };
}
