// Titles for articles that name none: from the URL's slug or from the first sentence of prose.

const MAX_TITLE = 120;

/**
 * A title for an article whose first line is prose: its first sentence when short, else that sentence
 * up to a clause boundary (comma, semicolon, colon, dash), else up to a word boundary with "…" —
 * never a cut in the middle of a word.
 */
export function titleFromProse(paragraph: string): string {
  const sentence = paragraph.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? paragraph;
  const text = sentence.replace(/^[\p{Lu}\s]{3,30}:\s*/u, '').trim();
  if (text.length <= MAX_TITLE) return text;
  const head = text.slice(0, MAX_TITLE);
  const clause = Math.max(...[', ', '; ', ': ', ' – ', ' — ', ' - '].map((sep) => head.lastIndexOf(sep)));
  if (clause >= 40) return text.slice(0, clause).trim();
  return `${head.slice(0, MAX_TITLE - 1).replace(/\s+\S*$/, '')}…`;
}

/**
 * The title a URL's last path segment spells ("ukraine-drops-nato-goal-5581336" → "Ukraine drops NATO
 * goal"): ids and extensions dropped, each word in the case the article writes it. Null when the slug
 * is not words (an id, "index", "news").
 */
export function titleFromSlug(url: string, articleText: string): string | null {
  let segments: string[];
  try {
    segments = new URL(url).pathname
      .split('/')
      .filter(Boolean)
      .map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
  const slug = [...segments]
    .reverse()
    .map((s) => s.replace(/\.[a-z0-9]{2,5}$/i, ''))
    .find((s) => (s.match(/[a-z]{2,}/gi) ?? []).length >= 3 && /[-_]/.test(s));
  if (!slug) return null;
  // Ids ("5581336", "5HjdPN4") are not words; short numbers are ("20-point").
  const kept = slug.split(/[-_+]+/).filter((w) => w && (!/\d/.test(w) || /^\d{1,3}$/.test(w)));
  if (kept.length < 3) return null;
  const cased = kept.map((w, i) => {
    const word = caseInText(w, articleText);
    return i === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  });
  let title = cased.join(' ');
  if (title.length > MAX_TITLE) title = `${title.slice(0, MAX_TITLE - 1).replace(/\s+\S*$/, '')}…`;
  return title;
}

/** A word as the text writes it: lowercase if the text ever writes it so, else its most frequent form. */
function caseInText(word: string, text: string): string {
  const lower = word.toLowerCase();
  const forms = new Map<string, number>();
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${lower.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'giu'))) {
    if (m[0] === lower) return lower;
    forms.set(m[0], (forms.get(m[0]) ?? 0) + 1);
  }
  return [...forms].sort((a, b) => b[1] - a[1])[0]?.[0] ?? lower;
}
