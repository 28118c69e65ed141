/**
 * `npm run generate-corpus -- --passages 5000 --out /tmp/corpus-5k [--seed 1] [--from corpus]`: writes a synthetic
 * corpus (see scripts/lib/syntheticCorpus.ts) of about that many passages. Same seed and size, same files.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './lib/syntheticCorpus.js';

const { values } = parseArgs({
  options: {
    passages: { type: 'string', default: '1000' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    from: { type: 'string', default: 'corpus' },
  },
});
if (!values.out) {
  console.error('Usage: npm run generate-corpus -- --passages N --out DIR [--seed S] [--from corpus]');
  process.exit(2);
}
const passages = Number(values.passages);
const seed = Number(values.seed);
if (!Number.isInteger(passages) || passages < 1 || !Number.isInteger(seed)) {
  console.error('--passages and --seed must be whole numbers (passages at least 1).');
  process.exit(2);
}
const t0 = performance.now();
const result = await generateCorpus({ sourceDir: path.resolve(values.from), outDir: path.resolve(values.out), passages, seed });
console.log(`Wrote ${result.articles} articles (${result.passages} passages) to ${values.out} in ${((performance.now() - t0) / 1000).toFixed(1)} s (seed ${seed}).`);
