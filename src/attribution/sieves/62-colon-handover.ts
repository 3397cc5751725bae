// Sieve: "Sanders made the following comment:" closing a paragraph introduces the quotation that opens the
// next one: its clause's subject becomes the speaker a following bare quote continues. Changes only who
// speaks next; finds no statement itself.

import type { Sieve } from '../context.js';
import { colonClauseSpeaker } from '../subjects.js';

export const sieve: Sieve = {
  name: 'colon-handover',
  kind: 'unit',
  run(ctx, u) {
    const last = u.unit.tokens[u.unit.tokens.length - 1];
    if (u.found.length === 0 && last?.text === ':' && !last.quoted && u.index === u.para.units.length - 1) {
      const speaker = colonClauseSpeaker(ctx, u.para, u.unit, u.runs, u.unit.tokens.length - 1);
      if (speaker) ctx.lastDirect = { key: speaker, paragraph: u.para.n };
    }
  },
};
