// Quote spans, sentence units and word tokens of one paragraph, all as offsets into its text.

export interface QuoteSpan {
  /** Offset of the opening mark (or 0 for a quote carried over from the previous paragraph). */
  start: number;
  /** Offset just past the closing mark (or the paragraph end when the quote is left open). */
  end: number;
  innerStart: number;
  innerEnd: number;
  closed: boolean;
}

export interface Token {
  text: string;
  start: number;
  end: number;
  lower: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** "Trump's" / "Zelenskyy’s": the token names an owner, not a subject. */
  possessive: boolean;
  /** Inside a quotation. */
  quoted: boolean;
  /** A single punctuation mark. */
  punct: boolean;
}

export interface Unit {
  start: number;
  end: number;
  tokens: Token[];
  quotes: QuoteSpan[];
}

const OPEN_MARKS = new Set(['“', '«', '„']);
const CLOSE_MARKS = new Set(['”', '»']);

/** A mark right after a word or punctuation and before a space or the end: where a quotation closes. */
function closingPosition(text: string, i: number): boolean {
  return i > 0 && !/\s/.test(text[i - 1] as string) && (i + 1 >= text.length || /[\s,.;:!?)]/.test(text[i + 1] as string));
}

/**
 * Double-quoted spans; straight marks pair up in order, a quote left open runs to the paragraph end.
 * Two apostrophes ('') count as a straight double mark: some wire and archive texts write quotes so.
 */
export function findQuotes(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  let openLength = 1;
  // Jump from mark to mark: most of a paragraph holds none.
  QUOTE_MARK_RE.lastIndex = 0;
  for (let m = QUOTE_MARK_RE.exec(text); m; m = QUOTE_MARK_RE.exec(text)) {
    const i = m.index;
    const ch = m[0][0] as string;
    const doubled = m[0].length === 2;
    const straight = ch === '"' || doubled;
    const length = doubled ? 2 : 1;
    // A right mark where a quotation opens (paragraph start, after a space, before a word) is a typo for a left one.
    const misturned = ch === '”' && isOpeningPosition(text, i) && /[\p{L}\p{N}]/u.test(text[i + 1] ?? '');
    if (open < 0 && (OPEN_MARKS.has(ch) || misturned || (straight && isOpeningPosition(text, i)))) {
      open = i;
      openLength = length;
    } else if (open >= 0 && (CLOSE_MARKS.has(ch) || straight || (ch === '“' && closingPosition(text, i)))) {
      // (“It's unusual,“ said Noble: a left mark right after the words, before a space, closes the quotation.)
      spans.push({ start: open, end: i + length, innerStart: open + openLength, innerEnd: i, closed: true });
      open = -1;
    } else if (open >= 0 && OPEN_MARKS.has(ch)) {
      // A new opening mark before a close: the previous quote was left open (typo or nesting); restart.
      open = i;
      openLength = 1;
    }
  }
  if (open >= 0) spans.push({ start: open, end: text.length, innerStart: open + openLength, innerEnd: text.length, closed: false });
  return spans.filter((q) => q.innerEnd > q.innerStart);
}

