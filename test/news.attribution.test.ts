/**
 * Quote attribution on the real corpus: each attribution pattern pinned on a sentence from the
 * coverage, pronoun carry-over across paragraphs, and recall / misattribution against a hand-made
 * list of every statement a careful reader would attribute.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/loadCorpus.js';
import { extractStatements, type Statement } from '../src/news/attribution.js';
import { buildDirectory } from '../src/news/directory.js';
import { scanQuotes } from '../src/text/quotes.js';
import { buildPassages } from '../src/passages/buildPassages.js';
import type { Article, Passage } from '../src/types.js';

let articles: Article[];
let passages: Passage[];
let statements: Statement[];

beforeAll(async () => {
  ({ articles } = await loadCorpus(path.resolve(import.meta.dirname, '..', 'corpus')));
  passages = articles.flatMap((a) => buildPassages(a));
  statements = extractStatements(articles, passages);
});

const norm = (s: string): string =>
  s
    .replace(/[‘’']/g, "'")
    .replace(/[“”"]/g, '"')
    .replace(/\s+/g, ' ')
    .toLowerCase();

function articleId(prefix: string): string {
  const a = articles.find((x) => x.id.includes(prefix));
  if (!a) throw new Error(`no article ${prefix}`);
  return a.id;
}

/** The statements of one article whose text contains the snippet. */
function find(article: string, snippet: string): Statement[] {
  const id = articleId(article);
  return statements.filter((s) => s.articleId === id && norm(s.text).includes(norm(snippet)));
}

/**
 * One passage per paragraph of the article as scraped, from the paragraph starting with `from`:
 * pins behaviour at paragraph boundaries whatever the passage packer does.
 */
function paragraphPassages(article: string, from: string, count: number): { article: Article; passages: Passage[] } {
  const a = articles.find((x) => x.id.includes(article)) as Article;
  const paragraphs = a.body.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const start = paragraphs.findIndex((l) => l.startsWith(from));
  expect(start, from).toBeGreaterThanOrEqual(0);
  const own = paragraphs.slice(start, start + count).map((text, paragraph) => ({ id: `${a.id}#${paragraph}`, articleId: a.id, paragraph, text }));
  return { article: a, passages: own };
}

function only(article: string, snippet: string): Statement {
  const found = find(article, snippet);
  expect(found, `${article}: ${snippet}`).toHaveLength(1);
  return found[0] as Statement;
}

describe('quote marks', () => {
  it('reads the Daily Mail’s single curly quotes, with ’ also the apostrophe and a nested quote inside', () => {
    const text = passages.find((p) => p.text.includes('‘Alongside our plans for a coordination cell'))?.text ?? '';
    const { segments } = scanQuotes(text);
    expect(segments.map((s) => s.text.slice(0, 30))).toEqual(['In today’s discussions we have', 'Alongside our plans for a coor']);
    expect(segments[1]?.text).toContain('establish ‘military hubs’ across Ukraine');
    expect(segments[0]?.close).toBeNull(); // reopened by the next paragraph's mark
  });

  it('splits LBC’s flattened multi-paragraph quote at each reopening mark', () => {
    const text = passages.find((p) => p.text.startsWith('Sir Keir said: "It\'s important'))?.text ?? '';
    const { segments, openAtEnd } = scanQuotes(text);
    expect(segments.map((s) => s.text.split(' ').slice(0, 3).join(' '))).toEqual(["It's important we're", 'And we are', 'But of course,']);
    expect(segments.slice(1).every((s) => s.continues)).toBe(true);
    expect(openAtEnd).toBe('double');
  });
});

