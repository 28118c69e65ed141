/**
 * Quote attribution: every statement in the coverage and who made it.
 *
 * Each article's passages are read in order, one sentence at a time, with the quotations masked
 * (src/text/sentences.ts). A statement is attributed by one of these patterns, recorded in `pattern`:
 *   X said: "…"            a lead-in before the quote ("Sir Keir continued:", "He added:")
 *   "…," X said            the attribution after the quote (", the PM said", ", Kushner added")
 *   "…," said X            the same, inverted
 *   X said …               reported speech, with or without quoted words ("Sir Keir said the UK would ...")
 *   …, X said              reported speech attributed after the clause ("..., Number 10 has said")
 *   according to X         either side of the clause ("According to the Prime Minister, ...")
 *   X said, adding …       a second statement in the same sentence (", adding that ...")
 *   quote continues        a quote that goes on after the speaker's last one: reopened
 *                          multi-paragraph quotes, or a second quoted sentence
 *   quote opens paragraph  a paragraph that opens with a quote, after one that ends with a statement
 *   continues (also)       quoted words right after a statement, in a sentence opening "It would also ...",
 *                          "There are also ...": more of what the same source said
 * A pronoun subject ("He added:", "According to him") is carried over from the last person who was
 * the subject of a sentence in the article; "It" only from an institution's statement in the sentence before.
 *
 * A statement is `direct` when it carries quoted words, `reported` when it has none.
 * Institutions (Downing Street, the Elysee) are speakers of their own; see directory.ts.
 */
import type { ArticleMeta, Passage } from '../types.js';
import { buildDirectory, type SpeakerDirectory, type SpeakerEntry } from './directory.js';
import { findMentions } from './mentions.js';
import type { QuoteKind } from '../text/quotes.js';
import { PH_OPEN, PLACEHOLDER, splitSentences, unmask, type Sentence } from '../text/sentences.js';
import { contentTermSet } from '../text/tokens.js';
import { PARTICIPLE, SPEECH_VERB, AUDIENCE, takesComplement } from './speechVerbs.js';
import { findSubject, resolvePhrase } from './subject.js';

export interface Statement {
  /** `${passageId}/${n}` */
  id: string;
  speakerId: string;
  /** What was said: the quoted words, or the reported clause (quoted fragments keep their marks). */
  text: string;
  kind: 'direct' | 'reported';
  passageId: string;
  articleId: string;
  /** Which attribution pattern matched (see the list above). */
  pattern: string;
  /** The speaker came from an earlier sentence or paragraph: a pronoun, or a quote that continues. */
  carriedOver: boolean;
  /** How the speaker is named where the statement is attributed: "Mr Kushner", "He", "the PM". */
  subject: string;
  /** The sentence the statement is in, as written. */
  sentence: string;
}

interface Draft {
  entry: SpeakerEntry;
  pattern: string;
  carriedOver: boolean;
  subject: string;
  /** Span of the masked sentence holding the statement. */
  from: number;
  to: number;
  /** Keep the whole span as written (clause verbs) rather than tidying it as a complement. */
  clause: boolean;
  /** Where the verb's object starts (clause verbs), to tell "echoed these points" from a real statement. */
  objectFrom?: number;
  /** Where participles adding a second statement may appear, and up to where they run. */
  tail?: { from: number; to: number };
}

interface ArticleState {
  /** The person most recently the subject of a sentence: what "he" refers to. */
  subject: SpeakerEntry | null;
  /** The speaker of the last quote, for quotes that continue. */
  quoteSpeaker: SpeakerEntry | null;
  /** An institution made a statement in the sentence just read: what "it" refers to. */
  institution: SpeakerEntry | null;
  /** The last sentence read ended with a statement (or a lead-in "X said:" still waiting for its quote). */
  lastStatementSpeaker: SpeakerEntry | null;
  pendingLeadIn: SpeakerEntry | null;
  openQuote: QuoteKind | null;
}

