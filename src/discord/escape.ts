// Text from articles and users is shown as written: markdown, mentions, masked links and line breaks
// are neutralised so a quote can neither ping anyone nor escape its quote block.

/** Bidi overrides and isolates reorder what follows them; they are display tricks, not content. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
// Control characters other than tab/newline are dropped: they render as nothing or garbage.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const ZERO_WIDTH_SPACE = '\u200B';
/** Anything escapeText changes: the characters below, a line that starts like a heading, list or numbered item, a mass mention. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what escapeText strips.
const NEEDS_ESCAPE = /[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069\u2028\u2029\\*_~`|[\]<>@]|^[#-]|^\d+\./;

/**
 * Escapes text for one line of Discord markdown: newlines become spaces (a newline would leave a
 * "> " quote), markdown and mention syntax are backslash-escaped, @everyone/@here are broken with a
 * zero-width space the way discord.js's cleanContent does.
 */
export function escapeText(text: string): string {
  // Most names and quotes hold nothing to escape: one scan instead of seven rewrites.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(CONTROL_CHARS, '')
    .replace(BIDI_CONTROLS, '')
    .replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ')
    .replace(/[\\*_~`|[\]<>]/g, (ch) => `\\${ch}`)
    .replace(/^[#-]/, '\\$&')
    .replace(/^(\d+)\./, '$1\\.')
    .replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`);
}

/** Only http(s) links, with the characters that end a markdown link or embed percent-encoded. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const href = parsed.href.replace(/[()<>\s[\]]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  // Longer links are almost certainly junk and would crowd out the quote they cite.
  return href.length <= 1000 ? href : null;
}

/** "[label](url)" when the url is safe, else just the escaped label. */
export function link(label: string, url: string | null | undefined): string {
  const href = safeUrl(url);
  const text = escapeText(label);
  return href ? `[${text}](${href})` : text;
}

/** Cuts text to `max` characters, ending with an ellipsis, never splitting a backslash escape. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  // A lone trailing backslash would escape the ellipsis; surrogate halves would render as garbage.
  cut = cut.replace(/\\+$/, (slashes) => (slashes.length % 2 === 1 ? slashes.slice(0, -1) : slashes));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** The first few items of a list joined by ", ", with "and N more" when the rest do not fit. */
export function listWithin(items: string[], max: number, separator = ', '): string {
  const all = items.join(separator);
  if (all.length <= max) return all;
  for (let shown = items.length - 1; shown > 0; shown--) {
    const text = `${items.slice(0, shown).join(separator)}${separator}and ${items.length - shown} more`;
    if (text.length <= max) return text;
  }
  return clip(`${items.length} items`, max);
}