describe('attribution patterns, each on a sentence of the corpus', () => {
  it('X said: "…" — a lead-in before the quote', () => {
    const s = only('lbc', 'We can only get to a peace deal');
    expect(s).toMatchObject({ speakerId: 'keir-starmer', kind: 'direct', pattern: 'X said: "…"', subject: 'Sir Keir' });
  });

  it('X added: "…"', () => {
    const s = only('independent', 'This is a really important building block');
    expect(s).toMatchObject({ speakerId: 'jared-kushner', pattern: 'X added: "…"', subject: 'Mr Kushner', carriedOver: false });
  });

  it('"…," X said — the attribution after the quote, naming the speaker by title', () => {
    const s = only('daily-mail', 'Over the last few weeks');
    expect(s).toMatchObject({ speakerId: 'keir-starmer', kind: 'direct', pattern: '"…," X said', subject: 'the PM' });
    expect(s.text).not.toMatch(/the PM said/);
  });

  it('"…," said X — inverted (the corpus has none; a Daily Mail sentence inverted)', () => {
    const article = articles.find((a) => a.id.includes('daily-mail')) as Article;
    const text =
      '‘Over the last few weeks, we’ve seen the opposite – further horrific strikes on Ukraine,’ said the Prime Minister.';
    const own = extractStatements([article], [{ id: 'x#0', articleId: article.id, paragraph: 0, text }], buildDirectory(articles, passages));
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ speakerId: 'keir-starmer', pattern: '"…," said X', kind: 'direct' });
  });

  it('…, X said — reported speech attributed after the clause, to an institution', () => {
    const s = only('independent', 'British armed forces will be deployed on the ground');
    expect(s).toMatchObject({ speakerId: 'downing-street', kind: 'reported', pattern: '…, X said', subject: 'Number 10' });
  });

  it('"Starmer’s office" is Downing Street, not Starmer', () => {
    expect(only('a-news', 'British armed forces will be deployed')).toMatchObject({ speakerId: 'downing-street' });
    expect(only('a-news', 'The signing of the declaration paves the way')).toMatchObject({ speakerId: 'downing-street', subject: 'which' });
  });

  it('according to X — a person, a summary released by an institution, and "him"', () => {
    expect(only('tdpel', 'recent weeks have seen intensified Russian strikes')).toMatchObject({
      speakerId: 'keir-starmer',
      pattern: 'according to X',
      kind: 'reported',
      subject: 'the Prime Minister',
    });
    expect(only('independent', 'the Americans are set to lead')).toMatchObject({ speakerId: 'elysee', pattern: 'according to X' });
    expect(only('tdpel', 'the US is pushing for de-escalation')).toMatchObject({ speakerId: 'jared-kushner', carriedOver: true });
  });

  it('reported speech without quotation marks, marked as such', () => {
    expect(only('daily-mail', 'the UK would participate in any US-led verification')).toMatchObject({
      speakerId: 'keir-starmer',
      kind: 'reported',
      pattern: 'X said …',
    });
    expect(only('tdpel', 'many of the outstanding concerns were resolved')).toMatchObject({ speakerId: 'jared-kushner', kind: 'reported' });
    expect(only('tdpel', 'accused Russian President Vladimir Putin')).toMatchObject({
      speakerId: 'keir-starmer',
      kind: 'reported',
      subject: 'He',
      carriedOver: true,
    });
  });

  it('partial quotes inside reported speech are direct, and keep their marks', () => {
    const s = only('daily-mail', 'Ukraine and its allies were');
    expect(s).toMatchObject({ speakerId: 'keir-starmer', kind: 'direct', subject: 'the PM' });
    expect(s.text).toContain('‘closer’ to peace ‘than ever’');
    expect(s.text).toContain('warned ‘the hardest yards are still ahead’');
  });

  it('X said, adding that … — two statements from one sentence', () => {
    const first = only('independent', 'Peace can only be reached if');
    const second = only('independent', 'the Russian president was not currently');
    expect([first.speakerId, second.speakerId]).toEqual(['keir-starmer', 'keir-starmer']);
    expect(second.pattern).toBe('X said, adding …');
    expect(first.text).not.toContain('adding');
  });

  it('quote opening a paragraph after one naming the speaker', () => {
    const { article, passages: own } = paragraphPassages('daily-mail', 'Sir Keir described the Paris agreement', 4);
    const found = extractStatements([article], own, buildDirectory(articles, passages));
    expect(found.map((s) => [s.passageId.split('#')[1], s.speakerId, s.pattern, s.text.slice(0, 20)])).toEqual([
      ['0', 'keir-starmer', 'X described …', 'Sir Keir described t'],
      ['1', 'keir-starmer', '"…," X added', 'This is a vital part'],
      ['2', 'keir-starmer', 'quote opens paragraph', 'It paves the way for'],
      ['3', 'keir-starmer', 'quote continues', 'We discussed these i'],
    ]);
    // Without the paragraph naming him, "he added" has no one to refer to, and nothing is attributed.
    const orphan = paragraphPassages('daily-mail', '‘This is a vital part of our commitment', 3);
    expect(extractStatements([orphan.article], orphan.passages, buildDirectory(articles, passages))).toEqual([]);
    // And in the packed passages of the pipeline.
    expect(only('daily-mail', 'It paves the way for the legal framework under which British')).toMatchObject({ speakerId: 'keir-starmer' });
  });

  it('a multi-paragraph quote goes on with the same speaker', () => {
    expect(only('daily-mail', 'We discussed these issues in detail today')).toMatchObject({ speakerId: 'keir-starmer', pattern: 'quote continues' });
    expect(only('lbc', 'And we are closer to that goal than ever')).toMatchObject({ speakerId: 'keir-starmer', pattern: 'quote continues' });
    expect(only('daily-mail', 'Alongside our plans for a coordination cell')).toMatchObject({ speakerId: 'downing-street', pattern: 'quote continues' });
  });

  it('two speakers in one sentence: "told ... while US envoy Jared Kushner described it as ..."', () => {
    expect(only('lbc', 'huge step forward')).toMatchObject({ speakerId: 'volodymyr-zelensky', subject: 'The Ukrainian President' });
    expect(only('lbc', 'very, very big milestone')).toMatchObject({ speakerId: 'jared-kushner' });
    expect(only('lbc', 'huge step forward').text).not.toContain('milestone');
  });
});

