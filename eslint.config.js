import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The pipeline, lowest first. A module may import its own layer and the layers before it, never one after
 * it: corpus -> passages -> ingest -> news -> embeddings -> lexicon -> index -> retrieval -> plan -> answer -> engine
 * -> articles -> evaluation -> store -> cli / bot. `text`, `topic`, `config` and the files at the top of src/ are the
 * foundation every layer may use; they import no layer.
 */
const LAYERS = [['corpus'], ['passages'], ['ingest'], ['news'], ['embeddings'], ['lexicon'], ['index'], ['retrieval'], ['plan'], ['answer'], ['engine'], ['articles'], ['evaluation'], ['store'], ['cli', 'bot']];
const FOUNDATION = ['text', 'topic', 'config'];
const ALL = LAYERS.flat();

/** `import … from '../engine/x.js'` (any depth of ../) when `engine` is one of `folders`. */
function importsOf(folders) {
  return { regex: `^(?:\\.\\./)+(?:${folders.join('|')})/`, message: 'Imports go down the pipeline only (see eslint.config.js for the order of the layers).' };
}

const layerRules = [
  ...FOUNDATION.map((folder) => ({ files: [`src/${folder}/**/*.ts`], patterns: [importsOf(ALL)] })),
  { files: ['src/*.ts'], patterns: [{ regex: '^\\./(?!errors|log|types)', message: 'Files at the top of src/ are the foundation: they import no layer.' }] },
  ...LAYERS.flatMap((layer, i) => {
    const above = LAYERS.slice(i + 1).flat();
    // Front ends (cli, bot) are separate programs: neither imports the other.
    const siblings = layer.length > 1 ? layer : [];
    return layer.map((folder) => ({ files: [`src/${folder}/**/*.ts`], patterns: [importsOf([...above, ...siblings.filter((s) => s !== folder)])] }));
  }),
]
  .filter((r) => r.patterns.length > 0)
  .map(({ files, patterns }) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } }));

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'coverage', 'dist'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  ...layerRules,
);
