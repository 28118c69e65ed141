/**
 * An article out of a news page: metadata from schema.org JSON-LD (NewsArticle and its kin), then OpenGraph and
 * article meta tags, then what Readability reads off the page; the text by @mozilla/readability on a linkedom DOM,
 * after page furniture it may keep (cookie banners, adverts, related-article lists, captions, share bars) is taken
 * out and counted. The passage cleaner (src/passages) runs on the paragraphs later, as for every corpus file.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { normaliseWhitespace } from '../passages/split.js';
import { isCalendarDate } from '../corpus/loadCorpus.js';

/** linkedom's document and element types (the project compiles without the browser DOM library). */
type Document = ReturnType<typeof parseHTML>['document'];
type Element = NonNullable<ReturnType<Document['querySelector']>>;

/** What the page says about the article; null where it says nothing. */
export interface ArticleDetails {
  outlet: string | null;
  headline: string | null;
  /** YYYY-MM-DD */
  published: string | null;
  author: string | null;
  url: string | null;
}

export type DetailField = keyof ArticleDetails;
/** Where a detail came from, for the preview. */
export type DetailSource = 'JSON-LD' | 'OpenGraph' | 'meta tags' | 'page' | 'front matter' | 'link' | 'moderator';

export interface FurnitureCount {
  kind: string;
  count: number;
}

export interface ExtractedArticle {
  details: ArticleDetails;
  from: Partial<Record<DetailField, DetailSource>>;
  paragraphs: string[];
  /** Page furniture taken out before the text was read, by kind. */
  furniture: FurnitureCount[];
}

// ------------------------------------------------------------------ metadata

type Json = Record<string, unknown>;

const NEWS_TYPES = ['NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'BackgroundNewsArticle', 'ReviewNewsArticle'];
const ARTICLE_TYPES = [...NEWS_TYPES, 'Article', 'LiveBlogPosting', 'BlogPosting', 'Report'];

function typesOf(node: Json): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^https?:\/\/schema\.org\//, ''));
}

/** Every object in the page's JSON-LD blocks (arrays and @graph flattened). A block that is not JSON is skipped. */
function jsonLdNodes(document: Document): Json[] {
  const nodes: Json[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      nodes.push(value as Json);
      const graph = (value as Json)['@graph'];
      if (graph) visit(graph);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // a broken block: the page's other metadata still counts
    }
  }
  return nodes;
}

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const t = normaliseWhitespace(value);
  return t === '' ? null : t;
}

/** A name from a string, a {name} object, an @id reference, or a list of them ("A, B and C"). */
function names(value: unknown, byId: Map<string, Json>): string | null {
  const list = (Array.isArray(value) ? value : [value])
    .map((v) => {
      if (typeof v === 'string') return text(v);
      if (v !== null && typeof v === 'object') {
        const node = v as Json;
        const ref = typeof node['@id'] === 'string' ? byId.get(node['@id']) : undefined;
        return text(node.name) ?? text(ref?.name);
      }
      return null;
    })
    .filter((n): n is string => n !== null && !/^https?:\/\//.test(n));
  const unique = [...new Set(list)];
  if (unique.length === 0) return null;
  return unique.length === 1 ? unique[0]! : `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
}

/** A date as YYYY-MM-DD: the date as the page writes it when it starts so, else the parsed date (UTC). */
export function isoDay(value: unknown): string | null {
  const t = text(value);
  if (!t) return null;
  const written = /^(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(t)?.[1];
  if (written) return isCalendarDate(written) ? written : null;
  const ms = Date.parse(t);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : null;
}

function absoluteUrl(value: unknown, base: string | null): string | null {
  const t = text(value);
  if (!t) return null;
  try {
    const url = base ? new URL(t, base) : new URL(t);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function fromJsonLd(document: Document, base: string | null): Partial<ArticleDetails> {
  const nodes = jsonLdNodes(document);
  const byId = new Map(nodes.filter((n) => typeof n['@id'] === 'string').map((n) => [n['@id'] as string, n]));
  const article =
    nodes.find((n) => typesOf(n).some((t) => NEWS_TYPES.includes(t))) ?? nodes.find((n) => typesOf(n).some((t) => ARTICLE_TYPES.includes(t)));
  if (!article) return {};
  const mainEntity = article.mainEntityOfPage;
  const pageUrl = typeof mainEntity === 'string' ? mainEntity : mainEntity && typeof mainEntity === 'object' ? (mainEntity as Json)['@id'] : undefined;
  return {
    outlet: names(article.publisher, byId) ?? names(article.sourceOrganization, byId),
    headline: text(article.headline) ?? text(article.name),
    published: isoDay(article.datePublished) ?? isoDay(article.dateCreated),
    author: names(article.author, byId) ?? names(article.creator, byId),
    url: absoluteUrl(article.url, base) ?? absoluteUrl(pageUrl, base),
  };
}

function meta(document: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const el of document.querySelectorAll(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`)) {
      const t = text(el.getAttribute('content'));
      if (t) return t;
    }
  }
  return null;
}

