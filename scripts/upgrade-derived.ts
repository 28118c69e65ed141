/**
 * `npx tsx scripts/upgrade-derived.ts --from INDEX_DIR --to NEW_DIR`: copies an index folder and rewrites the derived
 * files of its current build (news.json, search.json) in the formats this code writes, read from the older ones
 * (news.json version 3, search.json version 1) without deriving anything again; the manifest's checksums follow.
 * For measuring a build made before those formats (the cold-start benchmark) without rebuilding it; the source
 * folder is only read.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/config.js';
import { deriveState, NEWS_FILE, SEARCH_FILE } from '../src/engine/engineState.js';
import { buildDir, MANIFEST_FILE, readCurrentBuild, sha256File } from '../src/index/indexFiles.js';
import { loadIndex } from '../src/index/loadIndex.js';
import { derivedFileName, manifestChecksum } from '../src/index/manifest.js';
import { ensureLexicon } from '../src/lexicon/lexicon.js';
import { newsToJson } from '../src/news/newsStore.js';
import { searchIndexToJson } from '../src/retrieval/searchIndex.js';

const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
if (!values.from || !values.to) throw new Error('Usage: upgrade-derived --from INDEX_DIR --to NEW_DIR');
const to = path.resolve(values.to);
cpSync(path.resolve(values.from), to, { recursive: true });
const index = await loadIndex(to);
const lexicon = await ensureLexicon(loadConfig().MODEL_DIR, (message) => console.warn(message));
const state = deriveState(index, 0, lexicon);
const dir = buildDir(to, (await readCurrentBuild(to))!);
const manifestFile = path.join(dir, MANIFEST_FILE);
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { checksums: { derived?: Record<string, string> } & Record<string, unknown> };
// Derived files not rewritten here (duplicates.json) are kept, with their checksums.
const sums: Record<string, string> = { ...manifest.checksums.derived };
for (const [name, content] of [
  [NEWS_FILE, newsToJson(state.news, index.passages)],
  [SEARCH_FILE, searchIndexToJson(state.search)],
] as const) {
  writeFileSync(path.join(dir, derivedFileName(name)), content);
  sums[name] = await sha256File(path.join(dir, derivedFileName(name)));
}
manifest.checksums.derived = sums;
manifest.checksums.manifest = manifestChecksum(manifest);
writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
await loadIndex(to); // every checksum holds
console.log(`${to}: ${NEWS_FILE} and ${SEARCH_FILE} rewritten in the current formats`);
