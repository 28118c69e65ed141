/**
 * A synthetic corpus in the project's own format, for benchmarks at scale: articles built by recombining and
 * perturbing the real corpus' paragraphs and sentences, with quotes by named speakers (the real ones and
 * generated people with roles), many outlets, authors and dates. Deterministic: the same seed and size give the
 * same files, byte for byte.
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArticle } from '../../src/corpus/loadCorpus.js';
import { buildPassages } from '../../src/passages/buildPassages.js';
import { sentences as sentencesOf } from '../../src/text/sentences.js';
import type { Article } from '../../src/types.js';

/** mulberry32: a small seeded generator (same seed, same sequence). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Anna', 'Pierre', 'Olena', 'Marco', 'Sofia', 'Lukas', 'Ingrid', 'Tomas', 'Helena', 'Rafael', 'Mira', 'Jonas', 'Clara', 'Dmytro',
  'Elena', 'Henrik', 'Nadia', 'Pavel', 'Lucia', 'Stefan', 'Greta', 'Oskar', 'Irena', 'Matteo', 'Vera', 'Anders', 'Petra', 'Kasper', 'Milena', 'Florin'];
const LAST = ['Kowalczyk', 'Lindqvist', 'Moreau', 'Bianchi', 'Horvath', 'Novak', 'Andersen', 'Dubois', 'Kovalenko', 'Virtanen', 'Petrescu',
  'Castellano', 'Brandt', 'Jansen', 'Szabo', 'Halvorsen', 'Marchetti', 'Rousseau', 'Lehmann', 'Kaminski', 'Ostrowski', 'Bergstrom', 'Fontaine',
  'Esposito', 'Varga', 'Nieminen', 'Dimitrov', 'Carvalho', 'Vermeulen', 'Sorensen', 'Albescu', 'Kristensen', 'Ferreira', 'Hoffmann', 'Laurent'];
const COUNTRIES = ['Polish', 'Swedish', 'Dutch', 'Italian', 'Finnish', 'Danish', 'Norwegian', 'Romanian', 'Czech', 'Estonian', 'Latvian',
  'Spanish', 'Portuguese', 'Belgian', 'Greek', 'Irish', 'Canadian', 'Australian', 'Japanese', 'Turkish'];
const ROLES = ['Foreign Minister', 'Defence Minister', 'Prime Minister', 'President', 'Ambassador'];
const OUTLET_A = ['Northern', 'Evening', 'Daily', 'Morning', 'Weekly', 'Baltic', 'Atlantic', 'Continental', 'Capital', 'Coastal', 'Central', 'Western'];
const OUTLET_B = ['Courier', 'Herald', 'Post', 'Chronicle', 'Ledger', 'Observer', 'Gazette', 'Tribune', 'Standard', 'Express', 'Dispatch'];
const SAID = ['said', 'told reporters', 'added', 'told a press conference', 'said on Tuesday', 'told journalists'];
const SWAPS: [RegExp, string][] = [
  [/\bTuesday\b/g, 'Wednesday'], [/\bmeeting\b/g, 'summit'], [/\bagreement\b/g, 'deal'], [/\btroops\b/g, 'soldiers'],
  [/\ballies\b/g, 'partners'], [/\bhuge\b/g, 'major'], [/\bsigned\b/g, 'agreed'], [/\bforces\b/g, 'personnel'],
];

interface Source {
  headlines: string[];
  paragraphs: string[];
  /** Sentences with no quotation marks and no speech of their own: material for generated quotes. */
  sentences: string[];
}

