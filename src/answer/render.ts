// Plain-text and JSON renderings of an answer, for the command line and for outside checks.

import type { Answer, AnswerResult, ShownStatement } from '../types.js';
import { spanLine } from './dates.js';
import { overview, overviewLine, shownCue, shownKind } from './overview.js';

/** Exactly the JSON contract: nothing more, in this key order. */
export function toContract(result: AnswerResult): Answer {
  return {
    question: result.question,
    speaker: result.speaker ? { name: result.speaker.name, aliases: result.speaker.aliases, roles: result.speaker.roles } : null,
    outlets: result.outlets.map((o) => ({
      outlet: o.outlet,
      excerpts: o.excerpts.map((e) => ({
        text: e.text,
        speaker: e.speaker,
        kind: e.kind,
        cue: e.cue,
        paragraph: e.paragraph,
        article: { title: e.article.title, date: e.article.date, url: e.article.url, file: e.article.file },
      })),
    })),
    absent: result.absent,
    span: result.span ? { from: result.span.from, to: result.span.to } : null,
  };
}

/** A statement as one line of text: its kind, who (when the answer is not about one person), the cue, the words. */
export function statementText(s: ShownStatement, answerSpeaker: string | null): string {
  const who = s.speaker && s.speaker !== answerSpeaker ? `${s.speaker} ` : '';
  const cue = shownCue(s.cue) ? `${shownCue(s.cue)} ` : '';
  // Only the speaker's own words go in quotation marks; paraphrase and article text are shown bare.
  const words = s.verbatim ? `“${s.text}”` : s.text;
  return `[${shownKind(s)}] ${who}${cue}${words}`;
}

/**
 * The answer for a terminal: the one-line overview, each statement once with the outlets (and
 * paragraphs) that carried it, then the articles cited.
 */
export function renderText(result: AnswerResult): string {
  const lines: string[] = [];
  const o = overview(result);
  if (result.groups.length > 0 || result.speaker) lines.push(o.title);
  if (result.groups.length > 0) lines.push(overviewLine(o));
  const dates = spanLine(result);
  if (dates) lines.push(dates);
  if (result.notice) lines.push(result.notice);
  if (result.absent.length && result.groups.length) lines.push(`Not reported by: ${result.absent.join(', ')}`);
  for (const group of result.groups) {
    lines.push('');
    lines.push(statementText(group.shown, result.speaker?.name ?? null));
    const where = [...group.versions.map((v) => `${v.outlet} ¶${v.paragraph}`), ...group.parts.map((v) => `${v.outlet} ¶${v.paragraph} (in part)`)].join(' · ');
    lines.push(`    ${where}${group.reworded ? ' (wording differs between outlets)' : ''}`);
  }
  const cited = new Map<string, ShownStatement['article'] & { outlet: string }>();
  for (const g of result.groups)
    for (const v of [...g.versions, ...g.parts]) if (!cited.has(v.article.file)) cited.set(v.article.file, { ...v.article, outlet: v.outlet });
  if (cited.size > 0) {
    lines.push('');
    lines.push('Articles:');
    for (const a of [...cited.values()].sort((x, y) => o.outlets.indexOf(x.outlet) - o.outlets.indexOf(y.outlet))) {
      lines.push(`  ${a.outlet}: “${a.title}” (${a.date ?? 'date not given'})${a.url ? ` ${a.url}` : ''}`);
    }
  }
  if (result.suggestions.length && !result.notice?.includes('Closest')) lines.push(`Did you mean: ${result.suggestions.join(', ')}?`);
  return lines.join('\n');
}
