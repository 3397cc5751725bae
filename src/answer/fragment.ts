// Links that land on the quoted words: a URL text fragment (https://wicg.github.io/scroll-to-text-fragment/),
// "#:~:text=start,end", which browsers scroll to and highlight.

/** Words at the start and end of a text directive: enough to be unique in an article, short enough to survive small edits. */
const EDGE_WORDS = 4;

/**
 * Percent-encodes a text directive term. The directive syntax uses "-", "&" and "," as delimiters, so
 * they must be encoded too (encodeURIComponent leaves "-" alone); so are the marks that would end a
 * markdown link or look like syntax ("(", ")", "!", "'", "*", "~").
 */
export function encodeTextDirective(term: string): string {
  return encodeURIComponent(term).replace(/[-!'()*~]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

const isAsciiAlphanumeric = (code: number): boolean => (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);

/** Words of a text with punctuation and quotation marks taken off its two ends. */
function edgeTrimmed(words: string[]): string {
  const joined = words.join(' ');
  // The common case, a plain word at each end, needs no Unicode-aware trimming.
  if (isAsciiAlphanumeric(joined.charCodeAt(0)) && isAsciiAlphanumeric(joined.charCodeAt(joined.length - 1))) return joined;
  return joined.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[^\p{L}\p{N}]+$/u, '');
}

/**
 * The text directive for an excerpt: the whole text when it is short, else its first and last few
 * words (a range). A text joined from two spans with " … " starts in the first and ends in the last.
 * Null when the text has no words.
 */
export function textDirective(text: string): string | null {
  const segments = text
    .split(' … ')
    .map((s) => s.split(/\s+/).filter(Boolean))
    .filter((w) => w.length > 0);
  const first = segments[0];
  const last = segments.at(-1);
  if (!first || !last) return null;
  if (segments.length === 1 && first.length <= EDGE_WORDS * 2) {
    const whole = edgeTrimmed(first);
    return whole ? `text=${encodeTextDirective(whole)}` : null;
  }
  const start = edgeTrimmed(first.slice(0, EDGE_WORDS));
  const end = edgeTrimmed(last.slice(-EDGE_WORDS));
  if (!start || !end) return null;
  return `text=${encodeTextDirective(start)},${encodeTextDirective(end)}`;
}

/** The article's URL pointing at the words themselves; the URL as is when no directive can be made, null without a URL. */
export function urlToWords(url: string | null, text: string): string | null {
  if (!url) return null;
  const directive = textDirective(text);
  if (!directive) return url;
  // A text directive lives after ":~:" in the fragment; the page's own fragment is not needed to find the words.
  return `${url.replace(/#.*$/, '')}#:~:${directive}`;
}
