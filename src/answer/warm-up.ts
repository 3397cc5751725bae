// The answer path compiled before the first asker. V8 runs a function slowly until it has seen it run
// enough to optimise it, and an answer at 100k articles is a few functions run over 1,000 statements:
// one first "what did X say about the war?" took 67 ms, then 30 and 15 asked again (grouping its 1,000
// statements 49, then 21, then 7 ms). So a serving engine first asks itself questions made from
// its own corpus, each kind a user can ask, then forgets what they cached: only compiled code is kept,
// and the first user question finds nothing of its own already worked out.

import type { Engine } from './engine.js';

/** The most quoted people the warm-up asks about: their answers are the longest, so every loop runs long. */
const PEOPLE = 3;
/** Each question is asked this many times over: V8 optimises a function after it has run a while. */
const ROUNDS = 3;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Questions of every kind about the corpus's most quoted people: alone, with a word they used, in the
 * month of their newest statement, a phrase they said (alone and dated), that word alone.
 */
export function warmUpQuestionsFor(engine: Engine): { asked: string[]; compared: [string, string][] } {
  const top = engine.mostQuoted(PEOPLE).flatMap(([id]) => engine.directory.byId.get(id) ?? []);
  const asked: string[] = [];
  const compared: [string, string][] = [];
  for (const person of top) {
    const newest = engine.newestStatementOf(person.id);
    if (!newest) continue;
    const words = newest.text.match(/[\p{L}\p{N}]+/gu) ?? [];
    // Its longest word (not a number, which would read as a date): a word of its own, not one every statement has.
    const word = words.filter((w) => /\p{L}/u.test(w)).reduce((a, b) => (b.length > a.length ? b : a), '');
    const month = newest.date ? `${MONTHS[Number(newest.date.slice(5, 7)) - 1] ?? 'January'} ${newest.date.slice(0, 4)}` : null;
    asked.push(`what did ${person.name} say?`);
    if (word.length >= 4) {
      asked.push(`what did ${person.name} say about ${word}?`, word);
      compared.push([person.name, word]);
    }
    if (month) asked.push(`what did ${person.name} say in ${month}?`);
    if (words.length >= 4) {
      const phrase = words.slice(0, 4).join(' ');
      asked.push(`who said "${phrase}"?`);
      if (month) asked.push(`who said "${phrase}" in ${month}?`);
    }
  }
  return { asked, compared };
}

/**
 * Asks the warm-up questions until done or `budgetMs` has passed (a slow machine serves a little
 * colder rather than start later), then drops what they cached. Returns how many were asked.
 */
export async function warmUp(engine: Engine, budgetMs = 3000): Promise<number> {
  const { asked, compared } = warmUpQuestionsFor(engine);
  const started = performance.now();
  let count = 0;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const question of asked) {
        if (performance.now() - started >= budgetMs) return count;
        await engine.ask(question);
        count++;
      }
      for (const [person, topic] of compared) {
        await engine.compare(person, topic);
        count++;
      }
    }
    return count;
  } finally {
    engine.forgetAnswers();
  }
}
