/**
 * Answer-type re-ranking, a post-processing step after retrieval: passages holding the kind of answer the
 * question asks for (a number of the thing counted, an amount, a duration, a time about its subject, an
 * instance of the category) form a third ranked list fused with the retrieval's order, so "how long has the
 * coalition been meeting" favours "since March". The question's related words are computed once.
 */
import type { AnswerType } from '../plan/answerType.js';
import { RRF_K } from '../retrieval/fuse.js';
import type { Hit } from '../retrieval/retrieve.js';
import { isCountry, placesIn } from '../text/places.js';
import { stem, words } from '../text/tokens.js';

// "one" is left out: "one of Britain's strongest allies" is not a count.
const NUMBER_WORDS =
  'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|dozen|dozens|several';
const QUANTITY = new RegExp(`^(?:\\d[\\d,.]*|${NUMBER_WORDS})$`);
const AMOUNT = /[£$€]\s?\d|\b\d[\d,.]*\s?(?:bn|m|k)\b|\b(?:billion|million|trillion|pounds|dollars|euros|cost|costs|price|budget|funding of)\b\s*(?:of\s*)?[£$€\d]/i;
/** Time elapsed up to now ("has been meeting since March"): answers "how long has ...". */
const ELAPSED = /\bsince\s+(?:\w+\s+){0,2}?(?:\d{4}|january|february|march|april|may|june|july|august|september|october|november|december|last|the)\b/i;
/** A stretch of time ("for five years", "until 2030", "a 10-year deployment"): answers "how long will ...". */
const SPAN =
  /\bfor (?:years|decades|months|weeks) to come\b|\bindefinitely\b|\bfor as long as\b|\bas long as it takes\b|\bfor the long haul\b|\bfor\s+(?:\d+|a|an|one|two|three|four|five|several|many|the\s+(?:past|last|next))\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|hours?|decades?)\b|\b\d+[\s-](?:years?|months?|weeks?|days?)\b|\buntil\b/i;
/** A time still to come: answers "when will ...". */
const FUTURE_TIME =
  /\b(?:tomorrow|next\s+(?:week|month|year|spring|summer|autumn|winter)|(?:in|by|from)\s+(?:january|february|march|april|may|june|july|august|september|october|november|december|the\s+(?:spring|summer|autumn|winter))|within\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?))\b/i;
const TIME =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|tonight|tomorrow|yesterday|(?:last|next|this)\s+(?:week|month|year|spring|summer|autumn|winter)|(?:19|20)\d\d)\b/i;

/**
 * A calendar date: a weekday, a day of a month, an ISO date ("on Tuesday", "6 January", "January 6th"), or a day
 * named from the report's own ("signed today", "met yesterday"): a news report's date makes it one.
 */
const DATE =
  /\b(?:today|tonight|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december)|(?:january|february|march|april|june|july|august|september|october|november|december)\s+\d{1,2}(?:st|nd|rd|th)?\b|\d{4}-\d{2}-\d{2})\b/i;
/** A person's age: "the 61-year-old", "aged 61", "at the age of 61". */
const AGE = /\b\d{1,3}[\s-]years?[\s-]old\b|\baged\s+\d{1,3}\b|\bage of \d{1,3}\b/i;
/** A day of the week: "on Tuesday". */
const WEEKDAY = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
/** A year: "in 2014". */
const YEAR = /\b(?:19|20)\d\d\b/;

