/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/**
 * `list`'s text as a web page (weblist): the report in a preformatted block, lines with a value
 * highlighted. Source only, which the page says: there is no assembly under each line as in pprof's.
 */
export function listPage(listText: string, title: string): string {
  const lines = listText.split('\n').map((line) => {
    const escaped = escapeHtml(line);
    // A source line with a flat or cum value: the columns before the line number are not all dots.
    return /^\s*(\S+)\s+(\S+)\s+\d+:/.test(line) && !/^\s*\.\s+\.\s+\d+:/.test(line) ? `<span class="hot">${escaped}</span>` : escaped;
  });
  return [
    '<!DOCTYPE html>',
    '<html>',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${title}</title>`,
    '<style>body { font-family: sans-serif; } pre { font-family: monospace; } .hot { background: #fdd; } .note { color: #666; }</style>',
    '</head>',
    '<body>',
    `<h1>${title}</h1>`,
    '<p class="note">Annotated source only: heapcli reads no binaries, so there is no disassembly under each line.</p>',
    `<pre>${lines.join('\n')}</pre>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