/** Introductory phrases before a subject that are not what was said: "Speaking at ...,", "Meanwhile,". */
const ADVERBIAL_INTRO =
  /^(?:(?:speaking|following|addressing|asked|writing|responding|meanwhile|however|earlier|later|separately|yesterday|today|tonight|then|at|in|on|during|after|before|amid|under|beyond|alongside|with|as)\b[^]*,|)\s*$/i;

const MIN_CONTENT_WORDS = 2;

function isBareQuote(masked: string): boolean {
  return masked.replace(PLACEHOLDER, '').replace(/[\s.,;:!?…–—-]+/g, '') === '' && masked.includes(PH_OPEN);
}

function newState(): ArticleState {
  return { subject: null, quoteSpeaker: null, institution: null, lastStatementSpeaker: null, pendingLeadIn: null, openQuote: null };
}

/** The statement's words from a masked span: the quote texts for pure quotes, else the clause as written. */
function statementText(span: string, sentence: Sentence, clause: boolean): { text: string; kind: 'direct' | 'reported' } {
  let body = span.trim();
  if (!clause) {
    body = body
      .replace(/^[\s:,–—-]+/, '')
      .replace(/^that\b[\s,]*/i, '')
      .trim();
  }
  body = body.replace(/(?:[\s,;:–—-]|\s(?:while|but|and|as|whereas))+$/, '');
  const hasQuote = body.includes(PH_OPEN);
  if (hasQuote && isBareQuote(body)) {
    const parts = [...body.matchAll(PLACEHOLDER)].map((m) => sentence.quotes[Number(m[1])]?.text ?? '');
    return { text: parts.join(' ').replace(/[\s,;:–—-]+$/, ''), kind: 'direct' };
  }
  const original = unmask(body, sentence.quotes).replace(/[\s,;:–—-]+$/, '');
  return { text: original, kind: hasQuote ? 'direct' : 'reported' };
}

/** A list after a colon ("agreed: – To participate ...; – Ongoing efforts ...") as its items. */
function listItems(text: string): string[] | null {
  const m = /:\s*[–—•-]\s+/.exec(text);
  if (!m) return null;
  return text
    .slice(m.index + m[0].length)
    .split(/;?\s+[–—•]\s+/)
    .map((item) => item.replace(/[;.\s]+$/, '').trim())
    .filter((item) => item.length > 0);
}

function resolvePronoun(kind: 'person' | 'institution', state: ArticleState): SpeakerEntry | null {
  return kind === 'person' ? state.subject : state.institution;
}

/** The subject written after the verb: `"…," said Mr Kushner.` */
function invertedSubject(masked: string, verbStart: number, verbEnd: number, directory: SpeakerDirectory): SpeakerEntry | null {
  if (!/(?:\uE001|,)\s*$/.test(masked.slice(0, verbStart))) return null;
  const np = /^\s+([^,.;:!?]+)[,.;:!?]?\s*$/.exec(masked.slice(verbEnd));
  return np?.[1] ? resolvePhrase(np[1], directory) : null;
}

