import { readFileSync, writeFileSync } from 'node:fs';
import { manifestChecksum } from '../../src/index/manifest.js';

export type ManifestJson = Record<string, unknown> & { checksums: Record<string, unknown> };

/** Rewrites a build's manifest (and its own checksum) as another writer, or an earlier version, would have written it. */
export function rewriteManifest(file: string, edit: (manifest: ManifestJson) => void): void {
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as ManifestJson;
  edit(manifest);
  manifest.checksums.manifest = manifestChecksum(manifest);
  writeFileSync(file, JSON.stringify(manifest));
}