/** Double quotation marks, and two apostrophes standing for one (not three in a row). */
const QUOTE_MARK_RE = /["“”«»„]|(['’])\1(?!\1)/g;

function isOpeningPosition(text: string, i: number): boolean {
  if (i === 0) return true;
  return /[\s([{—–―\-:,]/.test(text[i - 1] as string);
}

const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof sen rep gov gen lt col capt adm sgt st jr sr inc co corp ltd no vs v etc rev fr mt ft
  u.s u.k u.n e.u d.c a.m p.m jan feb mar apr aug sep sept oct nov dec est approx dept univ del
  ala ariz ark calif colo conn fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa
  tenn tex vt va wash wis wyo`
    .split(/\s+/)
    .filter(Boolean),
);

const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((w) => w.length));

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isAbbreviationBefore(text: string, dot: number): boolean {
  // Most periods end a sentence after a plain word ("said."): ASCII letters alone, longer than any
  // abbreviation and than an initial, with no period among them, are none; anything else is read in full.
  const windowStart = Math.max(0, dot - 12);
  let k = dot;
  while (k > windowStart && isAsciiLetter(text.charCodeAt(k - 1))) k--;
  const before = k > windowStart ? text.charCodeAt(k - 1) : 32;
  if (before < 128 && before !== 46) {
    if (dot - k > LONGEST_ABBREVIATION || dot === k) return false;
    // A short plain word after a space or mark (most sentence ends: "said.", "week."): the slow path's match
    // is that word alone, without periods, so only the look-ups below can hold.
    const word = lowerCase(text.slice(k, dot));
    if (word === 'no') return /^\s*\d/.test(text.slice(dot + 1, dot + 4));
    if (ABBREVIATIONS.has(word)) return true;
    const first = text.charCodeAt(k);
    return dot - k === 1 && first >= 65 && first <= 90;
  }
  const m = text.slice(Math.max(0, dot - 12), dot).match(/([\p{L}.]+)$/u);
  if (!m?.[1]) return false;
  const word = m[1].toLowerCase().replace(/^\.+/, '');
  // ("No. 5" is a number; "shaking his head no." ends a sentence.)
  if (word === 'no') return /^\s*\d/.test(text.slice(dot + 1, dot + 4));
  if (ABBREVIATIONS.has(word)) return true;
  if (/^\p{L}$/u.test(m[1]) && /\p{Lu}/u.test(m[1])) return true; // an initial: "George W. Bush"
  return /^(\p{L}\.)+\p{L}$/u.test(m[1]); // U.S, D.C
}

const OPENING_QUOTE_NEXT = /^\s+(?:“|''|"(?=\S))/;
const TITLE_ABBREVIATIONS = new Set('mr mrs ms dr prof sen rep gov gen lt col capt adm sgt st rev fr mt ft jr sr no vs'.split(' '));

function isTitleBefore(text: string, dot: number): boolean {
  const m = text.slice(Math.max(0, dot - 6), dot).match(/(\p{L}+)$/u);
  return m?.[1] !== undefined && TITLE_ABBREVIATIONS.has(m[1].toLowerCase());
}

function insideQuote(quotes: QuoteSpan[], pos: number): boolean {
  return quotes.some((q) => pos >= q.innerStart && pos < q.innerEnd);
}

/** Sentence units; never split inside a quotation, so a multi-sentence quote and its cue stay together. */
export function splitUnits(text: string, quotes: QuoteSpan[]): { start: number; end: number }[] {
  const units: { start: number; end: number }[] = [];
  let start = 0;
  const re = /[.!?…]+(?:''|["”’)\]])*(?=\s+(?:(?:''|["“‘([])?[\p{Lu}\p{N}]|“|''|"))/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const dotPos = m.index;
    const end = m.index + m[0].length;
    const quoteNext = OPENING_QUOTE_NEXT.test(text.slice(end, end + 4));
    // "…in Santa Monica, Calif. “The reality is …”": a quote opening after a place or company abbreviation starts
    // a sentence; after a title ("Sen. “Bob” Casey") it does not.
    if (text[dotPos] === '.' && m[0].length === 1 && isAbbreviationBefore(text, dotPos) && !(quoteNext && !isTitleBefore(text, dotPos))) continue;
    if (!quoteNext && !/^\s+(?:''|["“‘([])?[\p{Lu}\p{N}]/u.test(text.slice(end, end + 6))) continue;
    if (insideQuote(quotes, end - 1)) continue;
    // “We will win.” Trump said. The cue after a quote that ends a sentence still belongs to it.
    if (end - 1 > dotPos && cueFollows(text.slice(end, end + 80))) continue;
    units.push({ start, end });
    start = end;
    while (start < text.length && /\s/.test(text[start] as string)) start++;
  }
  if (start < text.length) units.push({ start, end: text.length });
  return units;
}

/**
 * After a closing quote: does a short speaker-and-cue clause follow ("Trump said.", "said Mr. Lee, a
 * lawyer.", "she told reporters on Monday.") rather than a new sentence that reports more speech?
 */
function cueFollows(after: string): boolean {
  const m = after.match(
    /^\s+((?:[\p{L}.'’-]+\s+){0,6}?)(said|says|added|asked|told|wrote|explained|continued|noted|insisted|argued|replied|recalled|tweeted|declared|warned|stated|acknowledged|conceded|answered|responded|adds|asks|tells|writes|notes)\b([^.!?“"]*)/u,
  );
  if (!m) return false;
  const before = m[1] ?? '';
  // The subject before the cue is a name, pronoun or short description, not a clause with its own verb.
  if (/\b(is|was|were|are|has|have|had|will|would)\s+\w+ed\b/.test(before)) return false;
  // "…” Sanders strategist Tad Devine said the “central complication …”": the cue opens new content.
  if (/^["“]/.test(after.slice((m.index ?? 0) + m[0].length))) return false;
  const rest = (m[3] ?? '').trim();
  if (/^(that|the|a|an)\b/.test(rest) && rest.split(/\s+/).length > 4) return false;
  // "…campaign.” Ohio Gov. John Kasich said he would have fired him": the cue has a clause of its own.
  if (/^(he|she|they|we|i|it|there)\s+\p{Ll}/iu.test(rest) && rest.split(/\s+/).length > 3) return false;
  return rest.split(/\s+/).filter(Boolean).length <= 12;
}

// An apostrophe belongs to a word unless it starts a doubled mark ('').
// ("$5", "€20": a sum is one word, so "announced $5 million more …" reads as a clause.)
const TOKEN_RE = /[$£€]?[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}.-]|['’](?!['’]))*|[^\s\p{L}\p{M}\p{N}]/gu;

/** Where scanToken found the next token: [scanStart, scanEnd) of the text (module state: no object per token). */
let scanStart = 0;
let scanEnd = 0;

/** ASCII letter or digit. */
function asciiWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Space, tab, line feed, vertical tab, form feed, carriage return: the ASCII characters \s matches. */
function asciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * The next match of TOKEN_RE at or after `from` into scanStart/scanEnd; false when there is none.
 * Plain ASCII words and marks are read by char code (TOKEN_RE with its Unicode classes costs more than
 * the rest of tokenising); whatever reaches a non-ASCII character is left to TOKEN_RE, so both agree.
 */
function scanToken(text: string, from: number): boolean {
  const n = text.length;
  let i = from;
  while (i < n && asciiSpace(text.charCodeAt(i))) i++;
  if (i >= n) return false;
  const first = text.charCodeAt(i);
  if (first < 128) {
    let j = i;
    if (first === 36) {
      // "$5": a sum is one word; a lone "$" is a mark.
      const next = j + 1 < n ? text.charCodeAt(j + 1) : 32;
      if (next >= 128) return scanByRegExp(text, i);
      if (!asciiWordChar(next)) {
        scanStart = i;
        scanEnd = i + 1;
        return true;
      }
      j++;
    } else if (!asciiWordChar(first)) {
      scanStart = i;
      scanEnd = i + 1;
      return true;
    }
    for (j++; j < n; j++) {
      const c = text.charCodeAt(j);
      if (asciiWordChar(c) || c === 46 || c === 45) continue;
      if (c === 39) {
        // An apostrophe belongs to the word unless another follows (the doubled mark '').
        const next = j + 1 < n ? text.charCodeAt(j + 1) : 32;
        if (next === 39 || next === 0x2019) break;
        if (next >= 128) return scanByRegExp(text, i);
        continue;
      }
      if (c >= 128) return scanByRegExp(text, i);
      break;
    }
    scanStart = i;
    scanEnd = j;
    return true;
  }
  return scanByRegExp(text, i);
}

function scanByRegExp(text: string, from: number): boolean {
  TOKEN_RE.lastIndex = from;
  const m = TOKEN_RE.exec(text);
  if (!m) return false;
  scanStart = m.index;
  scanEnd = m.index + m[0].length;
  return true;
}

const UPPER_START = /^\p{Lu}/u;
const WORD_START = /^[\p{L}\p{M}\p{N}]/u;

export function tokenize(text: string, from: number, to: number, quotes: QuoteSpan[]): Token[] {
  const tokens: Token[] = [];
  // Quotes come in text order and do not overlap, so one pointer tells whether a token is quoted.
  let q = 0;
  for (let at = from; scanToken(text, at) && scanStart < to; ) {
    const index = scanStart;
    // The token's end is settled before its text is cut: one string per token.
    let stop = scanEnd;
    if (stop - index > 1) {
      const last = text.charCodeAt(stop - 1);
      // A trailing period belongs to the word only for abbreviations and initials; a trailing hyphen or
      // apostrophe never does.
      if (last === 46) {
        if (!isAbbreviationBefore(text, stop - 1)) stop--;
      } else if (last === 45 || last === 39 || last === 0x2019) stop--;
    }
    const end = Math.min(stop, to);
    const raw = text.slice(index, end);
    at = end;
    const first = raw.charCodeAt(0);
    const word =
      raw.length > 1 && (first === 36 || first === 0xa3 || first === 0x20ac)
        ? true
        : first < 128
          ? (first >= 48 && first <= 57) || (first >= 65 && first <= 90) || (first >= 97 && first <= 122)
          : WORD_START.test(raw);
    const cap = word && (first < 128 ? first >= 65 && first <= 90 : UPPER_START.test(raw));
    const lastCode = raw.charCodeAt(raw.length - 1);
    // s, S, ' or ’: the only endings a possessive can have.
    const mayOwn = lastCode === 115 || lastCode === 83 || lastCode === 39 || lastCode === 0x2019;
    while (q < quotes.length && (quotes[q] as QuoteSpan).innerEnd <= index) q++;
    const quote = quotes[q];
    tokens.push({
      text: raw,
      start: index,
      end,
      lower: lowerCase(raw),
      cap,
      possessive: word && mayOwn && raw.length > 2 && isPossessive(raw),
      quoted: quote !== undefined && index >= quote.innerStart,
      punct: !word,
    });
  }
  return tokens;
}

/** toLowerCase without its call for the common word that is plain ASCII and already lower case. */
function lowerCase(raw: string): string {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 128 || (c >= 65 && c <= 90)) return raw.toLowerCase();
  }
  return raw;
}

/** "Trump's", "Zelenskyy’s", "Williams'": a word ending in an apostrophe (+ s) with no other apostrophe. */
function isPossessive(raw: string): boolean {
  const last = raw[raw.length - 1];
  const apostropheAt =
    last === "'" || last === '’'
      ? raw.length - 1
      : (last === 's' || last === 'S') && (raw[raw.length - 2] === "'" || raw[raw.length - 2] === '’')
        ? raw.length - 2
        : -1;
  if (apostropheAt < 0) return false;
  const stem = raw.slice(0, apostropheAt);
  return !/['’]/.test(stem) && /^[\p{L}\p{M}.-]+$/u.test(stem);
}

/**
 * The units of the paragraphs tokenised last, by text: the learned sieve reads an article's paragraphs
 * right after the rules did, and tokenising is most of the cost of either. Units are never mutated.
 * A ring of plain arrays that holds one long article and no more: kept longer (1024 paragraphs before) the
 * units outlived V8's young generation, and at 10k articles nearly every token was copied into the old one
 * (75-90 MB; tokenising alone took 1.9 s of CPU instead of 0.3 s). A Map with its oldest entry deleted at
 * each insertion did the same even at 2 to 64 entries (measured; the cause inside V8 not pinned down).
 */
const RECENT_UNITS = 64;
const recentTexts: (string | undefined)[] = new Array(RECENT_UNITS).fill(undefined);
const recentUnits: (Unit[] | undefined)[] = new Array(RECENT_UNITS).fill(undefined);
let recentNext = 0;

export function paragraphUnits(text: string): Unit[] {
  for (let k = 0; k < RECENT_UNITS; k++) if (recentTexts[k] === text) return recentUnits[k] as Unit[];
  const quotes = findQuotes(text);
  const units = splitUnits(text, quotes).map(({ start, end }) => ({
    start,
    end,
    tokens: tokenize(text, start, end, quotes),
    quotes: quotes.filter((q) => q.start >= start && q.start < end),
  }));
  recentTexts[recentNext] = text;
  recentUnits[recentNext] = units;
  recentNext = (recentNext + 1) % RECENT_UNITS;
  return units;
}

/** "Trump's" → "Trump". */
export function baseWord(token: Token): string {
  return token.possessive ? token.text.replace(/['’]s?$/, '') : token.text;
}
