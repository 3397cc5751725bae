// One record per person across the corpus: spelling variants, surnames, titles and roles merged.


import type { PersonKind, PersonRecord, Statement } from '../types.js';
import type { ArticleAttribution } from './extract.js';
import { foldName, sameSurname, surnameOf } from './mentions.js';

export interface CorpusAttribution {
  people: PersonRecord[];
  statements: Statement[];
  /** Person id → files that mention the person (quoted or not). */
  mentionedIn: Record<string, string[]>;
}

interface Group {
  kind: PersonKind;
  /** Full names met, with the number of articles each was met in. */
  names: Map<string, number>;
  aliases: Set<string>;
  roles: Map<string, { text: string; count: number }>;
  statements: number;
}

/** Union-find over local entities so that variants met in different articles join one group. */
class Groups {
  private parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    for (let up = this.parent.get(root); up !== undefined && up !== root; up = this.parent.get(root)) root = up;
    // Path compression: every node walked now points at the root, so later finds are O(1).
    for (let node = x; node !== root; ) {
      const up = this.parent.get(node) as string;
      this.parent.set(node, root);
      node = up;
    }
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

function firstName(name: string): string {
  return foldName(name.split(/\s+/)[0] ?? '');
}

export function buildRegistry(extractions: ArticleAttribution[]): CorpusAttribution {
  const groups = new Groups();
  const entityGroupKey = (file: string, key: string): string => `${file}\u0000${key}`;
  const localName = new Map<string, { name: string; kind: PersonKind }>();
  // Buckets keep merging near-linear: candidates share a folded surname prefix.
  const fullBySurname = new Map<string, string[]>();
  const orgByName = new Map<string, string>();

  for (const x of extractions) {
    for (const e of x.entities) {
      const gk = entityGroupKey(x.file, e.key);
      localName.set(gk, { name: e.name, kind: e.kind });
      groups.find(gk);
      if (e.kind === 'organisation') {
        const existing = orgByName.get(foldName(e.name));
        if (existing) groups.union(existing, gk);
        else orgByName.set(foldName(e.name), gk);
        continue;
      }
      if (e.name.split(/\s+/).length < 2) continue;
      const bucket = foldName(surnameOf(e.name)).slice(0, 3);
      const list = fullBySurname.get(bucket) ?? [];
      const match = list.find((other) => {
        const o = localName.get(other)?.name ?? '';
        return firstName(o) === firstName(e.name) && sameSurname(surnameOf(o), surnameOf(e.name));
      });
      if (match) groups.union(match, gk);
      else list.push(gk);
      fullBySurname.set(bucket, list);
    }
  }
  // Surname-only entities join the full name that carries their surname, the most common one when several do.
  const articleCount = new Map<string, number>();
  for (const x of extractions) for (const e of x.entities) {
    const root = groups.find(entityGroupKey(x.file, e.key));
    articleCount.set(root, (articleCount.get(root) ?? 0) + 1);
  }
  for (const x of extractions) {
    for (const e of x.entities) {
      if (e.kind !== 'person' || e.name.split(/\s+/).length >= 2) continue;
      const gk = entityGroupKey(x.file, e.key);
      const candidates = (fullBySurname.get(foldName(e.name).slice(0, 3)) ?? []).filter((c) => sameSurname(surnameOf(localName.get(c)?.name ?? ''), e.name));
      const roots = [...new Set(candidates.map((c) => groups.find(c)))];
      roots.sort((a, b) => (articleCount.get(b) ?? 0) - (articleCount.get(a) ?? 0));
      if (roots[0]) groups.union(roots[0], gk);
      else {
        const org = orgByName.get(foldName(e.name));
        if (org) groups.union(org, gk);
      }
    }
  }

  const byRoot = new Map<string, Group>();
  for (const x of extractions) {
    for (const e of x.entities) {
      const root = groups.find(entityGroupKey(x.file, e.key));
      let g = byRoot.get(root);
      if (!g) {
        g = { kind: e.kind, names: new Map(), aliases: new Set(), roles: new Map(), statements: 0 };
        byRoot.set(root, g);
      }
      if (e.kind === 'organisation' && e.name.split(/\s+/).length > 1) g.kind = 'organisation';
      if (e.kind === 'person' && e.name.split(/\s+/).length > 1) g.kind = 'person';
      g.names.set(e.name, (g.names.get(e.name) ?? 0) + 1);
      for (const a of e.aliases) g.aliases.add(a);
      for (const r of e.roles) {
        const k = foldName(r);
        const prev = g.roles.get(k);
        g.roles.set(k, { text: prev?.text ?? r, count: (prev?.count ?? 0) + 1 });
      }
    }
  }
  for (const x of extractions) for (const s of x.statements) {
    const g = byRoot.get(groups.find(entityGroupKey(x.file, s.speaker)));
    if (g) g.statements++;
  }

  const idByRoot = new Map<string, string>();
  const people: PersonRecord[] = [];
  const usedIds = new Set<string>();
  for (const [root, g] of byRoot) {
    const multi = [...g.names].filter(([n]) => n.split(/\s+/).length > 1);
    // Unquoted organisations and lone capitalised words are not worth a record: they are noise in lists.
    if (g.statements === 0 && (g.kind === 'organisation' || multi.length === 0)) continue;
    const pool = multi.length ? multi : [...g.names];
    pool.sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
    const name = (pool[0] as [string, number])[0];
    let id = foldName(name);
    while (usedIds.has(id)) id = `${id}'`;
    usedIds.add(id);
    idByRoot.set(root, id);
    const aliases = new Set<string>([...g.names.keys(), ...g.aliases]);
    if (g.kind === 'person' && multi.length) aliases.add(surnameOf(name));
    aliases.delete(name);
    const roles = [...g.roles.values()].sort((a, b) => b.count - a.count).map((r) => r.text);
    people.push({ id, name, aliases: [...aliases].sort(), roles, kind: g.kind });
  }

  const statements: Statement[] = [];
  const mentionedIn: Record<string, string[]> = {};
  for (const x of extractions) {
    for (const s of x.statements) {
      const id = idByRoot.get(groups.find(entityGroupKey(x.file, s.speaker)));
      if (id) statements.push({ speaker: id, kind: s.kind, text: s.text, file: x.file, paragraph: s.paragraph, spans: s.spans });
    }
    for (const m of x.mentions) {
      const id = idByRoot.get(groups.find(entityGroupKey(x.file, m.key)));
      if (!id) continue;
      const files = (mentionedIn[id] ??= []);
      if (files[files.length - 1] !== x.file) files.push(x.file);
    }
  }
  return { people, statements, mentionedIn };
}
