/**
 * Fetching one page a moderator asked for, carefully: http and https only, a time limit over the whole fetch, a
 * size cap (after decompression), a redirect limit, HTML content types only, and no private, loopback, link-local
 * or metadata addresses. The address check runs after DNS resolution and on every redirect, and the connection is
 * made to the very address that was checked (so a name that resolves differently a second time cannot slip through).
 * Every refusal is a BotError whose message is written for the moderator.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { pipeline, type Readable, type Transform } from 'node:stream';
import type { Config } from '../config/config.js';
import { BotError } from '../errors.js';
import { blockedAddressReason } from './addresses.js';

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface FetchPolicy {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  /** Whether a private, loopback, link-local or metadata address may be used (ALLOW_PRIVATE_ADDRESSES); or a test of one address. */
  allowPrivate: boolean | ((address: string) => boolean);
  /** Every address a host name resolves to (default: the system resolver). */
  resolve?: (host: string) => Promise<ResolvedAddress[]>;
  /** `html`: text/html and application/xhtml+xml only (links). `text`: also text/plain and markdown (uploaded files). */
  accept?: 'html' | 'text';
}

export interface FetchedPage {
  /** The address asked for. */
  requestedUrl: string;
  /** The address the page came from, after redirects. */
  url: string;
  redirects: string[];
  status: number;
  /** The media type, lower case, without parameters. */
  contentType: string;
  body: string;
  bytes: number;
}

export function fetchPolicy(config: Pick<Config, 'FETCH_TIMEOUT_SECONDS' | 'FETCH_MAX_BYTES' | 'FETCH_MAX_REDIRECTS' | 'ALLOW_PRIVATE_ADDRESSES' | 'FETCH_USER_AGENT'>): FetchPolicy {
  return {
    timeoutMs: config.FETCH_TIMEOUT_SECONDS * 1000,
    maxBytes: config.FETCH_MAX_BYTES,
    maxRedirects: config.FETCH_MAX_REDIRECTS,
    userAgent: config.FETCH_USER_AGENT,
    allowPrivate: config.ALLOW_PRIVATE_ADDRESSES,
  };
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const TEXT_TYPES = new Set([...HTML_TYPES, 'text/plain', 'text/markdown', 'text/x-markdown', 'application/octet-stream']);

/** A url cut to 120 characters for a message. */
export function shownUrl(url: string): string {
  return url.length > 120 ? `${url.slice(0, 120)}…` : url;
}

function sizeText(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return bytes >= 1_000 ? `${(bytes / 1_000).toFixed(0)} kB` : `${bytes} bytes`;
}

/** Parses and checks one address of the chain (the first or a redirect's). */
export function checkUrl(raw: string, base?: string): URL {
  let url: URL;
  try {
    url = base === undefined ? new URL(raw.trim()) : new URL(raw, base);
  } catch {
    throw new BotError('FETCH_BAD_URL', `${shownUrl(raw)} is not a web address; give a full link starting with https://.`, { url: raw });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BotError('FETCH_BAD_URL', `Only http and https links can be fetched, not ${url.protocol.replace(/:$/, '')}: (${shownUrl(url.href)}).`, { url: url.href });
  }
  if (url.username !== '' || url.password !== '') {
    throw new BotError('FETCH_BAD_URL', 'Links with a user name or password in them are not fetched.', { url: `${url.protocol}//${url.host}` });
  }
  url.hash = '';
  return url;
}

function privateAllowed(policy: FetchPolicy, address: string): boolean {
  return typeof policy.allowPrivate === 'function' ? policy.allowPrivate(address) : policy.allowPrivate;
}

async function defaultResolve(host: string): Promise<ResolvedAddress[]> {
  return dnsLookup(host, { all: true, verbatim: true });
}

/** The address to connect to for `url`, checked: every address the name resolves to must be allowed. */
async function addressFor(url: URL, policy: FetchPolicy, signal: AbortSignal): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: ResolvedAddress[];
  if (isIP(host) !== 0) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await (policy.resolve ?? defaultResolve)(host);
    } catch (cause) {
      if (signal.aborted) throw cause;
      throw new BotError('FETCH_FAILED', `The site name ${host} does not resolve (${(cause as NodeJS.ErrnoException).code ?? 'DNS error'}); check the link.`, { host }, { cause });
    }
    if (addresses.length === 0) throw new BotError('FETCH_FAILED', `The site name ${host} does not resolve; check the link.`, { host });
  }
  for (const { address } of addresses) {
    const why = blockedAddressReason(address);
    if (why !== null && !privateAllowed(policy, address)) {
      const named = isIP(host) !== 0 ? host : `${host} (which resolves to ${address})`;
      throw new BotError(
        'FETCH_BLOCKED_ADDRESS',
        `Refused: ${named} is ${why}. Only public web addresses are fetched (ALLOW_PRIVATE_ADDRESSES=true opens private ones, for intranets).`,
        { host, address },
      );
    }
  }
  return addresses[0]!;
}