/** Attributions made by speech verbs and participles in one masked sentence. */
function verbAttributions(sentence: Sentence, directory: SpeakerDirectory, state: ArticleState): Draft[] {
  const masked = sentence.masked;
  const drafts: Draft[] = [];
  let claimed = 0;
  const verbs = [...masked.matchAll(SPEECH_VERB)].map((m) => ({ start: m.index, end: m.index + m[0].length, verb: m[1] ?? '' }));
  const subjects = verbs.map((v) => findSubject(masked, v.start, directory));
  verbs.forEach((v, i) => {
    const subject = subjects[i];
    if (subject === undefined || v.start < claimed) return;
    if (subject.kind === 'coordinate' || subject.kind === 'none') {
      const inverted = invertedSubject(masked, v.start, v.end, directory);
      const content = masked.slice(claimed, v.start).replace(/[\s,]+$/, '');
      if (inverted && content.trim() !== '') {
        drafts.push({ entry: inverted, pattern: '"…," said X', carriedOver: false, subject: masked.slice(v.end).trim(), from: claimed, to: claimed + content.length, clause: false });
        claimed = masked.length;
      }
      return;
    }
    const entry = subject.kind === 'entity' ? subject.entry : resolvePronoun(subject.pronoun, state);
    if (entry === null) return;
    const carriedOver = subject.kind === 'pronoun';
    // This statement runs to the next verb with a subject of its own, or to the sentence end.
    const nextOwn = subjects.findIndex((s, k) => k > i && (s.kind === 'entity' || s.kind === 'pronoun'));
    const limit = nextOwn >= 0 ? (subjects[nextOwn]?.start ?? masked.length) : masked.length;
    const before = masked.slice(claimed, subject.start);
    let after = masked.slice(v.end, limit);
    if (/^told$/i.test(v.verb)) after = after.replace(AUDIENCE, '');
    const leadIn = /^\s*(?::|that\b|\uE000)/.test(after);
    const content = before.replace(/[\s,]+$/, '');
    if (content.trim() !== '' && !ADVERBIAL_INTRO.test(before) && !leadIn) {
      drafts.push({
        entry,
        pattern: isBareQuote(content) ? `"…," X ${v.verb}` : `…, X ${v.verb}`,
        carriedOver,
        subject: subject.text,
        from: claimed,
        to: claimed + content.length,
        clause: false,
        tail: { from: v.end, to: limit },
      });
      claimed = limit;
      return;
    }
    const clause = !takesComplement(v.verb);
    const from = clause ? subject.start : limit - after.length;
    const pure = isBareQuote(masked.slice(from, limit).replace(/^\s*:/, ''));
    drafts.push({
      entry,
      pattern: pure ? `X ${v.verb}: "…"` : `X ${v.verb} …`,
      carriedOver,
      subject: subject.text,
      from,
      to: limit,
      clause,
      objectFrom: v.end,
      tail: { from, to: limit },
    });
    claimed = limit;
  });
  return drafts.flatMap((d) => withParticiples(masked, d));
}

/** Participles that keep to the same thought ("dismissed claims ..., calling them distractions"). */
const SAME_THOUGHT = /^(?:describing|calling|accusing|dismissing)$/;

/**
 * ", adding that ...", ", while reiterating his previous comments that ...": a second statement by
 * the same speaker. Splits the draft's content there (or, for an attribution after the clause,
 * adds the participle's statement after it).
 */
function withParticiples(masked: string, d: Draft): Draft[] {
  if (!d.tail) return [d];
  const out: Draft[] = [];
  let head: Draft = d;
  for (const m of masked.slice(d.tail.from, d.tail.to).matchAll(PARTICIPLE)) {
    const at = d.tail.from + m.index;
    const participle = m[1] ?? '';
    if (!/,\s*$/.test(masked.slice(0, at)) || SAME_THOUGHT.test(participle)) continue;
    const rest = masked.slice(at + m[0].length, d.tail.to);
    const that = /^(?:\s+\S+){0,5}?\s+that\b/.exec(rest);
    const from = at + m[0].length + (that ? that[0].length : 0);
    if (head.to > at) head = { ...head, to: at };
    const thin = head.clause && head.objectFrom !== undefined && contentTermSet(masked.slice(head.objectFrom, head.to)).size < 3;
    if (!thin) out.push(head);
    head = { ...d, pattern: `X said, ${participle} …`, from, to: d.tail.to, clause: false, tail: undefined };
  }
  out.push(head);
  return out;
}

