// Correctness under speed: the engine's fast paths (speaker lists, postings read directly, rarest-term
// candidates, patched indexes) must give the same answers as a slow, obvious scan over the same
// statements, on a synthetic corpus at two sizes.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tokenizer as oramaTokenizer } from '@orama/orama/components';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, ensureCorpus } from '../bench/synthetic.js';
import { MAX_EXCERPTS_PER_OUTLET, MAX_PHRASE_MATCHES } from '../src/answer/engine.js';
import { createEngine } from '../src/answer/reload.js';
import { attributeCorpus } from '../src/attribution/index.js';
import { loadCorpus } from '../src/corpus/load.js';
import type { AnswerResult, Article, EngineApi, PersonRecord, Statement } from '../src/types.js';

const scratch = mkdtempSync(join(tmpdir(), 'whosaid-reference-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The same stemming the index is documented to use (english, stemmed), from a separate Orama tokenizer. */
const stems = oramaTokenizer.createTokenizer({ language: 'english', stemming: true });
const stemsOf = (text: string): Set<string> => new Set(stems.tokenize(text, 'english', 'text'));

/** Folded words joined by single spaces, with a space at each end, so "war" never matches "warned". */
function wordsOf(text: string): string {
  const words =
    text
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return ` ${words.join(' ')} `;
}

interface Reference {
  articles: Article[];
  people: PersonRecord[];
  /** In corpus order: article by article, paragraph by paragraph. */
  statements: Statement[];
  outletOf: Map<string, string>;
  dateOf: Map<string, string>;
}

async function reference(dir: string): Promise<Reference> {
  const { articles } = await loadCorpus(dir);
  const { people, statements } = attributeCorpus(articles);
  return {
    articles,
    people,
    statements,
    outletOf: new Map(articles.map((a) => [a.file, a.outlet])),
    dateOf: new Map(articles.map((a) => [a.file, a.date ?? ''])),
  };
}

const key = (file: string, paragraph: number, text: string): string => `${file} ¶${paragraph} ${text}`;

/** Excerpts per outlet, in the answer's order (or sorted, when only the set is specified). */
function engineExcerpts(answer: AnswerResult, keepOrder = false): Map<string, string[]> {
  return new Map(
    answer.outlets.map((o) => {
      const keys = o.excerpts.map((e) => key(e.article.file, e.paragraph, e.text));
      return [o.outlet, keepOrder ? keys : keys.sort()];
    }),
  );
}

function groupByOutlet(ref: Reference, chosen: Statement[]): Map<string, Statement[]> {
  const out = new Map<string, Statement[]>();
  for (const s of chosen) {
    const outlet = ref.outletOf.get(s.file) as string;
    out.set(outlet, [...(out.get(outlet) ?? []), s]);
  }
  return out;
}

function referenceByOutlet(ref: Reference, chosen: Statement[]): Map<string, string[]> {
  return new Map([...groupByOutlet(ref, chosen)].map(([outlet, list]) => [outlet, list.map((s) => key(s.file, s.paragraph, s.text)).sort()]));
}

function sorted<T>(m: Map<string, T>): [string, T][] {
  return [...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** People to ask about: the most quoted (big answers) and some quoted once or twice. */
function samplePeople(ref: Reference): PersonRecord[] {
  const counts = new Map<string, number>();
  for (const s of ref.statements) counts.set(s.speaker, (counts.get(s.speaker) ?? 0) + 1);
  const quoted = ref.people
    .filter((p) => p.kind === 'person' && counts.has(p.id))
    .sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1));
  // Only names that no other record shares: the question must be about one person.
  const unique = quoted.filter((p) => quoted.filter((q) => q.name.toLowerCase() === p.name.toLowerCase()).length === 1);
  const step = Math.max(1, Math.floor(unique.length / 6));
  const spread = unique.filter((_, i) => i % step === 0).slice(0, 6);
  return [...new Set([...unique.slice(0, 4), ...spread])];
}

for (const size of [150, 600]) {
  describe(`engine answers equal a slow reference scan (${size} synthetic articles)`, () => {
    let engine: EngineApi;
    let ref: Reference;

    beforeAll(async () => {
      const dir = join(scratch, `corpus-${size}`);
      ensureCorpus(size, DEFAULT_SEED, dir);
      ref = await reference(dir);
      engine = await createEngine({ corpusDir: dir });
    }, 120_000);

    afterAll(async () => engine?.close());

    it('person questions: the most recent statements of that person per outlet, and the right absent outlets', async () => {
      const people = samplePeople(ref);
      expect(people.length).toBeGreaterThanOrEqual(6);
      const allOutlets = new Set(ref.articles.map((a) => a.outlet));
      for (const person of people) {
        const answer = await engine.ask(`what did ${person.name} say?`);
        expect(answer.speaker?.name, person.name).toBe(person.name);
        const mine = ref.statements.filter((s) => s.speaker === person.id);
        const expected = new Map(
          [...groupByOutlet(ref, mine)].map(([outlet, list]) => {
            // Newest article first; within one date, corpus order. Then the per-outlet cap.
            const newest = [...list].sort(
              (a, b) => (ref.dateOf.get(b.file) as string).localeCompare(ref.dateOf.get(a.file) as string) || mine.indexOf(a) - mine.indexOf(b),
            );
            return [outlet, newest.slice(0, MAX_EXCERPTS_PER_OUTLET).map((s) => key(s.file, s.paragraph, s.text))];
          }),
        );
        expect(sorted(engineExcerpts(answer, true)), person.name).toEqual(sorted(expected));
        expect([...answer.absent].sort(), person.name).toEqual([...allOutlets].filter((o) => !expected.has(o)).sort());
      }
    });

    it('person + common topic word: the statements of that person containing the word or a form of it', async () => {
      const people = samplePeople(ref).slice(0, 6);
      for (const person of people) {
        for (const topic of ['war', 'government', 'people', 'year', 'ceasefire']) {
          const answer = await engine.ask(`what did ${person.name} say about ${topic}?`);
          const stem = [...stemsOf(topic)][0] as string;
          const expected = groupByOutlet(
            ref,
            ref.statements.filter((s) => s.speaker === person.id && stemsOf(s.text).has(stem)),
          );
          const got = engineExcerpts(answer);
          expect([...got.keys()].sort(), `${person.name} on ${topic}`).toEqual([...expected.keys()].sort());
          for (const [outlet, list] of expected) {
            const keys = list.map((s) => key(s.file, s.paragraph, s.text)).sort();
            const shown = got.get(outlet) ?? [];
            // Ranked by relevance and capped per outlet: all of them when few, otherwise the cap's worth of them.
            expect(shown.length, `${person.name} on ${topic} in ${outlet}`).toBe(Math.min(keys.length, MAX_EXCERPTS_PER_OUTLET));
            for (const k of shown) expect(keys, `${person.name} on ${topic}`).toContain(k);
          }
        }
      }
    });

    it('who said a phrase: exactly the statements holding those words in that order', async () => {
      const phrases = ['not for sale', 'a matter of survival', 'the government must act this year', 'people are tired', 'we cannot', 'a red line'];
      for (const phrase of phrases) {
        const answer = await engine.ask(`who said "${phrase}"?`);
        const needle = wordsOf(phrase);
        const chosen = ref.statements.filter((s) => wordsOf(s.text).includes(needle));
        if (chosen.length === 0) continue;
        // The first matches in corpus order are listed; the notice counts all of them.
        expect(sorted(engineExcerpts(answer)), phrase).toEqual(sorted(referenceByOutlet(ref, chosen.slice(0, MAX_PHRASE_MATCHES))));
        if (chosen.length > MAX_PHRASE_MATCHES) expect(answer.notice, phrase).toContain(`of ${chosen.length} statements`);
      }
    });

    it('who said a phrase of common words: the first matches listed, every one counted, the most quoted named', async () => {
      // Every word of it is in thousands of statements at 100k: candidates are many, and each must be tested.
      const phrase = 'in one year than';
      const answer = await engine.ask(`who said "${phrase}"?`);
      const chosen = ref.statements.filter((s) => wordsOf(s.text).includes(wordsOf(phrase)));
      expect(chosen.length).toBeGreaterThan(size >= 600 ? MAX_PHRASE_MATCHES : 10);
      expect(sorted(engineExcerpts(answer))).toEqual(sorted(referenceByOutlet(ref, chosen.slice(0, MAX_PHRASE_MATCHES))));
      const bySpeaker = new Map<string, number>();
      for (const s of chosen) bySpeaker.set(s.speaker, (bySpeaker.get(s.speaker) ?? 0) + 1);
      const most = Math.max(...bySpeaker.values());
      const mostQuoted = ref.people.filter((p) => bySpeaker.get(p.id) === most).map((p) => p.name);
      expect(mostQuoted).toContain(answer.speaker?.name);
      expect(answer.notice).toContain(`Said by ${bySpeaker.size} people`);
      if (chosen.length > MAX_PHRASE_MATCHES) expect(answer.notice).toContain(`Showing the first ${MAX_PHRASE_MATCHES} of ${chosen.length} statements`);
    });

    it('a bare common word: a topic answer citing only statements that contain it', async () => {
      // "government" is left out on purpose: it is also part of roles ("Government Spokesperson"),
      // so a person answer is a fair reading of it.
      for (const word of ['war', 'people', 'year']) {
        const answer = await engine.ask(word);
        expect(answer.parsed.type, word).toBe('topic');
        const stem = [...stemsOf(word)][0] as string;
        const matching = ref.statements.filter((s) => stemsOf(s.text).has(stem));
        const excerpts = answer.outlets.flatMap((o) => o.excerpts);
        expect(excerpts.length, word).toBe(Math.min(matching.length, 50));
        for (const e of excerpts) expect(stemsOf(e.text).has(stem), `${word}: ${e.text}`).toBe(true);
      }
    });
  });
}
