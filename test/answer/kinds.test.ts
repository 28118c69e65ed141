import { describe, expect, it } from 'vitest';
import { ANSWER_KINDS } from '../../src/answer/kinds/index.js';
import type { PlanKind } from '../../src/plan/plan.js';

describe('answer kinds', () => {
  it('every plan kind has exactly one answer kind registered', () => {
    const planKinds: PlanKind[] = ['chat', 'coverage', 'clarify', 'refuse', 'whoSaid', 'statements', 'compare', 'fact'];
    expect(ANSWER_KINDS.map((k) => k.kind).sort()).toEqual([...planKinds].sort());
  });
});
