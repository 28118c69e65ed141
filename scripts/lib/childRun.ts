import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

/** A child process's wall time, CPU time (user + system) and peak memory, through /usr/bin/time where there is one. */
export interface ChildRun {
  wallMs: number;
  cpuMs: number | null;
  maxRssBytes: number | null;
  stdout: string;
}

const TIME = '/usr/bin/time';

export const runFile = (file: string, args: string[], options: { env: NodeJS.ProcessEnv; cwd?: string }) =>
  promisify(execFile)(file, args, { ...options, maxBuffer: 256 * 1024 * 1024 });

/** Runs `node ARGS` as a new process and measures it. */
export async function child(args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<ChildRun> {
  const t0 = performance.now();
  if (!existsSync(TIME)) {
    const { stdout } = await runFile(process.execPath, args, { env, cwd });
    return { wallMs: performance.now() - t0, cpuMs: null, maxRssBytes: null, stdout };
  }
  const { stdout, stderr } = await runFile(TIME, ['-f', 'TIME %U %S %M', process.execPath, ...args], { env, cwd });
  const m = /TIME ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(stderr);
  return {
    wallMs: performance.now() - t0,
    cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : null,
    maxRssBytes: m ? Number(m[3]) * 1024 : null,
    stdout,
  };
}

export const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;
export const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export const described = (r: ChildRun): string =>
  `${s(r.wallMs)} wall${r.cpuMs !== null ? `, ${s(r.cpuMs)} CPU` : ''}${r.maxRssBytes !== null ? `, peak RSS ${mb(r.maxRssBytes)}` : ''}`;
