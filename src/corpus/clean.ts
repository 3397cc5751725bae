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
  paragraphs: string[];
}

/** Lines that are whole pieces of furniture on news pages, compared case-insensitively. */
const FURNITURE_LINES = new Set(
  [
    'accessibility links', 'skip to content', 'skip to main content', 'breaking news', 'live', 'updated',
    'listen', 'listen to this article', 'this audio is ai-generated', 'please wait', 'loading', 'loading...',
    'no media source currently available', 'share', 'share this', 'share this article', 'share on facebook',
    'share on twitter', 'share on x', 'tweet', 'email', 'print', 'comments', 'advertisement', 'sponsored',
    'related', 'related articles', 'related stories', 'more on this story', 'read more', 'see also',
    'tags', 'topics', 'menu', 'search', 'sign in', 'log in', 'subscribe', 'newsletter', 'close',
    'image', 'video', 'photo', 'watch', 'play', 'pause', 'mute', 'unmute', 'next', 'previous', 'back to top',
    'most read', 'most popular', 'trending', 'follow us', 'copy link', 'copied',
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

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const TEXT_DATES: { re: RegExp; parse: (m: RegExpMatchArray) => string | null }[] = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/, parse: (m) => `${m[1]}-${m[2]}-${m[3]}` },
  {
    re: new RegExp(`\\b(${MONTHS})\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`),
    parse: (m) => isoDate(m[3], m[1], m[2]),
  },
  {
    re: new RegExp(`\\b(\\d{1,2})\\s+(${MONTHS})\\s+(\\d{4})\\b`),
    parse: (m) => isoDate(m[3], m[2], m[1]),
  },
];

function isoDate(year: string | undefined, month: string | undefined, day: string | undefined): string | null {
  if (!year || !month || !day) return null;
  const index = MONTHS.split('|').indexOf(month) + 1;
  if (index < 1) return null;
  return `${year}-${String(index).padStart(2, '0')}-${day.padStart(2, '0')}`;
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

export function cleanArticleText(text: string): CleanedText {
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

  // The headline is the first real line when it reads as one; it is never a paragraph.
  let headline: string | null = null;
  const first = kept[0];
  if (first !== undefined && !endsLikeSentence(first) && wordCount(first) <= 25) {
    headline = first;
    kept.shift();
  }

  const paragraphs = kept.filter((line) => !isShortNonSentence(line));
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
  return { headline, date, footerOutlet, paragraphs };
}

/** A title for an article whose first line is prose: its first sentence, cut to a readable length. */
export function titleFromProse(paragraph: string): string {
  const sentence = paragraph.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? paragraph;
  const withoutDateline = sentence.replace(/^[\p{Lu}\s]{3,30}:\s*/u, '');
  return withoutDateline.length <= 120 ? withoutDateline : `${withoutDateline.slice(0, 117).replace(/\s+\S*$/, '')}…`;
}
