// Sieve (content): when finding the speaker already bounded the content ("Noting that both men faced a hostile
// press, Schlafly …": the participle's clause), that clause is the statement. Decides nothing else.

import type { Sieve } from '../context.js';
import { make } from '../context.js';

export const sieve: Sieve = {
  name: 'content-from-speaker',
  kind: 'content',
  statement(_ctx, { u, cue }, subject) {
    if (!subject.content) return undefined;
    const [a, b] = subject.content;
    const inside = u.unit.quotes.filter((q) => !u.covered.includes(q) && q.start >= a && q.start < b);
    u.covered.push(...inside);
    return make(subject.key, inside.length ? 'mixed' : 'indirect', u.para, [subject.content], cue);
  },
};
