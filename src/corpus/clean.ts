// Turns a scraped page into title + paragraphs, dropping page furniture by general rules:
// known furniture words, short lines that are not sentences, lines repeated on the page,
// media timers and pickers, and everything after an end-of-article marker.

export interface CleanedText {
  /** First real line when it reads as a headline (not a sentence), else null. */
  headline: string | null;
  /** Date from a leading "date YYYY-MM-DD" header, or a full date in the opening paragraphs. */
  date: string | null;
  /** Outlet named by a self-identifying footer or copyright line, when there is one. */
  footerOutlet: string | null;
  /** With no full date: the first day and month the opening paragraphs give without a year. */
  dayMonth: DayMonth | null;
  paragraphs: string[];
}

export interface CleanOptions {
  /** Names of the outlet or site: a line at the top that only repeats one is a masthead, never the headline. */
  mastheads?: (string | null | undefined)[];
}

/** Compares names as a masthead shows them: "THE HARBOUR TIMES", "harbourtimes.example", "Harbour Times". */
function nameKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/^(www\.)/, '')
    .replace(/\.(com|co\.uk|org|net|info|tv|example|news)$/, '')
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export function isMasthead(line: string, names: readonly (string | null | undefined)[]): boolean {
  const key = nameKey(line);
  return key.length > 0 && names.some((n) => n && nameKey(n) === key);
}

/** Lines that are whole pieces of furniture on news pages, compared case-insensitively. */
const FURNITURE_LINES = new Set(
  [
    'accessibility links',
    'skip to content',
    'skip to main content',
    'breaking news',
    'live',
    'updated',
    'listen',
    'listen to this article',
    'this audio is ai-generated',
    'please wait',
    'loading',
    'loading...',
    'no media source currently available',
    'share',
    'share this',
    'share this article',
    'share on facebook',
    'share on twitter',
    'share on x',
    'tweet',
    'email',
    'print',
    'comments',
    'advertisement',
    'sponsored',
    'related',
    'related articles',
    'related stories',
    'more on this story',
    'read more',
    'see also',
    'tags',
    'topics',
    'menu',
    'search',
    'sign in',
    'log in',
    'subscribe',
    'newsletter',
    'close',
    'image',
    'video',
    'photo',
    'watch',
    'play',
    'pause',
    'mute',
    'unmute',
    'next',
    'previous',
    'back to top',
    'most read',
    'most popular',
    'trending',
    'follow us',
    'copy link',
    'copied',
  ].map((s) => s.toLowerCase()),
);

const FURNITURE_PATTERNS: RegExp[] = [
  /^\d+\s*(min|mins|minutes?)(\s+read|\s+listen)?$/i, // "5 min", "4 min read"
  /^(listen|read)\s*[·•|-]?\s*\d+\s*(min|mins|minutes?)$/i,
  /^(\d{1,2}:)?\d{1,2}:\d{2}(\s+(\d{1,2}:)?\d{1,2}:\d{2})*$/, // media timers "0:00 0:00:57 0:00"
  /^((XXS|XS|S|SM|M|MD|L|LG|XL|XXL)\s*)+$/, // size pickers
  /^\d+x\d+\s+image$/i,
  /^(image|photo|picture|video)\s*(source|credit|caption)?\s*[:,]/i,
  /^(©|\(c\)|copyright\b)/i,
  /\ball rights reserved\b/i,
  /^(we use cookies|this (web)?site uses cookies|by (continuing|using) (to use )?(this|our) (web)?site)/i,
  /\b(accept|manage|reject) (all )?cookies\b/i,
  /\bcookie (policy|settings|preferences)\b/i,
  /^(sign up|subscribe) (for|to) (our|the)\b.*(newsletter|updates|alerts)/i,
  /^(already a subscriber|subscribe now|become a member|support (our|independent) journalism)/i,
  /^to find out more, click here\.?$/i,
  /^click here\b/i,
  /^(follow|like) us on\b/i,
  /^(tags?|topics?|filed under)\s*:/i,
  /^[•·▪►▶]/,
];