describe('pronoun carry-over across paragraphs', () => {
  it('"He added:" in the paragraph after Witkoff is named (after Trump is) is Witkoff’s; the next speaker is Kushner', () => {
    for (const outlet of ['independent', 'a-news']) {
      const id = articleId(outlet);
      const sequence = [
        'strongly stands behind',
        'Those security protocols are meant to',
        'They are as strong as anyone has ever seen',
        'a deal where both sides look to de-escalate',
        'You create a robust deterrence',
        'This is a really important building block',
      ].map((snippet) => only(outlet, snippet));
      expect(sequence.map((s) => s.speakerId)).toEqual([
        'steve-witkoff',
        'steve-witkoff',
        'steve-witkoff',
        'jared-kushner',
        'jared-kushner',
        'jared-kushner',
      ]);
      expect(sequence[1]).toMatchObject({ subject: 'He', carriedOver: true, pattern: 'X added: "…"' });
      expect(sequence[4]).toMatchObject({ subject: 'He', carriedOver: true });
      expect(statements.filter((s) => s.articleId === id && s.speakerId === 'donald-trump')).toEqual([]);
    }
  });

  it('carries "He added:" and "He said:" over paragraph boundaries, each paragraph its own passage', () => {
    const { article, passages: own } = paragraphPassages('a-news', 'US President Donald Trump', 5);
    const found = extractStatements([article], own, buildDirectory(articles, passages));
    expect(found.map((s) => [s.passageId.split('#')[1], s.speakerId, s.pattern])).toEqual([
      ['0', 'steve-witkoff', '…, X told'],
      ['1', 'steve-witkoff', 'X added: "…"'],
      ['2', 'steve-witkoff', 'quote continues'],
      ['3', 'jared-kushner', 'X said …'],
      ['4', 'jared-kushner', 'X said: "…"'],
    ]);
  });

  it('"It also noted" follows the Downing Street statement, not a person', () => {
    expect(only('tdpel', 'detailed discussions were held')).toMatchObject({ speakerId: 'downing-street', subject: 'It' });
  });
});

/**
 * Every statement a careful reader attributes in the corpus: [article, speaker, a snippet of it].
 * Left out: sentences the copy states as fact ("Under the agreement, the UK and France would ...",
 * "the UK has pledged ..."), scare quotes ("dubbed the ‘Paris Declaration’"), "it was revealed".
 */