async function readSource(corpusDir: string): Promise<Source> {
  const files = (await readdir(corpusDir)).filter((f) => f.endsWith('.md')).sort();
  const articles: Article[] = [];
  for (const f of files) articles.push(parseArticle(f, await readFile(path.join(corpusDir, f), 'utf8')));
  const paragraphs = articles.flatMap((a) => buildPassages(a).map((p) => p.text)).filter((t) => t.length > 60);
  const sentences = paragraphs
    .flatMap((p) => sentencesOf(p).map((s) => s.trim()))
    .filter((s) => s.length > 40 && s.length < 300 && !/["“”‘’]/.test(s) && /[.!?]$/.test(s));
  return { headlines: articles.map((a) => a.headline), paragraphs, sentences };
}

export interface GenerateOptions {
  /** The real corpus the sentences come from. */
  sourceDir: string;
  outDir: string;
  /** Passages to aim at (counted with the project's own passage cutter); the corpus stops at the first article reaching it. */
  passages: number;
  seed?: number;
}

export interface GeneratedCorpus {
  articles: number;
  passages: number;
  files: string[];
}

/** Writes a synthetic corpus of about `passages` passages into `outDir` (emptied first). */
export async function generateCorpus(options: GenerateOptions): Promise<GeneratedCorpus> {
  const { sourceDir, outDir, passages: target, seed = 1 } = options;
  const source = await readSource(sourceDir);
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  // Generated people: about one per 25 passages, so the speaker directory grows with the corpus.
  const peopleCount = Math.max(20, Math.round(target / 25));
  const people = Array.from({ length: peopleCount }, (_, i) => ({
    first: FIRST[i % FIRST.length]!,
    last: `${LAST[Math.floor(i / FIRST.length) % LAST.length]!}${i >= FIRST.length * LAST.length ? `-${LAST[i % LAST.length]!}` : ''}`,
    role: `${pick(COUNTRIES)} ${pick(ROLES)}`,
  }));
  const outlets = Array.from({ length: Math.max(10, Math.min(200, Math.round(target / 100))) }, (_, i) =>
    `The ${OUTLET_A[i % OUTLET_A.length]!} ${OUTLET_B[Math.floor(i / OUTLET_A.length) % OUTLET_B.length]!}${i >= OUTLET_A.length * OUTLET_B.length ? ` ${i}` : ''}`);

  const perturb = (text: string): string => {
    let out = text;
    for (const [re, to] of SWAPS) if (rnd() < 0.3) out = out.replace(re, to);
    return out.replace(/\b(\d{2,3})\b/g, (n) => (rnd() < 0.3 ? String(Number(n) + 1 + Math.floor(rnd() * 9)) : n));
  };
  const quoteParagraph = (): string => {
    const who = pick(people);
    const quote = pick(source.sentences);
    const more = rnd() < 0.5 ? ` ${pick(source.sentences)}` : '';
    switch (Math.floor(rnd() * 3)) {
      case 0:
        return `${who.role} ${who.first} ${who.last} ${pick(SAID)}: "${quote}${more}"`;
      case 1:
        return `"${quote.replace(/[.!?]$/, ',')}" ${who.first} ${who.last}, the ${who.role}, ${pick(SAID)}.${more}`;
      default:
        return `Mr ${who.last} said the talks had been useful. ${who.first} ${who.last}, the ${who.role}, ${pick(SAID)}: "${quote}"`;
    }
  };

  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  let total = 0;
  for (let n = 0; total < target; n++) {
    const outlet = pick(outlets);
    const day = new Date(Date.UTC(2026, 0, 6 + Math.floor(rnd() * 60))).toISOString().slice(0, 10);
    const paragraphs: string[] = [];
    const want = 14 + Math.floor(rnd() * 12);
    for (let k = 0; k < want; k++) {
      const r = rnd();
      if (r < 0.35) paragraphs.push(pick(source.paragraphs)); // syndicated copy, word for word
      else if (r < 0.65) paragraphs.push(perturb(pick(source.paragraphs)));
      else if (r < 0.8) paragraphs.push(perturb(`${pick(source.sentences)} ${pick(source.sentences)}`));
      else paragraphs.push(quoteParagraph());
    }
    const slug = outlet.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    const file = `${day}-${slug}-${String(n).padStart(6, '0')}.md`;
    const headline = perturb(pick(source.headlines));
    const author = `${pick(FIRST)} ${pick(LAST)}`;
    const text = [
      '---',
      `outlet: ${JSON.stringify(outlet)}`,
      `headline: ${JSON.stringify(headline)}`,
      `published: "${day}"`,
      `url: "https://example.org/${slug}/${n}"`,
      `author: ${JSON.stringify(author)}`,
      '---',
      '',
      paragraphs.join('\n\n'),
      '',
    ].join('\n');
    const article = parseArticle(file, text);
    total += buildPassages(article).length;
    await writeFile(path.join(outDir, file), text);
    files.push(file);
  }
  return { articles: files.length, passages: total, files };
}
