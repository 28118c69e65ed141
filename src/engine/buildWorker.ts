/**
 * Child process entry of a reindex (see reindexInWorker.ts): when nothing changed, says so without loading
 * anything (sinceBuild); else runs the build (buildFromCorpus: rebuildIndex, then saveIndex, which swaps
 * CURRENT; the model loaded only when a text is not in the embedding cache) and sends progress and the result back over IPC.
 * The process that serves Discord never embeds or builds. The parent holds the reindex lock and decides when this
 * process stops: signals sent to the whole process group (Ctrl-C, SIGTERM to the group) are left to it, and this
 * process ends when the parent goes away.
 */
import { isBotError } from '../errors.js';
import { buildFromCorpus } from './buildRun.js';
import { sinceBuild } from './unchangedReindex.js';
import type { BuildJob, WorkerMessage } from './reindexInWorker.js';

if (!process.send) throw new Error('buildWorker runs as a child process with an IPC channel only');
const post = (message: WorkerMessage): Promise<void> => new Promise((resolve) => process.send!(message, () => resolve()));

// The parent stops this build (SIGKILL) when it must; a signal to the whole group is the parent's to handle.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});
// The parent died (kill -9): nothing would take the result, and the lock is the parent's.
process.on('disconnect', () => process.exit(1));

async function run(job: BuildJob): Promise<void> {
  // Nothing changed: the build in use stays, decided without loading the model or the index.
  const { kept: unchanged, read } = await sinceBuild(job.config);
  if (unchanged !== null && unchanged.report.articles > 0) {
    await post({ type: 'done', report: unchanged.report, build: unchanged.build, kept: true });
    return;
  }
  // What the check read (the build in use, checked; the corpus files) is built from, not read again: the parent holds the lock.
  const result = await buildFromCorpus(
    job,
    {
      onProgress: (progress) => void post({ type: 'progress', progress }),
      onWarn: (obj, msg) => void post({ type: 'log', level: 'warn', obj, msg }),
    },
    read,
  );
  await post({ type: 'done', ...result });
}

process.once('message', (job: BuildJob) => {
  run(job).then(
    () => process.exit(0),
    async (error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      await post({
        type: 'error',
        error: { message: e.message, stack: e.stack, code: isBotError(e) ? e.code : undefined, context: isBotError(e) ? e.context : undefined },
      });
      process.exit(1);
    },
  );
});