/** A lookup that hands the socket the address already checked, whatever it asks. */
function pinnedLookup(resolved: ResolvedAddress): LookupFunction {
  return ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: resolved.address, family: resolved.family }]);
    else callback(null, resolved.address, resolved.family);
  }) as unknown as LookupFunction;
}

function get(url: URL, resolved: ResolvedAddress, policy: FetchPolicy, signal: AbortSignal): Promise<IncomingMessage> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'GET',
        signal,
        lookup: pinnedLookup(resolved),
        headers: {
          'User-Agent': policy.userAgent,
          Accept: policy.accept === 'text' ? 'text/html,text/plain,text/markdown;q=0.9,*/*;q=0.1' : 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
          'Accept-Encoding': 'gzip, deflate, br',
          'Accept-Language': 'en',
        },
      },
      resolve,
    );
    req.on('error', reject);
    req.end();
  });
}

function connectionError(url: URL, cause: unknown): BotError {
  const code = (cause as NodeJS.ErrnoException).code ?? 'error';
  const why: Record<string, string> = {
    ECONNREFUSED: 'the connection was refused',
    ECONNRESET: 'the connection was cut',
    ETIMEDOUT: 'the connection timed out',
    EHOSTUNREACH: 'the host cannot be reached',
    ENETUNREACH: 'the network cannot be reached',
    CERT_HAS_EXPIRED: "the site's certificate has expired",
    DEPTH_ZERO_SELF_SIGNED_CERT: "the site's certificate is self-signed",
    ERR_TLS_CERT_ALTNAME_INVALID: "the site's certificate is for another name",
  };
  return new BotError('FETCH_FAILED', `${url.host} could not be fetched: ${why[code] ?? code}.`, { host: url.host, code }, { cause });
}

function decoded(response: IncomingMessage): Readable {
  const encoding = String(response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  // pipeline, not pipe: an aborted or cut response errors the decompressor too, so reading it never hangs.
  const through = (decompressor: Transform): Readable => pipeline(response, decompressor, () => {});
  if (encoding === 'gzip' || encoding === 'x-gzip') return through(createGunzip());
  if (encoding === 'deflate') return through(createInflate());
  if (encoding === 'br') return through(createBrotliDecompress());
  return response;
}

/** The charset the headers or the page's first bytes name (utf-8 when none, or when it is unknown). */
function charsetOf(contentType: string, head: Buffer): string {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
  const fromMeta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head.subarray(0, 2048).toString('latin1'))?.[1];
  for (const label of [fromHeader, fromMeta]) {
    if (!label) continue;
    try {
      new TextDecoder(label);
      return label;
    } catch {
      // an unknown label: try the next
    }
  }
  return 'utf-8';
}

