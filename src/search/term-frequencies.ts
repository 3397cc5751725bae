// Orama's index component with BM25 term frequencies derived from the field length instead of stored.
//
// Why: Orama keeps, for every document, an object mapping each of its terms to tf = 1 / (terms in the
// document). Its tokenizer drops repeated tokens (`allowDuplicates` is off, the default our schema
// keeps), so every term of a document occurs once and every tf of that document is the same number,
// 1 / its field length, which Orama stores anyway. Those objects were the largest thing on the heap
// (about 1.1 KB per statement, 5.5 KB per article) and the slowest part of an insert (a loop over every
// token for every token). This component stores nothing per term and answers Orama's reads of
// `frequencies[prop][id][term]` with that same number, so every score is unchanged
// (tests/term-frequencies.test.ts compares search results with stock Orama's, score for score).

import type { AnyOrama } from '@orama/orama';
import { internalDocumentIDStore, index as oramaIndex } from '@orama/orama/components';

type IndexStore = ReturnType<typeof oramaIndex.load>;
type Frequencies = IndexStore['frequencies'][string];
type Lengths = IndexStore['fieldLengths'][string];

/**
 * What Orama reads as `frequencies[prop]`: for a document id, a view whose every term is 1 / its length.
 * Orama reads it as `frequencies[prop]?.[id]?.[term]` in one expression, only for terms the document holds,
 * so one view object serves every document (its tf set by the read of the id). Writes are ignored.
 */
function derivedFrequencies(lengths: Lengths): Frequencies {
  let tf = 0;
  const termsOfDocument = new Proxy({}, { get: () => tf, set: () => true });
  return new Proxy({} as Frequencies, {
    get(_, id) {
      const length = typeof id === 'string' ? lengths[Number(id)] : undefined;
      if (!length) return undefined;
      tf = 1 / length;
      return termsOfDocument;
    },
    set: () => true,
  });
}

/** Puts the derived views in place of whatever `frequencies` holds (new, or loaded from a snapshot). */
function withDerivedFrequencies(index: IndexStore): IndexStore {
  for (const prop of Object.keys(index.fieldLengths)) index.frequencies[prop] = derivedFrequencies(index.fieldLengths[prop] as Lengths);
  return index;
}

const stock = oramaIndex.createIndex();

/** Orama's default index component, but for how term frequencies are kept (see above). */
export function derivedFrequencyIndex(): typeof stock {
  return {
    ...stock,
    create(orama: AnyOrama, store, schema) {
      return withDerivedFrequencies(stock.create(orama, store, schema) as IndexStore);
    },
    insertDocumentScoreParameters(index, prop, id, tokens, docsCount) {
      const internalId = internalDocumentIDStore.getInternalDocumentId(index.sharedInternalDocumentStore, id);
      index.avgFieldLength[prop] = ((index.avgFieldLength[prop] ?? 0) * (docsCount - 1) + tokens.length) / docsCount;
      (index.fieldLengths[prop] as Lengths)[internalId] = tokens.length;
    },
    insertTokenScoreParameters(index, prop, _id, _tokens, token) {
      const occurrences = index.tokenOccurrences[prop] as Record<string, number>;
      occurrences[token] = (occurrences[token] ?? 0) + 1;
    },
    load(store, raw) {
      return withDerivedFrequencies(stock.load(store, raw));
    },
    save<R>(index: IndexStore): R {
      // Nothing per term to save: a snapshot restores the views from the field lengths.
      const saved = stock.save(index) as Record<string, unknown>;
      return { ...saved, frequencies: Object.fromEntries(Object.keys(index.frequencies).map((prop) => [prop, {}])) } as R;
    },
  };
}
