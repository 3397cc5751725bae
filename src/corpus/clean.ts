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

/** The keys of outlet and site names: a corpus has few, and every article's first lines are compared with them. */
const nameKeys = new Map<string, string>();

function nameKeyOfName(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    if (nameKeys.size >= 10_000) nameKeys.clear();
    key = nameKey(name);
    nameKeys.set(name, key);
  }
  return key;
}

/** Letters nameKey can drop: a leading "www." and "the " and a domain ending (3 + 3 + 7, ".example"). */
const NAME_KEY_DROPS = 13;

/** ASCII letters and digits in `text`: each is one character of its nameKey, bar NAME_KEY_DROPS at most. */
function asciiAlnumCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) n++;
  }
  return n;
}

export function isMasthead(line: string, names: readonly (string | null | undefined)[]): boolean {
  // Most lines compared are a first paragraph, far longer than a name: no need to normalise them.
  const longest = Math.max(0, ...names.map((n) => (n ? nameKeyOfName(n).length : 0)));
  if (asciiAlnumCount(line) - NAME_KEY_DROPS > longest) return false;
  const key = nameKey(line);
  return key.length > 0 && names.some((n) => n && nameKeyOfName(n) === key);
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

const LONGEST_FURNITURE_LINE = Math.max(...[...FURNITURE_LINES].map((l) => l.length));

/** One regular expression of all the alternatives of `patterns` that have exactly these flags. */
function anyOf(patterns: RegExp[], flags: string): RegExp {
  return new RegExp(
    patterns
      .filter((re) => re.flags === flags)
      .map((re) => `(?:${re.source})`)
      .join('|') || '(?!)',
    flags,
  );
}

// Every line of every article is tested: the patterns that look at a line's start as two expressions
// (one a flag set), and the three that look anywhere only in lines that name cookies or reserved
// rights. One to three tests a line instead of eighteen (10k articles: 140 -> 36 ms).
const FURNITURE_STARTS = FURNITURE_PATTERNS.filter((re) => re.source.startsWith('^'));
const FURNITURE_ANYWHERE = FURNITURE_PATTERNS.filter((re) => !re.source.startsWith('^'));
const FURNITURE_START_TESTS = [anyOf(FURNITURE_STARTS, 'i'), anyOf(FURNITURE_STARTS, '')];
/** Words one of which every FURNITURE_ANYWHERE pattern needs (a new pattern without one fails at load). */
const FURNITURE_ANYWHERE_GATE = /cookie|rights reserved/i;
for (const re of FURNITURE_ANYWHERE) {
  if (!FURNITURE_ANYWHERE_GATE.test(re.source)) throw new Error(`furniture pattern ${re} needs a word of FURNITURE_ANYWHERE_GATE`);
}

export function isFurniture(line: string): boolean {
  const t = line.trim();
  if (t === '') return true;
  let end = t.length;
  for (let c = t.charCodeAt(end - 1); c === 46 || c === 58 || c === 33; c = t.charCodeAt(end - 1)) end--;
  // Lower-casing never shortens a text, so a line longer than every furniture line is none of them.
  if (end <= LONGEST_FURNITURE_LINE && FURNITURE_LINES.has(t.toLowerCase().replace(/[.:!]+$/, ''))) return true;
  if (FURNITURE_START_TESTS.some((re) => re.test(t))) return true;
  return FURNITURE_ANYWHERE_GATE.test(t) && FURNITURE_ANYWHERE.some((re) => re.test(t));
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

/** Whitespace that squeezing to single spaces would change: a run of two, or a tab, break or other space. */
const SPACE_TO_SQUEEZE = /\s\s|[^\S ]/;

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
      // Most lines have single spaces only: testing is 4x cheaper than a replace that changes nothing.
      const line = (SPACE_TO_SQUEEZE.test(raw) ? raw.replace(/\s+/g, ' ') : raw).trim();
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
