// A role gold derived by rule from the sources of an annotated news corpus (attribution-dev format):
// "Florida's Republican attorney general, Pam Bondi" gives Pam Bondi the role "Florida's Republican attorney
// general"; "Vilsack, a former Iowa governor" gives Vilsack "former Iowa governor"; "Vermont Sen. Bernie
// Sanders" gives "Vermont Sen.". The rule is written here on its own, not with the extractor's word lists,
// so that the gold does not share the extractor's mistakes. Spot-checked on the train split (see README).

import type { GoldAttribution } from './dev.js';

export interface RolePair {
  file: string;
  split: string;
  /** The person as the source names them: a full name or a surname. */
  name: string;
  role: string;
}

/** Capitalised words that open a role before a name; the name starts after the last of them. */
const TITLE_WORDS = new Set(
  `president vice sen sen. senator rep rep. representative gov gov. governor secretary chairman chairwoman chair
  director leader speaker minister mayor judge justice attorney general gen gen. chief ambassador commissioner
  spokesman spokeswoman adviser candidate nominee rival former democratic republican gop u.s. us house senate
  state majority minority white press campaign national committee department council party mr mr. mrs mrs.
  ms ms. dr dr. first lady pope prime deputy assistant executive officer agent detective officer sheriff
  lt. col. capt. sgt. adm. gen. prof. rev. congressman congresswoman front-runner frontrunner presumptive
  hopeful contender challenger incumbent host anchor editor founder ceo`
    .split(/\s+/)
    .filter(Boolean),
);
const HONORIFICS = /^(?:sen|rep|gov|gen|mr|mrs|ms|dr|lt|col|capt|sgt|adm|prof|rev|the|a|an)\.?$/i;
const CLAUSE_OPENERS =
  /^(?:who|whose|which|that|whom|where|when|after|before|as|while|and|or|but|both|neither|either|including|like|in|on|at|for|from|with|by|to)\b/i;

function isCap(word: string): boolean {
  return /^[\p{Lu}]/u.test(word);
}

/** The role text as a reader would quote it: no article, no relative clause, no bracket, no age. */
function tidyRole(text: string): string | null {
  let t = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:a|an|the)\s+/i, '');
  t = t
    .replace(/\s+(?:who|whose|which|that|whom)\s.*$/i, '')
    .replace(/[,.;:]+$/, '')
    .trim();
  if (!t || CLAUSE_OPENERS.test(t) || /\d/.test(t.replace(/\b(?:19|20)\d\d\b/g, '')) || /['’]s?$/.test(t)) return null;
  if (t.split(' ').every((w) => HONORIFICS.test(w))) return null; // "Sen.", "Mr.": honorifics are not roles
  if (t.split(' ').every((w) => isCap(w) && !TITLE_WORDS.has(w.toLowerCase()))) return null; // a name, not a role
  if (/^[RDI]-\p{Lu}/u.test(t)) return null; // "R-Ky.": party and state, said in brackets or commas
  if (/["“”]|''/.test(t) || /\s(?:by|of|for|at|to|from|with|in|on|\p{Ll}+ed)$/u.test(t) || /\bby\s/.test(t)) return null; // "review by", "owned by"
  // "Sen. Bernie Sanders and former Maryland governor": another person's name in the piece.
  if (/(?:^|\s)(?:Sen|Rep|Gov|Mr|Mrs|Ms|Dr)\.?\s\p{Lu}|\band\s\p{Lu}\p{Ll}+\s\p{Lu}/u.test(t)) return null;
  if (!/\p{Ll}{3,}|\p{Lu}\p{Ll}+/u.test(t)) return null;
  return t;
}

/**
 * A piece that ends in a name: returns the name (after the last title word of its capitalised tail) and the
 * words before it ("Republican National Committee Chairman Reince Priebus" → "Reince Priebus", role
 * "Republican National Committee Chairman").
 */
function splitName(piece: string): { name: string; before: string } | null {
  const head = piece.replace(/\s+(?:of|from|in)\s+(?:the\s+)?\p{Lu}[\p{L}.’' -]*$/u, ''); // "… of New York"
  const words = head.split(' ').filter(Boolean);
  let from = words.length;
  while (from > 0 && isCap(words[from - 1] as string) && !/['’]s$/.test(words[from - 1] as string)) from--;
  if (from === words.length) return null;
  let nameFrom = from;
  for (let k = from; k < words.length - 1; k++) if (TITLE_WORDS.has((words[k] as string).toLowerCase())) nameFrom = k + 1;
  const name = words
    .slice(nameFrom)
    .filter((w) => !/^(?:jr|sr|ii|iii)\.?$/i.test(w))
    .join(' ');
  if (!name || TITLE_WORDS.has(name.toLowerCase())) return null;
  return { name, before: words.slice(0, nameFrom).join(' ') };
}

/** Name and roles in one gold source, or null when it names no single person. */
export function rolesInSource(source: string): { name: string; roles: string[] } | null {
  const s = source
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (/\b(?:and|nor|or|&)\s+\p{Lu}/u.test(s.split(/[,—–]/)[0] ?? '')) return null; // "Cruz and Christie"
  const pieces = s
    .split(/\s*(?:,|—|–|\s--\s)\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as string;
    if (CLAUSE_OPENERS.test(piece)) continue;
    const split = splitName(piece);
    if (!split) continue;
    const roles: string[] = [];
    const add = (text: string | undefined): void => {
      const role = text === undefined ? null : tidyRole(text);
      if (role) roles.push(role);
    };
    add(split.before);
    if (i > 0) add(pieces[i - 1]); // "The party chairman, Kelly Armstrong"
    add(pieces[i + 1]); // "Vilsack, a former Iowa governor"
    return { name: split.name, roles };
  }
  return null;
}

/** Every (person, role) pair the gold sources give, by file and split. */
export function rolePairs(gold: GoldAttribution[]): RolePair[] {
  const out: RolePair[] = [];
  const seen = new Set<string>();
  for (const g of gold) {
    if (!g.source || (g.source_kind !== 'name' && g.source_kind !== 'description')) continue;
    const found = rolesInSource(g.source);
    if (!found) continue;
    for (const role of found.roles) {
      const key = `${g.file}\u0000${found.name}\u0000${role}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ file: g.file, split: g.split, name: found.name, role });
    }
  }
  return out;
}
