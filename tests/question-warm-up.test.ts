// The questions an engine parses when it starts, so that compiling the date parser's expressions
// (for Latin-1 text and for text beyond it) never falls on someone's first question: each must take
// the parser's date paths, in both forms, and warming must not change how any question reads.

import { describe, expect, it } from 'vitest';
import { parseQuestion, WARM_UP_QUESTIONS, warmUpQuestions } from '../src/answer/question.js';

/** Wednesday 17 December 2025, noon on the bot's clock. */
const NOW = new Date(2025, 11, 17, 12, 0, 0);
const isOutlet = (name: string): boolean => name === 'BBC';

describe('warm-up questions', () => {
  it('each carries dates the parser reads, with a name beyond Latin-1 as with one inside it', () => {
    for (const question of WARM_UP_QUESTIONS) {
      // The name is what warming swaps for one beyond Latin-1.
      expect(question).toContain('Kallas');
      for (const text of [question, question.replace('Kallas', 'Wiśniewski')]) expect(parseQuestion(text, isOutlet, NOW).span).not.toBeNull();
    }
  });

  it('leaves every question reading as before', () => {
    const questions = ['what did Wiśniewski say yesterday?', 'who said "in March"?', 'Kallas on NATO before 15 Dec', 'what did Kallas say according to BBC'];
    const before = questions.map((q) => parseQuestion(q, isOutlet, NOW));
    warmUpQuestions(NOW);
    expect(questions.map((q) => parseQuestion(q, isOutlet, NOW))).toEqual(before);
    expect(before[0]).toMatchObject({ who: 'Wiśniewski', span: { from: '2025-12-16', to: '2025-12-16' } });
    expect(before[1]).toMatchObject({ phrase: 'in March', span: null });
    expect(before[3]).toMatchObject({ who: 'Kallas', outlet: 'BBC', span: null });
  });
});
