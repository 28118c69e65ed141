/**
 * Checks what the bot showed in Discord against the corpus files themselves (not against the engine): every
 * source field names a real article with its outlet, headline, date and link, and every quoted piece of the
 * answer is text from an article its markers cite.
 */
import type { APIEmbed } from 'discord.js';
import { expect } from 'vitest';
import { formatDate } from '../../src/answer/citations.js';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import type { Article } from '../../src/types.js';

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
const stripZwsp = (text: string): string => text.replace(/\u200b/g, '');

export async function corpusArticles(dir: string): Promise<Article[]> {
  return (await loadCorpus(dir)).articles;
}

/** `[headline](url)` or `headline (no link known)` on a field's first line. */
function parseSourceLine(line: string): { headline: string; url: string | null } {
  const linked = /^\[(.*)\]\((https?:\/\/[^)]+)\)$/.exec(line);
  if (linked) return { headline: linked[1]!.replace(/\\([[\]\\])/g, '$1'), url: linked[2]! };
  return { headline: line.replace(/ \(no link known\)$/, '').replace(/\\([[\]\\])/g, '$1'), url: null };
}

/** The article each `[n]` field of an answer embed names, checked against the corpus. */
export function checkSourceFields(embed: APIEmbed, articles: readonly Article[]): Map<number, Article> {
  const byNumber = new Map<number, Article>();
  for (const field of embed.fields ?? []) {
    const name = /^\[(\d+)\] (.+) · (.+)$/.exec(stripZwsp(field.name));
    expect(name, `field name "${field.name}"`).not.toBeNull();
    const [, n, outlet, date] = name!;
    const source = parseSourceLine(stripZwsp(field.value.split('\n')[0]!));
    const article = articles.find((a) => a.outlet === outlet && (a.headline === source.headline || (source.headline.endsWith('…') && a.headline.startsWith(source.headline.slice(0, -1)))));
    expect(article, `[${n}] ${outlet}: "${source.headline}" is an article in the corpus`).toBeDefined();
    expect(date).toBe(formatDate(article!.published));
    expect(source.url).toBe(article!.url);
    const also = field.value.split('\n')[1];
    if (also) {
      for (const m of also.matchAll(/\[([^\]]+)\]\((https?:\/\/[^)]+)\)/g)) {
        expect(articles.some((a) => a.outlet === m[1] && a.url === m[2]), `"also in" ${m[1]} ${m[2]}`).toBe(true);
      }
    }
    byNumber.set(Number(n), article!);
  }
  return byNumber;
}

/** Every quoted piece of the description comes from an article one of its line's markers cites. */
export function checkQuotes(description: string, cited: ReadonlyMap<number, Article>): number {
  let checked = 0;
  for (const line of stripZwsp(description).split('\n')) {
    const markers = [...line.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    const open = line.indexOf('“');
    const close = line.lastIndexOf('”');
    if (open < 0 || close <= open) continue;
    expect(markers.length, `line is cited: ${line}`).toBeGreaterThan(0);
    const bodies = markers.map((n) => {
      const article = cited.get(n);
      expect(article, `marker [${n}] has a source field`).toBeDefined();
      return squash(article!.body);
    });
    for (const fragment of line.slice(open + 1, close).split('…').map(squash)) {
      if (fragment.length < 20) continue;
      expect(bodies.some((b) => b.includes(fragment)), `"${fragment}" is in an article cited by ${markers.map((n) => `[${n}]`).join('')}`).toBe(true);
      checked++;
    }
  }
  return checked;
}
