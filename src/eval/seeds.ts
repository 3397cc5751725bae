// Scores the engine against hand-checked gold: attributed statements, and questions with the
// excerpts each outlet must (or must not) yield.

import type { Engine } from '../answer/engine.js';
import type { IndexedStatement } from '../search/index.js';
import { comparable, fold } from '../text/normalize.js';
import type { PersonRecord } from '../types.js';

export interface GoldStatement {
  file: string;
  speaker: string;
  kind: string;
  snippet: string;
  optional?: boolean;
}

export interface GoldQuestion {
  question: string;
  speaker: string;
  outlets: Record<string, string[]>;
  absent_outlets?: string[];
}

export interface StatementScore {
  precision: number;
  recall: number;
  found: number;
  required: number;
  correct: number;
  extracted: number;
  missed: GoldStatement[];
  wrong: IndexedStatement[];
}

function personNamed(people: PersonRecord[], name: string): PersonRecord | undefined {
  const f = fold(name);
  return people.find((p) => fold(p.name) === f || p.aliases.some((a) => fold(a) === f));
}

export function scoreStatements(engine: Engine, gold: GoldStatement[]): StatementScore {
  const { people, index } = engine.corpus;
  const speakerId = new Map(gold.map((g) => [g.speaker, personNamed(people, g.speaker)?.id ?? null]));
  const matches = (s: IndexedStatement, g: GoldStatement): boolean =>
    s.file === g.file && s.speaker === speakerId.get(g.speaker) && comparable(s.text).includes(comparable(g.snippet));

  const required = gold.filter((g) => !g.optional);
  const missed = required.filter((g) => !index.statements.some((s) => matches(s, g)));
  const kindOf = new Map(people.map((p) => [p.id, p.kind]));
  // Gold names people only; statements by organisations ("the Kremlin said") are not scored.
  const scored = index.statements.filter((s) => kindOf.get(s.speaker) === 'person');
  const wrong = scored.filter((s) => !gold.some((g) => matches(s, g)));
  const correct = scored.length - wrong.length;
  return {
    precision: scored.length ? correct / scored.length : 1,
    recall: required.length ? (required.length - missed.length) / required.length : 1,
    found: required.length - missed.length,
    required: required.length,
    correct,
    extracted: scored.length,
    missed,
    wrong,
  };
}

export interface QuestionCheck {
  question: string;
  ok: boolean;
  problems: string[];
}

export async function checkQuestions(engine: Engine, questions: GoldQuestion[]): Promise<QuestionCheck[]> {
  const out: QuestionCheck[] = [];
  for (const q of questions) {
    const answer = await engine.ask(q.question);
    const problems: string[] = [];
    if (fold(answer.speaker?.name ?? '') !== fold(q.speaker)) problems.push(`speaker is ${answer.speaker?.name ?? 'nobody'}, expected ${q.speaker}`);
    const statementKinds = new Set(['direct', 'indirect', 'mixed']);
    for (const [outlet, snippets] of Object.entries(q.outlets)) {
      const group = answer.outlets.find((o) => o.outlet === outlet);
      const statements = group?.excerpts.filter((e) => statementKinds.has(e.kind)) ?? [];
      if (statements.length === 0) problems.push(`${outlet}: no statement`);
      for (const snippet of snippets) {
        if (!statements.some((e) => comparable(e.text).includes(comparable(snippet)))) problems.push(`${outlet}: missing “${snippet}”`);
      }
    }
    const expectedAbsent = q.absent_outlets ?? (Object.keys(q.outlets).length === 0 ? engine.outletNames : []);
    for (const outlet of expectedAbsent) {
      if (answer.outlets.some((o) => o.outlet === outlet && o.excerpts.some((e) => statementKinds.has(e.kind))))
        problems.push(`${outlet}: should cite nothing`);
      if (!answer.absent.includes(outlet)) problems.push(`${outlet}: not listed as absent`);
    }
    out.push({ question: q.question, ok: problems.length === 0, problems });
  }
  return out;
}

export function parseGoldStatements(jsonl: string): GoldStatement[] {
  return jsonl
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldStatement);
}