async function readBody(response: IncomingMessage, url: URL, policy: FetchPolicy): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  const stream = decoded(response);
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > policy.maxBytes) {
        response.destroy();
        throw new BotError('FETCH_TOO_LARGE', `The page at ${shownUrl(url.href)} is larger than ${sizeText(policy.maxBytes)} (FETCH_MAX_BYTES); it was not read.`, {
          url: url.href,
          maxBytes: policy.maxBytes,
        });
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof BotError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code === 'ERR__ERROR_FORMAT_PADDING_1') {
      throw new BotError('FETCH_FAILED', `The page at ${shownUrl(url.href)} arrived damaged (its compression is broken).`, { url: url.href }, { cause: error });
    }
    throw error;
  }
  return Buffer.concat(chunks);
}

/** Fetches one page under the policy. Throws a FETCH_* BotError, with a message for the moderator, on any refusal. */
export async function safeFetch(rawUrl: string, policy: FetchPolicy): Promise<FetchedPage> {
  const first = checkUrl(rawUrl);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), policy.timeoutMs);
  const redirects: string[] = [];
  const seen = new Set<string>([first.href]);
  let url = first;
  try {
    for (;;) {
      const resolved = await addressFor(url, policy, controller.signal);
      let response: IncomingMessage;
      try {
        response = await get(url, resolved, policy, controller.signal);
      } catch (cause) {
        if (controller.signal.aborted) throw cause;
        throw connectionError(url, cause);
      }
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location) {
        response.resume();
        if (redirects.length >= policy.maxRedirects) {
          throw new BotError('FETCH_TOO_MANY_REDIRECTS', `The link redirects more than ${policy.maxRedirects} times (FETCH_MAX_REDIRECTS); last seen at ${shownUrl(url.href)}.`, {
            url: first.href,
            redirects,
          });
        }
        const next = checkUrl(location, url.href);
        if (seen.has(next.href)) {
          throw new BotError('FETCH_TOO_MANY_REDIRECTS', `The link redirects in a loop (back to ${shownUrl(next.href)}).`, { url: first.href, redirects });
        }
        seen.add(next.href);
        redirects.push(next.href);
        url = next;
        continue;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        const text = `${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`;
        throw new BotError('FETCH_HTTP_STATUS', `The site answered ${text} for ${shownUrl(url.href)}; nothing was fetched.`, { url: url.href, status });
      }
      const contentTypeHeader = String(response.headers['content-type'] ?? '');
      const contentType = contentTypeHeader.split(';')[0]!.trim().toLowerCase();
      const accepted = policy.accept === 'text' ? TEXT_TYPES : HTML_TYPES;
      if (!accepted.has(contentType)) {
        response.resume();
        const what = contentType === '' ? 'no content type' : contentType;
        throw new BotError('FETCH_NOT_HTML', `${shownUrl(url.href)} is not an HTML page (it is ${what}); link to the article's web page.`, { url: url.href, contentType });
      }
      const length = Number(response.headers['content-length']);
      if (Number.isFinite(length) && length > policy.maxBytes) {
        response.destroy();
        throw new BotError('FETCH_TOO_LARGE', `The page at ${shownUrl(url.href)} is ${sizeText(length)}, over the limit of ${sizeText(policy.maxBytes)} (FETCH_MAX_BYTES); it was not read.`, {
          url: url.href,
          maxBytes: policy.maxBytes,
        });
      }
      const bytes = await readBody(response, url, policy);
      const body = new TextDecoder(charsetOf(contentTypeHeader, bytes)).decode(bytes);
      return { requestedUrl: first.href, url: url.href, redirects, status, contentType, body, bytes: bytes.length };
    }
  } catch (error) {
    if (controller.signal.aborted && !(error instanceof BotError)) {
      throw new BotError('FETCH_TIMEOUT', `${shownUrl(first.href)} took longer than ${policy.timeoutMs / 1000} s to arrive (FETCH_TIMEOUT_SECONDS); nothing was fetched.`, {
        url: first.href,
      });
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
