// Follow-ups in a thread change one part of the last question ("and Merz?" the person, "what about the
// ceasefire?" the topic, "only LBC" the outlet) and are sent to the engine as an ordinary question.
import { DateError, spanAsWords, takeSpan } from '../answer/dates.js';
import { comparable as fold } from '../text/normalize.js';
import type { DateSpan, ParsedQuestion, PersonChoice } from '../types.js';

export interface QuestionParts {
  person?: string | null;
  topic?: string | null;
  phrase?: string | null;
  outlet?: string | null;
  /** Days the question is limited to, written as ISO dates so the question means the same tomorrow. */
  span?: DateSpan | null;
}

/** Writes question parts the way a person would ask, which is what the engine parses. */
export function composeQuestion(parts: QuestionParts): string {
  const dates = spanAsWords(parts.span);
  const outlet = `${parts.outlet ? ` according to ${parts.outlet}` : ''}${dates ? ` ${dates}` : ''}`;
  if (parts.phrase) return `who said "${parts.phrase.replace(/"/g, "'")}"${outlet}`;
  if (parts.person) return `what did ${parts.person} say${parts.topic ? ` about ${parts.topic}` : ''}${outlet}`;
  if (parts.topic) return `what was said about ${parts.topic}${outlet}`;
  return '';
}

export function partsOf(parsed: ParsedQuestion): QuestionParts {
  switch (parsed.type) {
    case 'person':
      return { person: parsed.person, topic: parsed.topic, outlet: parsed.outlet, span: parsed.span ?? null };
    case 'phrase':
      return { phrase: parsed.phrase, outlet: parsed.outlet, span: parsed.span ?? null };
    case 'topic':
      return { topic: parsed.topic, outlet: parsed.outlet, span: parsed.span ?? null };
    default:
      return {};
  }
}

export type FollowUp = { kind: 'more' } | { kind: 'ask'; question: string; why: 'person' | 'topic' | 'outlet' | 'dates' | 'new' } | { kind: 'help' };

/** What the follow-up interpreter may ask about the corpus. */
export interface FollowUpLookup {
  outlets(): Promise<string[]>;
  suggestPeople(prefix: string, limit?: number): Promise<PersonChoice[]>;
}

/** Removes mentions of the bot (or anyone) and the punctuation around a chat message. */
export function stripMentions(text: string): string {
  return text
    .replace(/<@[!&]?\d+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

async function findOutlet(name: string, lookup: FollowUpLookup): Promise<string | null> {
  const wanted = fold(name);
  if (wanted === '') return null;
  const outlets = await lookup.outlets();
  return outlets.find((outlet) => fold(outlet) === wanted) ?? outlets.find((outlet) => fold(outlet).startsWith(wanted)) ?? null;
}

/** A known person whose name contains every word typed ("Merz" → "Friedrich Merz"), or null. */
async function findPerson(name: string, lookup: FollowUpLookup): Promise<string | null> {
  const wanted = fold(name);
  if (wanted === '') return null;
  const words = wanted.split(' ');
  const candidates = await lookup.suggestPeople(name, 10);
  const match = candidates.find((choice) => {
    const nameWords = fold(choice.name).split(' ');
    return words.every((word) => nameWords.includes(word));
  });
  return match ? match.name : null;
}

/**
 * Reads a follow-up against the thread's last question. Anything that is not recognisably a
 * follow-up is treated as a new question.
 */
export async function interpretFollowUp(rawText: string, last: ParsedQuestion, lookup: FollowUpLookup, now: Date = new Date()): Promise<FollowUp> {
  const text = stripMentions(rawText)
    .replace(/[?!.\s]+$/, '')
    .trim();
  if (text === '') return { kind: 'help' };
  if (/^(more|next|next page|show more|continue|go on)$/i.test(text)) return { kind: 'more' };

  const parts = partsOf(last);
  const hasContext = last.type !== 'empty';

  const allOutlets = /^(?:all|any|every)\s+(?:outlets?|sources?)$/i.test(text);
  if (allOutlets && hasContext) return { kind: 'ask', question: composeQuestion({ ...parts, outlet: null }), why: 'outlet' };

  if (/^(?:all|any|every)\s+(?:dates?|days?|time)$/i.test(text) && hasContext)
    return { kind: 'ask', question: composeQuestion({ ...parts, span: null }), why: 'dates' };
  const dated = datesOnly(text, now);
  if (dated && hasContext) return { kind: 'ask', question: composeQuestion({ ...parts, span: dated }), why: 'dates' };

  const narrow = text.match(/^(?:only|just)\s+(?:from\s+|in\s+|on\s+|by\s+)?(.+)$|^(?:according to|from|in)\s+(.+)$/i);
  if (narrow && hasContext) {
    const outlet = await findOutlet(narrow[1] ?? narrow[2] ?? '', lookup);
    if (outlet) return { kind: 'ask', question: composeQuestion({ ...parts, outlet }), why: 'outlet' };
  }

  const other = text.match(/^(?:and|but|also|what about|how about|and what about|what of|and about)\s+(.+)$/i);
  const about = text.match(/^(?:about|on|regarding)\s+(.+)$/i);
  if (other && hasContext) {
    const subject = other[1]!.replace(/^(?:about|on|regarding)\s+/i, '');
    const outlet = await findOutlet(subject, lookup);
    if (outlet) return { kind: 'ask', question: composeQuestion({ ...parts, outlet }), why: 'outlet' };
    const person = await findPerson(subject, lookup);
    if (person) {
      const next =
        last.type === 'topic'
          ? { person, topic: last.topic, outlet: last.outlet, span: parts.span ?? null }
          : { person, topic: parts.topic ?? null, outlet: parts.outlet ?? null, span: parts.span ?? null };
      return { kind: 'ask', question: composeQuestion(next), why: 'person' };
    }
    return { kind: 'ask', question: composeQuestion(withTopic(parts, subject)), why: 'topic' };
  }
  if (about && hasContext) {
    return { kind: 'ask', question: composeQuestion(withTopic(parts, about[1]!)), why: 'topic' };
  }
  return { kind: 'ask', question: text, why: 'new' };
}

function withTopic(parts: QuestionParts, rawTopic: string): QuestionParts {
  const topic = rawTopic.replace(/^(?:the|a|an)\s+/i, '').trim();
  if (parts.person) return { person: parts.person, topic, outlet: parts.outlet ?? null, span: parts.span ?? null };
  return { topic, outlet: parts.outlet ?? null, span: parts.span ?? null };
}

/** "only this week", "just since Monday", "in December": a follow-up that is nothing but dates, as a span. */
function datesOnly(text: string, now: Date): DateSpan | null {
  const rest = text.replace(/^(?:and\s+)?(?:only|just)\s+/i, '');
  try {
    const taken = takeSpan(rest, now);
    return taken.span && taken.rest.replace(/[\s,.;:!?-]+/g, '') === '' ? taken.span : null;
  } catch (err) {
    if (err instanceof DateError) return null;
    throw err;
  }
}