const GOLD: [string, string, string][] = [
  ['daily-mail', 'keir-starmer', 'Ukraine and its allies were'],
  ['daily-mail', 'keir-starmer', 'not showing that he’s ready for peace'],
  ['daily-mail', 'keir-starmer', 'Over the last few weeks'],
  ['daily-mail', 'keir-starmer', 'He’s tried to distract'],
  ['daily-mail', 'keir-starmer', 'We will keep the pressure up'],
  ['daily-mail', 'keir-starmer', 'declaration of intent on the deployment'],
  ['daily-mail', 'keir-starmer', 'This is a vital part of our commitment'],
  ['daily-mail', 'keir-starmer', 'It paves the way for the legal framework under which'],
  ['daily-mail', 'keir-starmer', 'We discussed these issues'],
  ['daily-mail', 'keir-starmer', 'the UK would participate'],
  ['daily-mail', 'emmanuel-macron', 'strong security guarantees'],
  ['daily-mail', 'jared-kushner', 'extensive conversation'],
  ['daily-mail', 'jared-kushner', 'they really resolved most'],
  ['daily-mail', 'jared-kushner', 'very, very big milestone'],
  ['daily-mail', 'jared-kushner', 'This does not mean that we will make peace'],
  ['daily-mail', 'jared-kushner', 'If Ukraine is going to make a final deal'],
  ['daily-mail', 'downing-street', 'The signing of the declaration'],
  ['daily-mail', 'downing-street', 'In today’s discussions'],
  ['daily-mail', 'downing-street', 'Alongside our plans'],
  ['independent', 'downing-street', 'British armed forces will be deployed'],
  ['independent', 'keir-starmer', 'will be set up across Ukraine'],
  ['independent', 'downing-street', 'The signing of the declaration'],
  ['independent', 'downing-street', 'In today’s discussions'],
  ['independent', 'downing-street', 'Alongside our plans'],
  ['independent', 'keir-starmer', 'Peace can only be reached'],
  ['independent', 'keir-starmer', 'the Russian president was not currently'],
  ['independent', 'keir-starmer', 'We will keep the pressure up'],
  ['independent', 'elysee', 'the Americans are set to lead'],
  ['independent', 'emmanuel-macron', 'dubbed the agreement'],
  ['independent', 'steve-witkoff', 'strongly stands behind'],
  ['independent', 'steve-witkoff', 'Those security protocols'],
  ['independent', 'steve-witkoff', 'They are as strong as anyone'],
  ['independent', 'jared-kushner', 'both sides look to de-escalate'],
  ['independent', 'jared-kushner', 'You create a robust deterrence'],
  ['independent', 'jared-kushner', 'really important building block'],
  ['independent', 'elysee', 'To participate in a US-led'],
  ['independent', 'elysee', 'Ongoing efforts to arm'],
  ['independent', 'elysee', 'The pledge of French and British boots'],
  ['independent', 'elysee', 'Binding commitments'],
  ['independent', 'elysee', 'defence ties with Kyiv'],
  ['lbc', 'keir-starmer', 'The UK and France will establish military hubs'],
  ['lbc', 'emmanuel-macron', 'dubbed the agreement'],
  ['lbc', 'volodymyr-zelensky', 'huge step forward'],
  ['lbc', 'jared-kushner', 'very, very big milestone'],
  ['lbc', 'keir-starmer', 'the declaration signed today paves the way'],
  ['lbc', 'elysee', 'proposed US-led ceasefire monitoring'],
  ['lbc', 'elysee', 'multinational force for Ukraine'],
  ['lbc', 'elysee', 'binding commitments to support Ukraine'],
  ['lbc', 'keir-starmer', 'very constructive" meeting'],
  ['lbc', 'keir-starmer', 'It\'s important we\'re starting the year'],
  ['lbc', 'keir-starmer', 'And we are closer to that goal'],
  ['lbc', 'keir-starmer', 'But of course, the hardest yards'],
  ['lbc', 'keir-starmer', 'So, we\'re here today'],
  ['lbc', 'keir-starmer', 'The purpose of the coalition'],
  ['lbc', 'keir-starmer', 'further measures on oil'],
  ['lbc', 'keir-starmer', 'We can only get to a peace deal'],
  ['lbc', 'keir-starmer', 'we have to be frank'],
  ['lbc', 'keir-starmer', 'Over the last few weeks'],
  ['lbc', 'keir-starmer', 'He\'s tried to distract'],
  ['lbc', 'keir-starmer', 'We will keep the pressure up'],
  ['lbc', 'keir-starmer', 'The US remains one of Britain\'s strongest allies'],
  ['lbc', 'keir-starmer', 'he stands with Denmark'],
  ['lbc', 'keir-starmer', 'On the question of Greenland'],
  ['lbc', 'keir-starmer', 'I\'ve been equally clear'],
  ['a-news', 'downing-street', 'British armed forces will be deployed'],
  ['a-news', 'keir-starmer', 'will be set up across Ukraine'],
  ['a-news', 'downing-street', 'The signing of the declaration'],
  ['a-news', 'downing-street', 'In today\'s discussions'],
  ['a-news', 'downing-street', 'Alongside our plans'],
  ['a-news', 'keir-starmer', 'Peace can only be reached'],
  ['a-news', 'keir-starmer', 'the Russian president was not currently'],
  ['a-news', 'keir-starmer', 'We will keep the pressure up'],
  ['a-news', 'elysee', 'the US side is set to lead'],
  ['a-news', 'emmanuel-macron', 'dubbed the agreement'],
  ['a-news', 'steve-witkoff', 'strongly stands behind'],
  ['a-news', 'steve-witkoff', 'Those security protocols'],
  ['a-news', 'steve-witkoff', 'They are as strong as anyone'],
  ['a-news', 'jared-kushner', 'both sides look to de-escalate'],
  ['a-news', 'jared-kushner', 'You create a robust deterrence'],
  ['a-news', 'jared-kushner', 'really important building block'],
  ['tdpel', 'keir-starmer', 'closer to peace than ever'],
  ['tdpel', 'keir-starmer', 'accused Russian President Vladimir Putin'],
  ['tdpel', 'keir-starmer', 'recent weeks have seen'],
  ['tdpel', 'keir-starmer', 'dismissed claims from Moscow'],
  ['tdpel', 'keir-starmer', 'tightening the screws'],
  ['tdpel', 'keir-starmer', 'This includes further action against oil tankers'],
  ['tdpel', 'keir-starmer', 'these developments have only strengthened'],
  ['tdpel', 'keir-starmer', 'clear statement of intent'],
  ['tdpel', 'keir-starmer', 'it represents a long-term commitment'],
  ['tdpel', 'keir-starmer', 'military hubs would be set up'],
  ['tdpel', 'emmanuel-macron', 'strong security guarantees are central'],
  ['tdpel', 'jared-kushner', 'held extensive talks'],
  ['tdpel', 'jared-kushner', 'outstanding concerns were resolved'],
  ['tdpel', 'jared-kushner', 'progress does not automatically mean'],
  ['tdpel', 'jared-kushner', 'peace would be impossible'],
  ['tdpel', 'jared-kushner', 'Ukraine needs confidence'],
  ['tdpel', 'jared-kushner', 'pushing for de-escalation'],
  ['tdpel', 'downing-street', 'lays the groundwork'],
  ['tdpel', 'downing-street', 'detailed discussions were held'],
];

