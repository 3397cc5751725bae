// Paragraphs containing a phrase, for "who said" when no statement has it. Paragraphs are not indexed
// (that would double the index), so this scans the text: a case-insensitive test for the phrase's
// longest word rules out almost every paragraph before the folded comparison.

import { fold } from '../text/normalize.js';
import type { Article, Excerpt, OutletExcerpts } from '../types.js';

const ACCENTED = /[\u00C0-\u024F\u1E00-\u1EFF]/;

export function passagesWith(
  articles: Article[],
  phrase: string,
  outlet: string | null,
  citation: (a: Article) => Excerpt['article'],
  maxMatches: number,
): OutletExcerpts[] {
  const needle = fold(phrase);
  const longest = (needle.match(/[\p{L}\p{N}]+/gu) ?? []).sort((a, b) => b.length - a.length)[0];
  if (!longest) return [];
  const probe = new RegExp(longest.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  const byOutlet = new Map<string, Excerpt[]>();
  let found = 0;
  for (const a of articles) {
    if (outlet && a.outlet !== outlet) continue;
    for (const p of a.paragraphs) {
      // Text with accented letters is folded before the probe ("Vaitkevičius" for "vaitkevicius").
      if (!probe.test(p.text) && !(ACCENTED.test(p.text) && probe.test(fold(p.text)))) continue;
      if (!fold(p.text).includes(needle)) continue;
      const list = byOutlet.get(a.outlet) ?? [];
      if (list.length < 10) list.push({ text: p.text, speaker: null, kind: 'passage', cue: null, paragraph: p.n, article: citation(a) });
      byOutlet.set(a.outlet, list);
      if (++found >= maxMatches) return [...byOutlet].map(([o, excerpts]) => ({ outlet: o, excerpts }));
    }
  }
  return [...byOutlet].map(([o, excerpts]) => ({ outlet: o, excerpts }));
}
