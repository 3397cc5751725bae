// Plain-text and JSON renderings of an answer, for the command line and for outside checks.

import type { Answer, AnswerResult } from '../types.js';
import { spanLine } from './dates.js';

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
        paragraph: e.paragraph,
        article: { title: e.article.title, date: e.article.date, url: e.article.url, file: e.article.file },
      })),
    })),
    absent: result.absent,
    span: result.span ? { from: result.span.from, to: result.span.to } : null,
  };
}

export function renderText(result: AnswerResult): string {
  const lines: string[] = [];
  if (result.speaker) {
    const role = result.speaker.roles[0];
    lines.push(role ? `${result.speaker.name} — ${role}` : result.speaker.name);
  }
  const p = result.parsed;
  if (p.type === 'person' && (p.topic || p.outlet)) lines.push(`  ${[p.topic ? `about “${p.topic}”` : '', p.outlet ? `in ${p.outlet}` : ''].filter(Boolean).join(', ')}`);
  const dates = spanLine(result);
  if (dates) lines.push(dates);
  if (result.notice) lines.push(result.notice);
  for (const group of result.outlets) {
    lines.push('');
    lines.push(`■ ${group.outlet}`);
    let lastFile = '';
    for (const e of group.excerpts) {
      if (e.article.file !== lastFile) {
        lastFile = e.article.file;
        lines.push(`  “${e.article.title}”${e.article.date ? ` (${e.article.date})` : ''}${e.article.url ? ` ${e.article.url}` : ''}`);
      }
      const who = result.speaker && e.speaker === result.speaker.name ? '' : e.speaker ? `${e.speaker}: ` : '';
      lines.push(`    ¶${e.paragraph} [${e.kind}] ${who}“${e.text}”`);
    }
  }
  if (result.absent.length) {
    lines.push('');
    lines.push(`Not reported by: ${result.absent.join(', ')}`);
  }
  if (result.suggestions.length && !result.notice?.includes('Closest')) lines.push(`Did you mean: ${result.suggestions.join(', ')}?`);
  return lines.join('\n');
}