/** A time of day: "at 3pm", "15:30", "noon". */
const CLOCK = /\b\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}[:.]\d{2}\s?(?:gmt|bst|cet)?\b|\bo['’]clock\b|\b(?:noon|midday|midnight)\b/i;

/** Whether a passage names a person: the speaker directory's look-up, given by the answer step. */
export interface PersonNames {
  namesPerson: (passage: string) => boolean;
}
const NO_PERSONS: PersonNames = { namesPerson: () => false };

/** Whether a passage holds the kind of answer asked for. */
export type TypeMatcher = (passage: string) => boolean;

/** Stems of a passage's words, for focus matching. */
function stems(text: string): string[] {
  return words(text).map(stem);
}

/**
 * A matcher for the kind of answer asked for, built once per question. `related(word)` gives corpus words
 * close to a question word (query expansion), so "how many governments" accepts "35 countries".
 */
export function typeMatcher(type: AnswerType, related: (word: string) => string[], names: PersonNames = NO_PERSONS): TypeMatcher {
  switch (type.kind) {
    case 'open':
      return () => true;
    case 'amount':
      return (passage) => AMOUNT.test(passage);
    case 'clock':
      return (passage) => CLOCK.test(passage);
    case 'duration':
      // "How long will they stay?" is not answered by "has been meeting since March".
      return type.future ? (passage) => SPAN.test(passage) : (passage) => ELAPSED.test(passage) || SPAN.test(passage);
    case 'time': {
      // A subject of one word with the words close to it ("the Paris talks": "the meeting in Paris on Tuesday"); one of
      // several words as written, each narrowing the others ("the ceasefire starting").
      const subject = type.subject.map((w) => new Set([stem(w), ...(type.subject.length === 1 ? related(w).map(stem) : [])]));
      const pattern = type.calendar === 'date' ? DATE : type.calendar === 'weekday' ? WEEKDAY : type.calendar === 'year' ? YEAR : type.future ? FUTURE_TIME : TIME;
      return (passage) => {
        if (!pattern.test(passage)) return false;
        // The time must be about the question's subject: every word of it, or a word close to it.
        const have = new Set(stems(passage));
        return subject.every((forms) => [...forms].some((f) => have.has(f)));
      };
    }
    case 'category': {
      const focus = stem(type.focus);
      const named = (passage: string) => new Set(stems(passage)).has(focus);
      switch (type.entity) {
        // "which country hosted the talks": a country the passage names answers it, whatever the word.
        // A country the question names itself does not answer it: "which countries besides the UK and France".
        case 'country': {
          const asked = new Set(type.named ?? []);
          return (passage) => (named(passage) && asked.size === 0) || placesIn(passage).some((p) => isCountry(p) && !asked.has(p.key));
        }
        // "which city": the word, or a capital. A city's name alone is no evidence: a passage about the hubs names
        // Paris as the place of the press conference, not where the hubs will be.
        case 'city':
          return (passage) => named(passage) || /\bcapitals?\b/i.test(passage);
        // "which officials attended": a person the passage names.
        case 'person':
          return (passage) => named(passage) || names.namesPerson(passage);
        // "what's the death toll": a number.
        case 'quantity':
          return (passage) => words(passage).some((t) => QUANTITY.test(t));
        case 'percent':
          return (passage) => /\d\s?(?:%|per\s?cent\b)/i.test(passage) || /\b(?:half|a third|a quarter|two thirds|majority|minority)\b/i.test(passage);
        // A year answers it too: "the 2014 and 2015 Minsk agreements", "born in 1962".
        case 'age':
          return (passage) => AGE.test(passage) || YEAR.test(passage);
        case 'word':
          return named;
      }
      break;
    }
    case 'count': {
      const wanted = new Set(type.focus.flatMap((f) => [stem(f), ...related(f).map(stem)]));
      return (passage) => {
        const tokens = words(passage);
        return tokens.some((t, i) => {
          if (!QUANTITY.test(t)) return false;
          // The counted noun follows the number: "some 35 countries", "30 allies of Ukraine".
          for (let j = i + 1; j <= Math.min(i + 2, tokens.length - 1); j++) if (wanted.has(stem(tokens[j]!))) return true;
          // Or the whole comes first, what it is made of after: "the coalition of some 35 countries", "a force of 10,000".
          for (let j = i - 1; j >= Math.max(1, i - 3); j--) if (tokens[j] === 'of' && wanted.has(stem(tokens[j - 1]!))) return true;
          return false;
        });
      };
    }
  }
}

/**
 * Re-ranks retrieved hits: those whose passage holds the kind of answer asked for form a third list, fused
 * by reciprocal rank with the retrieval's order (which already stands for the lexical and dense lists).
 */
export function rerankByAnswerType(hits: readonly Hit[], matches: TypeMatcher, rrfK = RRF_K): Hit[] {
  let typedRank = 0;
  const scored = hits.map((hit, i) => {
    const bonus = matches(hit.passage.text) ? 1 / (rrfK + ++typedRank) : 0;
    return { hit: { ...hit, score: hit.score + bonus }, i };
  });
  return scored.sort((a, b) => b.hit.score - a.hit.score || a.i - b.i).map((s) => s.hit);
}
