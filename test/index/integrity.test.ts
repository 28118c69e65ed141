import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBotError } from '../../src/errors.js';
import { buildDir, currentPointerPath, MANIFEST_FILE, readCurrentBuild } from '../../src/index/indexFiles.js';
import { loadIndex } from '../../src/index/loadIndex.js';
import { canonicalJson, manifestChecksum } from '../../src/index/manifest.js';
import { testEngine, testWorkspace, type TestWorkspace } from '../helpers/testEngine.js';

let ws: TestWorkspace;

beforeAll(async () => {
  ws = testWorkspace();
  await testEngine(ws.config);
});
afterAll(() => ws.cleanup());

async function refused(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isBotError(error, 'INDEX_CORRUPT'), `expected INDEX_CORRUPT, got ${String(error)}`).toBe(true);
  expect((error as Error).message).toContain('npm run reindex');
  return error as Error;
}

/** Replaces one byte of `needle`'s first occurrence in the file by a different letter, as a bit flip would. */
function flipByteIn(file: string, needle: string): void {
  const bytes = readFileSync(file);
  const at = bytes.indexOf(Buffer.from(needle, 'utf8'));
  expect(at, `${needle} not found in ${file}`).toBeGreaterThanOrEqual(0);
  const i = at + Math.floor(needle.length / 2);
  bytes[i] = bytes[i] === 0x78 ? 0x79 : 0x78; // 'x' or 'y'
  writeFileSync(file, bytes);
}

describe('regression: flipped bytes in manifest.json text values were served silently', () => {
  it('refuses a manifest whose outlet name was changed by one byte', async () => {
    const file = path.join(buildDir(ws.config.INDEX_DIR, (await readCurrentBuild(ws.config.INDEX_DIR))!), MANIFEST_FILE);
    const original = readFileSync(file);
    const outlet = (JSON.parse(original.toString('utf8')) as { articles: { outlet: string }[] }).articles[0]!.outlet;
    try {
      flipByteIn(file, JSON.stringify(outlet));
      const error = await refused(loadIndex(ws.config.INDEX_DIR));
      expect(error.message).toMatch(/manifest.*damaged/);
    } finally {
      writeFileSync(file, original);
    }
    expect((await loadIndex(ws.config.INDEX_DIR)).manifest.articles[0]!.outlet).toBe(outlet);
  });

  it('refuses a manifest whose URL was changed by one byte', async () => {
    const file = path.join(buildDir(ws.config.INDEX_DIR, (await readCurrentBuild(ws.config.INDEX_DIR))!), MANIFEST_FILE);
    const original = readFileSync(file);
    const url = (JSON.parse(original.toString('utf8')) as { articles: { url: string | null }[] }).articles.find((a) => a.url)!.url!;
    try {
      flipByteIn(file, url);
      await refused(loadIndex(ws.config.INDEX_DIR));
    } finally {
      writeFileSync(file, original);
    }
  });

  it('refuses a manifest with an added field or reformatted whitespace only when the content changes', async () => {
    const file = path.join(buildDir(ws.config.INDEX_DIR, (await readCurrentBuild(ws.config.INDEX_DIR))!), MANIFEST_FILE);
    const original = readFileSync(file, 'utf8');
    try {
      const json = JSON.parse(original) as Record<string, unknown>;
      writeFileSync(file, JSON.stringify(json)); // same content, other layout: still loads
      expect((await loadIndex(ws.config.INDEX_DIR)).passages.length).toBeGreaterThan(0);
      writeFileSync(file, JSON.stringify({ ...json, extra: 'injected' }));
      await refused(loadIndex(ws.config.INDEX_DIR));
    } finally {
      writeFileSync(file, original);
    }
  });

  it('checksums the canonical JSON: key order does not matter, the recorded checksum is left out', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }] })).toBe('{"a":[{"c":"x","d":null}],"b":1}');
    const m = { format: 2, checksums: { hnsw: 'h', passages: 'p', manifest: '' } };
    const sum = manifestChecksum(m);
    expect(manifestChecksum({ checksums: { manifest: sum, passages: 'p', hnsw: 'h' }, format: 2 })).toBe(sum);
    expect(manifestChecksum({ ...m, format: 3 })).not.toBe(sum);
  });
});

describe('regression: a CURRENT naming a path outside the index folder was followed', () => {
  it.each([['../../../etc'], ['/etc'], ['builds/../../x'], ['..'], ['a/b'], ['name with spaces']])('refuses CURRENT = %j', async (value) => {
    const pointer = currentPointerPath(ws.config.INDEX_DIR);
    const original = readFileSync(pointer);
    try {
      writeFileSync(pointer, `${value}\n`);
      const error = await refused(loadIndex(ws.config.INDEX_DIR));
      expect(error.message).toContain('not the name of a build folder');
      await refused(testEngine(ws.config));
    } finally {
      writeFileSync(pointer, original);
    }
    expect((await loadIndex(ws.config.INDEX_DIR)).passages.length).toBeGreaterThan(0);
  });

  it('a reindex replaces a bad CURRENT with a good one', async () => {
    const pointer = currentPointerPath(ws.config.INDEX_DIR);
    writeFileSync(pointer, '../../../etc\n');
    const engine = await testEngine(ws.config, { rebuild: true });
    expect(await readCurrentBuild(ws.config.INDEX_DIR)).toBe(engine.build);
    expect((await loadIndex(ws.config.INDEX_DIR)).build).toBe(engine.build);
  });
});
