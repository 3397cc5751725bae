// Text folding used wherever two spellings must compare equal: names, snippets, questions.

/** Strip diacritics: "Vaitkevičius" → "Vaitkevicius". */
export function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '');
}

/** Curly quotes and apostrophes to straight ones, dashes to hyphens. */
export function straightenQuotes(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, '-');
}

/** Lowercase, no diacritics, straight quotes, single spaces: for comparing names and snippets. */
export function fold(s: string): string {
  return stripDiacritics(straightenQuotes(s)).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Folded words separated by single spaces: how phrases, snippets and chat keywords are compared. */
export function comparable(s: string): string {
  return fold(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Invisible and direction-control characters that users paste by accident or on purpose. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\u00AD]/g;

export function removeInvisible(s: string): string {
  return s.replace(INVISIBLE, '');
}

/** Words as the index and the scorers see them. */
export function words(s: string): string[] {
  return fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];
}
