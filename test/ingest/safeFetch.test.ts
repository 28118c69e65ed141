/** Safe fetching against a local server: what is fetched, and every refusal as a coded error with a clear message. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBotError, type ErrorCode } from '../../src/errors.js';
import { blockedAddressReason } from '../../src/ingest/addresses.js';
import { safeFetch, type FetchPolicy } from '../../src/ingest/safeFetch.js';
import { startNewsServer, type NewsServer } from '../helpers/newsServer.js';

let server: NewsServer;
beforeAll(async () => {
  server = await startNewsServer();
});
afterAll(() => server.close());

/** Tests stand for the public internet at 127.0.0.1: only that address is let through; every other check is real. */
const policy = (over: Partial<FetchPolicy> = {}): FetchPolicy => ({
  timeoutMs: 3_000,
  maxBytes: 200_000,
  maxRedirects: 3,
  userAgent: 'declaration-bot-test/1.0',
  allowPrivate: (address) => address === '127.0.0.1',
  ...over,
});

async function refusal(url: string, p: FetchPolicy = policy()): Promise<{ code: ErrorCode; message: string }> {
  try {
    await safeFetch(url, p);
  } catch (error) {
    if (!isBotError(error)) throw error;
    expect(error.message).not.toMatch(/\n\s+at /); // a message, never a stack
    return { code: error.code, message: error.message };
  }
  throw new Error(`expected ${url} to be refused`);
}

describe('blockedAddressReason', () => {
  it.each([
    ['127.0.0.1', /loopback/],
    ['10.20.30.40', /private/],
    ['172.16.5.4', /private/],
    ['192.168.1.1', /private/],
    ['169.254.169.254', /link-local.*metadata/],
    ['100.100.100.200', /carrier-grade/],
    ['0.0.0.0', /this network/],
    ['224.0.0.1', /multicast/],
    ['::1', /loopback/],
    ['fe80::1', /link-local/],
    ['fd00:ec2::254', /unique local/],
    ['::ffff:10.0.0.1', /private/],
    ['::ffff:7f00:1', /loopback/],
    ['64:ff9b::a9fe:a9fe', /link-local/],
  ])('refuses %s', (address, why) => {
    expect(blockedAddressReason(address)).toMatch(why);
  });

  it.each(['93.184.216.34', '151.101.1.140', '2a04:4e42::81', '8.8.8.8'])('lets the public address %s through', (address) => {
    expect(blockedAddressReason(address)).toBeNull();
  });
});

