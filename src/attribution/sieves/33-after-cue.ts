// Sieve: the content that follows or surrounds the cue — a quote it introduces ("said: “…”", "said, “…”"), a
// that-clause or an object up to where it ends ("said (that) …", "criticized X for …", "urged Y to …"), or,
// for a trailing or bracketed cue ("…, Lytvyn said.", "Officials, Lytvyn said, were …"), the sentence around
// it. Also decides when a cue says nothing quotable ("asked for time", "said in a statement.", "the place he
// proposed two months ago"). Last content sieve: it always decides. Never changes the speaker.

import type { Span } from '../../types.js';
import { clauseContentEnd, contentEnd, objectPhraseEnd, onlyATime, shortTail, skipToThat, trimSpan } from '../bounds.js';
import { inLeadingSubordinateClause, leadingClauseEnd, shortLeadingAdverb } from '../clauses.js';
import { descriptionLead, trailingContent } from '../content.js';
import type { Sieve } from '../context.js';
import { make } from '../context.js';
import {
  CLAUSE_SUBORDINATORS,
  NARRATIVE_AFTER_QUOTE,
  NEW_VERB_AFTER_AND,
  OBJECT_CUES,
  OBJECT_DETERMINERS,
  PREPOSITIONAL_START,
  TELL_LIKE,
  TIME_WORDS,
} from '../lexicon.js';
import { skipObject } from '../phrases.js';
import { onlyPunctuationBetween } from '../quotes.js';
import type { Token } from '../tokens.js';