function cleanByline(value: string | null): string | null {
  if (!value || /^https?:\/\//.test(value)) return null;
  const t = value.replace(/^by\s+/i, '').replace(/\s*[|–—-]\s*[^|–—-]*$/, (m) => (m.length < value.length / 2 ? '' : m)).trim();
  return t === '' ? null : t;
}

function fromMetaTags(document: Document, base: string | null): { og: Partial<ArticleDetails>; tags: Partial<ArticleDetails> } {
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  return {
    og: {
      outlet: meta(document, 'og:site_name'),
      headline: meta(document, 'og:title', 'twitter:title'),
      published: isoDay(meta(document, 'article:published_time', 'og:article:published_time')),
      author: cleanByline(meta(document, 'article:author')),
      url: absoluteUrl(meta(document, 'og:url'), base),
    },
    tags: {
      outlet: meta(document, 'application-name', 'publisher'),
      headline: meta(document, 'headline', 'title'),
      published: isoDay(meta(document, 'datePublished', 'pubdate', 'publish-date', 'date', 'dc.date', 'DC.date.issued', 'parsely-pub-date', 'sailthru.date')),
      author: cleanByline(meta(document, 'author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator')),
      url: absoluteUrl(canonical, base),
    },
  };
}

// ------------------------------------------------------------------ furniture

interface FurnitureRule {
  kind: string;
  /** Tag names taken out whole. */
  tags?: string[];
  /** Words in an element's class, id, role or aria-label. */
  words?: RegExp;
}

const FURNITURE: FurnitureRule[] = [
  { kind: 'scripts and styles', tags: ['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg'] },
  { kind: 'cookie banner', words: /\b(?:cookies?|consent|gdpr|cmp|privacy-banner|onetrust)\b/i },
  { kind: 'adverts', words: /\b(?:ads?|adverts?|advertisements?|advertising|adslot|ad-slot|sponsored|sponsors?|promo|promotions?|dfp|gpt-ad|taboola|outbrain|commercial)\b/i },
  { kind: 'related-article lists', words: /\b(?:related|recommended|more-stories|more-from|read-more|readmore|most-popular|most-read|trending|also-read|more-on|recirc|further-reading)\b/i },
  { kind: 'newsletter and subscription boxes', words: /\b(?:newsletter|subscribe|subscription|signup|sign-up|paywall|registration)\b/i },
  { kind: 'share buttons', words: /\b(?:share|sharing|social|share-bar|sharebar)\b/i },
  { kind: 'comments', words: /\b(?:comments?|disqus)\b/i },
  { kind: 'picture captions', tags: ['figcaption', 'figure', 'picture', 'video', 'audio'], words: /\b(?:caption|credit|image-credit|photo-credit)\b/i },
  { kind: 'navigation', tags: ['nav', 'menu'], words: /\b(?:nav|navbar|navigation|breadcrumbs?|menu|masthead|site-header|site-footer|skip-link)\b/i },
  { kind: 'sidebars', tags: ['aside'], words: /\b(?:sidebar|rail)\b/i },
  { kind: 'forms and buttons', tags: ['form', 'button', 'input', 'select', 'dialog'] },
];

function labelOf(el: Element): string {
  return [el.getAttribute('class'), el.getAttribute('id'), el.getAttribute('role'), el.getAttribute('aria-label'), el.getAttribute('data-component')]
    .filter(Boolean)
    .join(' ')
    .replace(/_/g, '-');
}

/** Takes page furniture out of the document, counting it by kind. Never takes out the element holding most of the text. */
function removeFurniture(document: Document): FurnitureCount[] {
  const counts = new Map<string, number>();
  const body = document.body ?? document.documentElement;
  const total = (body?.textContent ?? '').length || 1;
  const count = (kind: string) => counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const all = [...document.querySelectorAll('*')];
  for (const el of all) {
    if (!el.isConnected) continue;
    const tag = el.tagName.toLowerCase();
    if (['html', 'head', 'body', 'main', 'article', 'title', 'meta', 'link'].includes(tag)) continue;
    if (tag === 'script' && el.getAttribute('type') === 'application/ld+json') continue;
    if ((tag === 'header' || tag === 'footer') && !el.closest('article')) {
      if ((el.textContent ?? '').length < 0.4 * total) {
        el.remove();
        count('navigation');
      }
      continue;
    }
    const label = labelOf(el);
    const rule = FURNITURE.find((r) => r.tags?.includes(tag) || (r.words !== undefined && label !== '' && r.words.test(label)));
    if (!rule) continue;
    // The article itself is never furniture, whatever its class says ("article-body share-enabled").
    if (rule.kind !== 'scripts and styles' && ((el.textContent ?? '').length >= 0.4 * total || el.querySelector('article'))) continue;
    el.remove();
    count(rule.kind);
  }
  return [...counts].map(([kind, n]) => ({ kind, count: n }));
}

// ------------------------------------------------------------------ text

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'dd', 'dt', 'td', 'th']);
const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'ul', 'ol', 'dl', 'table', 'tbody', 'thead', 'tr', 'body', 'header', 'footer']);

