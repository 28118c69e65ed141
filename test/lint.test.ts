/** The lint rule that keeps imports going down the pipeline catches an import that goes up. */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function restricted(file: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-imports');
}

describe('imports go down the pipeline only', () => {
  it.each([
    ['src/news/x.ts', "import type { Engine } from '../engine/types.js';\nexport type X = Engine;\n"],
    ['src/retrieval/x.ts', "import type { QuestionPlan } from '../plan/plan.js';\nexport type X = QuestionPlan;\n"],
    ['src/answer/kinds/x.ts', "import type { Engine } from '../../engine/types.js';\nexport type X = Engine;\n"],
    ['src/text/x.ts', "import type { Passage } from '../passages/buildPassages.js';\nexport type X = Passage;\n"],
    ['src/cli/x.ts', "import { BOT_HINTS } from '../bot/format/answer.js';\nexport const X = BOT_HINTS;\n"],
    ['src/ingest/x.ts', "import type { Engine } from '../engine/types.js';\nexport type X = Engine;\n"],
    ['src/articles/x.ts', "import type { BotContext } from '../bot/command.js';\nexport type X = BotContext;\n"],
  ])('%s importing up is an error', async (file, code) => {
    expect(await restricted(file, code)).toBe(true);
  });

  it.each([
    ['src/answer/x.ts', "import type { QuestionPlan } from '../plan/plan.js';\nexport type X = QuestionPlan;\n"],
    ['src/bot/x.ts', "import type { AnswerResult } from '../answer/types.js';\nexport type X = AnswerResult;\n"],
    ['src/ingest/x.ts', "import type { Passage } from '../passages/buildPassages.js';\nexport type X = Passage;\n"],
    ['src/articles/x.ts', "import type { Engine } from '../engine/types.js';\nexport type X = Engine;\n"],
  ])('%s importing down is allowed', async (file, code) => {
    expect(await restricted(file, code)).toBe(false);
  });
});
