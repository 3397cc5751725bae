// What an answer says about itself in one line, shared by the command line and Discord: what was
// asked (title), how many distinct statements from how many outlets, and the dates they span.

import type { AnswerResult, ShownStatement } from '../types.js';

export interface AnswerOverview {
  /** What was asked, as a title: "Volodymyr Zelenskyy on NATO, according to LBC". */
  title: string;
  /** The speaker's first role, for person answers. */
  role: string | null;
  /** Distinct statements (each once, however many outlets carried it). */
  statements: number;
  /** Outlets with at least one statement, in the answer's order. */
  outlets: string[];
  /** Earliest and latest article date (ISO), or null when no cited article gives one. */
  from: string | null;
  to: string | null;
  /** Outlets whose cited articles give no date. */
  undated: string[];
}

export function isPersonAnswer(result: AnswerResult): boolean {
  return result.parsed.type === 'person' || result.parsed.type === 'empty';
}

/** "Zelenskyy on NATO, according to LBC": the subject, then the topic and the outlet when asked for. */
export function answerTitleText(result: AnswerResult): string {
  const p = result.parsed;
  const outlet = p.type !== 'empty' && p.outlet ? `, according to ${p.outlet}` : '';
  switch (p.type) {
    case 'person':
      return `${result.speaker?.name ?? p.person}${p.topic ? ` on ${p.topic}` : ''}${outlet}`;
    case 'phrase':
      // A who-said answer is titled with who said it; the phrase is in the summary.
      return result.speaker ? `${result.speaker.name}${outlet}` : `Who said “${p.phrase}”${outlet}`;
    case 'topic':
      return `What was said about ${p.topic}${outlet}`;
    default:
      return result.speaker?.name ?? result.question;
  }
}

export function overview(result: AnswerResult): AnswerOverview {
  // One pass over every statement shown: a much-quoted person's answer holds a thousand of them.
  const carried = new Set<string>();
  const carriedUndated = new Set<string>();
  let from: string | null = null;
  let to: string | null = null;
  for (const g of result.groups) {
    for (const s of [...g.versions, ...g.parts]) {
      carried.add(s.outlet);
      const date = s.article.date;
      if (date === null) carriedUndated.add(s.outlet);
      else {
        if (from === null || date < from) from = date;
        if (to === null || date > to) to = date;
      }
    }
  }
  const outlets = result.outlets.map((o) => o.outlet).filter((o) => carried.has(o));
  return {
    title: answerTitleText(result),
    role: result.speaker?.roles[0] ?? null,
    statements: result.groups.length,
    outlets,
    from,
    to,
    undated: outlets.filter((o) => carriedUndated.has(o)),
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(date: string): { d: number; m: string; y: string } | null {
  const match = date.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  return match ? { d: Number(match[3]), m: MONTHS[Number(match[2]) - 1] ?? match[2]!, y: match[1]! } : null;
}

/** "15 Dec 2025" from an ISO date; "date not given" when there is none. */
export function formatDate(date: string | null): string {
  const p = date ? parts(date) : null;
  return p ? `${p.d} ${p.m} ${p.y}` : 'date not given';
}

/** "14–15 Dec 2025", "30 Nov – 2 Dec 2025", "15 Dec 2025"; null when there is no date at all. */
export function dateSpan(from: string | null, to: string | null): string | null {
  const a = from ? parts(from) : null;
  const b = to ? parts(to) : null;
  if (!a || !b) return a ? formatDate(from) : b ? formatDate(to) : null;
  if (from === to) return formatDate(from);
  if (a.y !== b.y) return `${formatDate(from)} – ${formatDate(to)}`;
  if (a.m !== b.m) return `${a.d} ${a.m} – ${b.d} ${b.m} ${b.y}`;
  return `${a.d}–${b.d} ${b.m} ${b.y}`;
}

/** "23 distinct statements in 5 outlets · 14–15 Dec 2025 · date not given by AnewZ, RFE/RL": the answer in one line. */
export function overviewLine(o: AnswerOverview): string {
  const count = `${o.statements} ${o.statements === 1 ? 'statement' : 'distinct statements'} in ${o.outlets.length} ${o.outlets.length === 1 ? 'outlet' : 'outlets'}`;
  const span = dateSpan(o.from, o.to);
  const undated = o.undated.length === 0 ? null : span === null ? 'date not given' : `date not given by ${o.undated.join(', ')}`;
  return [o.role, count, span, undated].filter(Boolean).join(' · ');
}

/** How a shown statement's kind reads to a reader (the CLI's tag). */
export function shownKind(s: ShownStatement): 'quote' | 'partly quoted' | 'paraphrase' | 'article text' {
  if (s.kind === 'passage' || s.kind === 'mention') return 'article text';
  if (s.verbatim) return 'quote';
  return s.kind === 'mixed' ? 'partly quoted' : 'paraphrase';
}

/** The cue as shown: reporting words only ("said", "rejected"); a bare ":" introducing a quote shows nothing. */
export function shownCue(cue: string | null): string | null {
  return cue && /\p{L}/u.test(cue) ? cue : null;
}
