/**
 * A local web server on 127.0.0.1 serving pages shaped like news sites, and the awkward cases a careful fetcher must
 * refuse: non-HTML, oversized, slow, redirect loops and chains, redirects to private addresses, 404 and 500.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const PAGES_DIR = path.join(import.meta.dirname, '..', 'fixtures', 'pages');

export function page(name: string): string {
  return readFileSync(path.join(PAGES_DIR, name), 'utf8');
}

export interface NewsServer {
  base: string;
  /** Pages served at `/p/<name>` (text/html), added by tests. */
  pages: Map<string, string>;
  /** User-Agent headers received. */
  userAgents: string[];
  close(): Promise<void>;
}

export async function startNewsServer(): Promise<NewsServer> {
  const pages = new Map<string, string>();
  const userAgents: string[] = [];
  const html = (res: ServerResponse, body: string, type = 'text/html; charset=utf-8') => res.writeHead(200, { 'Content-Type': type }).end(body);
  const server: Server = createServer((req, res) => {
    userAgents.push(String(req.headers['user-agent'] ?? ''));
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const p = url.pathname;
    if (p === '/news/article') return html(res, page('news-article.html'));
    if (p === '/news/no-metadata') return html(res, page('no-metadata.html'));
    if (p === '/news/opengraph') return html(res, page('opengraph-only.html'));
    if (p === '/news/gzip') {
      return res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }).end(gzipSync(page('news-article.html')));
    }
    if (p === '/news/latin1') {
      return res.writeHead(200, { 'Content-Type': 'text/html; charset=iso-8859-1' }).end(Buffer.from(page('opengraph-only.html').replace('Allies meeting', 'Alliés meeting'), 'latin1'));
    }
    if (p.startsWith('/p/')) {
      const body = pages.get(decodeURIComponent(p.slice(3)));
      return body === undefined ? res.writeHead(404).end('not here') : html(res, body);
    }
    if (p === '/file.pdf') return res.writeHead(200, { 'Content-Type': 'application/pdf' }).end('%PDF-1.4 not really');
    if (p === '/data.json') return res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"a":1}');
    if (p === '/plain.txt') return res.writeHead(200, { 'Content-Type': 'text/plain' }).end('Just some text.');
    if (p === '/no-type') return res.writeHead(200).end('<html>?</html>');
    if (p === '/huge-declared') return res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': '999999999' }).end('<html></html>');
    if (p === '/huge-stream') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      const chunk = `<p>${'padding '.repeat(1000)}</p>`;
      let sent = 0;
      const send = () => {
        while (sent < 400 && res.write(chunk)) sent++;
        if (sent >= 400) res.end();
        else res.once('drain', send);
      };
      res.on('error', () => {});
      send();
      return;
    }
    if (p === '/gzip-bomb') {
      return res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }).end(gzipSync(Buffer.alloc(50_000_000, 32)));
    }
    if (p === '/slow-headers') return void setTimeout(() => !res.destroyed && html(res, page('news-article.html')), 10_000);
    if (p === '/slow-body') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.write('<html><body><p>Start');
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write('.')), 100);
      res.on('close', () => clearInterval(timer));
      return;
    }
    if (p === '/loop-a') return res.writeHead(302, { Location: '/loop-b' }).end();
    if (p === '/loop-b') return res.writeHead(301, { Location: '/loop-a' }).end();
    if (p.startsWith('/chain/')) {
      const n = Number(p.slice(7));
      return res.writeHead(302, { Location: n > 0 ? `/chain/${n - 1}` : '/news/article' }).end();
    }
    if (p === '/to-metadata') return res.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (p === '/to-private') return res.writeHead(307, { Location: 'http://10.1.2.3/internal' }).end();
    if (p === '/to-ipv6-loopback') return res.writeHead(302, { Location: `http://[::1]:${(server.address() as AddressInfo).port}/news/article` }).end();
    if (p === '/to-mapped') return res.writeHead(302, { Location: 'http://[::ffff:192.168.0.1]/' }).end();
    if (p === '/to-file') return res.writeHead(302, { Location: 'file:///etc/passwd' }).end();
    if (p === '/missing') return res.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Not found</h1>');
    if (p === '/broken') return res.writeHead(500, { 'Content-Type': 'text/html' }).end('<h1>Oops</h1>');
    res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    pages,
    userAgents,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
