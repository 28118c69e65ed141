import { checkWritableDirs, loadConfig } from '../config/config.js';
import { reindexIfUnchanged } from '../engine/unchangedReindex.js';
import { isBotError } from '../errors.js';
import { createLogger } from '../log.js';
import { formatReport, runCli, terminalActor, terminalProgress } from './format.js';

/** Rebuilds the index from the corpus and swaps it in; prints what changed. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const progress = terminalProgress();
  await checkWritableDirs(config);
  // Nothing changed: reported without loading the model or the index (a new process answers in about a second).
  // A change: built here, under the same lock, from what the check read (the build in use, checked; the corpus files),
  // without creating an engine (no model unless a text is new, no build loaded to answer from).
  const done = await reindexIfUnchanged(config, terminalActor(), async (lock, read) => {
    const { terminalReindexLocked } = await import('../engine/terminalReindex.js');
    return terminalReindexLocked(config, terminalActor(), lock, read, { onProgress: progress, onWarn: (obj, msg) => log.warn(obj as object, msg) });
  });
  if (done) {
    console.log(formatReport(done));
    return;
  }
  const { createEngine } = await import('../engine/createEngine.js');
  let engine;
  try {
    engine = await createEngine(config, { log, onProgress: progress });
  } catch (error) {
    // A corrupt index or one built by another embedder is exactly what a reindex replaces.
    if (!isBotError(error, 'INDEX_CORRUPT') && !isBotError(error, 'INDEX_EMBEDDER_MISMATCH')) throw error;
    console.error(`${error.message.split('. Run')[0]}. Rebuilding it.`);
    engine = await createEngine({ ...config }, { log, onProgress: progress, rebuild: true });
    console.log(formatReport(engine.lastReport!));
    return;
  }
  const report = engine.lastReport ?? (await engine.reindex(progress, { actor: terminalActor() }));
  console.log(formatReport(report));
}

runCli(main);
