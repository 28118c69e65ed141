/**
 * Validates the labelled evaluation sets against the corpus:
 *   npx tsx scripts/check-fixtures.ts
 * Every expect / any / topic_expect substring must occur in an article body outside page furniture
 * (outlet questions: in that outlet's own article); only_in strings must occur in that outlet only;
 * entity "unknown" names must not occur at all; paraphrase questions must share no content word with
 * the passages that answer them. Also checks ids and the minimum counts. Exits 1 on any problem.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../src/corpus/loadCorpus.js';

interface Question {
  id: string;
  question: string;
  kind: string;
  answerable: boolean;
  expect: string[];
  outlet?: string;
}
interface Statement {
  id: string;
  any: string[];
}
interface NewsQuestion {
  id: string;
  kind: string;
  question: string;
  speaker?: string;
  statements?: Statement[];
  outlet?: string;
  expect?: string[];
  outlet_has_it?: boolean;
  topic_expect?: string[];
  only_in?: Record<string, string[]>;
  unknown?: string[];
}

const root = fileURLToPath(new URL('..', import.meta.url));
const readJson = <T>(rel: string): T => JSON.parse(readFileSync(root + rel, 'utf8')) as T;
const questions = readJson<Question[]>('test/fixtures/eval-questions.json');
const news = readJson<NewsQuestion[]>('test/fixtures/eval-news.json');
const { articles } = await loadCorpus(root + 'corpus');

const norm = (s: string): string =>
  s
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Page furniture: donation appeal, "Read more" links, picture captions, headings and share bars. */
const stripFurniture = (body: string): string[] =>
  body
    .split('\n')
    .map((line) =>
      line
        .replace(/^.*Your support helps us.*$/, '')
        .replace(/Read more:?.*$/, '')
        .replace(/^.*Picture: \w+\s*$/, '')
        .replace(/^\s*date \d{4}-\d{2}-\d{2}\s*/, ''),
    )
    .filter((line) => /[.!?:;"”’)]\s*$/.test(line.trim()) || line.trim().length >= 150)
    .map(norm);

const texts = articles.map((a) => ({ outlet: a.outlet, lines: stripFurniture(a.body), raw: norm(a.body) }));
const outlets = new Set(texts.map((t) => t.outlet));
const problems: string[] = [];
const warnings: string[] = [];
const fail = (msg: string): void => void problems.push(msg);

function checkSub(where: string, sub: string, outlet?: string, short = false): void {
  const n = norm(sub);
  const words = n.split(' ').length;
  if (!short && (words < 4 || words > 14)) warnings.push(`${where}: ${words} words: "${sub}"`);
  const inBody = texts.filter((t) => t.lines.some((l) => l.includes(n)));
  if (inBody.length === 0) {
    fail(`${where}: not in any article body${texts.some((t) => t.raw.includes(n)) ? ' (only in page furniture)' : ''}: "${sub}"`);
  } else if (outlet && !inBody.some((t) => t.outlet === outlet)) {
    fail(`${where}: not in ${outlet}'s article: "${sub}"`);
  }
}

// --- content-word overlap for paraphrase questions ---
const STOP = new Set(
  `a an the and or but if of to in on at by for with from about as into over after before up down out off than then so that this these those there here it its they them their we our i you he she him her his who whom whose what which when where why how is are was were be been being am do does did done have has had will would shall should can could may might must not no yes any all some more most very just also still once since now ever again said say says saying told tell according one get going gonna anyone anything whether other such only own same too s t re ve ll d m us me my your yet ago`.split(' '),
);
const stem = (w: string): string => w.replace(/'s$/, '').replace(/(ings|ing|edly|ed|ies|es|s|ments|ment|ly)$/, '');
const contentWords = (s: string): string[] =>
  (s.match(/[A-Za-z0-9]+(?:'[a-z]+)?/g) ?? [])
    .map((w) => (w === 'US' ? 'usa' : w.toLowerCase()))
    .filter((w) => !STOP.has(w) && !STOP.has(w.replace(/'.*$/, '')))
    .map(stem)
    .filter((w) => w.length > 1);
const sameWord = (a: string, b: string): boolean => a === b || (a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5));

/** The passage around an occurrence: its paragraph, or the sentence with one neighbour each side in long blocks. */
function passagesFor(sub: string): string[] {
  const n = norm(sub);
  const out: string[] = [];
  for (const t of texts) {
    for (const line of t.lines) {
      if (!line.includes(n)) continue;
      if (line.length <= 500) {
        out.push(line);
        continue;
      }
      const sentences = line.split(/(?<=[.!?]["']?)\s+/);
      let pos = 0;
      const start = line.indexOf(n);
      sentences.forEach((s, i) => {
        const end = pos + s.length;
        if (start < end + 1 && start + n.length > pos) out.push(sentences.slice(Math.max(0, i - 1), i + 2).join(' '));
        pos = end + 1;
      });
    }
  }
  return out;
}

// --- eval-questions.json ---
const KINDS = ['who-said-what', 'fact', 'paraphrase', 'outlet', 'unanswerable'];
const ids = new Set<string>();
const uniqueId = (id: string): void => {
  if (ids.has(id)) fail(`duplicate id ${id}`);
  ids.add(id);
};
for (const q of questions) {
  uniqueId(q.id);
  if (!KINDS.includes(q.kind)) fail(`${q.id}: unknown kind ${q.kind}`);
  if (q.answerable !== (q.expect.length > 0)) fail(`${q.id}: answerable=${q.answerable} but ${q.expect.length} expect strings`);
  if (q.kind === 'unanswerable' && q.answerable) fail(`${q.id}: unanswerable kind marked answerable`);
  if ((q.kind === 'outlet') !== (q.outlet !== undefined)) fail(`${q.id}: outlet field must be set exactly on outlet questions`);
  if (q.outlet !== undefined && !outlets.has(q.outlet)) fail(`${q.id}: unknown outlet ${q.outlet}`);
  for (const sub of q.expect) checkSub(q.id, sub, q.outlet);
  if (q.kind === 'paraphrase') {
    const qWords = contentWords(q.question);
    for (const sub of q.expect) {
      for (const p of passagesFor(sub)) {
        const shared = qWords.filter((w) => contentWords(p).some((pw) => sameWord(w, pw)));
        if (shared.length > 0) fail(`${q.id}: paraphrase shares [${shared.join(', ')}] with "${p.slice(0, 90)}..."`);
      }
    }
  }
}
const count = (kind: string): number => questions.filter((q) => q.kind === kind).length;
if (questions.length < 64) fail(`eval-questions: ${questions.length} questions, need 64`);
if (count('paraphrase') < 12) fail(`eval-questions: ${count('paraphrase')} paraphrase, need 12`);
if (count('unanswerable') < 12) fail(`eval-questions: ${count('unanswerable')} unanswerable, need 12`);

// --- eval-news.json ---
const bySpeaker = new Map<string, Map<string, string>>(); // speaker -> statement id -> any list (joined)
const subOwner = new Map<string, string>(); // normalised substring -> speaker
for (const q of news) {
  uniqueId(q.id);
  if (q.kind === 'speaker') {
    if (!q.speaker || !q.statements) {
      fail(`${q.id}: speaker question needs speaker and statements`);
      continue;
    }
    const known = bySpeaker.get(q.speaker) ?? new Map<string, string>();
    const mine = new Set(q.statements.map((s) => s.id));
    if (bySpeaker.has(q.speaker) && (mine.size !== known.size || [...known.keys()].some((k) => !mine.has(k)))) {
      fail(`${q.id}: ${q.speaker}'s statement list differs from an earlier question's`);
    }
    for (const s of q.statements) {
      const key = JSON.stringify(s.any);
      if (known.has(s.id) && known.get(s.id) !== key) fail(`${q.id}: statement ${s.id} differs from an earlier copy`);
      known.set(s.id, key);
      if (s.any.length === 0) fail(`${q.id}: statement ${s.id} has no substrings`);
      for (const sub of s.any) {
        checkSub(`${q.id}/${s.id}`, sub);
        const n = norm(sub);
        for (const [other, who] of subOwner) {
          if (who !== q.speaker && (other.includes(n) || n.includes(other))) fail(`${q.id}: "${sub}" also listed for ${who}`);
        }
        subOwner.set(n, q.speaker);
      }
    }
    bySpeaker.set(q.speaker, known);
  } else if (q.kind === 'outlet') {
    if (!q.outlet || !outlets.has(q.outlet)) fail(`${q.id}: unknown outlet ${q.outlet}`);
    if (q.outlet_has_it !== (q.expect ?? []).length > 0) fail(`${q.id}: outlet_has_it disagrees with expect`);
    for (const sub of q.expect ?? []) checkSub(q.id, sub, q.outlet);
  } else if (q.kind === 'compare') {
    if (!q.topic_expect?.length) fail(`${q.id}: compare question needs topic_expect`);
    for (const sub of q.topic_expect ?? []) checkSub(q.id, sub);
    for (const [outlet, subs] of Object.entries(q.only_in ?? {})) {
      if (!outlets.has(outlet)) fail(`${q.id}: unknown outlet ${outlet}`);
      for (const sub of subs) {
        checkSub(`${q.id}/only_in`, sub, outlet, true);
        const elsewhere = texts.filter((t) => t.outlet !== outlet && t.raw.includes(norm(sub)));
        if (elsewhere.length) fail(`${q.id}: "${sub}" is not only in ${outlet}: also ${elsewhere.map((t) => t.outlet).join(', ')}`);
      }
    }
  } else if (q.kind === 'entity') {
    if (!q.unknown?.length) fail(`${q.id}: entity question needs unknown`);
    for (const name of q.unknown ?? []) {
      const re = new RegExp(`\\b${norm(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
      if (texts.some((t) => re.test(t.raw))) fail(`${q.id}: "${name}" does occur in the corpus`);
    }
  } else fail(`${q.id}: unknown kind ${q.kind}`);
}
const newsCount = (kind: string): number => news.filter((q) => q.kind === kind).length;
for (const [kind, min] of [['speaker', 12], ['outlet', 8], ['compare', 4], ['entity', 6]] as const) {
  if (newsCount(kind) < min) fail(`eval-news: ${newsCount(kind)} ${kind} questions, need ${min}`);
}
if (news.length < 30) fail(`eval-news: ${news.length} questions, need 30`);
if (!news.some((q) => q.kind === 'outlet' && q.outlet_has_it === false)) fail('eval-news: no outlet question without coverage');
for (const person of ['Keir Starmer', 'Jared Kushner', 'Steve Witkoff', 'Emmanuel Macron', 'Volodymyr Zelensky']) {
  if (!bySpeaker.get(person)?.size) fail(`eval-news: no speaker question with statements for ${person}`);
}

for (const w of warnings) console.warn(`warning: ${w}`);
console.log(`eval-questions: ${questions.length} (${KINDS.map((k) => `${k} ${count(k)}`).join(', ')})`);
console.log(`eval-news: ${news.length} (${['speaker', 'outlet', 'compare', 'entity'].map((k) => `${k} ${newsCount(k)}`).join(', ')})`);
if (problems.length) {
  for (const p of problems) console.error(`FAIL ${p}`);
  process.exit(1);
}
console.log('all fixture substrings found');
