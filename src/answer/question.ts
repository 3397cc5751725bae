// Reads a question in plain English into what to look up. Names and outlets are resolved later,
// against the corpus; here we only find the parts.

import { removeInvisible, straightenQuotes } from '../text/normalize.js';
import type { DateSpan } from '../types.js';
import { DateError, takeSpan } from './dates.js';

export const MAX_QUESTION_LENGTH = 300;

export interface QuestionParts {
  /** Who, as the user wrote it ("Kallas", "the EU foreign affairs chief"), if the question names someone. */
  who: string | null;
  topic: string | null;
  outlet: string | null;
  /** A quoted phrase in a "who said …" question. */
  phrase: string | null;
  /** The question had no subject form we know: the whole text, to try as a name and then as a topic. */
  bare: string | null;
  /** The days the question is limited to ("this week", "since 14 December"), or null. */
  span: DateSpan | null;
}

export class QuestionError extends Error {}

const OUTLET_TAIL = /\s*(?:,\s*)?\b(?:according to|as reported by|reported by|in|from|by|on|at|only(?: in)?)\s+(?:the\s+)?([^,?!]+?)\s*$/i;
const SAY = '(?:say|said|tell|told|claim|claimed|think|thought|state|stated|announce|announced|write|wrote|tweet|tweeted|comment|mention|warn|warned)';
const WHAT_DID = new RegExp(
  `^(?:so\\s+)?(?:what|wat|wht)\\s+(?:did|has|have|does|do|had|was|is)\\s+(.+?)\\s+(?:been\\s+)?(?:${SAY}|saying|telling)(?:\\s+(.*))?$`,
  'i',
);
const WHO_SAID = new RegExp(`^(?:who|which\\s+(?:person|people|official|officials))\\s+(?:has\\s+|had\\s+)?(?:${SAY}|says)\\s+(.+)$`, 'i');
const ABOUT = /^(?:about|on|regarding|concerning|of|over)\s+(.+)$/i;

/** Text safe to work with: no invisible characters, straight quotes, single spaces, bounded length. */
export function normaliseQuestion(raw: string): string {
  const text = straightenQuotes(removeInvisible(raw))
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips.
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length === 0) throw new QuestionError('Ask a question, for example: what did Kallas say?');
  if (text.length > MAX_QUESTION_LENGTH) throw new QuestionError(`That question is ${text.length} characters long; keep it under ${MAX_QUESTION_LENGTH}.`);
  return text;
}

function stripEnd(s: string): string {
  return s.replace(/[?.!\s]+$/g, '').trim();
}

/** Splits "… according to LBC" into the rest and the outlet, when the tail names one we know. */
function splitOutlet(text: string, isOutlet: (name: string) => boolean): { rest: string; outlet: string | null } {
  // The leftmost tail may not be the outlet ("on NATO according to LBC"): try each later one too.
  for (let from = 0; from < text.length; ) {
    const m = text.slice(from).match(OUTLET_TAIL);
    if (!m || m.index === undefined) break;
    const at = from + m.index;
    if (m[1] && isOutlet(m[1]) && (at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1] ?? ''))) return { rest: text.slice(0, at).trim(), outlet: m[1].trim() };
    from = at + 1;
  }
  return { rest: text, outlet: null };
}

/** "timeline of Zelenskyy on NATO", "chart for Kallas": the same question; the chart is the front end's business. */
const CHART_OPENING = /^(?:(?:a|the)\s+)?(?:timeline|chart|graph)\s+(?:of|for)\s+/i;

/** `now` is the bot's clock, for relative dates ("this week"). */
export function parseQuestion(raw: string, isOutlet: (name: string) => boolean, now: Date = new Date()): QuestionParts {
  let text = stripEnd(normaliseQuestion(raw));
  let span: DateSpan | null = null;
  try {
    ({ rest: text, span } = takeSpan(text, now));
  } catch (err) {
    if (err instanceof DateError) throw new QuestionError(err.message);
    throw err;
  }
  text = stripEnd(text.replace(CHART_OPENING, ''));
  if (text.length === 0) throw new QuestionError('Ask about someone for those dates, for example: what did Kallas say this week?');
  const parts: QuestionParts = { who: null, topic: null, outlet: null, phrase: null, bare: null, span };

  const who = text.match(WHO_SAID);
  if (who?.[1]) {
    const { rest, outlet } = splitOutlet(stripEnd(who[1]), isOutlet);
    parts.outlet = outlet;
    parts.phrase = rest.replace(/^["']+|["']+$/g, '').trim();
    if (!parts.phrase) throw new QuestionError('Give the words to look for, for example: who said "if Ukraine falls"?');
    return parts;
  }
  const quoted = text.match(/^["'](.{2,200})["']$/);
  if (quoted?.[1]) {
    parts.phrase = quoted[1];
    return parts;
  }

  const split = splitOutlet(text, isOutlet);
  text = split.rest;
  parts.outlet = split.outlet;

  const what = text.match(WHAT_DID);
  if (what?.[1]) {
    parts.who = what[1].trim();
    const tail = what[2] ? stripEnd(what[2]) : '';
    const about = tail.match(ABOUT);
    parts.topic = about?.[1] ? cleanTopic(about[1]) : tail ? cleanTopic(tail) : null;
    return parts;
  }
  const topicOnly = text.match(/^(?:what (?:was|has been|is being) said|who (?:talked|spoke|commented)|quotes?)\s+(?:about|on|regarding)\s+(.+)$/i);
  if (topicOnly?.[1]) {
    parts.topic = cleanTopic(topicOnly[1]);
    return parts;
  }
  const on = text.match(/^(.+?)\s+(?:on|about|regarding)\s+(.+)$/i);
  if (on?.[1] && on[2]) {
    parts.who = on[1].trim();
    parts.topic = cleanTopic(on[2]);
    parts.bare = text;
    return parts;
  }
  parts.bare = text;
  return parts;
}

function cleanTopic(topic: string): string | null {
  const t = topic
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/["']/g, '')
    .trim();
  return t.length ? t : null;
}

/**
 * One question of each form, with dates, in Latin-1 and beyond it ("Wiśniewski"). V8 compiles a
 * regular expression for one-byte and for two-byte strings separately, natively only on its second
 * run, and the date parser's are large: the first question with a letter beyond Latin-1 paid 20 ms
 * on a quiet machine (150 ms on a loaded one) before its answer began.
 */
export const WARM_UP_QUESTIONS = [
  'what did Kallas say about the war since 1 December according to the BBC?',
  'who said "Kallas will" between 1 and 10 December?',
  'Kallas on Ukraine this week',
];

/** Parses the warm-up questions twice in both string forms, so no asker pays for compiling the parser. */
export function warmUpQuestions(now: Date = new Date()): void {
  for (const question of WARM_UP_QUESTIONS) {
    for (const text of [question, question.replace('Kallas', 'Wiśniewski')]) {
      for (let run = 0; run < 2; run++) {
        try {
          parseQuestion(text, (name) => name === 'BBC', now);
        } catch (err) {
          if (!(err instanceof QuestionError)) throw err;
        }
      }
    }
  }
}
