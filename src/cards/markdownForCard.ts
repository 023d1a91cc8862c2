/**
 * Adaptive Card TextBlocks render a subset of Markdown: bold, italics, lists and links, but no headings.
 * Pack answers use "## Heading"; turn those into bold lines so they still read as headings.
 */
export function markdownForCard(markdown: string): string {
  return markdown.replace(/^#{1,6}\s+(.+)$/gm, '**$1**');
}

/** Plain text for the command line and JSON output: no Markdown markers. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .trim();
}
