// Reads a synthetic corpus folder into paragraph documents for the bare-Orama baseline.
// Deliberately independent of src/corpus: the baseline must not inherit the engine's costs or fixes.
// It only understands what bench/synthetic.ts writes (frontmatter of quoted scalars, blank-line paragraphs).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface ParagraphDoc {
  text: string;
  outlet: string;
  /** Days since 1970-01-01: a number field, as Orama has no date type. */
  date: number;
  file: string;
  paragraph: number;
}

export function listCorpusFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(md|txt)$/.test(entry.name)) out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}

function frontmatterValue(raw: string): string {
  const value = raw.trim();
  return value.startsWith('"') ? (JSON.parse(value) as string) : value;
}

export function parseArticleText(text: string, file: string): ParagraphDoc[] {
  let body = text;
  let outlet = '';
  let date = 0;
  if (text.startsWith('---\n')) {
    const end = text.indexOf('\n---\n', 4);
    const header = text.slice(4, end);
    body = text.slice(end + 5);
    for (const line of header.split('\n')) {
      const colon = line.indexOf(':');
      const key = line.slice(0, colon);
      const value = frontmatterValue(line.slice(colon + 1));
      if (key === 'outlet') outlet = value;
      else if (key === 'date') date = Math.floor(Date.parse(value) / 86_400_000);
    }
  }
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p, i) => ({ text: p, outlet, date, file, paragraph: i + 1 }));
}

/** The seed corpus keeps metadata in sources.json instead of frontmatter. */
interface SourceEntry {
  outlet?: string;
  date?: string;
}

export function readParagraphDocs(dir: string): ParagraphDoc[] {
  const sourcesPath = join(dir, 'sources.json');
  const sources = existsSync(sourcesPath) ? (JSON.parse(readFileSync(sourcesPath, 'utf8')) as Record<string, SourceEntry>) : {};
  const docs: ParagraphDoc[] = [];
  for (const path of listCorpusFiles(dir)) {
    const file = relative(dir, path).split(sep).join('/');
    const source = sources[file];
    for (const doc of parseArticleText(readFileSync(path, 'utf8'), file)) {
      if (source?.outlet && !doc.outlet) doc.outlet = source.outlet;
      if (source?.date && !doc.date) doc.date = Math.floor(Date.parse(source.date) / 86_400_000);
      if (!doc.outlet) doc.outlet = file.replace(/\.[^.]+$/, '');
      docs.push(doc);
    }
  }
  return docs;
}
