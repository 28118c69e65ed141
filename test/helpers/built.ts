/** The compiled bot (`npm run build`, run by `npm ci`), rebuilt when a source file is newer, for tests that run what `npm start` runs. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './discordSpec.js';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(file) : statSync(file).mtimeMs);
  }
  return newest;
}

export function ensureBuilt(): void {
  const entry = path.join(repoRoot, 'dist', 'bot', 'main.js');
  if (existsSync(entry) && statSync(entry).mtimeMs >= newestMtime(path.join(repoRoot, 'src'))) return;
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
}
