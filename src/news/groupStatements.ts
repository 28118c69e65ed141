/**
 * One speaker's statements grouped by what they say, so a statement carried by several outlets in
 * different wordings ("a very, very big milestone" / "a big, big milestone") is shown once and cited
 * to every outlet.
 *
 * Two statements say the same thing when the content words they share carry most of the weight of
 * the shorter one: a weighted overlap coefficient, each word weighted by how rare it is in the
 * coverage ("milestone" counts for much more than "Ukraine"). Names are compared as the people they
 * name ("Russian President Vladimir Putin", "Putin" and "the Russian president" are one token), and
 * the speaker's own name and the reporting verb are left out. Groups are built by complete linkage:
 * every two statements in a group must say the same thing, so a statement that mixes two remarks does
 * not chain them together.
 */
import type { Passage } from '../types.js';
import type { Statement } from './attribution.js';
import type { SpeakerDirectory } from './directory.js';
import { findMentions } from './mentions.js';
import { contentTermSet, contentTerms } from '../text/tokens.js';
import { REPORTING_WORDS } from './speechVerbs.js';

export interface StatementCarrier {
  passageId: string;
  articleId: string;
  statementId: string;
}

export interface StatementGroup {
  /** The representative statement's id. */
  id: string;
  speakerId: string;
  /** The wording to show: a full direct quote if there is one, else the most complete. */
  representative: Statement;
  statements: Statement[];
  /** Every passage carrying the statement, one entry per passage, in statement order. */
  carriers: StatementCarrier[];
  /** Articles carrying it, each once. */
  articleIds: string[];
}

export type Weights = (token: string) => number;

/** Content words of a text with each mention of someone in the directory as one token, `@id`. */
export function entityTokens(text: string, directory: SpeakerDirectory | null): Set<string> {
  if (directory === null) return contentTermSet(text);
  const mentions = findMentions(text, directory);
  let plain = '';
  let at = 0;
  const entities: string[] = [];
  for (const m of mentions) {
    plain += `${text.slice(at, m.start)} `;
    at = m.end;
    entities.push(`@${m.entry.id}`);
  }
  plain += text.slice(at);
  return new Set([...contentTerms(plain), ...entities]);
}

/** How many passages use each token, and how many passages there are: what idf weights are computed from. */
export interface IdfTable {
  passages: number;
  df: Map<string, number>;
}

/** `tokensOf` reads a text as entityTokens does with `directory` (passage tokens already read, say). */
export function idfTable(
  passages: Passage[],
  directory: SpeakerDirectory | null = null,
  tokensOf: (text: string) => ReadonlySet<string> = (text) => entityTokens(text, directory),
): IdfTable {
  const df = new Map<string, number>();
  // Syndicated copies share their text: each distinct text is read once.
  const read = new Map<string, ReadonlySet<string>>();
  for (const p of passages) {
    let tokens = read.get(p.text);
    if (tokens === undefined) read.set(p.text, (tokens = tokensOf(p.text)));
    for (const t of tokens) df.set(t, (df.get(t) ?? 0) + 1);
  }
  return { passages: passages.length, df };
}

/** Inverse document frequency: ln(1 + N / df). Words the passages never use weigh the most. */
export function weightsOf({ passages, df }: IdfTable): Weights {
  const n = Math.max(passages, 1);
  return (t) => Math.log(1 + n / (df.get(t) ?? 0.5));
}

/** Inverse document frequency over passages: ln(1 + N / df). Words the passages never use weigh the most. */
export function idfWeights(passages: Passage[], directory: SpeakerDirectory | null = null): Weights {
  return weightsOf(idfTable(passages, directory));
}

/** An inverted index of token sets: each token's positions in `sets`, ascending. */
export function postingsOf(sets: readonly ReadonlySet<string>[]): Map<string, number[]> {
  const postings = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const t of set) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  });
  return postings;
}

/** A set of tokens with each token's weight and their total, in the set's order: weighed once, compared many times. */
export interface WeighedTokens {
  tokens: string[];
  weights: number[];
  total: number;
}

export function weighTokens(a: ReadonlySet<string>, weight: Weights): WeighedTokens {
  const tokens = [...a];
  const weights = tokens.map((t) => weight(t));
  let total = 0;
  for (const w of weights) total += w;
  return { tokens, weights, total };
}