/** The paragraphs of Readability's content, in order: each block element's text (split at line breaks), whitespace normalised. */
function paragraphsOf(root: Element): string[] {
  const out: string[] = [];
  const walk = (el: Element): void => {
    // Inline text is gathered into one paragraph until a block element or a line break; blocks are walked in turn.
    let loose = '';
    const flush = () => {
      const t = normaliseWhitespace(loose);
      if (t) out.push(t);
      loose = '';
    };
    for (const node of el.childNodes) {
      if (node.nodeType === 3) loose += node.textContent ?? '';
      else if (node.nodeType === 1) {
        const child = node as Element;
        const childTag = child.tagName.toLowerCase();
        if (BLOCKS.has(childTag) || CONTAINERS.has(childTag)) {
          flush();
          walk(child);
        } else if (childTag === 'br') {
          flush();
        } else loose += child.textContent ?? '';
      }
    }
    flush();
  };
  walk(root);
  return out;
}

function pick<T>(...candidates: [T | null | undefined, DetailSource][]): [T | null, DetailSource | undefined] {
  for (const [value, source] of candidates) if (value !== null && value !== undefined) return [value, source];
  return [null, undefined];
}

/** Reads an article out of a page's HTML. `url` is where the page came from (for relative links), when known. */
export function extractFromHtml(html: string, url: string | null = null): ExtractedArticle {
  const { document } = parseHTML(html);
  const ld = fromJsonLd(document, url);
  const { og, tags } = fromMetaTags(document, url);
  const pageTitle = text(document.querySelector('title')?.textContent);
  const furniture = removeFurniture(document);
  const read = new Readability(document as never, { serializer: (node: unknown) => node, charThreshold: 200 }).parse();
  const root = read?.content as unknown as Element | null | undefined;
  const paragraphs = root ? paragraphsOf(root) : [];

  const details: ArticleDetails = { outlet: null, headline: null, published: null, author: null, url: null };
  const from: Partial<Record<DetailField, DetailSource>> = {};
  const fields: DetailField[] = ['outlet', 'headline', 'published', 'author', 'url'];
  const readability: Partial<ArticleDetails> = {
    outlet: text(read?.siteName),
    headline: text(read?.title) ?? pageTitle,
    published: isoDay(read?.publishedTime),
    author: cleanByline(text(read?.byline)),
    url,
  };
  for (const field of fields) {
    const [value, source] = pick<string>([ld[field], 'JSON-LD'], [og[field], 'OpenGraph'], [tags[field], 'meta tags'], [readability[field], field === 'url' ? 'link' : 'page']);
    details[field] = value;
    if (source) from[field] = source;
  }
  return { details, from, paragraphs, furniture };
}

// ------------------------------------------------------------------ files

/** Plain text: paragraphs separated by blank lines (or one a line when there are none). */
export function extractFromText(body: string): ExtractedArticle {
  const text = body.replace(/\r\n?/g, '\n').trim();
  const blocks = /\n[ \t]*\n/.test(text) ? text.split(/\n[ \t]*\n/) : text.split('\n');
  return { details: { outlet: null, headline: null, published: null, author: null, url: null }, from: {}, paragraphs: blocks.map(normaliseWhitespace).filter(Boolean), furniture: [] };
}

/** Markdown: a leading `# Headline` is the headline; links keep their text, images and emphasis marks go. */
export function extractFromMarkdown(body: string): ExtractedArticle {
  let headline: string | null = null;
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first >= 0 && /^#\s+\S/.test(lines[first]!)) {
    headline = normaliseWhitespace(lines[first]!.replace(/^#\s+/, ''));
    lines.splice(first, 1);
  }
  const plain = lines
    .join('\n')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^>\s?/gm, '');
  const extracted = extractFromText(plain);
  if (headline) {
    extracted.details.headline = headline;
    extracted.from.headline = 'page';
  }
  return extracted;
}