/** "According to X, …" and "…, according to X". */
function accordingTo(sentence: Sentence, directory: SpeakerDirectory, state: ArticleState): Draft | null {
  const masked = sentence.masked;
  const lead = /^(?:[\p{L}]+,\s+)?[Aa]ccording to\s+([^,\uE000]+),\s*/u.exec(masked);
  const tail = /,\s*according to\s+([^,\uE000]+?)\s*[.!?]?$/u.exec(masked);
  const m = lead ?? tail;
  if (!m?.[1]) return null;
  const phrase = m[1].trim();
  let entry = resolvePhrase(phrase, directory);
  let carriedOver = false;
  if (entry === null && /^(?:him|her)$/i.test(phrase)) {
    entry = state.subject;
    carriedOver = true;
  }
  if (entry === null) return null;
  const [from, to] = lead ? [m[0].length, masked.length] : [0, m.index];
  return { entry, pattern: 'according to X', carriedOver, subject: phrase, from, to, clause: false };
}

/** The person a sentence is about, when it opens with them (after an introductory phrase): "Sir Keir signed ...". */
function openingSubject(sentence: Sentence, directory: SpeakerDirectory): SpeakerEntry | null {
  const masked = sentence.masked;
  const intro = /^(?:[^,]*,\s+)?/.exec(masked)?.[0] ?? '';
  const candidates = [0, ADVERBIAL_INTRO.test(intro) ? intro.length : -1].filter((n) => n >= 0);
  const mentions = findMentions(masked, directory);
  for (const at of candidates) {
    const m = mentions.find((x) => x.start === at || (x.start <= at + 4 && /^(?:the\s+)?$/i.test(masked.slice(at, x.start))));
    if (m && !m.possessive && m.entry.kind === 'person') return m.entry;
  }
  return null;
}

/** Reads one article's passages in order and returns its statements. */
function articleStatements(article: ArticleMeta, passages: Passage[], directory: SpeakerDirectory, substantive: (text: string) => boolean): Statement[] {
  const state = newState();
  const out: Statement[] = [];
  for (const passage of passages) {
    const { sentences, openAtEnd } = splitSentences(passage.text, state.openQuote);
    let n = 0;
    sentences.forEach((sentence, index) => {
      const drafts = sentenceDrafts(sentence, index, directory, state);
      const made: SpeakerEntry[] = [];
      for (const d of drafts) {
        const pieces = piecesOf(d, sentence);
        for (const piece of pieces) {
          if (!substantive(piece.text)) continue;
          out.push({
            id: `${passage.id}/${n++}`,
            speakerId: d.entry.id,
            text: piece.text,
            kind: piece.kind,
            passageId: passage.id,
            articleId: article.id,
            pattern: d.pattern,
            carriedOver: d.carriedOver,
            subject: d.subject,
            sentence: sentence.text,
          });
          made.push(d.entry);
        }
      }
      updateState(state, sentence, drafts, made, directory);
    });
    state.openQuote = openAtEnd;
  }
  return out;
}

/** Whether a statement's text has content words enough to stand as one; each distinct text counted once (copies share theirs). */
function substantiveText(): (text: string) => boolean {
  const counted = new Map<string, boolean>();
  return (text) => {
    let enough = counted.get(text);
    if (enough === undefined) counted.set(text, (enough = contentTermSet(text).size >= MIN_CONTENT_WORDS));
    return enough;
  };
}

