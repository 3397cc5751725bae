// Sieve: "Mr. Trump", "Mrs. Clinton" in reading order, once genders and roles are learnt: each sure match of
// an honorific to a namesake is remembered and teaches that person's gender before any pronoun is resolved.
// Decides which entity a lone honorific name is, and genders; finds no statement. The people sieves end here:
// later sieves see the article's people as settled.

import type { Sieve } from '../context.js';
import { resolveSingle } from '../entities.js';

export const sieve: Sieve = {
  name: 'honorifics',
  kind: 'people',
  run(ctx) {
    // From here "Mr."/"Mrs." may pick a namesake for good and teach a gender.
    ctx.settled = true;
    for (const para of ctx.paras)
      for (const runs of para.runs) for (const run of runs) if (run.kind === 'single' && run.honorific) resolveSingle(ctx, run, false);
  },
};