export const sieve: Sieve = {
  name: 'after-cue',
  kind: 'content',
  statement(ctx, site, subject) {
    const { u, i, lemma, objectCue, cue } = site;
    const { para, unit, covered } = u;
    const toks = unit.tokens;
    const speaker = subject.key;
    let c = site.c;
    if (subject.from < i) subject = { ...subject, from: descriptionLead(toks, subject.from) };
    // "asked for more time", "urged to resign": a request, not reported words.
    if ((lemma === 'ask' || lemma === 'urge') && ['for', 'to', 'about'].includes(toks[c + (toks[c]?.lower === 'not' ? 1 : 0)]?.lower ?? '')) return null;
    if (TELL_LIKE.has(lemma)) c = skipObject(toks, c);
    // "wrote to Mrs. Clinton about a visit": the addressee is not what was written.
    if (lemma === 'write' && toks[c]?.lower === 'to' && (toks[c + 1]?.cap || OBJECT_DETERMINERS.has(toks[c + 1]?.lower ?? ''))) c = skipObject(toks, c + 1);
    c = skipToThat(toks, c);
    const afterCue = toks[c];
    if (afterCue?.text === ',' && subject.from < i && inLeadingSubordinateClause(toks, i)) return null; // "After Quill testified, …"
    if (afterCue && (afterCue.text === ':' || afterCue.text === ',')) {
      const quote = unit.quotes.find((q) => q.start >= afterCue.end && !covered.includes(q) && onlyPunctuationBetween(para.text, afterCue.end, q.start));
      // "Issa said: “…”" and "Issa said, “…”": the quote the cue introduces.
      if (quote && (afterCue.text === ':' || subject.from < i)) {
        covered.push(quote);
        return make(speaker, 'direct', para, [trimSpan(para.text, quote.innerStart, quote.innerEnd)], cue);
      }
      // (after at most a short sentence adverb: "Instead, Trump told CNN, his policy would …")
      if (
        afterCue.text === ',' &&
        subject.from < i &&
        (onlyPunctuationBetween(para.text, unit.start, toks[subject.from]?.start ?? 0) || shortLeadingAdverb(toks, subject.from))
      ) {
        // "Rubio says, win or lose, he is staying in the race": the subject opens the sentence, so the content follows.
        const rest = toks[c + 1];
        if (rest && !rest.punct) {
          const spans: Span[] = [trimSpan(para.text, rest.start, contentEnd(para.text, unit))];
          const inside = unit.quotes.filter((q) => !covered.includes(q) && q.start >= rest.start);
          covered.push(...inside);
          return make(speaker, inside.length ? 'mixed' : 'indirect', para, spans, cue);
        }
      }
      if (afterCue.text === ',' && subject.from < i) {
        // Parenthetical or trailing cue: "Officials, Lytvyn said, were …" / "…, Zelenskiy said as talks began."
        // (Not after an opening adverbial when the cue has an object: in "In June, after Roe lost, Lee emailed him, …"
        // nothing before is said; "By doing X, Tchen said, the …" stays parenthetical.)
        if (subject.from > 0 && leadingClauseEnd(toks, i) === subject.from && c > i + 1) return null;
        return trailingContent(ctx, para, unit, subject, i, covered);
      }
    }
    // "…, said David Gilbert, its president.": the content is what comes before the cue.
    if (subject.from > i && toks[i - 1]?.text === ',') return trailingContent(ctx, para, unit, { ...subject, from: i, to: i + 1 }, i, covered, subject.to);
    // "Hewitt writes: The movie mentions neither …": after a colon, unquoted words are what was said.
    if (afterCue?.text === ':' && subject.from < i && !unit.quotes.some((q) => q.start >= afterCue.end)) {
      const rest = toks.slice(c + 1).filter((t) => !t.punct);
      if (rest.length >= 4) return make(speaker, 'indirect', para, [trimSpan(para.text, (toks[c + 1] as Token).start, contentEnd(para.text, unit))], cue);
    }
    // "Limbaugh continued:" at a paragraph's end: the quotation that opens the next paragraph is his.
    if (afterCue?.text === ':' && toks.slice(c + 1).every((t) => t.punct)) {
      ctx.lastDirect = { key: speaker, paragraph: para.n };
      return null;
    }
    if (!afterCue || (afterCue.punct && !afterCue.quoted && !unit.quotes.some((q) => q.start === afterCue.start)))
      return subject.from > 0 ? trailingContent(ctx, para, unit, subject, i, covered) : null;
    const start = afterCue.start;
    // "what Bernie is talking about now is mainstream": the object came first, in a relative clause.
    if (objectCue && toks.slice(Math.max(0, subject.from - 1), subject.to).some((t) => ['what', 'which', 'whom'].includes(t.lower))) return null;
    // "records that Linick questioned are already stored", "Everything Trump says is a lie": a verb right
    // after the cue means what was said came before it.
    if ((objectCue && NEW_VERB_AFTER_AND.has(afterCue.lower)) || ['is', 'was', 'are', 'were', 'be', 'been'].includes(afterCue.lower)) return null;
    // An object, or an infinitive ("vowed to bring back mining jobs, and Clinton is promising …"), ends with its
    // phrase; a clause ("mentioned that …") runs to the sentence's end.
    // ("questioned what kind of person gets up at 3 a.m. to send tweets": a question clause runs on.)
    const phrase =
      (objectCue && toks[c - 1]?.lower !== 'that' && !['what', 'whether', 'how', 'why', 'if', 'who', 'where', 'when'].includes(afterCue.lower)) ||
      (afterCue.lower === 'to' && !toks[c + 1]?.cap && !OBJECT_DETERMINERS.has(toks[c + 1]?.lower ?? ''));
    let end = phrase ? objectPhraseEnd(para.text, unit, toks, c) : clauseContentEnd(para.text, unit, toks, c);
    // "As Obama announces that he is ready for the fight, he is set to …": a cue inside an opening
    // subordinate clause reports only that clause; the main clause after its comma is the writer's.
    if (CLAUSE_SUBORDINATORS.has(toks[0]?.lower ?? '') && toks.slice(1, i).every((t) => t.text !== ',' && !t.quoted)) {
      const close = toks.findIndex((t, k) => k > c && !t.quoted && (t.text === ',' || ['—', '–', '―'].includes(t.text)));
      if (close > 0 && (toks[close] as Token).start < end) end = (toks[close] as Token).start;
    }
    // "Sanders, after initially saying he would not advertise, changed course": a participle in an aside
    // right after its subject ends with the aside.
    if (toks[i]?.lower.endsWith('ing') && toks[subject.to]?.text === ',' && subject.to < i && toks.slice(subject.to + 1, i).every((t) => !t.punct && !t.cap)) {
      const close = toks.findIndex((t, k) => k > c && !t.quoted && t.text === ',');
      if (close > 0 && (toks[close] as Token).start < end) end = (toks[close] as Token).start;
    }
    // Trailing cue with whom it was said to after it: "…, Kennedy wrote Linick.", "…, Graham told The Huffington Post on Thursday."
    if (
      subject.from > 0 &&
      toks[subject.from - 1]?.text === ',' &&
      (TELL_LIKE.has(lemma) || lemma === 'write') &&
      leadingClauseEnd(toks, i) === 0 &&
      shortTail(toks, c)
    ) {
      return trailingContent(ctx, para, unit, subject, i, covered);
    }
    // "the place he proposed two months ago": only when, not what; but a trailing cue ("…, Fiorina said
    // Monday.") reports the sentence before it.
    if (onlyATime(para.text.slice(start, end)))
      return subject.from > 0 && toks[subject.from - 1]?.text === ',' && subject.from < i ? trailingContent(ctx, para, unit, subject, i, covered) : null;
    // A bare object ("thanked the volunteers") says too little to quote; "criticized X for Y" says what, and
    // so does a judgment of someone named ("attacked Trump", shown with its verb).
    if (OBJECT_CUES.has(lemma) ? tooBareAnObject(toks, start, end) : end - start < (objectCue ? 3 : 8)) return null;

    // Trailing cue with an adverbial after it: "…, Zelenskiy said as peace talks got underway."
    // (Not "…, Bush thought for a moment and said that in the current climate …": "that" opens the content.)
    if (
      subject.from > 0 &&
      toks[subject.from - 1]?.text === ',' &&
      toks[c - 1]?.lower !== 'that' &&
      (['as', 'in', 'on', 'at', 'during', 'when', 'while', 'after', 'before', 'late', 'earlier', 'from'].includes(afterCue.lower) ||
        // ("…, Cornyn told reporters this week." but not "told reporters this was the only chance")
        (['last', 'this'].includes(afterCue.lower) && TIME_WORDS.test(toks[c + 1]?.lower ?? '')))
    ) {
      return trailingContent(ctx, para, unit, subject, i, covered);
    }
    // "Lau said in a statement." The words follow in the next sentence; the adverbial is not what was said.
    // ("urged voters to stay home", "vowed to fight on": "to" and a verb is the content, not an adverbial.)
    const infinitive =
      afterCue.lower === 'to' && !!toks[c + 1] && !toks[c + 1]?.cap && !toks[c + 1]?.punct && !OBJECT_DETERMINERS.has(toks[c + 1]?.lower ?? '');
    if (
      PREPOSITIONAL_START.has(afterCue.lower) &&
      !infinitive &&
      toks.filter((t) => t.start >= start && !t.punct).length <= 6 &&
      !unit.quotes.some((q) => q.start >= start)
    ) {
      ctx.lastDirect = { key: speaker, paragraph: para.n };
      return null;
    }
    const inside = unit.quotes.filter((q) => q.start >= start && q.start < end && !covered.includes(q));
    covered.push(...inside);
    const wholeQuote = inside.length === 1 && inside[0] && inside[0].start === start && inside[0].end >= end - 2;
    if (wholeQuote && inside[0] && /^\s*[\p{Lu}]/u.test(para.text.slice(inside[0].innerStart, inside[0].innerStart + 3))) {
      ctx.lastDirect = { key: speaker, paragraph: para.n };
      return make(speaker, 'direct', para, [trimSpan(para.text, inside[0].innerStart, inside[0].innerEnd)], cue);
    }
    // “a lot of progress was made” as he and … met: the narrative after a leading quote is not the statement.
    const lead = inside[0];
    // (Not '… "many are Jewish" and "there will be no one stronger"': a second quotation goes on with the first.)
    const after = para.text.slice(lead?.end ?? 0, end);
    if (lead && lead.start === start && lead.end < end && NARRATIVE_AFTER_QUOTE.test(after) && !/^[\s,]*(and|but)( that)?[\s,]*["“]/.test(after)) {
      return make(speaker, 'mixed', para, [trimSpan(para.text, lead.start, lead.end)], cue);
    }
    return make(speaker, inside.length ? 'mixed' : 'indirect', para, [trimSpan(para.text, start, end)], cue);
  },
};

/** An object cue's object of one word or none, unless it names someone ("Trump"). */
function tooBareAnObject(toks: Token[], start: number, end: number): boolean {
  const words = toks.filter((t) => t.start >= start && t.end <= end && !t.punct);
  return words.length < 2 && !(words.length > 0 && words.every((t) => t.cap));
}