function piecesOf(d: Draft, sentence: Sentence): { text: string; kind: 'direct' | 'reported' }[] {
  const whole = statementText(sentence.masked.slice(d.from, d.to), sentence, d.clause);
  const items = listItems(whole.text);
  if (items === null) return [whole];
  return items.map((text) => ({ text, kind: /["“”‘’]/.test(text) ? ('direct' as const) : ('reported' as const) }));
}

function sentenceDrafts(sentence: Sentence, index: number, directory: SpeakerDirectory, state: ArticleState): Draft[] {
  const masked = sentence.masked;
  if (isBareQuote(masked)) {
    const whole = { from: 0, to: masked.length, clause: false, subject: '' };
    if (sentence.continuesQuote && state.quoteSpeaker) {
      return [{ ...whole, entry: state.quoteSpeaker, pattern: 'quote continues', carriedOver: true }];
    }
    if (state.pendingLeadIn) return [{ ...whole, entry: state.pendingLeadIn, pattern: 'X said: "…"', carriedOver: true }];
    if (index > 0 && state.lastStatementSpeaker && state.quoteSpeaker === state.lastStatementSpeaker) {
      return [{ ...whole, entry: state.lastStatementSpeaker, pattern: 'quote continues', carriedOver: true }];
    }
    const long = sentence.quotes.map((q) => q.text).join(' ').split(/\s+/).length >= 5;
    if (index === 0 && long && state.lastStatementSpeaker) {
      return [{ ...whole, entry: state.lastStatementSpeaker, pattern: 'quote opens paragraph', carriedOver: true }];
    }
    return [];
  }
  const byVerb = verbAttributions(sentence, directory, state);
  if (byVerb.length > 0) return byVerb;
  const according = accordingTo(sentence, directory, state);
  if (according) return [according];
  if (state.lastStatementSpeaker && sentence.quotes.length > 0 && ALSO_CONTINUES.test(masked)) {
    return [{ entry: state.lastStatementSpeaker, pattern: 'continues (also)', carriedOver: true, subject: '', from: 0, to: masked.length, clause: true }];
  }
  return [];
}

/** "It would also include ...", "There are also ...": a sentence that adds to what was just reported. */
const ALSO_CONTINUES = /^(?:It|There|They)\s+(?:(?:would|will|is|are|was|were|has|have|had|could|may)\s+)?also\b/;

function updateState(state: ArticleState, sentence: Sentence, drafts: Draft[], made: SpeakerEntry[], directory: SpeakerDirectory): void {
  const last = drafts[drafts.length - 1];
  state.pendingLeadIn = null;
  if (last && made.length === 0 && /:\s*$/.test(sentence.masked)) state.pendingLeadIn = last.entry; // "He added:" then the quote
  if (made.length > 0 && last) {
    const speaker = last.entry;
    state.lastStatementSpeaker = speaker;
    if (speaker.kind === 'person') state.subject = speaker;
    state.institution = speaker.kind === 'institution' ? speaker : null;
    if (sentence.quotes.length > 0) state.quoteSpeaker = speaker;
    return;
  }
  state.institution = null;
  if (!state.pendingLeadIn) state.lastStatementSpeaker = null;
  const opening = openingSubject(sentence, directory);
  if (opening) state.subject = opening;
  if (sentence.quotes.length > 0) state.quoteSpeaker = null;
}

/**
 * Every statement in the coverage with its speaker. Passages are read per article in paragraph
 * order; `directory` defaults to the one built from the same passages, so speaker ids match it.
 */
export function extractStatements(
  articles: ArticleMeta[],
  passages: Passage[],
  directory: SpeakerDirectory = buildDirectory(articles, passages),
  /** Articles' statements known already (from a build with the same directory and the same article), taken as they are. */
  known: ReadonlyMap<string, readonly Statement[]> = new Map(),
): Statement[] {
  // Each article's passages in one pass over them (a filter per article was articles x passages: 21 million at 20,000).
  const byArticle = new Map<string, Passage[]>();
  for (const p of passages) {
    const list = byArticle.get(p.articleId);
    if (list) list.push(p);
    else byArticle.set(p.articleId, [p]);
  }
  const substantive = substantiveText();
  const out: Statement[] = [];
  for (const article of articles) {
    const given = known.get(article.id);
    if (given !== undefined) {
      for (const s of given) out.push(s);
      continue;
    }
    const own = (byArticle.get(article.id) ?? []).sort((a, b) => a.paragraph - b.paragraph);
    for (const s of articleStatements(article, own, directory, substantive)) out.push(s);
  }
  return out;
}
