/** The text kernel and the topic profile sit at the bottom of the pipeline: they import nothing above them. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)].map((m) => path.resolve(path.dirname(file), m[1] ?? ''));
}

describe('import direction', () => {
  it('src/text imports only src/text', () => {
    for (const file of sources(path.join(SRC, 'text'))) {
      for (const target of imports(file)) expect(target.startsWith(path.join(SRC, 'text') + path.sep), `${file} imports ${target}`).toBe(true);
    }
  });

  it('src/topic imports nothing', () => {
    for (const file of sources(path.join(SRC, 'topic'))) expect(imports(file), file).toEqual([]);
  });
});