/** How much of `a`'s weight `b` carries (1 when all of `a`'s words are in `b`). */
export function containedIn(a: WeighedTokens, b: ReadonlySet<string>): number {
  let shared = 0;
  for (let i = 0; i < a.tokens.length; i++) if (b.has(a.tokens[i]!)) shared += a.weights[i]!;
  return a.total === 0 ? 0 : shared / a.total;
}

/**
 * How much of `a`'s content weight `b` carries (1 when all of `a`'s words are in `b`): containedIn(weighTokens(a), b),
 * the same sums in the same order, without keeping the weights (what a one-off comparison needs).
 */
export function weightedContainment(a: ReadonlySet<string>, b: ReadonlySet<string>, weight: Weights): number {
  let total = 0;
  let shared = 0;
  for (const t of a) {
    const w = weight(t);
    total += w;
    if (b.has(t)) shared += w;
  }
  return total === 0 ? 0 : shared / total;
}

/** Shared weight over the weight of the lighter of the two: 1 when one statement's words are all in the other. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>, weight: Weights): number {
  return Math.max(weightedContainment(a, b, weight), weightedContainment(b, a, weight));
}

/** Same-statement threshold on `overlap`. */
export const SAME_STATEMENT = 0.6;

/** Pure quotes first (their text carries no quote marks), then partial quotes, then reported speech; longer first. */
function preference(s: Statement): number {
  const kind = s.kind === 'direct' ? (hasInnerQuoteMarks(s.text) ? 1 : 2) : 0;
  return kind * 10_000 + s.text.length;
}

