// New statements added to a live index without touching the ones already in it: for a reload that
// only brought new files (the folder watcher's). The cost is the new statements', not the corpus's.

import { insert } from '@orama/orama';
import type { IndexedStatement, StatementIndex } from './index.js';
import { statementDoc } from './index.js';

/**
 * A new index over `current`'s statements followed by `added`, sharing `current`'s Orama db, into which
 * they are inserted in one synchronous step (no question sees half of them). `current` keeps its own
 * arrays and answers as before, except that its db now holds the new documents too (as after a patch).
 */
export function appendStatements(current: StatementIndex, added: IndexedStatement[]): StatementIndex {
  const statements = current.statements.slice();
  const bySpeaker = new Map(current.bySpeaker);
  for (const s of added) {
    const position = statements.length;
    statements.push(s);
    const result = insert(current.db, statementDoc(s, position));
    if (result instanceof Promise) throw new Error('Orama insert went async: appending needs the sync path');
    const list = bySpeaker.get(s.speaker);
    // The lists of `current` are never changed: a speaker's list is copied once, then grown.
    if (list === undefined) bySpeaker.set(s.speaker, [position]);
    else if (list === current.bySpeaker.get(s.speaker)) bySpeaker.set(s.speaker, [...list, position]);
    else list.push(position);
  }
  const store = current.db.internalDocumentIDStore;
  const internalOf = new Int32Array(statements.length).fill(-1);
  internalOf.set(current.internalOf);
  const positionOf = new Int32Array(Math.max(store.internalIdToId.length + 1, current.positionOf.length)).fill(-1);
  positionOf.set(current.positionOf);
  for (let k = current.statements.length; k < statements.length; k++) {
    const internal = store.idToInternalId.get(String(k));
    if (internal === undefined) continue;
    internalOf[k] = internal;
    positionOf[internal] = k;
  }
  // The common terms' best hits may now miss a new statement: as after a patch, the first question scores again.
  return {
    db: current.db,
    statements,
    bySpeaker,
    removed: current.removed,
    internalOf,
    positionOf,
    topicCache: new Map(),
    commonBest: new Map(),
    columns: current.columns.extended(added),
  };
}