describe('safeFetch', () => {
  it('fetches a news page, with a clear user-agent', async () => {
    const page = await safeFetch(`${server.base}/news/article`, policy());
    expect(page.contentType).toBe('text/html');
    expect(page.body).toContain('Admiral Hervé Quillon');
    expect(server.userAgents.at(-1)).toBe('declaration-bot-test/1.0');
  });

  it('decompresses gzip and decodes the charset the server names', async () => {
    expect((await safeFetch(`${server.base}/news/gzip`, policy())).body).toContain('Mont Valérien');
    expect((await safeFetch(`${server.base}/news/latin1`, policy())).body).toContain('Alliés meeting');
  });

  it('follows redirects up to the limit, and names the final address', async () => {
    const page = await safeFetch(`${server.base}/chain/2`, policy());
    expect(page.url).toBe(`${server.base}/news/article`);
    expect(page.redirects).toHaveLength(3);
    const r = await refusal(`${server.base}/chain/5`);
    expect(r.code).toBe('FETCH_TOO_MANY_REDIRECTS');
    expect(r.message).toMatch(/more than 3 times/);
  });

  it('refuses a redirect loop', async () => {
    const r = await refusal(`${server.base}/loop-a`, policy({ maxRedirects: 10 }));
    expect(r).toEqual({ code: 'FETCH_TOO_MANY_REDIRECTS', message: expect.stringMatching(/in a loop/) });
  });

  it('refuses anything but http and https, on the first address and on a redirect', async () => {
    expect((await refusal('file:///etc/passwd')).message).toMatch(/Only http and https links can be fetched, not file:/);
    expect((await refusal('ftp://example.org/x')).code).toBe('FETCH_BAD_URL');
    expect((await refusal('not a link')).message).toMatch(/is not a web address/);
    expect((await refusal('http://user:secret@127.0.0.1/')).message).toMatch(/user name or password/);
    expect((await refusal(`${server.base}/to-file`)).code).toBe('FETCH_BAD_URL');
  });

  it('refuses private, loopback, link-local and metadata addresses, also on every redirect', async () => {
    const strict = policy({ allowPrivate: false });
    expect(await refusal(`${server.base}/news/article`, strict)).toEqual({ code: 'FETCH_BLOCKED_ADDRESS', message: expect.stringMatching(/127\.0\.0\.1 is a loopback address/) });
    expect((await refusal(`${server.base}/to-metadata`)).message).toMatch(/169\.254\.169\.254 is a link-local address \(where cloud metadata services live\)/);
    expect((await refusal(`${server.base}/to-private`)).message).toMatch(/10\.1\.2\.3 is a private address/);
    expect((await refusal(`${server.base}/to-ipv6-loopback`)).message).toMatch(/::1 is a loopback address/);
    expect((await refusal(`${server.base}/to-mapped`)).message).toMatch(/private address/);
    expect((await refusal('http://[fd00:ec2::254]/latest/meta-data')).code).toBe('FETCH_BLOCKED_ADDRESS');
  });

  it('checks the addresses a name resolves to, and connects to the address it checked', async () => {
    const resolveTo = (...addresses: string[]) => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    const r = await refusal('http://intranet.example/wiki', policy({ resolve: resolveTo('192.168.1.10') }));
    expect(r.message).toBe(
      'Refused: intranet.example (which resolves to 192.168.1.10) is a private address. Only public web addresses are fetched (ALLOW_PRIVATE_ADDRESSES=true opens private ones, for intranets).',
    );
    // One private address among public ones is enough to refuse.
    expect((await refusal('http://mixed.example/', policy({ resolve: resolveTo('93.184.216.34', '127.0.0.2') }))).code).toBe('FETCH_BLOCKED_ADDRESS');
    // The socket goes to the checked address (the name itself resolves nowhere).
    const port = new URL(server.base).port;
    const page = await safeFetch(`http://news.invalid:${port}/news/opengraph`, policy({ resolve: resolveTo('127.0.0.1') }));
    expect(page.body).toContain('OG Herald');
  });

  it('says when a name does not resolve or the connection is refused', async () => {
    const r = await refusal('http://nowhere.invalid/', policy({ resolve: async () => { throw Object.assign(new Error('nope'), { code: 'ENOTFOUND' }); } }));
    expect(r).toEqual({ code: 'FETCH_FAILED', message: 'The site name nowhere.invalid does not resolve (ENOTFOUND); check the link.' });
    expect((await refusal('http://127.0.0.1:1/')).message).toMatch(/connection was refused/);
  });

  it('refuses what is not HTML', async () => {
    expect(await refusal(`${server.base}/file.pdf`)).toEqual({ code: 'FETCH_NOT_HTML', message: expect.stringMatching(/is not an HTML page \(it is application\/pdf\)/) });
    expect((await refusal(`${server.base}/data.json`)).code).toBe('FETCH_NOT_HTML');
    expect((await refusal(`${server.base}/plain.txt`)).code).toBe('FETCH_NOT_HTML');
    expect((await refusal(`${server.base}/no-type`)).message).toMatch(/no content type/);
    // Uploaded files may be plain text.
    expect((await safeFetch(`${server.base}/plain.txt`, policy({ accept: 'text' }))).body).toBe('Just some text.');
  });

  it('refuses pages over the size cap: declared, streamed, or decompressed', async () => {
    expect((await refusal(`${server.base}/huge-declared`)).message).toMatch(/over the limit of 200 kB \(FETCH_MAX_BYTES\)/);
    expect((await refusal(`${server.base}/huge-stream`)).code).toBe('FETCH_TOO_LARGE');
    expect((await refusal(`${server.base}/gzip-bomb`)).code).toBe('FETCH_TOO_LARGE');
  });

  it('gives up on slow servers after the timeout', async () => {
    const fast = policy({ timeoutMs: 400 });
    expect(await refusal(`${server.base}/slow-headers`, fast)).toEqual({ code: 'FETCH_TIMEOUT', message: expect.stringMatching(/took longer than 0.4 s to arrive \(FETCH_TIMEOUT_SECONDS\)/) });
    expect((await refusal(`${server.base}/slow-body`, fast)).code).toBe('FETCH_TIMEOUT');
  });

  it('says what the site answered for 404 and 500', async () => {
    expect(await refusal(`${server.base}/missing`)).toEqual({ code: 'FETCH_HTTP_STATUS', message: `The site answered 404 Not Found for ${server.base}/missing; nothing was fetched.` });
    expect((await refusal(`${server.base}/broken`)).message).toMatch(/answered 500 Internal Server Error/);
  });
});