describe('against every statement in the corpus', () => {
  it('finds at least 90% of the statements, overall and for each speaker', () => {
    const hits = GOLD.map(([article, speaker, snippet]) => find(article, snippet).some((s) => s.speakerId === speaker));
    const recall = hits.filter(Boolean).length / GOLD.length;
    expect(recall).toBeGreaterThanOrEqual(0.9);
    for (const speaker of new Set(GOLD.map((g) => g[1]))) {
      const own = GOLD.map((g, i) => [g, hits[i]] as const).filter(([g]) => g[1] === speaker);
      const speakerRecall = own.filter(([, hit]) => hit).length / own.length;
      expect(speakerRecall, speaker).toBeGreaterThanOrEqual(0.9);
    }
    const missed = GOLD.filter((_, i) => !hits[i]).map((g) => g[2]);
    expect(missed).toEqual(['This includes further action against oil tankers']);
  });

  it('attributes nothing to the wrong person, and nothing that is not a statement', () => {
    for (const s of statements) {
      const article = s.articleId;
      const matches = GOLD.filter(([prefix, , snippet]) => article.includes(prefix) && norm(s.text).includes(norm(snippet)));
      expect(matches.length, `unexpected statement: ${s.text}`).toBeGreaterThan(0);
      for (const [, speaker, snippet] of matches) expect(s.speakerId, snippet).toBe(speaker);
    }
  });
});
