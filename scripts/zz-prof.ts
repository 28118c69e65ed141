import { loadConfig } from '/work/wt-10/src/config/config.js';
import { createEngine } from '/work/wt-10/src/engine/createEngine.js';
import { createLogger } from '/work/wt-10/src/log.js';
const [corpus, index, kind] = process.argv.slice(2);
const config = { ...loadConfig(), CORPUS_DIR: corpus!, INDEX_DIR: index!, EMBED_CACHE_DIR: '/tmp/wt10-cache' };
let t = performance.now();
const engine = await createEngine(config, { log: createLogger('warn') });
console.log('start', (performance.now() - t).toFixed(0));
const outlets = [...new Set(engine.sources().articles.map((a) => a.outlet))];
const qs = kind === 'outlet' ? outlets.slice(0, 20).map((o) => `What did ${o} report about Greenland?`) : kind === 'compare' ? outlets.slice(0, 10).map((o) => `How did ${o} and ${outlets[3]} cover the troops?`).concat(['How did the outlets differ on Putin?']) : engine.speakers().slice(0, 20).map((s) => `What did ${s.name} say?`);
for (const q of qs) { t = performance.now(); const r = await engine.ask(q); console.log((performance.now() - t).toFixed(0), r.timings.composeMs.toFixed(0), q); }