/** Quote marks in a quote's text, apostrophes inside words aside ("Ukraine’s"). Texts without any mark skip the regex. */
function hasInnerQuoteMarks(text: string): boolean {
  return /["“”‘’]/.test(text) && /["“”‘’]/.test(text.replace(/(?<=\p{L})['’](?=\p{L})/gu, ''));
}

/** Words that report rather than say (src/news/speechVerbs.ts), as terms: dropped with the subject's own words ("US envoy Jared Kushner described it as"). */
const REPORTING = new Set(REPORTING_WORDS.flatMap((w) => contentTerms(w)));

/** What a statement says, as content words, without the words naming its speaker. */
export function statementTokens(s: Statement, directory: SpeakerDirectory | null = null): Set<string> {
  return tokensSaid(s, (text) => entityTokens(text, directory));
}

/** statementTokens with the texts' tokens (`entityTokens`) from `tokensOf`. */
function tokensSaid(s: Statement, tokensOf: (text: string) => ReadonlySet<string>): Set<string> {
  return said(s.speakerId, tokensOf(s.subject), tokensOf(s.text));
}

/** What a statement of `speakerId` says: its text's tokens but its subject's (`own`), the reporting words and the speaker. */
function said(speakerId: string, own: ReadonlySet<string>, text: ReadonlySet<string>): Set<string> {
  const self = `@${speakerId}`;
  const out = new Set<string>();
  for (const t of text) {
    if (!own.has(t) && !REPORTING.has(t) && t !== self) out.add(t);
  }
  return out;
}

export interface GroupOptions {
  /** Compare names as the people they name. */
  directory?: SpeakerDirectory | null;
  threshold?: number;
  /**
   * The tokens of statements' texts and subjects (entityTokens with `directory`) already read, by text: taken from
   * it, and each text read here added to it (what news.json saves, so that the next build reads only new texts).
   */
  textTokens?: Map<string, ReadonlySet<string>>;
}

/** Groups each speaker's statements; groups come in order of their first statement. */
export function groupStatements(statements: Statement[], weight: Weights, options: GroupOptions = {}): StatementGroup[] {
  const { directory = null, threshold = SAME_STATEMENT, textTokens = new Map<string, ReadonlySet<string>>() } = options;
  const bySpeaker = new Map<string, number[]>();
  for (let i = 0; i < statements.length; i++) {
    const id = statements[i]!.speakerId;
    const list = bySpeaker.get(id);
    if (list) list.push(i);
    else bySpeaker.set(id, [i]);
  }
  // Copies of a statement (same speaker, subject and words) have the same tokens: read once, the set shared. A text
  // (a quote, a subject) recurs under other subjects and speakers: its names are looked for once.
  const tokensOf = (text: string): ReadonlySet<string> => {
    let found = textTokens.get(text);
    if (found === undefined) textTokens.set(text, (found = entityTokens(text, directory)));
    return found;
  };
  // By speaker, then by the subject's and the text's token sets (one set per text: no key string joined per statement).
  const read = new Map<string, Map<ReadonlySet<string>, Map<ReadonlySet<string>, Set<string>>>>();
  const tokens = statements.map((s) => {
    const subject = tokensOf(s.subject);
    const text = tokensOf(s.text);
    let bySubject = read.get(s.speakerId);
    if (bySubject === undefined) read.set(s.speakerId, (bySubject = new Map()));
    let byText = bySubject.get(subject);
    if (byText === undefined) bySubject.set(subject, (byText = new Map()));
    let found = byText.get(text);
    if (found === undefined) byText.set(text, (found = said(s.speakerId, subject, text)));
    return found;
  });
  const clusters: number[][] = [];
  for (const members of bySpeaker.values()) {
    clusters.push(...groupSets(members.map((i) => tokens[i] ?? new Set<string>()), weight, threshold).map((c) => c.map((k) => members[k] ?? 0)));
  }
  return clusters
    .map((c) => c.sort((x, y) => x - y))
    .sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0))
    .map((c) => toGroup(c.map((i) => statements[i] as Statement)));
}

/**
 * Complete linkage of one speaker's statements (as token sets, in order) over the pairs whose overlap reaches the
 * threshold, exactly as it would run over every pair of statements, but over classes of identical statements
 * (syndicated copies: one speaker's statement carried by hundreds of articles gives hundreds of thousands of pairs).
 *
 * A class is the statements with the very same tokens in the very same order (so every sum over them is the same
 * to the last bit): each two of its members score 1, and each member scores the same with any other statement.
 * Complete linkage takes the pairs at score 1 first, latest pair first. A class none of whose members scores 1 with
 * a statement of another class becomes one cluster in that phase, under its first member (its pairs are merged
 * from the last, and no merge elsewhere touches them); the classes that do score 1 with another class (one's tokens
 * all in the other's) are merged member by member over their score-1 pairs only, as the full run would (a link
 * stays at 1 only if both parts had 1), cluster by cluster rather than pair by pair (linkTied). After that phase no
 * two clusters are at 1, and the full run goes on over the clusters, in the order of their first members, with the
 * least score of their classes' pairs: that is run here over the clusters themselves. The result is the full run's
 * (test/news/groupStatements.test.ts compares them on random sets built to tie at 1, test/scale/pairwise.test.ts on
 * the real corpus and a generated one).
 */
export function groupSets(sets: readonly Set<string>[], weight: Weights, threshold: number): number[][] {
  // Classes of identical token sequences; a statement without tokens scores 0 with everything: a class of its own.
  const classOf = new Int32Array(sets.length);
  const classes: number[][] = [];
  const byKey = new Map<string, number>();
  // Copies of a statement share one set: its key is joined once.
  const keyOf = new Map<ReadonlySet<string>, string>();
  sets.forEach((set, i) => {
    let key: string | null = null;
    if (set.size > 0) {
      key = keyOf.get(set) ?? null;
      if (key === null) keyOf.set(set, (key = [...set].join('\u0000')));
    }
    let c = key === null ? undefined : byKey.get(key);
    if (c === undefined) {
      c = classes.length;
      classes.push([]);
      if (key !== null) byKey.set(key, c);
    }
    classes[c]!.push(i);
    classOf[i] = c;
  });
  const classEdges = similarPairs(classes.map((members) => sets[members[0]!]!), weight, threshold);
  const score = new Map<number, number>();
  const C = classes.length;
  for (const e of classEdges) score.set(e.a * C + e.b, e.score);
  const classScore = (x: number, y: number): number | undefined => (x === y ? 1 : score.get(x < y ? x * C + y : y * C + x));

  // Classes at 1 with another class, joined into components: merged member by member over their score-1 pairs.
  const parent = Int32Array.from({ length: C }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  const tied = new Set<number>();
  const atOneWith: number[][] = Array.from({ length: C }, () => []);
  for (const e of classEdges) {
    if (e.score !== 1) continue;
    tied.add(e.a).add(e.b);
    atOneWith[e.a]!.push(e.b);
    atOneWith[e.b]!.push(e.a);
    parent[find(e.a)] = find(e.b);
  }
  // The clusters after the score-1 phase: each as its members (ascending) and the classes they belong to.
  const phase: { members: number[]; classes: number[] }[] = [];
  const components = new Map<number, number[]>();
  classes.forEach((members, c) => {
    if (!tied.has(c)) {
      phase.push({ members, classes: [c] });
      return;
    }
    const root = find(c);
    const list = components.get(root);
    if (list) list.push(...members);
    else components.set(root, [...members]);
  });
  const atOne = (x: number, y: number): boolean => classScore(x, y) === 1;
  const mark = new Int32Array(C).fill(-1);
  for (const members of components.values()) {
    members.sort((x, y) => x - y);
    for (const own of linkTied(members, classOf, { atOneWith, atOne, mark })) {
      own.sort((x, y) => x - y);
      phase.push({ members: own, classes: [...new Set(own.map((i) => classOf[i]!))] });
    }
  }
  phase.sort((x, y) => x.members[0]! - y.members[0]!);

  // Links between those clusters: the least score over their classes' pairs, when every pair reaches the threshold.
  const clustersOf = new Map<number, number[]>();
  phase.forEach((cluster, k) => {
    for (const c of cluster.classes) {
      const list = clustersOf.get(c);
      if (list) list.push(k);
      else clustersOf.set(c, [k]);
    }
  });
  const link = (x: number, y: number): number | undefined => {
    let least = Number.POSITIVE_INFINITY;
    for (const cx of phase[x]!.classes) {
      for (const cy of phase[y]!.classes) {
        const s = classScore(cx, cy);
        if (s === undefined) return undefined;
        if (s < least) least = s;
      }
    }
    return least;
  };
  const edges = new Map<number, Edge>();
  const consider = (x: number, y: number): void => {
    if (x === y) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = a * phase.length + b;
    if (edges.has(key)) return;
    const s = link(a, b);
    if (s !== undefined) edges.set(key, { a, b, score: s });
  };
  for (const e of classEdges) for (const x of clustersOf.get(e.a) ?? []) for (const y of clustersOf.get(e.b) ?? []) consider(x, y);
  for (const list of clustersOf.values()) for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) consider(list[i]!, list[j]!);
  return completeLinkage(phase.length, [...edges.values()]).map((c) => c.flatMap((k) => phase[k]!.members));
}

/**
 * Complete linkage of a component of classes at score 1 with one another, member by member over the score-1 pairs
 * only (`members` ascending; `ties.atOne(x, y)` when two classes' members score 1, a class's own members always do),
 * without listing those pairs (18,000 syndicated copies in one component, at 100,000 passages, have 8 million).
 *
 * Every link is 1, so a merge never changes one: complete linkage merges the pairs in its order for equal scores,
 * the latest first (first member descending, then second), each pair when both are still the first members of their
 * clusters and every pair across the two clusters scores 1. The pairs whose first member is `a` come together,
 * after the pairs of every later member, so `a`'s cluster is `a` alone when they start; it then takes, in turn from
 * the latest, each cluster of later members all of whose classes score 1 with all of its own (as grown so far).
 * That is what is run here, cluster by cluster.
 */
function linkTied(members: readonly number[], classOf: Int32Array, ties: Ties): number[][] {
  const { atOneWith, atOne, mark } = ties;
  interface Cluster {
    members: number[];
    classes: number[];
    merged: boolean;
  }
  // The clusters of the members after the one at hand, by the class of their first member: a cluster all of whose
  // classes are at 1 with a class is among those listed under that class or a class at 1 with it.
  const byFirst = new Map<number, Cluster[]>();
  const all: Cluster[] = [];
  for (let k = members.length - 1; k >= 0; k--) {
    const i = members[k]!;
    const c = classOf[i]!;
    // The classes at 1 with this member's, marked with its position.
    // Indexed loops throughout: this runs once per statement of a component (thousands of syndicated copies), mostly
    // before it is optimised, where a for-of allocates an iterator result per element.
    const tiedTo = atOneWith[c]!;
    mark[c] = i;
    for (let t = 0; t < tiedTo.length; t++) mark[tiedTo[t]!] = i;
    const candidates: Cluster[] = [];
    // This member's class, then the classes at 1 with it.
    for (let t = -1; t < tiedTo.length; t++) {
      const d = t < 0 ? c : tiedTo[t]!;
      const list = byFirst.get(d);
      if (list === undefined) continue;
      let kept = 0;
      for (let k = 0; k < list.length; k++) {
        const cluster = list[k]!;
        if (!cluster.merged) candidates.push((list[kept++] = cluster));
      }
      list.length = kept;
    }
    // Latest first member first, as complete linkage takes the pairs.
    candidates.sort((x, y) => y.members[0]! - x.members[0]!);
    const own: Cluster = { members: [i], classes: [c], merged: false };
    for (let o = 0; o < candidates.length; o++) {
      const other = candidates[o]!;
      if (!allTied(own.classes, other.classes, (y) => mark[y] === i, atOne)) continue;
      for (let m = 0; m < other.members.length; m++) own.members.push(other.members[m]!);
      for (let m = 0; m < other.classes.length; m++) if (!own.classes.includes(other.classes[m]!)) own.classes.push(other.classes[m]!);
      other.merged = true;
    }
    const list = byFirst.get(c);
    if (list) list.push(own);
    else byFirst.set(c, [own]);
    all.push(own);
  }
  return all.filter((cluster) => !cluster.merged).map((cluster) => cluster.members);
}

/** What linkTied looks ties up in: each class's classes at 1 (itself aside), a test for two classes, and a scratch mark per class. */
interface Ties {
  atOneWith: readonly (readonly number[])[];
  atOne: (x: number, y: number) => boolean;
  mark: Int32Array;
}

/** Whether every class of `xs` is tied to every class of `ys`; `tiedToFirst` tells it for `xs[0]`. */
function allTied(xs: readonly number[], ys: readonly number[], tiedToFirst: (y: number) => boolean, atOne: (x: number, y: number) => boolean): boolean {
  for (const y of ys) if (!tiedToFirst(y)) return false;
  for (const y of ys) for (let k = 1; k < xs.length; k++) if (!atOne(xs[k]!, y)) return false;
  return true;
}

/** A pair of statements (a < b, positions in the speaker's list) and their overlap. */
interface Edge {
  a: number;
  b: number;
  score: number;
}

/**
 * Every pair whose overlap reaches the threshold, without comparing every pair (weighted prefix filtering
 * over an inverted index, exact): when b carries at least `threshold` of a's weight, b holds one of a's
 * heaviest words that together weigh more than the rest of a's share, (1 - threshold). So each statement
 * is compared only with those holding one of its heaviest words, and kept when they carry enough of it (a pair
 * where a carries enough of b is found from b's side).
 */
function similarPairs(sets: Set<string>[], weight: Weights, threshold: number): Edge[] {
  const postings = postingsOf(sets);
  // Each set's weights, summed in its own order: containedIn gives overlap's very sums without weighing again.
  const weighed = sets.map((set) => weighTokens(set, weight));
  const seen = new Int32Array(sets.length).fill(-1);
  const edges = new Map<number, Edge>();
  const n = sets.length;
  sets.forEach((set, i) => {
    const own = weighed[i]!;
    const ranked = own.tokens.map((t, k) => ({ t, w: own.weights[k]! })).sort((x, y) => y.w - x.w || (x.t < y.t ? -1 : x.t > y.t ? 1 : 0));
    const total = ranked.reduce((sum, r) => sum + r.w, 0);
    // A margin on the bound so rounding never cuts the prefix short: a longer prefix only adds candidates.
    const enough = (1 - threshold) * total * (1 + 1e-9) + 1e-12;
    let taken = 0;
    // Indexed loops: every statement's candidates are walked once, mostly before this is optimised, where a for-of
    // allocates an iterator result per element.
    for (let r = 0; r < ranked.length; r++) {
      const { t, w } = ranked[r]!;
      const holders = postings.get(t) ?? [];
      for (let h = 0; h < holders.length; h++) {
        const j = holders[h]!;
        if (j === i || seen[j] === i) continue;
        seen[j] = i;
        // Found from i's side when j carries enough of i; when i carries enough of j, from j's side.
        const iInJ = containedIn(own, sets[j]!);
        if (iInJ < threshold) continue;
        const key = i < j ? i * n + j : j * n + i;
        if (edges.has(key)) continue;
        edges.set(key, { a: Math.min(i, j), b: Math.max(i, j), score: Math.max(iInJ, containedIn(weighed[j]!, set)) });
      }
      taken += w;
      if (taken > enough) break;
    }
  });
  return [...edges.values()];
}

/** Max-first order of candidate merges; on equal scores the later pair (a, then b) first, as a left-to-right scan keeping the last best would. */
function before(x: Edge, y: Edge): boolean {
  return x.score > y.score || (x.score === y.score && (x.a > y.a || (x.a === y.a && x.b > y.b)));
}

/**
 * Complete linkage over the pairs that reach the threshold (any other pair is below it): repeatedly merge
 * the two clusters whose least similar pair is the most similar, while that pair still reaches the
 * threshold. Two clusters can merge only when every cross pair is an edge, so only edges are kept; a merged
 * cluster keeps the lower position and, with each neighbour, the lower of its two parts' links.
 */
function completeLinkage(count: number, edges: Edge[]): number[][] {
  const clusters: (number[] | null)[] = Array.from({ length: count }, (_, i) => [i]);
  const links: Map<number, number>[] = Array.from({ length: count }, () => new Map());
  const heap: Edge[] = [];
  const push = (e: Edge): void => {
    heap.push(e);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(heap[i]!, heap[p]!)) break;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  const pop = (): Edge => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  };
  for (const e of edges) {
    links[e.a]!.set(e.b, e.score);
    links[e.b]!.set(e.a, e.score);
    push(e);
  }
  while (heap.length > 0) {
    const { a, b, score } = pop();
    if (clusters[a] === null || clusters[b] === null || links[a]!.get(b) !== score) continue; // stale
    clusters[a] = [...clusters[a]!, ...clusters[b]!];
    clusters[b] = null;
    const la = links[a]!;
    const lb = links[b]!;
    for (const [k, s] of [...la]) {
      la.delete(k);
      links[k]!.delete(a);
      if (k === b) continue;
      const other = lb.get(k);
      if (other === undefined) continue;
      const merged = Math.min(s, other);
      la.set(k, merged);
      links[k]!.set(a, merged);
      if (merged !== s) push({ a: Math.min(a, k), b: Math.max(a, k), score: merged });
    }
    for (const k of lb.keys()) links[k]!.delete(b);
    lb.clear();
  }
  return clusters.filter((c): c is number[] => c !== null);
}

/** A group of statements that say the same thing, with its representative wording and carriers. */
export function toGroup(group: Statement[]): StatementGroup {
  // The first of the most preferred (what a stable sort by preference, best first, puts first). Syndicated copies
  // in a group share their text: a direct quote's text is checked for quote marks once.
  const direct = new Map<string, number>();
  const score = (s: Statement): number => {
    if (s.kind !== 'direct') return preference(s);
    let found = direct.get(s.text);
    if (found === undefined) {
      found = preference(s);
      direct.set(s.text, found);
    }
    return found;
  };
  let representative = group[0] as Statement;
  let best = score(representative);
  for (let i = 1; i < group.length; i++) {
    const candidate = score(group[i]!);
    if (candidate > best) {
      best = candidate;
      representative = group[i]!;
    }
  }
  const carriers: StatementCarrier[] = [];
  const carried = new Set<string>();
  for (const s of group) {
    if (carried.has(s.passageId)) continue;
    carried.add(s.passageId);
    carriers.push({ passageId: s.passageId, articleId: s.articleId, statementId: s.id });
  }
  return {
    id: representative.id,
    speakerId: representative.speakerId,
    representative,
    statements: group,
    carriers,
    articleIds: [...new Set(group.map((s) => s.articleId))],
  };
}