/** A line after which the article body has ended (credits, tag lists, related links). */
const END_MARKERS: RegExp[] = [
  /^(with )?(additional )?reporting by\b/i,
  /^(written|edited|compiled) by\b/i,
  /^tags?\s*:?$/i,
  /^(related|more on this story|read more|most read)\s*:?$/i,
];

const LEADING_DATE = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*/i;

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** "December", "Dec", "Dec.", "Sept.": capitalised, as datelines write them. */
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?)';
const TEXT_DATES: { re: RegExp; parse: (m: RegExpMatchArray) => string | null }[] = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/, parse: (m) => `${m[1]}-${m[2]}-${m[3]}` },
  { re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`), parse: (m) => isoDate(m[3], m[1], m[2]) },
  { re: new RegExp(`\\b(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})\\b`), parse: (m) => isoDate(m[3], m[2], m[1]) },
];
/** A day and month with no year ("on December 14", "Dec. 14", "14 December"): the year comes from elsewhere. */
const DAY_MONTH: { re: RegExp; parse: (m: RegExpMatchArray) => DayMonth | null }[] = [
  { re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?![,.]?\\s*\\d)`), parse: (m) => dayMonth(m[1], m[2]) },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}(?![\\w.]*\\s*,?\\s*\\d{4})`), parse: (m) => dayMonth(m[2], m[1]) },
];

export interface DayMonth {
  month: number;
  day: number;
}

function monthNumber(name: string | undefined): number {
  if (!name) return 0;
  const n = name.toLowerCase().replace(/\.$/, '');
  return MONTH_NAMES.findIndex((full) => full.startsWith(n) && n.length >= 3) + 1;
}

function dayMonth(month: string | undefined, day: string | undefined): DayMonth | null {
  const m = monthNumber(month);
  const d = Number(day);
  return m > 0 && d >= 1 && d <= 31 ? { month: m, day: d } : null;
}

function isoDate(year: string | undefined, month: string | undefined, day: string | undefined): string | null {
  const dm = dayMonth(month, day);
  if (!year || !dm) return null;
  return `${year}-${String(dm.month).padStart(2, '0')}-${String(dm.day).padStart(2, '0')}`;
}

/**
 * The year for a day and month the text gives without one: the one that puts it nearest `reference`
 * (a date the article was certainly near: when it was fetched, or the corpus's other articles).
 */
export function dateNear(dm: DayMonth, reference: string): string | null {
  const ref = Date.parse(reference);
  if (Number.isNaN(ref)) return null;
  const year = new Date(ref).getUTCFullYear();
  let best: { t: number; iso: string } | null = null;
  for (const y of [year - 1, year, year + 1]) {
    const t = Date.UTC(y, dm.month - 1, dm.day);
    const iso = new Date(t).toISOString().slice(0, 10);
    if (!best || Math.abs(t - ref) < Math.abs(best.t - ref)) best = { t, iso };
  }
  return best?.iso ?? null;
}

export function isFurniture(line: string): boolean {
  const t = line.trim();
  if (t === '') return true;
  if (FURNITURE_LINES.has(t.toLowerCase().replace(/[.:!]+$/, ''))) return true;
  return FURNITURE_PATTERNS.some((re) => re.test(t));
}

/** Ends like a sentence (possibly inside closing quotes or brackets). */
export function endsLikeSentence(line: string): boolean {
  return /[.!?…]["'”’)\]]*$/.test(line.trim()) || /[.!?…,]["'”’]\s*$/.test(line.trim());
}

function wordCount(line: string): number {
  return line.trim().split(/\s+/).filter(Boolean).length;
}

/** A heading or label rather than article prose: short and no sentence in it. */
function isShortNonSentence(line: string): boolean {
  const t = line.trim();
  if (endsLikeSentence(t)) return false;
  if (/["“”]/.test(t) && wordCount(t) >= 4) return false; // a quote line, e.g. a pull quote with its close missing
  return wordCount(t) < 8 || isTitleCase(t);
}

/** "Dr. Ward stated:" over a line that opens with a quotation mark: a short line, but the quote's lead-in, not a label. */
function introducesQuote(line: string, next: string | undefined): boolean {
  return /:\s*$/.test(line) && wordCount(line) >= 2 && next !== undefined && /^["“]/.test(next.trim());
}

/** "Moscow Plays Down Value Of Berlin Talks": a heading, whatever its length. */
function isTitleCase(line: string): boolean {
  const long = line.split(/\s+/).filter((w) => /^[\p{L}'‘’]{4,}/u.test(w));
  if (long.length < 3) return false;
  return long.filter((w) => /^['‘’]?\p{Lu}/u.test(w)).length / long.length >= 0.8;
}

/**
 * Splits text into lines that are paragraphs: blank lines separate paragraphs, and inside a block a
 * line break is a paragraph break too, unless the line was hard-wrapped mid-sentence (the next line
 * continues in lowercase).
 */
function paragraphLines(text: string): string[] {
  const out: string[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    let current: string | null = null;
    for (const raw of block.split('\n')) {
      const line = raw.replace(/\s+/g, ' ').trim();
      if (line === '') continue;
      if (current !== null && !endsLikeSentence(current) && /^[a-z(,;]/.test(line)) {
        current = `${current} ${line}`;
      } else {
        if (current !== null) out.push(current);
        current = line;
      }
    }
    if (current !== null) out.push(current);
  }
  return out;
}

function findFooterOutlet(trailing: string[]): string | null {
  for (const line of trailing) {
    const copyright = line.match(/^(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?([^.|,©]{2,60})/i);
    if (copyright?.[1]) return copyright[1].replace(/\b(all rights reserved|ltd|limited|inc)\b.*$/i, '').trim() || null;
  }
  // A short standalone name in the footer that also opens a footer sentence: "RFE/RL" … "RFE/RL journalists report…".
  for (const line of trailing) {
    const name = line.trim();
    if (wordCount(name) > 4 || endsLikeSentence(name) || !/^\p{Lu}/u.test(name)) continue;
    if (trailing.some((other) => other !== line && other.startsWith(`${name} `) && wordCount(other) > 8)) return name;
  }
  return null;
}

export function cleanArticleText(text: string, options: CleanOptions = {}): CleanedText {
  let body = text.replace(/^\uFEFF/, '');
  let date: string | null = null;
  const leading = body.match(LEADING_DATE);
  if (leading?.[1]) {
    date = leading[1];
    body = body.slice(leading[0].length);
  }

  const lines = paragraphLines(body);
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);

  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    if (END_MARKERS.some((re) => re.test(lines[i] ?? ''))) {
      end = i;
      break;
    }
  }
  const trailing = lines.slice(end);
  let footerOutlet = findFooterOutlet(trailing);

  const kept: string[] = [];
  for (const line of lines.slice(0, end)) {
    if (isFurniture(line)) continue;
    // A caption or teaser repeated on the page is furniture; a repeated real sentence is rare.
    if ((counts.get(line) ?? 0) > 1 && wordCount(line) < 40) continue;
    kept.push(line);
  }

  const mastheads = options.mastheads ?? [];
  while (kept.length && isMasthead(kept[0] as string, mastheads)) kept.shift();
  // The headline is the first real line when it reads as one; it is never a paragraph.
  let headline: string | null = null;
  const first = kept[0];
  if (first !== undefined && !endsLikeSentence(first) && wordCount(first) <= 25) {
    headline = first;
    kept.shift();
  }

  const paragraphs = kept.filter((line, i) => !isShortNonSentence(line) || introducesQuote(line, kept[i + 1]));
  footerOutlet ??= findFooterOutlet(paragraphs.slice(-3));

  if (date === null) {
    for (const p of [headline ?? '', ...paragraphs.slice(0, 3)]) {
      for (const { re, parse } of TEXT_DATES) {
        const m = p.match(re);
        const d = m ? parse(m) : null;
        if (d) {
          date = d;
          break;
        }
      }
      if (date) break;
    }
  }
  let found: DayMonth | null = null;
  if (date === null) {
    for (const p of [headline ?? '', ...paragraphs.slice(0, 3)]) {
      for (const { re, parse } of DAY_MONTH) {
        const m = p.match(re);
        found = m ? parse(m) : null;
        if (found) break;
      }
      if (found) break;
    }
  }
  return { headline, date, footerOutlet, dayMonth: found, paragraphs };
}

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
