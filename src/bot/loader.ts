import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { isCommand, type Command } from './command.js';

const COMMANDS_DIR = new URL('./commands/', import.meta.url);

/** Imports every command module in `commands/` (one command per file, default export), sorted by name. */
export async function loadCommands(dir: URL = COMMANDS_DIR): Promise<Command[]> {
  const files = (await readdir(fileURLToPath(dir)))
    .filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith('.d.ts') && !f.startsWith('index.') && !f.endsWith('.test.ts'))
    .sort();
  const commands: Command[] = [];
  for (const file of files) {
    const mod = (await import(new URL(file, dir).href)) as { default?: unknown };
    if (!isCommand(mod.default)) throw new Error(`${file} does not default-export a command ({ data, execute })`);
    commands.push(mod.default);
  }
  const names = new Set<string>();
  for (const c of commands) {
    if (names.has(c.data.name)) throw new Error(`Two command files define /${c.data.name}`);
    names.add(c.data.name);
  }
  return commands.sort((a, b) => a.data.name.localeCompare(b.data.name));
}
