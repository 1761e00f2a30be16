/**
 * Renders markdown the way GitHub does for what the inert-text tests care about (CommonMark,
 * GFM tables, raw HTML allowed, bare links), so they check the rendered result rather than
 * string shapes.
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: true, linkify: true });

export function toHtml(markdown: string): string {
  return md.render(markdown);
}

/**
 * The text GitHub scans for mentions and issue references: everything outside code spans and
 * code blocks, with tags removed and entities decoded.
 */
export function scannedText(html: string): string {
  return html
    .replace(/<pre>[\s\S]*?<\/pre>/g, '')
    .replace(/<code>[\s\S]*?<\/code>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Cells per body row of every table in the HTML. */
export function cellsPerRow(html: string): number[] {
  const body = html.match(/<tbody>[\s\S]*?<\/tbody>/g) ?? [];
  return body.flatMap((b) =>
    (b.match(/<tr>[\s\S]*?<\/tr>/g) ?? []).map((r) => (r.match(/<td/g) ?? []).length),
  );
}

/** Elements created from raw HTML: any tag that is not one markdown itself produces. */
export function rawHtmlTags(html: string): string[] {
  const produced =
    /^<\/?(p|table|thead|tbody|tr|th|td|code|pre|ul|ol|li|strong|em|h[1-6]|br|details|summary|sub|a|hr|blockquote)( [^>]*)?>$/;
  return (html.match(/<\/?[a-z][^>]*>/gi) ?? []).filter((t) => !produced.test(t));
}
